"""NewsSpider: walks a site's home page, feeds, categories and listing pages to its articles.

The spider decides *what to fetch*; the site module (``newscrawl.sites``) decides what a page means.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import TextResponse

from newscrawl.extraction.dates import DateParser
from newscrawl.extraction.page import Page, strip_query
from newscrawl.extraction.rss import parse_feed
from newscrawl.feeds import run_id
from newscrawl.sites import get_site
from newscrawl.spiders.args import SpiderArgs

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newscrawl.sites.base import ListingEntry

ARG_PRIORITY = 50  # above command-line settings (40): an -a argument wins over -s
XHR_HEADERS = {"X-Requested-With": "XMLHttpRequest"}


class NewsSpider(scrapy.Spider):
    """One spider per registered site; ``site_key`` picks the site module."""

    site_key: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = SpiderArgs.parse(kwargs)
        super().__init__(*args)
        self.site = get_site(self.site_key)
        self.base_url = (self.args.base_url or self.site.base_url).rstrip("/")
        hosts = {urlsplit(self.base_url).hostname or "", *self.site.domains}
        self.allowed_domains = sorted(h for h in hosts if h)
        self.run_id = run_id()
        self.dates = DateParser(datetime.now(UTC))

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.args.apply(crawler.settings, ARG_PRIORITY)
        return spider

    @property
    def max_pages(self) -> int:
        return self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES")

    def stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"newscrawl/{key}", count)  # type: ignore[union-attr]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for path in self.site.start_paths:
            yield scrapy.Request(self.base_url + path, callback=self.parse_listing, errback=self.on_error,
                                 cb_kwargs={"page_no": 1})
        for path in self.site.feed_paths:
            yield scrapy.Request(self.base_url + path, callback=self.parse_feed, errback=self.on_error)

    def page(self, response: scrapy.http.Response) -> Page | None:
        if not isinstance(response, TextResponse):
            self.stat("skipped/not_text")
            return None
        return Page(response.url, response.selector, datetime.now(UTC))

    def parse_listing(self, response: scrapy.http.Response, page_no: int = 1) -> Iterator[scrapy.Request]:
        page = self.page(response)
        if page is None:
            return
        parser = self.site.listing_parser(self.site, page, self.dates)
        listing = parser.parse()
        self.stat("listing/pages")
        self.stat("listing/entries", len(listing.entries))
        yield from self.follow_articles(listing.entries)
        for url in listing.category_urls:
            if self.allowed(url):
                yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error,
                                     cb_kwargs={"page_no": 1})
        next_url = parser.next_page_url(listing, page_no) if page_no < self.max_pages else None
        if next_url:
            yield scrapy.Request(next_url, callback=self.parse_listing, errback=self.on_error,
                                 headers={**XHR_HEADERS, "Referer": response.url},
                                 cb_kwargs={"page_no": page_no + 1})
        elif page_no >= self.max_pages:
            self.stat("listing/page_cap")

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        page = self.page(response)
        if page is None:
            return
        listing = parse_feed(self.site, page, self.dates)
        self.stat("feed/pages")
        self.stat("feed/entries", len(listing.entries))
        yield from self.follow_articles(listing.entries)

    def follow_articles(self, entries: list[ListingEntry]) -> Iterator[scrapy.Request]:
        for entry in entries:
            url = self.localise(strip_query(entry.url))
            if self.allowed(url) and self.site.article_id(url):
                yield scrapy.Request(url, callback=self.parse_article, errback=self.on_error)

    def parse_article(self, response: scrapy.http.Response) -> Iterator[Any]:
        page = self.page(response)
        if page is None:
            return
        try:
            item = self.site.extract(page, self.dates)
        except Exception as exc:  # a broken page loses its item, never the crawl
            self.stat(f"extract_error/{type(exc).__name__}")
            self.logger.warning("extraction failed for %s: %r", response.url, exc, exc_info=True)
            return
        for problem in page.problems:
            self.stat(f"extract/{problem}")
        self.stat(f"articles/{item.content_type}")
        yield item

    def on_error(self, failure: Failure) -> None:
        response = getattr(failure.value, "response", None)
        if response is not None:
            self.stat(f"http_error/{response.status}")
        else:
            self.stat(f"request_error/{failure.type.__name__ if failure.type else 'unknown'}")
        self.logger.info("request failed: %s", failure.getErrorMessage())

    def allowed(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def localise(self, url: str) -> str:
        """Rewrite a site URL onto ``base_url`` (the local test site); unchanged without one."""
        if not self.args.base_url or not self.site.owns(url):
            return url
        parts = urlsplit(url)
        return self.base_url + parts.path + (f"?{parts.query}" if parts.query else "")
