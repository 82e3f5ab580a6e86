"""Frontier: incremental fetch decisions and per-stream stop rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.extraction.dates import VN_TZ
from newscrawl.sites.base import ListingEntry
from newscrawl.spiders.frontier import Frontier
from newscrawl.state import SeenRecord, StateStore

RUN_START = datetime(2026, 1, 4, 12, 0, tzinfo=UTC)
RUN_END = RUN_START + timedelta(minutes=10)


def entry(n: int, published: str | None = None) -> ListingEntry:
    return ListingEntry(url=f"https://truyenhinhthanhhoa.vn/a-{n}.htm", article_id=str(n), published_at=published)


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    store = StateStore(tmp_path / "s.sqlite")
    store.start_run("ttv", "r1", RUN_START)
    store.mark_seen([SeenRecord("ttv", str(n), f"u{n}", None, None) for n in range(1, 21)], "r1",
                    RUN_START + timedelta(minutes=1))
    store.finish_run("ttv", "r1", RUN_END, "ok", 20)
    return store


def frontier(store: StateStore | None, **kw: object) -> Frontier:
    options: dict[str, object] = {"since": None, "until": None, "margin": timedelta(hours=48), "stop_after": 5}
    options.update(kw)
    return Frontier.build(store, "ttv", **options)  # type: ignore[arg-type]


def test_first_run_fetches_everything_and_walks_on() -> None:
    decision = frontier(None).decide("zone", [entry(n) for n in range(1, 11)])
    assert [e.article_id for e in decision.fetch] == [str(n) for n in range(1, 11)]
    assert decision.stop is None


def test_unchanged_site_fetches_nothing_and_stops_on_page_one(store: StateStore) -> None:
    decision = frontier(store).decide("zone", [entry(n) for n in range(1, 11)])
    assert decision.fetch == [] and decision.skipped_seen == 10
    assert decision.stop == "settled"


def test_new_articles_on_top_are_fetched_then_the_stream_stops(store: StateStore) -> None:
    entries = [entry(n) for n in (101, 102, 103)] + [entry(n) for n in range(1, 8)]
    decision = frontier(store).decide("zone", entries)
    assert [e.article_id for e in decision.fetch] == ["101", "102", "103"]
    assert decision.stop == "settled"


def test_short_page_entirely_settled_stops(store: StateStore) -> None:
    assert frontier(store).decide("zone", [entry(1), entry(2)]).stop == "settled"


def test_items_first_seen_by_a_killed_run_do_not_stop_the_walk(store: StateStore) -> None:
    store.mark_seen([SeenRecord("ttv", str(n), f"u{n}", None, None) for n in range(50, 60)], "killed",
                    RUN_END + timedelta(hours=1))
    decision = frontier(store).decide("zone", [entry(n) for n in range(50, 60)])
    assert decision.fetch == []  # seen: never fetched twice
    assert decision.stop is None  # but not settled: the older pages may hold unfetched articles


def test_empty_page_stops() -> None:
    assert frontier(None).decide("zone", []).stop == "empty"


def test_page_older_than_last_run_minus_margin_stops(store: StateStore) -> None:
    old = (RUN_START - timedelta(days=3)).astimezone(VN_TZ).isoformat()
    decision = frontier(store).decide("zone", [entry(n, old) for n in (201, 202)])
    assert decision.stop == "older_than_since"
    assert len(decision.fetch) == 2  # unseen and only just old: incremental mode still fetches them


def test_explicit_since_and_until_window(store: StateStore) -> None:
    since = datetime(2025, 6, 1, tzinfo=VN_TZ)
    until = datetime(2025, 6, 30, 23, 59, tzinfo=VN_TZ)
    f = frontier(store, since=since, until=until)
    entries = [entry(301, "2025-07-02T10:00:00+07:00"), entry(302, "2025-06-15T10:00:00+07:00"),
               entry(303, "2025-05-20T10:00:00+07:00")]
    decision = f.decide("zone", entries)
    assert [e.article_id for e in decision.fetch] == ["302"]
    assert decision.skipped_window == 2


def test_old_id_time_never_stops_a_walk(store: StateStore) -> None:
    # an id drafted long ago, no printed time: could be published today
    decision = frontier(store).decide("zone", [entry(180200101000000000)])
    assert decision.stop is None and len(decision.fetch) == 1
