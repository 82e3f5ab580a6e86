"""znews.vn (Znews, Tạp chí Tri thức; formerly Zing News); pinned by a real 2025 article page.

Articles: ``article.the-article`` with ``h1.the-article-title``, ``li.the-article-publish``
(``Chủ nhật, 2/2/2025 05:01 (GMT+7)``), sapo ``p.the-article-summary``, body ``div.the-article-body``
whose photos are ``table.picture`` rows captioned ``td.pCaption`` (``… Ảnh: <em>Bloomberg</em>.``)
and whose related stories are inline ``table.article`` boxes; byline ``div.the-article-credit >
p.author`` and tag links ``p.the-article-tags a`` after the body.

Listings: article links in page order; ``article.article-item`` blocks print ``span.time`` +
``span.date`` (``08:00`` ``25/3/2026``) beside a relative ``span.friendly-time`` (``18 phút trước``).
No pagination link, sitemap or feed is referenced by the saved page, so the walk has none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules
from newscrawl.extraction.page import strip_query
from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ArticleParser, LinkListing, ListingPage, Site

if TYPE_CHECKING:
    from parsel import Selector

ARTICLE_PATH = re.compile(r"^/[a-z0-9-]+-post(?P<id>\d+)\.html$")
# ``article.the-article`` carries ``type-<kind>``; only ``type-text`` is pinned by a saved page.
TYPE_CLASSES = {"type-video": "video", "type-photo": "photo", "type-infographic": "infographic",
                "type-emagazine": "emagazine", "type-longform": "emagazine"}
MENU = "nav.category-menu li.parent > a"
NOT_CATEGORY = re.compile(r"^/(?:tac-gia|lien-he|tim-kiem)(?:[./]|$)")
ITEM_NODES = "article.article-item, div.inner-article"


class ZnewsArticle(ArticleParser):
    TITLE = ("h1.the-article-title", "h1")
    SAPO = ("p.the-article-summary",)
    AUTHOR = ("div.the-article-credit p.author", "div.the-article-credit")
    TIME_TEXT = ("ul.the-article-meta li.the-article-publish", "li.the-article-publish")
    CATEGORY = ("p.the-article-category a", "header.the-article-header .the-article-category")
    TAGS = "p.the-article-tags a"
    CONTENT = ("div.the-article-body",)
    BODY_RULES = BodyRules(
        # table.article: inline related stories; .notebox.ncenter: the centred promo box (a book series
        # on the saved page); the rest are ad slots.
        drop=("table.article", ".inner-article", ".notebox.ncenter", "[id^=ZingNews_]", ".znews-banner"),
        photo_blocks=("table.picture", "figure"),
        captions=("td.pCaption", "figcaption"),
        # Unpinned: no saved article embeds a video.
        video_blocks=("figure.video", "div.video", "video", "iframe[src*=video]", "iframe[src*=youtube]"))

    def content_type(self, title: str | None, body: Body) -> str:
        classes = (self.page.first_attr(("article.the-article", "class")) or "").split()
        return next((TYPE_CLASSES[c] for c in classes if c in TYPE_CLASSES), None) \
            or super().content_type(title, body)


class ZnewsListing(LinkListing):
    """Home and category pages: article links in page order with the item's printed time."""

    ITEM_NODES = ITEM_NODES

    def _link_title(self, link: Selector) -> str | None:
        """A link wrapping a whole card (title, summary, time) is named by its heading."""
        named = (link.css("h2, h3, .title")[:1] or [link])[0]
        return clean_text(link.attrib.get("title")) or clean_text(" ".join(named.css("::text").getall())) or None

    def _time_of(self, node) -> tuple[str, str] | None:  # noqa: ANN001
        """``span.time`` + ``span.date`` (absolute) before ``span.friendly-time`` (often relative)."""
        clock, day = (clean_text(node.css(f"span.{c}::text").get()) for c in ("time", "date"))
        for raw in (f"{clock} {day}" if clock and day else "",
                    clean_text(node.css("span.friendly-time::text").get())):
            parsed = self.dates.parse(raw) if raw else None
            if parsed:
                return raw, parsed.isoformat()
        return None

    def _categories(self) -> list[str]:
        urls: list[str] = []
        for href in self.page.sel.css(MENU).xpath("@href").getall():
            url = strip_query(self.page.absolute(href) or "")
            if self.site.owns(url) and not self.site.article_id(url) \
                    and not NOT_CATEGORY.match(urlsplit(url).path) and url not in urls:
                urls.append(url)
        return urls

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """None: no saved ZNews page shows its listing pagination."""
        return None


SITE = Site(
    key="znews",
    name="Znews",
    domains=("znews.vn",),
    article_parser=ZnewsArticle,
    listing_parser=ZnewsListing,
    article_path_re=ARTICLE_PATH,
    start_paths=("/",),
    names=("Znews", "Znews.vn", "znews.vn", "Zing News", "ZingNews", "Zing", "Tạp chí Tri thức",
           "Tri thức - Znews"),
)
