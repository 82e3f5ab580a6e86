"""RSS 2.0 and Atom feeds as listing pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ListingEntry, ListingPage, dedup_entries

if TYPE_CHECKING:
    from newscrawl.extraction.dates import DateParser
    from newscrawl.extraction.page import Page
    from newscrawl.sites.base import Site

ITEMS = "//*[local-name()='item' or local-name()='entry']"


def parse_feed(site: Site, page: Page, dates: DateParser) -> ListingPage:
    """Entries of a feed, in feed order; links that are not article URLs of *site* are kept out."""
    entries = []
    for node in page.sel.xpath(ITEMS):
        link = clean_text(node.xpath("string(*[local-name()='link'])").get()) or clean_text(
            node.xpath("*[local-name()='link']/@href").get()) or clean_text(
            node.xpath("string(*[local-name()='guid'])").get())
        url = page.absolute(link)
        if not url or site.article_id(url) is None:
            continue
        raw = clean_text(node.xpath("string(*[local-name()='pubDate' or local-name()='published' "
                                    "or local-name()='updated'])").get())
        parsed = dates.parse(raw) if raw else None
        entries.append(ListingEntry(
            url=url, article_id=site.article_id(url),
            title=clean_text(node.xpath("string(*[local-name()='title'])").get()) or None,
            published_at=parsed.isoformat() if parsed else None,
            published_at_raw=raw if parsed else None))
    return ListingPage(entries=dedup_entries(entries))
