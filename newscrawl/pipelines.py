"""Pipelines decide what is kept: validation, deduplication (in the run and across runs), content
duplicates flagged. Stats: ``newscrawl/dropped/<reason>``, ``newscrawl/items/<new|updated|duplicate_of>``."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newscrawl.state import article_key

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from newscrawl.state import StateStore


class _StatsPipeline:
    def __init__(self, stats: StatsCollector, store: StateStore | None = None) -> None:
        self.stats = stats
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        from newscrawl.extensions import open_store

        enabled = crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED", True)
        return cls(crawler.stats, open_store(crawler.settings) if enabled else None)  # type: ignore[arg-type]

    def drop(self, reason: str, message: str, level: str = "WARNING") -> DropItem:
        self.stats.inc_value(f"newscrawl/dropped/{reason}")
        return DropItem(f"{reason}: {message}", log_level=level)


class ValidatePipeline(_StatsPipeline):
    """Drop items that are not articles: no URL, no title, or neither body nor lede."""

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter.get("url")
        if not url:
            raise self.drop("no_url", "item without url")
        if not adapter.get("title"):
            raise self.drop("no_title", url)
        if not adapter.get("body") and not adapter.get("lede"):
            raise self.drop("no_text", url)
        self.stats.inc_value("newscrawl/items/valid")
        return item


class DedupPipeline(_StatsPipeline):
    """Drop repeats: within the run (canonical URL, ``(site, article_id)``) and across runs (the
    seen-store), except a seen article whose content changed, which is emitted as an update.

    In-run keys are 8-byte digests, so 50,000 articles cost a few MB.
    """

    def __init__(self, stats: StatsCollector, store: StateStore | None = None) -> None:
        super().__init__(stats, store)
        self.seen: set[bytes] = set()

    @staticmethod
    def keys(adapter: ItemAdapter) -> list[bytes]:
        raw = [f"url\0{adapter.get('canonical_url') or adapter.get('url')}"]
        if adapter.get("article_id"):
            raw.append(f"id\0{adapter.get('site')}\0{adapter.get('article_id')}")
        return [hashlib.blake2b(k.encode("utf-8"), digest_size=8).digest() for k in raw]

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        keys = self.keys(adapter)
        url = str(adapter.get("canonical_url") or adapter.get("url"))
        if any(key in self.seen for key in keys):
            raise self.drop("duplicate", url, "INFO")
        self.seen.update(keys)
        if self.store is None:
            return item
        site, key = adapter.get("site"), article_key(adapter.get("article_id"), url)
        if not self.store.seen_keys(site, [key]):
            self.stats.inc_value("newscrawl/items/new")
        elif self.store.stored_hash(site, key) == adapter.get("content_hash"):
            raise self.drop("already_seen", url, "INFO")
        else:
            self.stats.inc_value("newscrawl/items/updated")
        return item


class ContentDuplicatePipeline(_StatsPipeline):
    """Flag syndicated copies (same content_hash under another URL) with ``duplicate_of``; keep them.

    Committed items are found in the seen-store; a bounded map covers the ones not yet committed.
    """

    RECENT = 4096

    def __init__(self, stats: StatsCollector, store: StateStore | None = None) -> None:
        super().__init__(stats, store)
        self.owners: OrderedDict[bytes, str] = OrderedDict()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        content = adapter.get("content_hash")
        if not content:
            return item
        url = str(adapter.get("canonical_url") or adapter.get("url"))
        digest = bytes.fromhex(content)[:8]
        owner = self.owners.setdefault(digest, url)
        self.owners.move_to_end(digest)
        if len(self.owners) > self.RECENT:
            self.owners.popitem(last=False)
        if owner == url and self.store is not None:
            owner = self.store.hash_owner(content, url) or url
        if owner != url:
            adapter["duplicate_of"] = owner
            self.stats.inc_value("newscrawl/items/duplicate_of")
        return item
