"""NewsSpider: walks a site's home page, feeds, categories and listing pages to its articles.

The spider decides *what to fetch* (with the Frontier's incremental rules); the site module
(``newscrawl.sites``) decides what a page means.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from parsel import Selector
from scrapy.http import TextResponse

from newscrawl.extraction.dates import VN_TZ, DateParser
from newscrawl.extraction.page import Page, strip_query
from newscrawl.extraction.rss import parse_feed
from newscrawl.extraction.sitemap import parse_sitemap
from newscrawl.feeds import run_id, unique_run_id
from newscrawl.sites import get_site
from newscrawl.spiders.args import SpiderArgs
from newscrawl.spiders.frontier import Frontier

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newscrawl.sites.base import ListingEntry
    from newscrawl.state import StateStore

TRUNCATED_TAIL = b"</html>"
ARG_PRIORITY = 50  # above command-line settings (40): an -a argument wins over -s
XHR_HEADERS = {"X-Requested-With": "XMLHttpRequest"}


class NewsSpider(scrapy.Spider):
    """One spider per registered site; ``site_key`` picks the site module."""

    site_key: ClassVar[str]
    frontier: Frontier
    store: StateStore | None = None

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
        from newscrawl.extensions import open_store

        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.args.apply(crawler.settings, ARG_PRIORITY)
        settings = crawler.settings
        spider.run_id = unique_run_id(Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output") / spider.name)
        store = open_store(settings) if settings.getbool("NEWSCRAWL_STATE_ENABLED", True) else None
        spider.store = store
        spider.frontier = Frontier.build(
            store, spider.site_key, since=spider.args.since, until=spider.args.until,
            margin=timedelta(hours=settings.getfloat("NEWSCRAWL_SINCE_MARGIN_HOURS", 48)),
            stop_after=settings.getint("NEWSCRAWL_STOP_AFTER_SEEN", 5))
        return spider

    @property
    def max_pages(self) -> int:
        return self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES")

    def stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"newscrawl/{key}", count)  # type: ignore[union-attr]

    def request(self, url: str, callback: Any, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for path in self.site.start_paths:
            yield self.request(self.base_url + path, self.parse_listing, cb_kwargs={"stream": path})
        for path in self.site.feed_paths:
            yield self.request(self.base_url + path, self.parse_feed)
        if self.args.since:  # backfill: sitemaps are the cheap source where a site has them
            for path in self.site.sitemap_paths:
                yield self.request(self.base_url + path, self.parse_sitemap)
        for request in self.revisits():
            yield request

    def revisits(self) -> Iterator[scrapy.Request]:
        """Seen articles younger than ``revisit`` hours, fetched again to catch edits."""
        if not self.args.revisit or self.store is None:
            return
        # published_at is stored as ISO text in +07:00: compare in the same offset
        after = (datetime.now(VN_TZ) - timedelta(hours=self.args.revisit)).isoformat(timespec="seconds")
        for url, _hash in self.store.recent(self.site_key, after):
            self.stat("revisit/requests")
            yield self.request(self.localise(url), self.parse_article, dont_filter=True)

    def page(self, response: scrapy.http.Response, kind: str) -> Page | None:
        if not isinstance(response, TextResponse):
            self.stat("skipped/not_text")
            return None
        self.stat(f"pages/{kind}")
        return Page(response.url, response.selector, datetime.now(UTC))

    def parse_listing(self, response: scrapy.http.Response, stream: str, page_no: int = 1
                      ) -> Iterator[scrapy.Request]:
        page = self.page(response, "listing")
        if page is None:
            return
        parser = self.site.listing_parser(self.site, page, self.dates)
        listing = parser.parse()
        self.stat("listing/entries", len(listing.entries))
        decision = self.frontier.decide(stream, listing.entries)
        yield from self.follow_articles(decision.fetch)
        self.count_decision(decision.skipped_seen, decision.skipped_window)
        for url in listing.category_urls:
            if self.allowed(url):
                yield self.request(self.localise(url), self.parse_listing, cb_kwargs={"stream": urlsplit(url).path})
        if decision.stop:
            self.stat(f"stop/{decision.stop}")
            return
        next_url = parser.next_page_url(listing, page_no)
        if next_url and page_no >= self.max_pages:
            self.stat("stop/page_cap")
        elif next_url:
            yield self.request(next_url, self.parse_listing, headers={**XHR_HEADERS, "Referer": response.url},
                               cb_kwargs={"stream": stream, "page_no": page_no + 1})

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        page = self.page(response, "feed")
        if page is None:
            return
        page.sel = Selector(text=response.text, type="xml")  # feeds served as text/html stay XML
        listing = parse_feed(self.site, page, self.dates)
        self.stat("feed/entries", len(listing.entries))
        decision = self.frontier.decide(f"feed:{urlsplit(response.url).path}", listing.entries)
        self.count_decision(decision.skipped_seen, decision.skipped_window)
        yield from self.follow_articles(decision.fetch)

    def parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        page = self.page(response, "sitemap")
        if page is None:
            return
        found = parse_sitemap(self.site, page, self.dates, since=self.args.since, until=self.args.until)
        for url in found.sitemaps:
            yield self.request(self.localise(url), self.parse_sitemap)
        decision = self.frontier.decide(f"sitemap:{urlsplit(response.url).path}", found.entries)
        self.count_decision(decision.skipped_seen, decision.skipped_window)
        yield from self.follow_articles(decision.fetch)

    def count_decision(self, seen: int, window: int) -> None:
        if seen:
            self.stat("incremental/skipped_seen", seen)
        if window:
            self.stat("incremental/skipped_window", window)

    def follow_articles(self, entries: list[ListingEntry]) -> Iterator[scrapy.Request]:
        for entry in entries:
            url = self.localise(strip_query(entry.url))
            if self.allowed(url) and self.site.article_id(url):
                yield self.request(url, self.parse_article)

    def parse_article(self, response: scrapy.http.Response) -> Iterator[Any]:
        page = self.page(response, "article")
        if page is None:
            return
        if TRUNCATED_TAIL not in response.body[-4096:].lower():
            yield from self.truncated(response)
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

    def truncated(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        """An article page cut short (no ``</html>``): fetch it again, then give up with a count.

        The article is not marked seen, so the next run tries it again.
        """
        tries = response.meta.get("newscrawl_truncated", 0)
        if tries < self.settings.getint("NEWSCRAWL_TRUNCATED_RETRIES"):
            self.stat("retry/truncated")
            yield response.request.replace(dont_filter=True,  # type: ignore[union-attr]
                                           meta={**response.meta, "newscrawl_truncated": tries + 1})
        else:
            self.stat("dropped/truncated")
            self.logger.warning("page cut short, item dropped: %s", response.url)

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
