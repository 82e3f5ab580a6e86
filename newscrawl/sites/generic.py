"""Any Vietnamese news site without a site module: generic heuristics, ``extraction = "generic"``.

Fields come from :mod:`newscrawl.extraction.generic` (title, lede, bylines, times, section, site names),
:mod:`newscrawl.extraction.generic_body` (content container, tag boxes, source lines) and
:mod:`newscrawl.extraction.generic_photos` (photo blocks and captions). Listing pages are read by URL
shape: article URLs carry a long slug with a numeric id (``-20160314083511309.htm``, ``-post1528657.html``,
``-c58a644663.html``) or sit under a date path; category URLs are short paths without ids.
``domains=()``: this record never owns a URL, so a site module always wins.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newscrawl.extraction import generic as heur
from newscrawl.extraction.authors import parse_byline
from newscrawl.extraction.body import Body
from newscrawl.extraction.generic_body import (
    GENERIC_RULES,
    find_container,
    prepare_container,
    source_candidates,
    tags,
    trailer_texts,
)
from newscrawl.extraction.page import Page, strip_query
from newscrawl.extraction.text import clean_text, fold_key
from newscrawl.items import ArticleItem
from newscrawl.loaders import ArticleLoader
from newscrawl.sites.base import ArticleParser, ListingEntry, ListingPage, ListingParser, Site, dedup_entries

if TYPE_CHECKING:
    from parsel import Selector

    from newscrawl.extraction.dates import DateParser

# One id group: a number of 5+ digits after the slug (optionally "post", "c58a"), else a slug under a date.
ARTICLE_PATH = re.compile(
    r"^/(?!(?:timelinelist|tag|tags|tim-kiem|search|rss|api|video-list)/)(?:[^/]+/)*?"
    r"(?:[a-z0-9]+(?:-[a-z0-9]+)*-(?:post|c\d+a)?)?"
    r"(?P<id>\d{5,}|(?<=/\d{8}/)[a-z0-9]+(?:-[a-z0-9]+){2,}|(?<=/\d{4}/\d{2}/\d{2}/)[a-z0-9]+(?:-[a-z0-9]+){2,})"
    r"(?:ca\d+)?(?:\.(?:html?|chn|tpo|vnp|shtml|aspx|php|ldo))?/?$", re.I)
CATEGORY_PATH = re.compile(r"^/[a-z0-9]+(?:-[a-z0-9]+){0,4}(?:/[a-z0-9]+(?:-[a-z0-9]+){0,4})?"
                           r"(?:\.(?:html?|chn|aspx|php))?/?$", re.I)
NOT_ARTICLE = re.compile(r"(?:^|/)(?:topic|chu-de|tieu-diem|tags?|tac-gia|author|video-list)(?:/|-\d)", re.I)
NOT_CATEGORY = re.compile(r"^/(?:timelinelist|rss|print|tim-kiem|search|tag|tags|sitemap|lien-he|gioi-thieu|"
                          r"dang-nhap|dang-ky|login|register|contact|about|rao-vat|quang-cao|api|index)\b",
                          re.I)
_SECOND_LEVEL = frozenset("com net org edu gov ac co info biz name pro health int".split())
_RELATED_LINE = re.compile(r"^(?:>>|»|Xem thêm\s*:|Đọc thêm\s*:|Tin liên quan\s*:"
                           r"|Mời (?:quý )?(?:bạn|độc giả) (?:xem|đọc))", re.I)
_SENTENCE_END = re.compile(r"[.!?:;]$")
_TRAILING_TIME = re.compile(r"\s*\d{1,2}[/:-]\d{1,2}.*$")
_SOURCE_LABEL = re.compile(r"^(?:Nguồn|Theo)\s*:?\s*", re.I)
_LISTING_MIN = 5
_MAX_CATEGORIES = 40  # menu order: the main sections come first


def registrable(host: str) -> str:
    """``m.giadinh.net.vn`` -> ``giadinh.net.vn``; ``www.vtv.vn`` -> ``vtv.vn``; IPs unchanged."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def article_id(url: str) -> str | None:
    """The site-qualified id of an article URL (``afamily.vn:2014030404595969``); None for other URLs.

    The generic record serves every domain under one site key, so a bare numeric id is not unique.
    """
    bare = SITE.article_id(url)
    if not bare or NOT_ARTICLE.search(urlsplit(url).path):
        return None
    return f"{registrable(urlsplit(url).hostname or '')}:{bare.lower()}"


class GenericLoader(ArticleLoader):
    """The item loader with the lede's site stamp removed by the page's own site names."""

    def add_lede(self, raw: str | None, *, stamp: str | None = None, location: str | None = None) -> None:
        raw = clean_text(raw)
        if raw:
            self.add_value("lede_raw", raw)
            self.add_value("lede", heur.strip_site_stamp(raw, self.context["page"]))


class GenericArticle(ArticleParser):
    """Every field by heuristics; the body through the shared ``extract_body`` with generic rules."""

    extraction = "generic"
    BODY_RULES = GENERIC_RULES

    @cached_property
    def names(self) -> tuple[str, ...]:
        return heur.site_names(self.page)

    def new_loader(self) -> ArticleLoader:
        item = ArticleItem(url=self.page.url, site=self.site.key, extraction=self.extraction)
        return GenericLoader(item=item, dates=self.dates, fetched_at=self.page.fetched_at, page=self.page,
                             lede_prefixes=(), site_names=self.names)

    def article_id(self) -> str | None:
        return article_id(self.page.url)

    def title(self) -> str | None:
        return heur.title(self.page)

    def lede_raw(self) -> str | None:
        return heur.lede_raw(self.page)

    @cached_property
    def prepared(self) -> Selector | None:
        node = find_container(self.page.sel)
        return prepare_container(node) if node is not None else None

    def container(self) -> Selector | None:
        return self.prepared

    def body(self, loader: ArticleLoader) -> Body:
        body = super().body(loader)
        drop = {fold_key(loader.get_output_value(k)) for k in ("title", "lede", "lede_raw")} - {""}
        lines = [p for p in body.paragraphs if fold_key(p) not in drop and not _RELATED_LINE.match(p)
                 and not (len(p) <= 50 and self.dates.parse(p, require_date=True)) and not _blob(p)]
        trailers = trailer_texts(self.prepared) if self.prepared is not None else []
        lines, byline, source = split_trailers(lines, trailers, self.names)
        body.paragraphs = lines
        body.trailing_author = body.trailing_author or byline
        body.source = body.source or source
        return body

    @cached_property
    def _byline(self) -> str | None:
        return next((raw for raw in heur.byline_candidates(self.page, meta=False) if self._names_people(raw)),
                    None)

    def _names_people(self, raw: str | None) -> bool:
        return bool(raw) and bool(parse_byline(raw, site_names=self.names).authors)

    def byline_raw(self) -> str | None:
        return self._byline

    def add_authors(self, loader: ArticleLoader, body: Body) -> None:
        candidates = (self._byline, body.trailing_author, *heur.meta_bylines(self.page))
        raw = next((c for c in candidates if self._names_people(c)), None)
        if raw:
            loader.add_byline(raw)

    def published_text(self) -> Iterator[str | None]:
        yield heur.printed_time(self.page, self.dates)

    def published_machine(self) -> Iterator[str | None]:
        yield from heur.machine_times(self.page)

    def modified_candidates(self) -> Iterator[str | None]:
        yield self.page.hidden_inputs.get("hidLastModifiedDate")
        yield from super().modified_candidates()
        yield self.page.first_attr(("[itemprop=dateModified]", "content"),
                                   ("[itemprop=dateModified]", "datetime"))

    def category(self) -> str | None:
        return heur.category(self.page)

    def tags(self) -> list[str]:
        return tags(self.page)

    def source(self) -> str | None:
        for text in source_candidates(self.page):
            text = clean_text(_TRAILING_TIME.sub("", text))
            found = parse_byline(text, site_names=self.names).source \
                or clean_text(_SOURCE_LABEL.sub("", text))
            if found and len(found) <= 40 and len(found.split()) <= 5:
                return found
        return None


def _blob(line: str) -> bool:
    """An encoded blob or a run-on token (base64 text, a long URL) rather than prose."""
    longest = max(map(len, line.split()), default=0)
    return longest >= 100 and longest >= 0.5 * len(line)


def split_trailers(lines: list[str], trailers: Sequence[str] = (), names: Sequence[str] = ()
                   ) -> tuple[list[str], str | None, str | None]:
    """Move closing lines out of the body: (lines, byline, source).

    *trailers* (short right-aligned lines set under the text) are a byline or, failing that, the source
    ("Lao Động", "Zing/Themost10"); the last body lines only when they read as a byline ("Theo Vân Anh",
    "XUÂN LONG") or an outlet.
    """
    byline = source = None
    for text in reversed(trailers):
        parsed = parse_byline(text.strip("() "), site_names=names)
        if parsed.authors and byline is None:
            byline = text
        elif not parsed.authors and source is None:
            source = parsed.source or clean_text(text.strip("() "))
    lines = list(lines)
    while lines:
        last = lines[-1].strip("() ")
        if len(last) > 60 or len(last.split()) > 7 or _SENTENCE_END.search(last):
            break
        parsed = parse_byline(last, site_names=names)
        if parsed.authors and byline is None:
            byline = last
        elif not (parsed.source and not parsed.authors and source is None):
            break
        source = source or parsed.source
        lines.pop()
    return lines, byline, source


class GenericListing(ListingParser):
    """Links of any page classified by URL shape: articles (slug + id, date paths) and categories."""

    def parse(self) -> ListingPage:
        entries: list[ListingEntry] = []
        categories: list[str] = []
        own = article_id(self.page.url)
        if own:
            entries.append(ListingEntry(url=strip_query(self.page.url), article_id=own))
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            if not url or not self.same_site(url):
                continue
            found = article_id(url)
            if found:
                title = clean_text(link.attrib.get("title")) \
                    or clean_text(" ".join(link.css("::text").getall()))
                entries.append(ListingEntry(url=url, article_id=found, title=title or None))
            elif is_category_url(url) and strip_query(url) not in categories:
                categories.append(strip_query(url))
        return ListingPage(entries=dedup_entries(entries), category_urls=categories[:_MAX_CATEGORIES])

    def same_site(self, url: str) -> bool:
        host, own = urlsplit(url).hostname or "", urlsplit(self.page.url).hostname or ""
        return registrable(host) == registrable(own)

    def page_type(self) -> str:
        """``listing`` when the page links many articles, else ``article``."""
        return "listing" if len(self.parse().entries) >= _LISTING_MIN else "article"

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        href = self.page.first_attr(("a[rel=next]", "href"), ("link[rel=next]", "href"))
        url = self.page.absolute(href)
        return url if url and self.same_site(url) and url != self.page.url else None


def is_category_url(url: str) -> bool:
    path = urlsplit(url).path
    return path not in ("", "/") and bool(CATEGORY_PATH.match(path)) and not NOT_CATEGORY.match(path) \
        and SITE.article_id(url) is None


def extract(page: Page, dates: DateParser) -> ArticleItem:
    """The generic item of one page (what ``newscrawl extract`` uses for a domain without a module)."""
    return SITE.extract(page, dates)


SITE = Site(
    key="generic",
    name="Any Vietnamese news site",
    domains=(),
    article_parser=GenericArticle,
    listing_parser=GenericListing,
    article_path_re=ARTICLE_PATH,
)
