"""StateStore (SQLite) and the run lock."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.state import LockedError, SeenRecord, StateStore, acquire_lock, article_key, release_lock

T0 = datetime(2026, 1, 4, 14, 0, tzinfo=UTC)


def rec(key: str, content: str = "a" * 40, site: str = "ttv") -> SeenRecord:
    return SeenRecord(site, key, f"https://truyenhinhthanhhoa.vn/x-{key}.htm", "2026-01-04T20:00:00+07:00", content)


def test_seen_keys_are_per_site_and_survive_reopen(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.mark_seen([rec("1"), rec("2")], "run1", T0)
    store.close()
    store = StateStore(tmp_path / "s.sqlite")
    assert store.seen_keys("ttv", ["1", "2", "3"]) == {"1", "2"}
    assert store.seen_keys("vtv", ["1"]) == set()
    assert store.count("ttv") == 2


def test_mark_seen_again_keeps_first_seen_and_updates_hash(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.mark_seen([rec("1", "a" * 40)], "run1", T0)
    store.mark_seen([rec("1", "b" * 40)], "run2", T0 + timedelta(hours=1))
    assert store.stored_hash("ttv", "1") == "b" * 40
    assert store.settled_keys("ttv", ["1"], T0) == {"1"}  # first_seen stayed at T0


def test_settled_means_first_seen_before_the_clean_run_ended(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.mark_seen([rec("old")], "run1", T0)
    store.mark_seen([rec("new")], "run2", T0 + timedelta(hours=2))
    assert store.settled_keys("ttv", ["old", "new"], T0 + timedelta(hours=1)) == {"old"}


def test_last_success_ignores_failed_and_alarmed_runs(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    assert store.last_success("ttv") is None
    store.start_run("ttv", "r1", T0)
    store.finish_run("ttv", "r1", T0 + timedelta(minutes=5), "ok", 10)
    store.start_run("ttv", "r2", T0 + timedelta(hours=1))
    store.finish_run("ttv", "r2", T0 + timedelta(hours=1, minutes=5), "finished+alarm", 0)
    store.start_run("ttv", "r3", T0 + timedelta(hours=2))  # killed: never finished
    assert store.last_success("ttv") == (T0, T0 + timedelta(minutes=5))


def test_hash_owner_finds_the_same_text_under_another_url(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.mark_seen([rec("1", "c" * 40)], "run1", T0)
    assert store.hash_owner("c" * 40, "https://vtv.vn/other.htm") == "https://truyenhinhthanhhoa.vn/x-1.htm"
    assert store.hash_owner("c" * 40, "https://truyenhinhthanhhoa.vn/x-1.htm") is None


def test_article_key_falls_back_to_url() -> None:
    assert article_key("180240410172955066", "https://x/a.htm") == "180240410172955066"
    assert article_key(None, "https://x/a.htm") == "url:https://x/a.htm"


def test_lock_refuses_a_second_process_and_frees_itself(tmp_path: Path) -> None:
    lock = tmp_path / "ttv.lock"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from newscrawl.state import acquire_lock; "
        f"acquire_lock({str(lock)!r}); print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match="already running"):
            acquire_lock(lock)
    finally:
        holder.kill()  # dies without releasing: the kernel frees the flock
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    acquire_lock(lock)
    acquire_lock(lock)  # re-entrant within a process
    release_lock(lock)


def test_run_ids_of_the_same_second_sort_in_run_order(tmp_path: Path) -> None:
    from newscrawl.feeds import unique_run_id

    now = datetime(2025, 8, 16, 13, 18, tzinfo=UTC)
    names = []
    for _ in range(3):
        run = unique_run_id(tmp_path, now)
        (tmp_path / f"{run}.jsonl").write_text("")
        names.append(f"{run}.jsonl")
    assert names[0] == "2025-08-16T201800.jsonl"
    assert sorted(names) == names
