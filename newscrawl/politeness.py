"""CrawlDelay: honour robots.txt ``Crawl-delay`` (Scrapy parses it but does not apply it).

The delay becomes a floor under the domain's download-slot delay, re-applied after AutoThrottle
adjusts the slot on each response. Capped by NEWSCRAWL_MAX_CRAWL_DELAY (120 s, as Common Crawl).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class CrawlDelay:
    def __init__(self, crawler: Crawler, cap: float) -> None:
        self.crawler = crawler
        self.cap = cap
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("NEWSCRAWL_MAX_CRAWL_DELAY", 120.0))
        crawler.signals.connect(ext.robots_parsed, signal=signals.robots_parsed)
        # connected after AutoThrottle (lower extension priority), so this runs after its adjustment
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        user_agent = self.crawler.settings.get("USER_AGENT") or "*"
        delay = robotparser.crawl_delay(user_agent)
        if delay:
            host = urlparse_cached(request).hostname or ""
            self.delays[host] = min(float(delay), self.cap)
            self.crawler.stats.set_value(f"newscrawl/crawl_delay/{host}", self.delays[host])  # type: ignore[union-attr]
            logger.info("robots.txt of %s asks for Crawl-delay %s s", host, delay)
            self.apply(request)

    def response_downloaded(self, response: Any, request: Request, spider: Any = None) -> None:
        self.apply(request)

    def apply(self, request: Request) -> None:
        delay = self.delays.get(urlparse_cached(request).hostname or "")
        engine = self.crawler.engine
        if not delay or engine is None:
            return
        slot = engine.downloader.slots.get(engine.downloader.get_slot_key(request))
        if slot is not None and slot.delay < delay:
            slot.delay = delay
