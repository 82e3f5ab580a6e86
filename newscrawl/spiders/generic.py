"""GenericSpider: any Vietnamese news site from one start URL (``newscrawl crawl generic -a start_url=URL``).

The start URL is read as a listing page; its article links are fetched, and its category links are
followed one level (as listing pages, whose article links are fetched too). Pages are read by the
generic site record (:mod:`newscrawl.sites.generic`); the frontier, seen-store and run state are
NewsSpider's, under the site key ``generic``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy

from newscrawl.extraction.dates import DateParser
from newscrawl.feeds import run_id
from newscrawl.sites.generic import SITE
from newscrawl.spiders.args import ArgumentError, SpiderArgs
from newscrawl.spiders.base import NewsSpider

DEPTH = "newscrawl_generic_depth"
"""Request meta key: 0 for the start page, 1 for the category pages found on it."""


class GenericSpider(NewsSpider):
    """Crawls the site of ``-a start_url=URL`` (its host and the www/bare twin) with generic heuristics."""

    name = "generic"
    site_key: ClassVar[str] = "generic"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = check_args(SpiderArgs.parse(kwargs))
        scrapy.Spider.__init__(self, *args)
        self.site = SITE  # never through the registry: the generic record owns no domain
        self.start_url: str = self.args.start_url  # type: ignore[assignment]
        parts = urlsplit(self.start_url)
        self.base_url = f"{parts.scheme}://{parts.netloc}"
        self.allowed_domains = twin_hosts(parts.hostname or "")
        self.run_id = run_id()
        self.dates = DateParser(datetime.now(UTC))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        stream = urlsplit(self.start_url).path or "/"
        yield self.request(self.start_url, self.parse_listing, cb_kwargs={"stream": stream}, meta={DEPTH: 0})

    def parse_listing(self, response: scrapy.http.Response, stream: str, page_no: int = 1
                      ) -> Iterator[scrapy.Request]:
        """NewsSpider's listing walk, with category links followed from the start page only."""
        depth = response.meta.get(DEPTH, 0)
        for request in super().parse_listing(response, stream, page_no):
            if request.callback == self.parse_listing:
                is_category = "page_no" not in request.cb_kwargs
                if is_category and depth >= 1:
                    continue
                request.meta[DEPTH] = depth + 1 if is_category else depth
            yield request


def check_args(args: SpiderArgs) -> SpiderArgs:
    """*args* when they name a start URL; else the one-line ArgumentError (``newscrawl crawl`` can call this
    before starting Scrapy, so that the message is printed without a traceback)."""
    if not args.start_url:
        raise ArgumentError("generic: -a start_url=URL is required")
    return args


def twin_hosts(host: str) -> list[str]:
    """The host and its www/bare twin (``vnexpress.net`` <-> ``www.vnexpress.net``); IPs alone."""
    host = host.lower()
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return sorted({host, twin})
