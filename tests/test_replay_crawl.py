"""End to end: the TTV spider walks the fixture site offline and writes the expected JSONL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.test_schema import SCHEMA

ROOT = Path(__file__).parent.parent
SITE = ROOT / "tests" / "fixtures" / "ttv" / "site"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "crawl", "ttv", "-a", f"replay={SITE}",
         "-s", f"NEWSCRAWL_OUTPUT_DIR={out}", "-s", "LOG_LEVEL=INFO"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    return done, out


def _lines(out: Path) -> list[str]:
    files = sorted((out / "ttv").glob("*.jsonl"))
    assert len(files) == 1, files
    return files[0].read_text(encoding="utf-8").splitlines()


def test_crawl_succeeds(crawl) -> None:  # noqa: ANN001
    done, _ = crawl
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr


def test_writes_expected_articles_once(crawl) -> None:  # noqa: ANN001
    _, out = crawl
    items = [json.loads(line) for line in _lines(out)]
    urls = [item["canonical_url"] for item in items]
    expected = json.loads((SITE / "expected_articles.json").read_text(encoding="utf-8"))
    assert sorted(urls) == sorted(expected["articles"])
    assert len(urls) == len(set(urls))


def test_every_line_is_valid_utf8_json(crawl) -> None:  # noqa: ANN001
    _, out = crawl
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for line in _lines(out):
        assert "\\u" not in line
        item = json.loads(line)
        assert not list(validator.iter_errors(item)), item["url"]


def test_stats_count_missing_pages_and_listing_walk(crawl) -> None:  # noqa: ANN001
    done, _ = crawl
    log = done.stderr
    assert "'newscrawl/replay/miss'" in log  # links without fixtures were answered 404, not crashed on
    assert "'newscrawl/http_error/404'" in log
    assert "'newscrawl/pages/listing'" in log


def test_run_leaves_summary_and_no_part_file(crawl) -> None:  # noqa: ANN001
    _, out = crawl
    assert not list((out / "ttv").glob("*.part"))
    summaries = list((out / "ttv").glob("*.summary.json"))
    assert len(summaries) == 1
    summary = json.loads(summaries[0].read_text(encoding="utf-8"))
    assert summary["items"]["written"] == 5
    assert summary["alarms"] == []
    assert summary["fill_rates"]["title"] == 1.0
    assert summary["http_status"]["404"] >= 1
    assert (out / "state" / "newscrawl.sqlite").is_file()
