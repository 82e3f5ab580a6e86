"""Frontier: which listing entries to fetch and when a listing stream stops (incremental crawling).

Rules (shared/sites/truyenhinhthanhhoa.md §11, README "Incremental crawls"):

* An entry already in the seen-store is never fetched again (revisits come from the store instead).
* A stream (one zone, a feed, the home page) stops paging after ``stop_after`` consecutive *settled*
  entries: seen by a run that completed cleanly, or published before ``since`` minus the margin. Entries
  first seen by a killed run are not settled, so a resumed crawl walks on below them.
* Entries published before an explicit ``since`` or after ``until`` are not fetched. The VCCorp id time
  is a lower bound of the publish time: an id time after the cutoff proves an entry new, an old id time
  proves nothing, so it never stops a walk.
* A page cap bounds every stream.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newscrawl.state import article_key

if TYPE_CHECKING:
    from newscrawl.sites.base import ListingEntry
    from newscrawl.state import StateStore


@dataclass(slots=True)
class Stream:
    name: str
    pages: int = 0
    settled_run: int = 0
    stopped: str | None = None


@dataclass(slots=True)
class Decision:
    fetch: list[ListingEntry] = field(default_factory=list)
    skipped_seen: int = 0
    skipped_window: int = 0
    stop: str | None = None


class Frontier:
    """Per-run decisions over listing entries; state lives in the StateStore, not here."""

    def __init__(self, store: StateStore | None, site: str, *, cutoff: datetime | None,
                 settled_before: datetime | None, until: datetime | None, stop_after: int,
                 explicit_since: bool) -> None:
        self.store = store
        self.site = site
        self.cutoff = cutoff
        self.settled_before = settled_before
        self.until = until
        self.stop_after = stop_after
        self.explicit_since = explicit_since
        self.streams: dict[str, Stream] = {}

    @classmethod
    def build(cls, store: StateStore | None, site: str, *, since: datetime | None, until: datetime | None,
              margin: timedelta, stop_after: int) -> Frontier:
        """``since`` given: a backfill window. Otherwise the last clean run's start minus the margin."""
        last = store.last_success(site) if store else None
        cutoff = since if since else (last[0] - margin if last else None)
        return cls(store, site, cutoff=cutoff, settled_before=last[1] if last else None, until=until,
                   stop_after=stop_after, explicit_since=since is not None)

    def stream(self, name: str) -> Stream:
        return self.streams.setdefault(name, Stream(name))

    def decide(self, stream_name: str, entries: list[ListingEntry]) -> Decision:
        """What to fetch from one listing page, and whether its stream stops here."""
        stream = self.stream(stream_name)
        stream.pages += 1
        keys = [article_key(e.article_id, e.url) for e in entries]
        seen = self.store.seen_keys(self.site, keys) if self.store else set()
        settled = (self.store.settled_keys(self.site, keys, self.settled_before)
                   if self.store and self.settled_before else set())
        decision = Decision()
        all_old = all_settled = bool(entries)
        for entry, key in zip(entries, keys, strict=True):
            old = self._older_than_cutoff(entry)
            all_old = all_old and old
            all_settled = all_settled and (key in settled or old)
            stream.settled_run = stream.settled_run + 1 if (key in settled or old) else 0
            if key in seen:
                decision.skipped_seen += 1
            elif (old and self.explicit_since) or self._newer_than_until(entry):
                decision.skipped_window += 1
            else:
                decision.fetch.append(entry)
            if stream.settled_run >= self.stop_after and not decision.stop:
                decision.stop = "settled"
        if not entries:
            decision.stop = "empty"
        elif all_old and self.cutoff is not None:
            decision.stop = decision.stop or "older_than_since"
        elif all_settled:
            decision.stop = decision.stop or "settled"
        stream.stopped = decision.stop
        return decision

    def _older_than_cutoff(self, entry: ListingEntry) -> bool:
        """Only a printed publish time can make an entry old; an id time never does."""
        if self.cutoff is None or not entry.published_at:
            return False
        return datetime.fromisoformat(entry.published_at) < self.cutoff

    def _newer_than_until(self, entry: ListingEntry) -> bool:
        if self.until is None or not entry.published_at:
            return False
        return datetime.fromisoformat(entry.published_at) > self.until
