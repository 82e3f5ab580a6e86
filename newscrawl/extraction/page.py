"""Page: one parsed document plus its <meta> tags, JSON-LD and hidden inputs, computed once."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from parsel import Selector

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
        """Cleaned text of the first selector (in order) that finds non-empty text."""
        for query in css:
            for node in self.sel.css(query):
                text = clean_text(" ".join(node.css("::text").getall()))
                if text:
                    return text
        return None

    def first_attr(self, *pairs: tuple[str, str]) -> str | None:
        """First non-empty attribute value for ``(css, attribute)`` pairs, in order."""
        for query, attr in pairs:
            for value in self.sel.css(query).xpath(f"@{attr}").getall():
                value = clean_text(value)
                if value:
                    return value
        return None

    @cached_property
    def meta(self) -> dict[str, str]:
        """``<meta>`` content keyed by lower-cased ``property`` or ``name`` (first occurrence wins)."""
        found: dict[str, str] = {}
        for node in self.sel.xpath("//meta[@content]"):
            key = node.attrib.get("property") or node.attrib.get("name") or node.attrib.get("itemprop")
            if key:
                found.setdefault(key.strip().lower(), node.attrib["content"])
        return found

    @cached_property
    def hidden_inputs(self) -> dict[str, str]:
        """``input[type=hidden]`` values keyed by id (or name)."""
        found: dict[str, str] = {}
        for node in self.sel.xpath("//input[@type='hidden' or @type='HIDDEN']"):
            key = node.attrib.get("id") or node.attrib.get("name")
            if key:
                found.setdefault(key, node.attrib.get("value", ""))
        return found

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object of the page, flattened out of lists and ``@graph``."""
        objects: list[dict[str, Any]] = []
        for raw in self.sel.xpath("//script[@type='application/ld+json']/text()").getall():
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
