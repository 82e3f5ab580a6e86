"""vnexpress.net (Báo VnExpress) and its English edition e.vnexpress.net; pinned by real pages.

Articles: ``h1.title-detail``, sapo ``p.description`` (a ``span.location-stamp`` dateline may open it),
``span.date`` (``Thứ tư, 22/10/2025, 19:25 (GMT+7)``), body ``article.fck_detail`` with
``figure.tplCaption`` photos captioned ``p.Image`` (``… Ảnh: <em>credit</em>``), and the byline as a
right-aligned ``p.Normal > strong`` or a ``p.author_mail > strong`` at the body's end. Tags are the
editorial keywords (``meta[name=keywords]`` = the ``articleTags`` data layer, one tag id each).

Listings: home, ``/{cat}`` and ``/{cat}-p{N}``; article links in page order, the item time from
``span.time-ago@datetime``. The 2016 home page (articles on section subdomains, ``/tin-tuc/…`` paths)
is read by the same link walk. ``e.vnexpress.net`` pages are the English edition (``language`` "en"):
listings keep each edition to itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules
from newscrawl.extraction.page import strip_query
from newscrawl.extraction.text import clean_text, fold_key
from newscrawl.sites.base import ArticleParser, LinkListing, ListingPage, Site

# /{slug}-{7 digits}.html; before 2017 (and on the English edition) section folders precede the slug.
ARTICLE_PATH = re.compile(r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+-(?P<id>\d{7})\.html$")
# Video player and classified-ads hosts: not articles of this module's layout.
OTHER_HOSTS = frozenset({"video.vnexpress.net", "raovat.vnexpress.net"})
NOT_TAGS = frozenset({fold_key("Tin nóng")})  # an editorial "hot news" flag, not a subject
MENU = ("nav.main-nav > ul > li > a", "div.item_menu_left > a", "ul.list_menu_header > li > a")
NOT_CATEGORY = re.compile(r"^/(?:vne-go|lich-van-nien|myvne|news/premium|contactus|lien-he|rss|topic|tag"
                          r"|chu-de|tim-kiem|interactive)(?:[/-]|$)")
CATEGORY_PATH = re.compile(r"^/[a-z0-9-]+(?:/[a-z0-9-]+)*$")
PAGE_SUFFIX = re.compile(r"-p\d+$")
ITEM_NODES = "article.item-news, article.article-item, div.item-news"
ITEM_TIME = (".time-ago", "time", ".time-public")


def language_of(url: str) -> str:
    """``en`` for the English edition (e.vnexpress.net), else ``vi``."""
    return "en" if (urlsplit(url).hostname or "").lower().startswith("e.") else "vi"


class VnExpressArticle(ArticleParser):
    TITLE = ("h1.title-detail", "h1")
    SAPO = ("p.description",)
    AUTHOR = ("article.fck_detail p.author_mail > strong",)
    TIME_TEXT = ("div.header-content span.date", "span.date")
    CATEGORY = ("ul.breadcrumb li a",)
    CONTENT = ("article.fck_detail",)
    BODY_RULES = BodyRules(
        drop=("p.author_mail", "[data-component-type]", "#article-end", ".box-tinlienquanv2", ".list-news"),
        photo_blocks=("figure", "table.tplCaption"),
        captions=("figcaption", "p.Image"),
        # Unpinned: no saved article embeds a video.
        video_blocks=(".box_embed_video_parent", ".box_embed_video", "video", "iframe[src*=video]",
                      "iframe[src*=youtube]"))

    def language(self) -> str:
        return language_of(self.page.url)

    def location(self) -> str | None:
        """The dateline (``Nhật Bản``) a ``span.location-stamp`` prints at the start of the sapo."""
        sapo = self.page.sel.css(", ".join(self.SAPO))[:1]
        return clean_text(" ".join(sapo.css("span.location-stamp ::text").getall())) or None

    def tags(self) -> list[str]:
        raw = self.page.meta.get("news_keywords") or self.page.meta.get("keywords") or ""
        return [t for t in map(clean_text, raw.split(",")) if t and fold_key(t) not in NOT_TAGS]

    def content_type(self, title: str | None, body: Body) -> str:
        if "/infographics/" in urlsplit(self.page.url).path:
            return "infographic"
        if self.page.sel.css("section.page-detail.detail-photo"):  # photo-story layout (unpinned)
            return "photo"
        return super().content_type(title, body)


class VnExpressListing(LinkListing):
    """Home, category and ``-p{N}`` pages of either edition: article links in page order."""

    ITEM_NODES = ITEM_NODES

    def _same_site(self, url: str) -> bool:
        """The page's own edition only, and none of the group's other sites (raovat, video …)."""
        host = (urlsplit(url).hostname or "").lower()
        return (self.site.owns(url) and host not in OTHER_HOSTS
                and language_of(url) == language_of(self.page.url))

    def _time_of(self, node) -> tuple[str, str] | None:  # noqa: ANN001
        """Any machine ``datetime`` attribute first (the text is a stale ``2h trước``), then the texts."""
        elements = node.css(", ".join(ITEM_TIME))
        attributes = [el.attrib.get("datetime") for el in elements]
        texts = [clean_text(" ".join(el.css("::text").getall())) for el in elements]
        for raw in attributes + texts:
            parsed = self.dates.parse(raw) if raw else None
            if parsed:
                return clean_text(raw), parsed.isoformat()
        return None

    def _categories(self) -> list[str]:
        """Top-level sections of the page's main menu (sub-sections are listed inside them)."""
        page_host = urlsplit(self.page.url).hostname
        urls: list[str] = []
        for href in self.page.sel.css(", ".join(MENU)).xpath("@href").getall():
            url = self.page.absolute(href)
            if not url or not self._same_site(url) or self.site.article_id(url):
                continue
            parts = urlsplit(strip_query(url))
            path = parts.path.rstrip("/") or "/"
            if (path == "/" and parts.hostname == page_host) or NOT_CATEGORY.match(path):
                continue
            clean = strip_query(url).rstrip("/")
            if clean not in urls:
                urls.append(clean)
        return urls

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """The page's "next" link; else, on vnexpress.net sections, ``/{cat}-p{N+1}``."""
        if not listing.entries:
            return None
        href = self.page.first_attr(("a.next-page", "href"), ("a[rel=next]", "href"))
        if href:
            return self.page.absolute(href)
        parts = urlsplit(self.page.url)
        path = PAGE_SUFFIX.sub("", parts.path.rstrip("/"))
        if parts.hostname != "vnexpress.net" or not CATEGORY_PATH.match(path):
            return None
        return f"{parts.scheme}://{parts.netloc}{path}-p{page_no + 1}"


SITE = Site(
    key="vnexpress",
    name="VnExpress",
    domains=("vnexpress.net",),
    article_parser=VnExpressArticle,
    listing_parser=VnExpressListing,
    article_path_re=ARTICLE_PATH,
    start_paths=("/",),
    # The saved pages link only the /rss index page; this feed is the one public code reads
    # (Fundus's VnExpress publisher among others).
    feed_paths=("/rss/tin-moi-nhat.rss",),
    names=("VnExpress", "vnexpress.net", "Báo VnExpress", "Tin nhanh VnExpress", "VnExpress International",
           "e.vnexpress.net"),
)
