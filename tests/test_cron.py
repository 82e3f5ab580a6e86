"""Cron-grade crawling against the local test site over real HTTP: only new articles, revisits,
backfills, kill -9 at several points, overlapping runs, and the layout-drift alarm."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newscrawl.extraction.dates import VN_TZ
from newscrawl.testsite.server import serve_in_thread

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parent.parent
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        "-s", "LOG_LEVEL=INFO"]


def crawl_cmd(base_url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newscrawl.cli", "crawl", "ttv", "-a", f"base_url={base_url}",
            "-s", f"NEWSCRAWL_OUTPUT_DIR={out}", *FAST, *extra]


def crawl(base_url: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(crawl_cmd(base_url, out, *extra), capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, timeout=300)


def admin(base_url: str, path: str, method: str = "GET") -> Any:
    request = urllib.request.Request(base_url + path, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def exports(out: Path) -> list[dict[str, Any]]:
    """Every item of every finished export file of the site, in file order."""
    items = []
    for path in sorted((out / "ttv").glob("*.jsonl")):
        items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return items


def summary(out: Path) -> dict[str, Any]:
    latest = max((out / "ttv").glob("*.summary.json"), key=lambda p: p.stat().st_mtime_ns)
    return json.loads(latest.read_text(encoding="utf-8"))


def site_urls(site: Any) -> set[str]:
    model = site.site
    return {site.base_url + model.article(i).path for i in range(model.count)}


def recent_anchor() -> datetime:
    """Publish times near the real clock, as a live site has them (the default anchor is fixed)."""
    return (datetime.now(VN_TZ) - timedelta(hours=3)).replace(second=0, microsecond=0)


def test_only_new_articles_across_runs(tmp_path: Path) -> None:
    with serve_in_thread(60, anchor=recent_anchor()) as site:
        first = crawl(site.base_url, tmp_path)
        assert first.returncode == 0, first.stderr[-2000:]
        assert sorted(i["canonical_url"] for i in exports(tmp_path)) == sorted(site_urls(site))
        first_stats = admin(site.base_url, "/_admin/stats")

        admin(site.base_url, "/_admin/reset-stats", "POST")
        second = crawl(site.base_url, tmp_path)
        assert second.returncode == 0, second.stderr[-2000:]
        unchanged = admin(site.base_url, "/_admin/stats")
        assert unchanged["article"] == 0
        assert unchanged["timelinelist"] == 0  # every zone stops on its first page
        assert unchanged["home"] == 1 and unchanged["rss"] == 1 and unchanged["category"] <= 6

        # 30 new: more than one listing page of the busiest zone, so its walk must go on to page 2
        published = admin(site.base_url, "/_admin/publish?count=30", "POST")["published"]
        admin(site.base_url, "/_admin/reset-stats", "POST")
        third = crawl(site.base_url, tmp_path)
        assert third.returncode == 0, third.stderr[-2000:]
        with_new = admin(site.base_url, "/_admin/stats")
        assert with_new["article"] == 30
    items = exports(tmp_path)
    assert sorted(i["canonical_url"] for i in items[60:]) == sorted(
        u if u.startswith("http") else site.base_url + u for u in published)
    assert len(items) == 90 == len({i["canonical_url"] for i in items})
    print(f"\nrequests: first run {sum(first_stats['status'].values())} ({first_stats['article']} articles), "
          f"unchanged re-run {sum(unchanged['status'].values())} ({unchanged['article']} articles), "
          f"30 new: {sum(with_new['status'].values())} ({with_new['article']} articles, "
          f"{with_new['timelinelist']} timelinelist pages)")


def test_revisit_emits_only_changed_articles(tmp_path: Path) -> None:
    anchor = (datetime.now(VN_TZ) - timedelta(minutes=5)).replace(second=0, microsecond=0)
    with serve_in_thread(20, anchor=anchor) as site:
        assert crawl(site.base_url, tmp_path).returncode == 0
        admin(site.base_url, "/_admin/edit?index=19", "POST")
        admin(site.base_url, "/_admin/reset-stats", "POST")
        done = crawl(site.base_url, tmp_path, "-a", "revisit=2")
        assert done.returncode == 0, done.stderr[-2000:]
        revisited = admin(site.base_url, "/_admin/stats")["article"]
    items = exports(tmp_path)
    assert len(items) == 21
    updated = items[-1]
    first = next(i for i in items if i["canonical_url"] == updated["canonical_url"])
    assert first is not updated and first["content_hash"] != updated["content_hash"]
    assert updated["modified_at"] != first["modified_at"]
    assert summary(tmp_path)["items"]["updated"] == 1
    assert revisited == 8  # the articles of the last 2 hours, 15 minutes apart


def test_backfill_window_reads_the_sitemap(tmp_path: Path) -> None:
    with serve_in_thread(100) as site:
        model = site.site
        since = model.published(60)
        done = crawl(site.base_url, tmp_path, "-a", f"since={since.isoformat()}")
        assert done.returncode == 0, done.stderr[-2000:]
        stats = admin(site.base_url, "/_admin/stats")
    got = {i["canonical_url"] for i in exports(tmp_path)}
    want = {site.base_url + model.article(i).path for i in range(model.count) if model.published(i) >= since}
    assert got == want
    assert stats["sitemap"] >= 2  # the index and at least one shard


def _lines_of_new_part(out: Path, before: set[Path]) -> int | None:
    """Lines in the running crawl's own .part (older leftovers are being recovered and renamed)."""
    for part in (out / "ttv").glob("*.jsonl.part"):
        if part not in before:
            try:
                return part.read_bytes().count(b"\n")
            except FileNotFoundError:
                return None
    return None


def _kill_when(proc: subprocess.Popen[bytes], out: Path, before: set[Path], lines: int,
               timeout: float = 60) -> int:
    """SIGKILL the crawl once its own export holds *lines* lines (0: as soon as it has one)."""
    deadline = time.monotonic() + timeout
    written = -1
    while time.monotonic() < deadline and proc.poll() is None:
        written = _lines_of_new_part(out, before) or 0
        if written >= lines and _lines_of_new_part(out, before) is not None:
            break
        time.sleep(0.01)
    if proc.poll() is not None:
        raise AssertionError(f"the crawl ended (code {proc.returncode}) before {lines} lines were written")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return written


@pytest.mark.parametrize("kill_points", [(0, 1, 15, 40, 70)])  # lines written when killed
def test_kill9_at_several_points_loses_and_duplicates_nothing(tmp_path: Path, kill_points: tuple[int, ...]
                                                              ) -> None:
    with serve_in_thread(200, faults="slow=25") as site:
        slow = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "NEWSCRAWL_COMMIT_EVERY=10"]
        trials = []
        for point in kill_points:
            before = set((tmp_path / "ttv").glob("*.jsonl.part"))
            proc = subprocess.Popen(crawl_cmd(site.base_url, tmp_path, *slow), cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                trials.append(_kill_when(proc, tmp_path, before, point))
            finally:
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
        final = crawl(site.base_url, tmp_path, *slow)
        assert final.returncode == 0, final.stderr[-2000:]
        wanted = site_urls(site)
    counts = Counter(i["canonical_url"] for i in exports(tmp_path))
    assert set(counts) == wanted
    assert max(counts.values()) == 1
    assert not list((tmp_path / "ttv").glob("*.part"))
    print(f"\nkill -9 trials: killed with {trials} lines written; final run recovered "
          f"{summary(tmp_path)['recovered']}; {len(counts)} articles exactly once")


def test_overlapping_run_is_refused_and_a_dead_lock_frees_itself(tmp_path: Path) -> None:
    with serve_in_thread(80, faults="slow=50") as site:
        first = subprocess.Popen(crawl_cmd(site.base_url, tmp_path, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
                                 cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lock = tmp_path / "state" / "ttv.lock"
        deadline = time.monotonic() + 30
        while not (lock.is_file() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = crawl(site.base_url, tmp_path)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        assert second.returncode == 75
        assert "already running" in second.stderr and len(second.stderr.strip().splitlines()) == 1
        third = crawl(site.base_url, tmp_path)
        assert third.returncode == 0, third.stderr[-2000:]


def test_truncated_pages_are_retried_then_dropped_with_a_reason(tmp_path: Path) -> None:
    with serve_in_thread(40, faults="truncate-rate=1.0") as site:
        done = crawl(site.base_url, tmp_path)
    assert done.returncode == 3  # no items from article pages: an alarm, not silence
    report = summary(tmp_path)
    assert report["dropped"]["truncated"] == 40
    assert exports(tmp_path) == []


def test_server_errors_raise_the_error_rate_alarm(tmp_path: Path) -> None:
    with serve_in_thread(30, faults="error-rate=0.5") as site:
        done = crawl(site.base_url, tmp_path, "-s", "RETRY_TIMES=0")
    assert done.returncode == 3
    assert "error_rate" in summary(tmp_path)["alarms"]


def test_drift_in_dates_fails_the_run_with_the_reason(tmp_path: Path) -> None:
    with serve_in_thread(20, faults="drift-dates") as site:
        done = crawl(site.base_url, tmp_path)
    assert done.returncode == 3
    assert "low_fill/published_at" in done.stderr
    report = summary(tmp_path)
    assert "low_fill/published_at" in report["alarms"]
    assert report["fill_rates"]["published_at"] == 0.0


def test_robots_crawl_delay_is_honoured(tmp_path: Path) -> None:
    with serve_in_thread(3, faults="crawl-delay=0.5") as site:
        started = time.monotonic()
        done = crawl(site.base_url, tmp_path, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s",
                     "RANDOMIZE_DOWNLOAD_DELAY=False")
        elapsed = time.monotonic() - started
        requests = sum(admin(site.base_url, "/_admin/stats")["status"].values())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "'newscrawl/crawl_delay/127.0.0.1': 0.5" in done.stderr
    assert elapsed >= (requests - 2) * 0.5  # every request after robots.txt waited its turn


def test_unreachable_site_raises_an_alarm(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = crawl(f"http://127.0.0.1:{port}", tmp_path, "-s", "RETRY_TIMES=0")
    assert done.returncode == 3
    assert "no_listing_pages" in summary(tmp_path)["alarms"]
