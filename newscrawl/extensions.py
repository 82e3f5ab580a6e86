"""RunState: the cron-grade half of a crawl — run lock, leftover recovery, durable seen-marking,
per-field fill rates, the run summary and the layout-drift alarms."""

from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.feeds import DurableFeedStorage, feed_file_opened, leftover_parts, recover_part
from newscrawl.sites import SITES
from newscrawl.state import SeenRecord, StateStore, acquire_lock, article_key, release_lock

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
FILL_FIELDS = ("title", "published_at", "authors", "lede", "body", "body_or_lede")
DEFAULT_THRESHOLDS = {"title": 0.95, "published_at": 0.8, "body_or_lede": 0.9}
_stores: dict[str, StateStore] = {}


def state_path(settings: Any) -> Path:
    """NEWSCRAWL_STATE, else ``<NEWSCRAWL_OUTPUT_DIR>/state/newscrawl.sqlite``."""
    configured = settings.get("NEWSCRAWL_STATE")
    return Path(configured) if configured else Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output") / \
        "state" / "newscrawl.sqlite"


def open_store(settings: Any) -> StateStore:
    """The process's store for the configured path (spider, pipelines and extension share it)."""
    key = str(state_path(settings).resolve())
    if key not in _stores:
        _stores[key] = StateStore(key)
    return _stores[key]


def lock_path(settings: Any, site: str) -> Path:
    return state_path(settings).parent / f"{site}.lock"


def seen_record(item: Any) -> SeenRecord:
    adapter = ItemAdapter(item)
    canonical = adapter.get("canonical_url") or adapter.get("url")
    return SeenRecord(site=adapter.get("site"), article_key=article_key(adapter.get("article_id"), canonical),
                      canonical_url=canonical, published_at=adapter.get("published_at"),
                      content_hash=adapter.get("content_hash"))


class RunState:
    """Extension; off with ``NEWSCRAWL_STATE_ENABLED = False``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats
        self.store = open_store(self.settings)
        self.commit_every = self.settings.getint("NEWSCRAWL_COMMIT_EVERY", 20)
        self.pending: list[SeenRecord] = []
        self.sinks: list[DurableFeedStorage] = []
        self.fill: Counter[str] = Counter()
        self.started = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunState:
        if not crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
            raise NotConfigured("NEWSCRAWL_STATE_ENABLED is off")
        ext = cls(crawler)
        if crawler.spider is not None:  # refuse before anything is opened; frees itself if we die
            acquire_lock(lock_path(crawler.settings, ext.site_key(crawler.spider)))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.feed_opened, signal=feed_file_opened)
        return ext

    def site_key(self, spider: Spider) -> str:
        return getattr(spider, "site_key", spider.name)

    def spider_opened(self, spider: Spider) -> None:
        self.store.start_run(self.site_key(spider), getattr(spider, "run_id", ""), self.started)
        self.recover(spider)

    def feed_opened(self, storage: DurableFeedStorage) -> None:
        self.sinks.append(storage)

    def recover(self, spider: Spider) -> None:
        """Mark the items of leftover ``.part`` files (a killed run's output) as seen and close them."""
        folder = Path(self.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output") / spider.name
        own = {sink.part for sink in self.sinks}
        for part in leftover_parts(folder):
            if part in own or part.name.startswith(f"{getattr(spider, 'run_id', None)}."):
                continue
            records = [seen_record(item) for item in recover_part(part)]
            self.store.mark_seen(records, "recovered", datetime.now(UTC))
            self.stats.inc_value("newscrawl/recovery/files")  # type: ignore[union-attr]
            self.stats.inc_value("newscrawl/recovery/items", len(records))  # type: ignore[union-attr]
            logger.warning("recovered %d items from %s", len(records), part)

    def item_scraped(self, item: Any, spider: Spider) -> None:
        self.pending.append(seen_record(item))
        self.count_fill(ItemAdapter(item))
        if len(self.pending) >= self.commit_every:
            self.commit()

    def count_fill(self, adapter: ItemAdapter) -> None:
        self.fill["items"] += 1
        for name in ("title", "authors", "lede", "body"):
            self.fill[name] += bool(adapter.get(name))
        # a time guessed from the id's draft time is not a date the page gave us
        self.fill["published_at"] += bool(adapter.get("published_at")) and \
            adapter.get("published_at_precision") != "id_time"
        self.fill["body_or_lede"] += bool(adapter.get("body") or adapter.get("lede"))
        images = adapter.get("images") or []
        self.fill["images"] += len(images)
        self.fill["captions"] += sum(1 for image in images if ItemAdapter(image).get("caption"))

    def commit(self) -> None:
        """fsync the export, then mark its items seen: never seen-before-durable."""
        for sink in self.sinks:
            sink.sync()
        self.store.mark_seen(self.pending, "", datetime.now(UTC))
        self.pending.clear()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.commit()  # the feed was fsynced by DurableFeedStorage.store() if already closed
        alarms = self.alarms(spider)
        for alarm in alarms:
            self.stats.inc_value(f"newscrawl/alarm/{alarm}")  # type: ignore[union-attr]
        status = "ok" if reason == "finished" and not alarms else f"{reason}{'+alarm' if alarms else ''}"
        self.store.finish_run(self.site_key(spider), getattr(spider, "run_id", ""), datetime.now(UTC), status,
                              self.fill["items"])
        self.write_summary(spider, reason, alarms)
        release_lock(lock_path(self.settings, self.site_key(spider)))

    def fill_rates(self) -> dict[str, float | None]:
        items = self.fill["items"]
        rates: dict[str, float | None] = {f: round(self.fill[f] / items, 4) if items else None for f in FILL_FIELDS}
        images = self.fill["images"]
        rates["captions"] = round(self.fill["captions"] / images, 4) if images else None
        return rates

    def alarms(self, spider: Spider) -> list[str]:
        """Layout-drift alarms: low fill rates, listings with no entries, articles with no items."""
        stats = self.stats.get_stats()  # type: ignore[union-attr]
        found = []
        listing_pages = stats.get("newscrawl/pages/listing", 0) + stats.get("newscrawl/pages/feed", 0)
        entries = stats.get("newscrawl/listing/entries", 0) + stats.get("newscrawl/feed/entries", 0)
        if not listing_pages:
            found.append("no_listing_pages")  # the site is down, moved, or blocks us
        elif not entries:
            found.append("no_listing_entries")
        if stats.get("newscrawl/pages/article", 0) and not self.fill["items"]:
            found.append("no_items")
        failed = ("newscrawl/http_error/5", "newscrawl/request_error/")
        errors = sum(v for k, v in stats.items() if k.startswith(failed))
        fetched = stats.get("downloader/response_count", 0) + stats.get("downloader/exception_count", 0)
        if fetched and errors / fetched > self.settings.getfloat("NEWSCRAWL_ALARM_MAX_ERROR_RATE", 0.2):
            found.append("error_rate")
        site = SITES.get(self.site_key(spider))
        thresholds = {**DEFAULT_THRESHOLDS, **(site.fill_thresholds if site else {})}
        if self.fill["items"] >= self.settings.getint("NEWSCRAWL_ALARM_MIN_ITEMS", 3):
            rates = self.fill_rates()
            found += [f"low_fill/{name}" for name, floor in thresholds.items()
                      if (rates.get(name) or 0.0) < floor]
        return found

    def write_summary(self, spider: Spider, reason: str, alarms: list[str]) -> None:
        stats = self.stats.get_stats()  # type: ignore[union-attr]
        folder = Path(self.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output") / spider.name
        folder.mkdir(parents=True, exist_ok=True)
        summary = build_summary(stats, spider, reason, alarms, self.fill_rates(), self.fill["items"])
        summary["export"] = [str(s.path) for s in self.sinks]
        path = folder / f"{getattr(spider, 'run_id', 'run')}.summary.json"
        path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
        self.stats.set_value("newscrawl/summary_path", str(path))  # type: ignore[union-attr]


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


def build_summary(stats: dict[str, Any], spider: Spider, reason: str, alarms: list[str],
                  rates: dict[str, float | None], items: int) -> dict[str, Any]:
    """The run summary written beside the export (see README, "Run summary")."""
    return {
        "site": getattr(spider, "site_key", spider.name), "spider": spider.name,
        "run_id": getattr(spider, "run_id", None), "finish_reason": reason,
        "started_at": stats.get("start_time"), "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "pages": _prefixed(stats, "newscrawl/pages/"),
        "requests": stats.get("downloader/request_count", 0),
        "items": {"written": items, "new": stats.get("newscrawl/items/new", 0),
                  "updated": stats.get("newscrawl/items/updated", 0),
                  "skipped_seen": stats.get("newscrawl/incremental/skipped_seen", 0)},
        "dropped": _prefixed(stats, "newscrawl/dropped/"),
        "http_status": _prefixed(stats, "downloader/response_status_count/"),
        "errors": {**_prefixed(stats, "newscrawl/extract_error/"), **_prefixed(stats, "newscrawl/request_error/")},
        "fill_rates": rates, "alarms": alarms, "recovered": _prefixed(stats, "newscrawl/recovery/"),
        "stop_reasons": _prefixed(stats, "newscrawl/stop/"),
    }
