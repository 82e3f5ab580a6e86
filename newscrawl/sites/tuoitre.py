"""tuoitre.vn (Báo Tuổi Trẻ): the VCCorp platform today, with its 2015 CMS as a dated parser version.

Pinned by real pages (shared/realpages/tuoitre.vn): a 2015 article in its desktop and mobile skins and the
2015 home page. Today's site runs the platform (shared/sites/truyenhinhthanhhoa.md §1): its markup is
[same platform]; its ids are 17 digits in public URLs of 2025 (``…-20251026154627142.htm``), not the
prefixed 18 the platform notes list, so both are accepted. Category pages continue as
``/timeline/{zone}/trang-{N}.htm`` (public crawler code; not ``/timelinelist/…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules
from newscrawl.extraction.text import clean_text
from newscrawl.loaders import ArticleLoader
from newscrawl.sites.base import ListingPage, Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

if TYPE_CHECKING:
    from parsel import Selector

ARTICLE_PATH = re.compile(
    r"^/(?=(?:print/)?[a-z0-9-]+-\d{15,18}\.htm$"  # platform: /{slug}-{id}.htm
    # 2015 CMS: /tin/{cat}[/{sub}]/{yyyymmdd}/{slug}/{id}.html, /tin/{slug}/{id}.html
    r"|tin/(?:[a-z][a-z0-9-]*/){0,3}(?:\d{8}/)?[a-z0-9-]+/\d{4,8}\.html$)"
    r".*?(?P<id>\d+)\.html?$")
OLD_CATEGORY = re.compile(r"^/tin/[a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?/?$")
TIMELINE = re.compile(r"^/timeline/(?P<zone>\d+)/trang-(?P<n>\d+)\.htm$")
TAG_RE = re.compile(r"<[^>]+>")


class TuoiTreArticle(VCCorpArticle):
    """The platform parser, plus the class names of tuoitre's 2018-2022 skin [unverified, public code]."""

    extraction = "site"
    TITLE = (*VCCorpArticle.TITLE, "h1.article-title")
    TIME_TEXT = (*VCCorpArticle.TIME_TEXT, "div.date-time")
    CONTENT = (*VCCorpArticle.CONTENT, "#main-detail-body", "div.main-content-body")


class TuoiTre2015Article(TuoiTreArticle):
    """The 2015 CMS (``/tin/…/{id}.html``): desktop skin (``h1.title-2``, ``p.txt-head``, ``div.fck``) and
    mobile skin (``section.fck``); the platform cascades stay behind as fallbacks."""

    TITLE = ("h1.title-2", "section.fck > h1", *TuoiTreArticle.TITLE)
    SAPO = ("p.txt-head", "section.fck > p", *TuoiTreArticle.SAPO)
    AUTHOR = ("div.wrapper-qt > strong", "div.hlight span.author", *TuoiTreArticle.AUTHOR)
    TIME_TEXT = ("div.tool-bar span.date", *TuoiTreArticle.TIME_TEXT)
    CATEGORY = ("ul.breadcrumb li.active a", "div.catego-title > a", *TuoiTreArticle.CATEGORY)
    TAGS = "ul.block-key li a"
    CONTENT = ("div.left-side > div.fck", "section.content div.fck", *TuoiTreArticle.CONTENT)
    BODY_RULES = BodyRules(
        drop=(".wrapper-qt", "div[id^=tt-wrapper]", ".block-qc", ".block-key", "#s-comment"),
        photo_blocks=("table.desc_image", "figure"), captions=("td.ck_legend", "figcaption"),
        video_blocks=("div[id^=jwplayer]", "video", "iframe[src*=youtube]"))

    def body(self, loader: ArticleLoader) -> Body:
        """Images as the full-size file the photo table links (``table.desc_image@href``), not the
        490 px ``src``."""
        body = super().body(loader)
        tables = self.page.sel.css("table.desc_image[href]")
        full = {self.page.absolute(t.css("img::attr(src)").get()): self.page.absolute(t.attrib["href"])
                for t in tables}
        for image in body.images:
            image.url = full.get(image.url) or image.url
        return body

    def modified_candidates(self) -> Iterator[str | None]:
        yield self.page.first_attr(("[itemprop=dateModified]", "content"))
        yield from super().modified_candidates()


class TuoiTreListing(VCCorpListing):
    """Platform home, category and ``/timeline/{zone}/trang-{N}.htm`` pages, and the 2015 home page."""

    def _link_title(self, link: Selector) -> str | None:
        """The ``title`` attribute without the markup the 2015 CMS left in it (``<span>…</span>``), else
        the link text without its comment counter."""
        title = clean_text(TAG_RE.sub("", link.attrib.get("title") or ""))
        text = link.xpath(".//text()[not(ancestor::*[contains(@class, 'icon-')])]").getall()
        return title or clean_text(" ".join(text)) or None

    def _categories(self) -> list[str]:
        """Platform section links, then the 2015 ones (``/tin/{cat}[/{sub}]``) on the page's host."""
        urls = super()._categories()
        host = urlsplit(self.page.url).netloc
        for href in self.page.sel.xpath("//a/@href").getall():
            parts = urlsplit(self.page.absolute(href) or "")
            if parts.netloc == host and OLD_CATEGORY.match(parts.path):
                url = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
                if url not in urls:
                    urls.append(url)
        return urls

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """Category page (zone from ``#hdZoneId``) -> ``/timeline/{zone}/trang-2.htm`` -> ``trang-3`` …"""
        parts = urlsplit(self.page.url)
        paged = TIMELINE.match(parts.path)
        zone = paged.group("zone") if paged else listing.zone_id
        if not zone or not listing.entries:
            return None
        number = int(paged.group("n")) if paged else 1
        return f"{parts.scheme}://{parts.netloc}/timeline/{zone}/trang-{number + 1}.htm"


SITE = Site(
    key="tuoitre",
    name="Báo Tuổi Trẻ",
    domains=("tuoitre.vn",),
    article_parser=TuoiTreArticle,
    listing_parser=TuoiTreListing,
    article_path_re=ARTICLE_PATH,
    feed_paths=("/rss/tin-moi-nhat.rss",),
    lede_prefixes=("TTO", "TT"),
    names=("Tuổi Trẻ", "Tuổi Trẻ Online", "Báo Tuổi Trẻ", "TTO", "tuoitre.vn", "VCCorp", "VCCorp.vn"),
    # The 2015 CMS: its layout is pinned on 2015-03-23 and its URL shape is seen in public code up to
    # 2017-06-17 (…/tin/phap-luat/20170617/…/1333332.html); the move to the platform is undated.
    versions=((date(2017, 6, 30), TuoiTre2015Article),),
)
