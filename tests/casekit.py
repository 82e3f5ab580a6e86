"""Fixture cases: discovery, loading and the extraction run each case is checked against."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_NAMES = ("page.html.gz", "page.xml.gz", "page.html", "page.xml")
LIST_KEYS = ("body_contains", "body_excludes")


@dataclass(frozen=True)
class Case:
    site: str
    name: str
    folder: Path

    @property
    def id(self) -> str:
        return f"{self.site}/{self.name}"

    @property
    def meta(self) -> dict[str, Any]:
        return json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))

    @property
    def expected(self) -> dict[str, Any]:
        return json.loads((self.folder / "expected.json").read_text(encoding="utf-8"))

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "article")

    @property
    def now(self) -> datetime:
        return datetime.fromisoformat(self.meta["fetched_at"])

    def body_bytes(self) -> bytes:
        for name in PAGE_NAMES:
            path = self.folder / name
            if path.is_file():
                data = path.read_bytes()
                return gzip.decompress(data) if name.endswith(".gz") else data
        raise FileNotFoundError(f"{self.id}: no page file ({', '.join(PAGE_NAMES)})")


def discover() -> list[Case]:
    """Every ``tests/fixtures/<site>/<case>/`` folder that has an expected.json."""
    return [Case(path.parent.parent.name, path.parent.name, path.parent)
            for path in sorted(FIXTURES.glob("*/*/expected.json"))]


@cache
def run_case(case: Case) -> dict[str, Any]:
    """The extraction result of a case as plain JSON data: an item, or a listing."""
    from dataclasses import asdict

    from scrapy.http import TextResponse, XmlResponse

    from newscrawl.extraction.dates import DateParser
    from newscrawl.extraction.page import Page
    from newscrawl.extraction.rss import parse_feed
    from newscrawl.sites import get_site

    site = get_site(case.site)
    url, now = case.meta["url"], case.now
    dates = DateParser(now)
    body = case.body_bytes()
    if case.kind == "rss":
        response: TextResponse = XmlResponse(url=url, body=body)
        return asdict(parse_feed(site, Page(url, response.selector, now), dates))
    page = Page.from_bytes(url, body, now)
    if case.kind == "listing":
        return asdict(site.parse_listing(page, dates))
    return site.extract(page, dates).to_dict()


def matches(expected: Any, actual: Any) -> bool:
    """Equality where expected dicts (also inside lists) only pin the keys they give."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(matches(e, a) for e, a in zip(expected, actual, strict=True)))
    return bool(expected == actual)
