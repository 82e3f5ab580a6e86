"""What a site module provides: a Site record, an article parser and a listing parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from newscrawl.extraction.dates import DateParser
from newscrawl.extraction.page import Page, strip_query
from newscrawl.items import ArticleItem
from newscrawl.loaders import ArticleLoader

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(slots=True)
class ListingEntry:
    """One article link found on a listing page or feed."""

    url: str
    article_id: str | None = None
    title: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None


@dataclass(slots=True)
class ListingPage:
    """What a listing page, fragment or feed offers the spider."""

    entries: list[ListingEntry] = field(default_factory=list)
    zone_id: str | None = None
    category_urls: list[str] = field(default_factory=list)


class ArticleParser:
    """Base for site article parsers: one method per field; ``to_item`` runs them through the loader."""

    extraction: ClassVar[str] = "site"

    def __init__(self, site: Site, page: Page, dates: DateParser) -> None:
        self.site = site
        self.page = page
        self.dates = dates

    def new_loader(self) -> ArticleLoader:
        item = ArticleItem(url=self.page.url, site=self.site.key, extraction=self.extraction)
        return ArticleLoader(item=item, dates=self.dates, fetched_at=self.page.fetched_at,
                             lede_prefixes=self.site.lede_prefixes, site_names=self.site.names)

    def to_item(self) -> ArticleItem:  # pragma: no cover - abstract
        raise NotImplementedError


class ListingParser:
    """Base for listing parsers: article links, zone id and category links of one page."""

    def __init__(self, site: Site, page: Page, dates: DateParser) -> None:
        self.site = site
        self.page = page
        self.dates = dates

    def parse(self) -> ListingPage:  # pragma: no cover - abstract
        raise NotImplementedError

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """The URL of listing page ``page_no + 1`` of the same stream, or None when the walk ends."""
        return None


@dataclass(frozen=True)
class Site:
    """A registry entry: everything the spider and ``newscrawl extract`` need to know about a site."""

    key: str
    name: str
    domains: tuple[str, ...]
    article_parser: type[ArticleParser]
    listing_parser: type[ListingParser]
    article_path_re: re.Pattern[str]
    """Matches the URL path (and nothing else) of an article page."""
    start_paths: tuple[str, ...] = ("/",)
    feed_paths: tuple[str, ...] = ()
    sitemap_paths: tuple[str, ...] = ()
    """Sitemaps read for backfills (``-a since=``)."""
    lede_prefixes: tuple[str, ...] = ()
    """Bare sapo prefixes of this site (``VTV.vn``); parenthesised ones are stripped everywhere."""
    names: tuple[str, ...] = ()
    """Names of the site and its company: never an author."""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"https://{self.domains[0]}"

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def article_id(self, url: str) -> str | None:
        """The article id from an article URL's path, or None when the URL is not an article."""
        match = self.article_path_re.match(urlsplit(url).path)
        return match.group("id") if match else None

    def extract(self, page: Page, dates: DateParser) -> ArticleItem:
        return self.article_parser(self, page, dates).to_item()

    def parse_listing(self, page: Page, dates: DateParser) -> ListingPage:
        return self.listing_parser(self, page, dates).parse()


def dedup_entries(entries: Sequence[ListingEntry]) -> list[ListingEntry]:
    """Keep the first entry per URL (query and fragment ignored), filling a missing title later."""
    by_url: dict[str, ListingEntry] = {}
    for entry in entries:
        key = strip_query(entry.url)
        kept = by_url.get(key)
        if kept is None:
            entry.url = key
            by_url[key] = entry
        elif not kept.title and entry.title:
            kept.title = entry.title
    return list(by_url.values())
