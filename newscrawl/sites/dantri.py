"""dantri.com.vn (Báo điện tử Dân trí): article parsers by era and one listing walker for every layout.

Pinned by real pages (shared/realpages/dantri.com.vn): a 2016 mobile article (read by the dated
VCCorp-era version) and listings of 2016 (mobile home), 2018 (desktop home and category) and 2020 (the
``dt-`` home). The current article markup (``h1.title-page``, ``h2.singular-sapo``, ``div.singular-content``,
``time.author-time[datetime]``, 2021-) and the late-2020 ``dt-news__*`` markup come from public crawler
code, not from a saved page: [unverified] until a live page is saved.

Ids are ``yyyyMMddHHmmss`` + unpadded milliseconds (15-17 digits, the pre-2022 VCCorp shape that
``vccorp_id_time`` decodes); 10-digit ids belong to the CMS before 2015 and carry no decodable time.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules, css_to_xpath
from newscrawl.extraction.dates import vccorp_id_time
from newscrawl.extraction.page import strip_query
from newscrawl.extraction.text import clean_text, fold_key
from newscrawl.loaders import ArticleLoader
from newscrawl.sites.base import ArticleParser, ListingEntry, ListingPage, ListingParser, Site, dedup_entries

if TYPE_CHECKING:
    from datetime import datetime

    from lxml import etree

ARTICLE_PATH = re.compile(r"^/(?:[a-z0-9-]+/){0,2}[a-z0-9-]+-(?P<id>\d{15,17}|\d{10})\.htm$")
STAMP = "Dân trí"


class DanTriArticle(ArticleParser):
    """Article page of the current layouts (2021 ``singular-*`` and e-magazine; late-2020 ``dt-news__*``)."""

    TITLE = ("h1.title-page", "h1.dt-news__title", "h1.e-magazine__title", "article h1", "h1")
    SAPO = ("h2.singular-sapo", ".singular-sapo", ".dt-news__sapo", ".e-magazine__sapo")
    AUTHOR = ("div.author-name", ".dt-news__author")
    TIME_TEXT = ("time.author-time", ".dt-news__time")
    TIME_ATTR = (("time.author-time", "datetime"), *ArticleParser.TIME_ATTR)
    CATEGORY = ("ul.breadcrumbs li a", ".dt-breadcrumb li a")
    TAGS = ".tags-container a, ul.dt-news__tag-list a"
    CONTENT = ("div.singular-content", "div.dt-news__content", "div.e-magazine__body")
    BODY_RULES = BodyRules(
        drop=("div[id^=admzone]", "#admbackground", ".article-related", ".dt-news__tag", "div.rela"),
        photo_blocks=("figure", ".VCSortableInPreviewMode[type=Photo]"),
        captions=("figcaption", ".PhotoCMS_Caption"),
        video_blocks=(".VCSortableInPreviewMode[type=VideoStream]", "video", "iframe[src*=youtube]",
                      "iframe[src*=video]"))

    def lede_stamp(self) -> str | None:
        """The sapo's leading ``<span>`` when it is the ``Dân trí`` stamp (printed with no separator)."""
        for query in self.SAPO:
            first = self.page.sel.css(query).xpath("./*[1][self::span]//text()").getall()
            if first:
                text = clean_text(" ".join(first))
                return text if fold_key(text) == fold_key(STAMP) else None
        return None

    def id_time(self, article_id: str | None) -> datetime | None:
        return vccorp_id_time(article_id or "")


class DanTri2016Article(DanTriArticle):
    """The VCCorp-era layout (2015-2020): the mobile skin of the saved 2016 page (``div.detail_w``) and,
    [unverified, public crawler code], the desktop one (``h1.fon31``, ``#divNewsContent``)."""

    TITLE = ("div.detail_w h1", "h1.fon31", *DanTriArticle.TITLE)
    SAPO = ("div.detail_w h2.sapo", "h2.sapo", *DanTriArticle.SAPO)
    TIME_TEXT = ("div.detail_w div.publishdate", "span.tt-capitalize", *DanTriArticle.TIME_TEXT)
    CATEGORY = ("div.submn_w a.itp", *DanTriArticle.CATEGORY)
    TAGS = f"span.news-tags-item a, {DanTriArticle.TAGS}"
    CONTENT = ("div.detail_w div.content", "#divNewsContent", *DanTriArticle.CONTENT)
    # the section badge (a gif, e.g. "xahoi-….gif") after the right-aligned byline is not a content image
    BODY_RULES = BodyRules(
        drop=(*DanTriArticle.BODY_RULES.drop, "p[style*='text-align: right'] ~ .VCSortableInPreviewMode",
              "p[style*='text-align:right'] ~ .VCSortableInPreviewMode"),
        photo_blocks=DanTriArticle.BODY_RULES.photo_blocks, captions=DanTriArticle.BODY_RULES.captions,
        video_blocks=DanTriArticle.BODY_RULES.video_blocks)

    def body(self, loader: ArticleLoader) -> Body:
        """Images as the full-size file the page names in ``img@rel`` (``src`` is a 640 px thumbnail)."""
        body = super().body(loader)
        full = {self.page.absolute(img.attrib.get("src")): self.page.absolute(img.attrib.get("rel"))
                for img in self.page.sel.css("img[rel^=http], img[rel^='/']")}
        for image in body.images:
            image.url = full.get(image.url) or image.url
        return body


# --- listings --------------------------------------------------------------------------------------
# Printed item times: 2020 ``span.news-item__time``, 2016 mobile ``div.time > i``; never sapo text,
# render comments (``<!--w-u: …-->``) or ``input#hidCurrentDate``, which are not elements read here.
ITEM_TIME = css_to_xpath((".news-item__time", ".article-time", "time", "div.time", "span.time"))
MAX_UP = 6
RELATED_MARK = (">>", "»")
CATEGORY_PATH = re.compile(r"^/[a-z0-9-]+(?:/[a-z0-9-]+)?\.htm$")
NOT_CATEGORY = re.compile(r"(?:^/(?:video-page|doc-nhieu|binh-luan-nhieu|tim-kiem|search|tag|rss|video/)"
                          r"|/trang-\d+\.htm$|-\d+\.htm$)")
PAGED = re.compile(r"^/(?P<cat>[a-z0-9-]+(?:/[a-z0-9-]+)?)/trang-(?P<n>\d+)\.htm$")
TAG_RE = re.compile(r"<[^>]+>")


def link_title(link: etree._Element) -> str | None:
    """The ``title`` attribute (markup inside it removed), else the link text."""
    title = clean_text(TAG_RE.sub("", link.get("title") or ""))
    return title or clean_text(" ".join(link.itertext())) or None


def merge_by_id(entries: list[ListingEntry]) -> list[ListingEntry]:
    """One entry per article id, at its first link: the same article is linked under several section
    paths (``/su-kien/…`` and ``/xa-hoi/…``) and a top story shows its time only where it is repeated
    in a section box, so a later link lends its title and time (``dedup_entries`` keys on the URL and
    fills only the title)."""
    kept: dict[str, ListingEntry] = {}
    for entry in entries:
        first = kept.setdefault(entry.article_id or strip_query(entry.url), entry)
        if first is not entry:
            first.title = first.title or entry.title
            if not first.published_at:
                first.published_at, first.published_at_raw = entry.published_at, entry.published_at_raw
    return dedup_entries(list(kept.values()))


class DanTriListing(ListingParser):
    """Home and category pages of every saved layout: article links in page order with the time printed in
    their item, section links, and ``/{cat}/trang-{N}.htm`` pagination."""

    def parse(self) -> ListingPage:
        entries = []
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            article_id = self.site.article_id(url) if url and self.site.owns(url) else None
            if article_id is None or clean_text(link.xpath("string()").get()).startswith(RELATED_MARK):
                continue  # not an article, or a ">> older story" pointer under another item's sapo
            entry = ListingEntry(url=url, article_id=article_id, title=link_title(link.root))
            printed = self.printed_time(link.root)
            if printed:
                entry.published_at_raw, entry.published_at = printed
            entries.append(entry)
        return ListingPage(entries=merge_by_id(entries), category_urls=self.categories())

    def printed_time(self, link: etree._Element) -> tuple[str, str] | None:
        """The time printed in the smallest ancestor that holds this article and no other."""
        node: etree._Element | None = link
        for _ in range(MAX_UP):
            if node is None or len(self._ids_in(node)) > 1:
                return None
            for element in node.xpath(ITEM_TIME):
                raw = clean_text(" ".join(element.itertext()))
                parsed = self.dates.parse(raw) if raw else None
                if parsed:
                    return raw, parsed.isoformat()
            node = node.getparent()
        return None

    def _ids_in(self, node: etree._Element) -> set[str]:
        hrefs = node.xpath("descendant-or-self::a/@href")
        return {i for i in (self.site.article_id(self.page.absolute(h) or "") for h in hrefs) if i}

    def categories(self) -> list[str]:
        """Section links on the page's own host, in page order."""
        host = urlsplit(self.page.url).netloc
        urls: list[str] = []
        for href in self.page.sel.xpath("//a/@href").getall():
            url = self.page.absolute(href)
            parts = urlsplit(url or "")
            if (url and parts.netloc == host and CATEGORY_PATH.match(parts.path)
                    and not NOT_CATEGORY.search(parts.path) and not self.site.article_id(url)):
                clean = f"{parts.scheme}://{parts.netloc}{parts.path}"
                if clean not in urls:
                    urls.append(clean)
        return urls

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """``/{cat}.htm`` -> ``/{cat}/trang-2.htm`` -> ``/{cat}/trang-3.htm`` …; the home page has none."""
        parts = urlsplit(self.page.url)
        paged = PAGED.match(parts.path)
        if paged:
            category, number = paged.group("cat"), int(paged.group("n"))
        elif CATEGORY_PATH.match(parts.path) and not NOT_CATEGORY.search(parts.path):
            category, number = parts.path[1:-4], 1
        else:
            return None
        if not listing.entries:
            return None
        return f"{parts.scheme}://{parts.netloc}/{category}/trang-{number + 1}.htm"


SITE = Site(
    key="dantri",
    name="Báo điện tử Dân trí",
    domains=("dantri.com.vn",),
    article_parser=DanTriArticle,
    listing_parser=DanTriListing,
    article_path_re=ARTICLE_PATH,
    feed_paths=("/rss/home.rss",),
    lede_prefixes=(STAMP,),
    names=("Dân trí", "Báo Dân trí", "Báo điện tử Dân trí", "dantri", "dantri.com.vn"),
    # Pages fetched up to the eve of the first saved dt- page (home 2020-12-21) are read as VCCorp-era
    # pages; the last saved VCCorp-era page is of 2019-08-25. The switch date itself is unknown.
    versions=((date(2020, 12, 20), DanTri2016Article),),
)
