"""What a site module provides: a Site record, an article parser and a listing parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules, extract_body
from newscrawl.extraction.dates import DateParser, ParsedDate
from newscrawl.extraction.page import Page, compiled, strip_query, visible_text
from newscrawl.extraction.text import clean_text
from newscrawl.items import ArticleItem
from newscrawl.loaders import ArticleLoader

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from datetime import datetime

    from parsel import Selector

DISAGREE = timedelta(minutes=1)
THEO_RE = re.compile(r"^(?:Theo|Nguồn\s*:)\s*", re.I)


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
    """Base of every article parser: ``to_item`` runs one method per field through the loader.

    Site modules set the selector cascades (CSS, most specific first) as class constants and
    override a method only where a constant is not enough (Fundus-style, see README "Adding a site").
    """

    extraction: ClassVar[str] = "site"
    TITLE: ClassVar[tuple[str, ...]] = ("h1",)
    SAPO: ClassVar[tuple[str, ...]] = ()
    AUTHOR: ClassVar[tuple[str, ...]] = ()
    TIME_TEXT: ClassVar[tuple[str, ...]] = ()
    TIME_ATTR: ClassVar[tuple[tuple[str, str], ...]] = (
        ("[itemprop=datePublished]", "datetime"), ("[itemprop=datePublished]", "content"))
    CATEGORY: ClassVar[tuple[str, ...]] = ()
    TAGS: ClassVar[str] = ""
    CONTENT: ClassVar[tuple[str, ...]] = ("[itemprop=articleBody]",)
    SOURCE: ClassVar[tuple[str, ...]] = ()
    BODY_RULES: ClassVar[BodyRules] = BodyRules(drop=())
    VIDEO_TITLES: ClassVar[tuple[str, ...]] = ("clip:", "clip -", "video:", "video -")
    FALLBACK: ClassVar[tuple[str, ...]] = ("title", "lede", "published_at", "body")
    """Fields the generic extractor fills when this parser's selectors find nothing (counted in stats
    as ``newscrawl/extract/fallback/<field>``). Authors are not in it: an empty list beats a wrong one."""

    def __init__(self, site: Site, page: Page, dates: DateParser) -> None:
        self.site = site
        self.page = page
        self.dates = dates

    def new_loader(self) -> ArticleLoader:
        item = ArticleItem(url=self.page.url, site=self.site.key, extraction=self.extraction,
                           language=self.language())
        return ArticleLoader(item=item, dates=self.dates, fetched_at=self.page.fetched_at,
                             lede_prefixes=self.site.lede_prefixes, site_names=self.site.names)

    def to_item(self) -> ArticleItem:
        loader = self.new_loader()
        loader.add_value("canonical_url", self.page.canonical_url)
        loader.add_value("article_id", self.article_id())
        loader.add_value("title", self.title())
        self.fall_back(loader, "title", lambda g: loader.add_value("title", g.title()))
        loader.add_lede(self.lede_raw(), stamp=self.lede_stamp(), location=self.location())
        self.fall_back(loader, "lede", lambda g: loader.add_lede(g.lede_raw()))
        body = self.body(loader)
        if body.text is None and "no_content_container" in self.page.problems:
            body = self.fall_back(loader, "body", lambda g: g.body(loader)) or body
        self.add_authors(loader, body)
        self.add_published(loader)
        loader.add_date("modified_at", self.modified_candidates())
        loader.add_value("images", body.images)
        loader.add_value("body", body.text)
        loader.add_value("source", body.source)
        loader.add_value("source", self.source())
        loader.add_value("category", self.category())
        loader.add_value("zone_id", self.zone_id())
        loader.add_value("tags", self.tags())
        # replace, not add: the loader starts from the item's defaults (False, "article")
        loader.replace_value("has_video", body.has_video)
        loader.replace_value("content_type", self.content_type(loader.get_output_value("title"), body))
        return loader.load_item()

    def article_id(self) -> str | None:
        return self.site.article_id(self.page.url)

    def title(self) -> str | None:
        page = self.page
        return (page.first_text(*self.TITLE) or clean_text(page.meta.get("og:title"))
                or page.jsonld_str("headline") or page.first_text("title") or None)

    def lede_raw(self) -> str | None:
        page = self.page
        return (page.first_text(*self.SAPO) if self.SAPO else None) or page.meta.get("og:description") \
            or page.meta.get("description")

    def lede_stamp(self) -> str | None:
        """A source stamp printed at the start of the sapo with no separator (Dân Trí's span)."""
        return None

    def location(self) -> str | None:
        """A dateline printed at the start of the sapo (VnExpress's location stamp)."""
        return None

    def language(self) -> str:
        return "vi"

    def container(self) -> Selector | None:
        for query in self.CONTENT:
            found = self.page.sel.css(query)
            if found:
                return found[0]
        return None

    def body(self, loader: ArticleLoader) -> Body:
        node = self.container()
        if node is None:
            self.page.problems.append("no_content_container")
            return Body()
        return extract_body(node, self.BODY_RULES, title=loader.get_output_value("title"),
                            lede=loader.get_output_value("lede"), base_url=self.page.url,
                            exclude_lines=[self.byline_raw() or ""])

    def byline_raw(self) -> str | None:
        return self.page.first_text(*self.AUTHOR) if self.AUTHOR else None

    def add_authors(self, loader: ArticleLoader, body: Body) -> None:
        page = self.page
        for raw in (self.byline_raw(), body.trailing_author, page.meta.get("article:author"),
                    page.jsonld_str("author")):
            if raw and loader.add_byline(raw):
                return

    def published_text(self) -> Iterator[str | None]:
        """Printed times, most trusted first; the one that parses becomes ``published_at_raw``."""
        yield self.page.first_text(*self.TIME_TEXT) if self.TIME_TEXT else None

    def published_machine(self) -> Iterator[str | None]:
        page = self.page
        yield page.first_attr(*self.TIME_ATTR)
        yield page.meta.get("article:published_time")
        yield page.jsonld_str("datePublished")

    def add_published(self, loader: ArticleLoader) -> ParsedDate | None:
        """Printed time first (kept raw); machine values as fallback and cross-check; the generic
        extractor next; the id's draft time last (flagged)."""
        shown = loader.add_date("published_at", self.published_text())
        machine = next(filter(None, map(self._parse_full, self.published_machine())), None)
        if shown is None and machine is not None:
            loader.add_date("published_at", self.published_machine())
        elif shown and machine and abs(shown.value - machine.value) > DISAGREE:
            self.page.problems.append("published_disagree")
        elif shown is None and machine is None:
            machine = self.fall_back(loader, "published_at", lambda g: g.add_published(loader))
        id_time = self.id_time(loader.get_output_value("article_id"))
        if id_time:
            loader.add_value("id_time", id_time.isoformat())
        if shown is None and machine is None and id_time:
            self.page.problems.append("published_from_id_time")
            loader.add_value("published_at", id_time.replace(microsecond=0).isoformat())
            loader.add_value("published_at_precision", "id_time")
        return shown or machine

    def fall_back(self, loader: ArticleLoader, name: str, fill: Callable[[ArticleParser], Any]) -> Any:
        """Run *fill* with the generic parser when *name* is still empty and falls back for this site."""
        if name not in self.FALLBACK or self.extraction == "generic" or loader.get_output_value(name):
            return None
        from newscrawl.sites.generic import GenericArticle

        result = fill(GenericArticle(self.site, self.page, self.dates))
        if loader.get_output_value(name) or getattr(result, "text", None):
            self.page.problems.append(f"fallback/{name}")
        return result

    def _parse_full(self, raw: str | None) -> ParsedDate | None:
        return self.dates.parse(raw, require_date=True) if raw else None

    def id_time(self, article_id: str | None) -> datetime | None:
        """The draft time an id encodes (VCCorp ids do); None for sites whose ids carry no time."""
        return None

    def modified_candidates(self) -> Iterator[str | None]:
        yield self.page.meta.get("article:modified_time")
        yield self.page.jsonld_str("dateModified")

    def category(self) -> str | None:
        return self.page.first_text(*self.CATEGORY) if self.CATEGORY else None

    def zone_id(self) -> str | None:
        return None

    def tags(self) -> list[str]:
        if not self.TAGS:
            return []
        nodes = compiled(self.TAGS)(self.page.sel.root)
        return [t.strip(" ,;") for node in nodes for t in visible_text(node)]

    def source(self) -> str | None:
        text = self.page.first_text(*self.SOURCE) if self.SOURCE else None
        return (THEO_RE.sub("", text).strip() or None) if text else None

    def content_type(self, title: str | None, body: Body) -> str:
        lowered = (title or "").lower()
        if body.has_video and (lowered.startswith(self.VIDEO_TITLES) or len(body.text or "") < 600):
            return "video"
        return "article"


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


class LinkListing(ListingParser):
    """Template for listings that are article links in page order, each with the time printed in
    the listing item (``ITEM_NODES``) that links it. Hooks: ``_same_site``, ``_link_title``,
    ``_time_of``, ``_zone_id``, ``_categories``."""

    ITEM_NODES: ClassVar[str] = ""

    def parse(self) -> ListingPage:
        times = self._item_times()
        entries = []
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            article_id = self.site.article_id(url) if url and self._same_site(url) else None
            if url is None or article_id is None:
                continue
            raw, iso = times.get(strip_query(url), (None, None))
            entries.append(ListingEntry(url=url, article_id=article_id, title=self._link_title(link),
                                        published_at=iso, published_at_raw=raw))
        return ListingPage(entries=dedup_entries(entries), zone_id=self._zone_id(),
                           category_urls=self._categories())

    def _same_site(self, url: str) -> bool:
        return self.site.owns(url)

    def _link_title(self, link: Selector) -> str | None:
        return clean_text(link.attrib.get("title")) or clean_text(" ".join(link.css("::text").getall())) or None

    def _item_times(self) -> dict[str, tuple[str | None, str | None]]:
        """URL (query dropped) -> (raw, ISO) of the time printed in the listing item that links it."""
        found: dict[str, tuple[str | None, str | None]] = {}
        for node in self.page.sel.css(self.ITEM_NODES) if self.ITEM_NODES else ():
            parsed = self._time_of(node)
            for href in node.xpath(".//a/@href").getall() if parsed else ():
                url = self.page.absolute(href)
                if url:
                    found.setdefault(strip_query(url), parsed)  # type: ignore[arg-type]
        return found

    def _time_of(self, node: Selector) -> tuple[str, str] | None:
        return None

    def _zone_id(self) -> str | None:
        return None

    def _categories(self) -> list[str]:
        return []


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
    versions: tuple[tuple[date, type[ArticleParser]], ...] = ()
    """Older layouts, Fundus-style: ``(valid_until, parser)`` pairs, oldest first. A page fetched on
    or before ``valid_until`` is read by that parser; later pages by ``article_parser``."""
    fill_thresholds: dict[str, float] = field(default_factory=dict)
    """Per-field floors for the drift alarm, over the defaults (``title`` 0.95, ``published_at`` 0.8,
    ``body_or_lede`` 0.9); e.g. ``{"authors": 0.5}`` for a site that always signs its articles."""

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

    def parser_for(self, fetched: date) -> type[ArticleParser]:
        """The parser of the layout the site had on the *fetched* day."""
        for valid_until, parser in self.versions:
            if fetched <= valid_until:
                return parser
        return self.article_parser

    def extract(self, page: Page, dates: DateParser) -> ArticleItem:
        return self.parser_for(page.fetched_at.date())(self, page, dates).to_item()

    def parse_listing(self, page: Page, dates: DateParser) -> ListingPage:
        return self.listing_parser(self, page, dates).parse()


def dedup_entries(entries: Sequence[ListingEntry]) -> list[ListingEntry]:
    """Keep the first entry per URL (query and fragment ignored); a later duplicate fills a missing
    title or time (a top story shown first without a time and again further down with one)."""
    by_url: dict[str, ListingEntry] = {}
    for entry in entries:
        key = strip_query(entry.url)
        kept = by_url.get(key)
        if kept is None:
            entry.url = key
            by_url[key] = entry
            continue
        if not kept.title and entry.title:
            kept.title = entry.title
        if not kept.published_at and entry.published_at:
            kept.published_at, kept.published_at_raw = entry.published_at, entry.published_at_raw
    return list(by_url.values())
