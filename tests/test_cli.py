"""The newscrawl console script: extract, and clear one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.casekit import discover, run_case

ROOT = Path(__file__).parent.parent
ARTICLES = [c for c in discover() if c.kind == "article"]


def newscrawl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscrawl.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in ARTICLES])
def test_extract_prints_the_spider_item(case, tmp_path: Path) -> None:  # noqa: ANN001
    page = next(p for p in case.folder.iterdir() if p.name.startswith("page."))
    done = newscrawl("extract", str(page), "--url", case.meta["url"], "--now", case.meta["fetched_at"])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == run_case(case)
    assert "\\u" not in lines[0]  # UTF-8, not escapes


@pytest.mark.parametrize(("args", "code", "message"), [
    (("extract", "tests/fixtures/nope.html", "--url", "https://truyenhinhthanhhoa.vn/a-1808387881.htm"), 1,
     "cannot read"),
    (("crawl", "generic"), 2, "start_url=URL is required"),
    (("extract", "README.md", "--url", "truyenhinhthanhhoa.vn/a.htm"), 2, "not an http(s) URL"),
    (("extract", "README.md", "--url", "https://vtv.vn/a.htm", "--now", "yesterday"), 2, "not an ISO-8601"),
    (("extract", "README.md"), 2, "--url"),
    (("crawl", "nosuchsite"), 2, "unknown site 'nosuchsite'"),
    (("crawl", "ttv", "-a", "relay=x"), 2, "unknown spider argument 'relay'"),
    (("crawl", "ttv", "-a", "replay=/nonexistent"), 2, "no pages.json"),
    (("crawl", "ttv", "-a", "base_url=ftp://x"), 2, "base_url="),
    (("crawl", "ttv", "-a", "max_pages=-3"), 2, "max_pages="),
    (("crawl", "ttv", "-a", "max_pages"), 2, "NAME=VALUE"),
    (("frobnicate",), 2, "invalid choice"),
])
def test_bad_input_is_one_clear_line(args: tuple[str, ...], code: int, message: str) -> None:
    done = newscrawl(*args)
    assert done.returncode == code
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_extract_unknown_domain_uses_the_generic_extractor(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Tin A - Báo X</title></head><body><article><h1>Tin A</h1>"
                    "<p>Đoạn một của bài viết khá dài để có nội dung.</p><p>Đoạn hai.</p></article></body></html>",
                    encoding="utf-8")
    done = newscrawl("extract", str(page), "--url", "https://example.vn/tin-a-123456.html")
    assert done.returncode == 0, done.stderr
    item = json.loads(done.stdout)
    assert (item["site"], item["extraction"], item["title"]) == ("generic", "generic", "Tin A")
