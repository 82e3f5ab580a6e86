"""Page: one parsed document plus its <meta> tags, JSON-LD and hidden inputs, computed once."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newscrawl.extraction.text import clean_text

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "VideoObject"})


class Page:
    """A fetched page as the extractors see it: URL, parsed tree and the fetch time ("now")."""

    def __init__(self, url: str, selector: Selector, fetched_at: datetime) -> None:
        self.url = url
        self.sel = selector
        self.fetched_at = fetched_at
        self.problems: list[str] = []
        """Non-fatal extraction problems (stats keys under ``newscrawl/extract/``)."""

    @classmethod
    def from_bytes(cls, url: str, body: bytes, fetched_at: datetime, encoding: str | None = None) -> Page:
        """Build a page from raw bytes the way Scrapy would decode them."""
        from scrapy.http import HtmlResponse

        response = HtmlResponse(url=url, body=body, encoding=encoding)  # type: ignore[arg-type]
        return cls(url, response.selector, fetched_at)

    def absolute(self, href: str | None) -> str | None:
        """Absolute URL for *href*, or None for empty, javascript: and fragment-only links."""
        if not href:
            return None
        href = href.strip()
        if not href or href.startswith(("javascript:", "#", "mailto:", "tel:")):
            return None
        return urljoin(self.url, href)

    def first_text(self, *css: str) -> str | None:
        """Cleaned text of the first selector (in order) that finds non-empty text.

        Text nodes are joined with a space, so ``<span>Dân trí</span>Sau khi`` reads as two words.
        """
        root = self.sel.root
        for query in css:
            for node in compiled(query)(root):
                text = clean_text(" ".join(visible_text(node)))
                if text:
                    return text
        return None

    def first_attr(self, *pairs: tuple[str, str]) -> str | None:
        """First non-empty attribute value for ``(css, attribute)`` pairs, in order."""
        root = self.sel.root
        for query, attr in pairs:
            for node in compiled(query)(root):
                value = clean_text(node.get(attr))
                if value:
                    return value
        return None

    @cached_property
    def meta(self) -> dict[str, str]:
        """``<meta>`` content keyed by lower-cased ``property`` or ``name`` (first occurrence wins)."""
        found: dict[str, str] = {}
        for node in self.sel.root.iter("meta"):
            key = node.get("property") or node.get("name") or node.get("itemprop")
            content = node.get("content")
            if key and content is not None:
                found.setdefault(key.strip().lower(), content)
        return found

    @cached_property
    def hidden_inputs(self) -> dict[str, str]:
        """``input[type=hidden]`` values keyed by id (or name)."""
        found: dict[str, str] = {}
        for node in self.sel.root.iter("input"):
            key = node.get("id") or node.get("name")
            if key and (node.get("type") or "").lower() == "hidden":
                found.setdefault(key, node.get("value") or "")
        return found

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object of the page, flattened out of lists and ``@graph``."""
        objects: list[dict[str, Any]] = []
        for raw in self.sel.root.xpath("//script[@type='application/ld+json']/text()"):
            try:
                data = json.loads(raw, strict=False)
            except ValueError:
                self.problems.append("jsonld_invalid")
                continue
            objects.extend(_flatten_jsonld(data))
        return objects

    @cached_property
    def jsonld_article(self) -> dict[str, Any]:
        """The first NewsArticle-like JSON-LD object, or ``{}``."""
        for obj in self.jsonld:
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(name in ARTICLE_TYPES for name in names):
                return obj
        return {}

    def jsonld_str(self, key: str) -> str | None:
        """A string value of the article JSON-LD, HTML entities unescaped once."""
        value = self.jsonld_article.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("@id")
        if isinstance(value, list):
            value = value[0] if value and isinstance(value[0], str) else None
        if not isinstance(value, str):
            return None
        return clean_text(html.unescape(value)) or None

    @cached_property
    def canonical_url(self) -> str:
        """``link[rel=canonical]``, else og:url, else the page URL; query and fragment removed."""
        href = self.first_attr(("link[rel=canonical]", "href")) or self.meta.get("og:url")
        return strip_query(self.absolute(href) or self.url)


@lru_cache(maxsize=1024)
def compiled(css: str) -> etree.XPath:
    """A CSS selector compiled once to an lxml XPath (no parsel Selector per node)."""
    return etree.XPath(HTMLTranslator().css_to_xpath(css))


def visible_text(node: etree._Element) -> list[str]:
    """Text nodes of *node*, without the contents of scripts and styles (a byline div may hold one)."""
    return [t for t in node.xpath(".//text()[not(ancestor::script or ancestor::style)]") if t.strip()]


def strip_query(url: str) -> str:
    """*url* without query string and fragment."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _flatten_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten_jsonld(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten_jsonld(data["@graph"])
        else:
            yield data
