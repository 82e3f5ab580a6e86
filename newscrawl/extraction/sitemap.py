"""Sitemaps (index and urlset, with Google News extensions) as listing entries for backfills."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ListingEntry, dedup_entries

if TYPE_CHECKING:
    from newscrawl.extraction.dates import DateParser
    from newscrawl.extraction.page import Page
    from newscrawl.sites.base import Site


@dataclass(slots=True)
class SitemapPage:
    sitemaps: list[str] = field(default_factory=list)
    entries: list[ListingEntry] = field(default_factory=list)


def _text(node, name: str) -> str:  # noqa: ANN001 - parsel Selector
    return clean_text(node.xpath(f"string(.//*[local-name()='{name}'])").get())


def parse_sitemap(site: Site, page: Page, dates: DateParser, *, since: datetime | None = None,
                  until: datetime | None = None) -> SitemapPage:
    """Child sitemaps (skipping those last modified before *since*) and article entries in the window."""
    found = SitemapPage()
    for node in page.sel.xpath("//*[local-name()='sitemap']"):
        url, lastmod = page.absolute(_text(node, "loc")), dates.parse(_text(node, "lastmod"))
        if url and not (since and lastmod and lastmod.value < since):
            found.sitemaps.append(url)
    for node in page.sel.xpath("//*[local-name()='url']"):
        url = page.absolute(_text(node, "loc"))
        if not url or site.article_id(url) is None:
            continue
        raw = _text(node, "publication_date") or _text(node, "lastmod")
        parsed = dates.parse(raw) if raw else None
        if parsed and ((since and parsed.value < since) or (until and parsed.value > until)):
            continue
        found.entries.append(ListingEntry(url=url, article_id=site.article_id(url),
                                          title=_text(node, "title") or None,
                                          published_at=parsed.isoformat() if parsed else None,
                                          published_at_raw=raw if parsed else None))
    found.entries = dedup_entries(found.entries)
    return found
