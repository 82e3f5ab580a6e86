"""24h.com.vn (site key "24h"), plus the markup it shares with eva.vn (same media group, same CMS).

Pinned by one real page: a 2025 article as a browser rendered it (mobile skin). Article URLs are
``/{cat-slug}/{slug}-c{cat}a{id}.html`` (the id is the number after "a"), categories
``/{slug}-c{cat}.html``. Group traits handled here and reused by ``eva.py``:

- captions are ``p.img_chu_thich_0407`` paragraphs printed *after* the image's block (the
  ``data-placeholder`` attribute is never text);
- the outlet of re-published articles is base64 in ``span#origin_name_full@data-src`` and written
  into the page by a script, so raw HTML may show a placeholder instead of the name;
- listing items carry no reliable times on the pages seen; pagination is script-driven (none here).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newscrawl.extraction.body import Body, BodyRules, css_to_xpath
from newscrawl.extraction.captions import is_placeholder, split_credit
from newscrawl.extraction.page import strip_query
from newscrawl.extraction.text import clean_text, fold_key
from newscrawl.items import ImageItem
from newscrawl.sites.base import ArticleParser, ListingEntry, ListingPage, ListingParser, Site, dedup_entries

if TYPE_CHECKING:
    from parsel import Selector

    from newscrawl.loaders import ArticleLoader

ARTICLE_PATH = re.compile(r"^/(?:[a-z0-9-]+/)?[a-z0-9-]+-c\d+a(?P<id>\d+)\.html$")
CATEGORY_PATH = re.compile(r"^/[a-z0-9-]+-c(?P<cat>\d+)\.html$")
ORIGIN_PLACEHOLDER = "[Tên nguồn]"
VISIBLE_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"
# Ads, in-image banners, related boxes and popups of both skins (24h ADS_*, eva bnBAER_*).
DROP = (
    "h2.cate-24h-foot-arti-deta-sum", "[id^=ADS_]", "[id^=bnBAER_]", "section.bnr", "section.banr",
    ".banr", ".text_adver_mobie", ".adZone", ".m-24h-banner-in-image", "[id='24h-banner-in-image']",
    "#div_onpage_banner_open", ".bv-lq", ".evtBox", "#popup_save_news_result", ".popup-overlay",
    ".jg-spinner", "[class*=trc_]",
)
# Only the group's own player counts as video: ad players inside dropped banners carry <video> too.
BODY_RULES = BodyRules(drop=DROP, photo_blocks=("figure",),
                       captions=("p.img_chu_thich_0407", "figcaption", ".PhotoCMS_Caption"),
                       video_blocks=(".viewVideoPlay", ".v-24h-media-player", "iframe[src*=youtube]"))
_CAPTIONS = etree.XPath(css_to_xpath(("p.img_chu_thich_0407",)))


def decode_origin(value: str | None) -> str | None:
    """The outlet name hidden in ``span#origin_name_full@data-src`` (base64 of UTF-8 text)."""
    if not value:
        return None
    try:
        return clean_text(base64.b64decode(value, validate=True).decode("utf-8")) or None
    except (binascii.Error, ValueError):
        return None


def visible_text(node: Selector) -> str:
    """Text of *node* without script and style contents, cleaned."""
    return clean_text(" ".join(node.xpath(VISIBLE_TEXT).getall()))


def image_url(img: etree._Element, base_url: str) -> str | None:
    """Full-size URL the way the body extractor reads it (data-original, data-src, src)."""
    src = (img.get("data-original") or img.get("data-src") or img.get("src") or "").strip()
    return urljoin(base_url, src) if src and not src.startswith("data:") else None


def _media_block(caption: etree._Element) -> etree._Element | None:
    """The sibling before *caption* holding the image(s), skipping empty paragraphs; None at text."""
    for sib in caption.itersiblings(preceding=True):
        if not isinstance(sib.tag, str) or sib.tag in ("script", "style"):
            continue
        if next(sib.iter("img", "video", "iframe"), None) is not None:
            return sib
        if clean_text(" ".join(sib.xpath(VISIBLE_TEXT))):
            return None
    return None


def sibling_captions(root: etree._Element, base_url: str) -> dict[str, str]:
    """Image URL -> caption as printed, for captions printed right after the image's block.

    A block with several images (a gallery) gives its caption to the image whose alt is the
    caption, else to its last image.
    """
    found: dict[str, str] = {}
    for caption in _CAPTIONS(root):
        raw = clean_text(" ".join(caption.xpath(VISIBLE_TEXT)))
        block = _media_block(caption) if raw and not is_placeholder(raw) else None
        images = [(url, img.get("alt")) for img in block.iter("img")
                  if (url := image_url(img, base_url))] if block is not None else []
        if images:
            url = next((u for u, alt in images if fold_key(alt) == fold_key(raw)), images[-1][0])
            found.setdefault(url, raw)
    return found


class GroupArticle(ArticleParser):
    """Article page of the 24h/eva CMS; site modules set the selectors."""

    BODY_RULES = BODY_RULES

    def body(self, loader: ArticleLoader) -> Body:
        body = super().body(loader)
        node = self.container()
        if node is not None and body.images:
            captions = sibling_captions(node.root, self.page.url)
            body.images = [_captioned(img, captions.get(img.url)) for img in body.images]
        return body

    def origin_name(self) -> str | None:
        """The re-published article's outlet: decoded data-src, else the visible name."""
        node = self.page.sel.css("#origin_name_full")
        if not node:
            return None
        shown = visible_text(node[0]).strip("() ")
        decoded = decode_origin(node[0].attrib.get("data-src"))
        return decoded or (shown if shown and ORIGIN_PLACEHOLDER not in shown else None)

    def byline_raw(self) -> str | None:
        """The byline as printed; an outlet the script would fill in is filled from data-src."""
        for query in self.AUTHOR:
            for node in self.page.sel.css(query):
                text = visible_text(node)
                origin = node.css("#origin_name_full")
                if origin:
                    text = _fill_origin(text, visible_text(origin[0]), self.origin_name())
                if text:
                    return text
        return None

    def source(self) -> str | None:
        return self.origin_name() or super().source()

    def category(self) -> str | None:
        return super().category() or self._breadcrumb_last()

    def _breadcrumb_last(self) -> str | None:
        for obj in self.page.jsonld:
            items = obj.get("itemListElement") if obj.get("@type") == "BreadcrumbList" else None
            if isinstance(items, list) and len(items) > 1 and isinstance(items[-1], dict):
                item = items[-1].get("item")
                name = item.get("name") if isinstance(item, dict) else items[-1].get("name")
                return (clean_text(name) or None) if isinstance(name, str) else None
        return None


def _fill_origin(text: str, shown: str, origin: str | None) -> str:
    """Put the decoded outlet where raw HTML shows a placeholder or nothing: "Theo X (Outlet)"."""
    if not origin or fold_key(origin) in fold_key(shown):
        return text
    return clean_text(f"{text.replace(shown, ' ') if shown else text} ({origin})")


def _captioned(img: ImageItem, raw: str | None) -> ImageItem:
    if not raw:
        return img
    caption, credit = split_credit(raw)
    return ImageItem(url=img.url, caption=caption, credit=credit, caption_raw=raw)


class H24Article(GroupArticle):
    """24h.com.vn article (2025 markup, mobile skin as saved)."""

    TITLE = ("header.cate-24h-foot-arti-deta-title h1", "h1[itemprop=headline]", "h1")
    SAPO = ("h2.cate-24h-foot-arti-deta-sum",)
    AUTHOR = ("div.cate-24h-foot-arti-deta-author",)
    TIME_TEXT = ("time.cate-24h-foot-arti-deta-cre-post",)
    CATEGORY = ("nav.cate-24h-foot-menu-top header a",)
    TAGS = "div.cate-24h-foot-arti-deta-tags a"
    CONTENT = ("#div_news_content", "article.cate-24h-foot-arti-deta-info", "[itemprop=articleBody]")


# Third-party widgets and ad slots whose links are not the site's listing (Taboola, banners).
NOT_LISTING = ("[id^=ADS_]", "[id^=bnBAER_]", "section.bnr", ".banr", "[class*=trc_]", "[id^=taboola]")
TIME_NODES = "time, [class*=time]"
TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
BUTTON = re.compile(r"^(?:bấm xem|xem thêm|xem ngay|chi tiết)\b", re.I)


class GroupListing(ListingParser):
    """Home and category pages: every article link in page order (ads and widgets left out).

    Title: the first complete link text (or @title/@alt of the link); a text cut with "..." only
    when no complete one exists; an image alt last (alts drop quotes and repeat on eva). Time: a
    ``time`` or ``*time*``-class element inside the link's own item (an article or li that links no
    other article). Pagination is a script button (eva: a POST "Xem thêm"), so ``next_page_url``
    stays None.
    """

    def parse(self) -> ListingPage:
        ad_roots = {node.root for node in self.page.sel.css(", ".join(NOT_LISTING))}
        texts: dict[str, list[str]] = {}
        alts: dict[str, list[str]] = {}
        entries = []
        for link in self.page.sel.xpath("//a[@href]"):
            url = self._article_url(link.attrib["href"])
            if url is None or any(anc in ad_roots for anc in link.root.iterancestors()):
                continue
            texts.setdefault(url, []).extend(_link_titles(link))
            alts.setdefault(url, []).extend(clean_text(a) for a in link.xpath(".//img/@alt").getall())
            entry = ListingEntry(url=url, article_id=self.site.article_id(url))
            entry.published_at_raw, entry.published_at = self._item_time(link, url)
            entries.append(entry)
        kept = dedup_entries(entries)
        for entry in kept:
            entry.title = _best_title(texts.get(entry.url, []), alts.get(entry.url, []))
        return ListingPage(entries=kept, category_urls=self._categories())

    def _article_url(self, href: str) -> str | None:
        url = self.page.absolute(href)
        if not url or not self.site.owns(url) or self.site.article_id(url) is None:
            return None
        return strip_query(url)

    def _item_time(self, link: Selector, url: str) -> tuple[str | None, str | None]:
        """(raw, ISO) of a time printed in the link's own item; (None, None) when there is none."""
        for item in link.xpath("ancestor::*[self::article or self::li][1]"):
            hrefs = {self._article_url(h) for h in item.xpath(".//a/@href").getall()} - {None}
            if hrefs != {url}:
                return None, None
            for node in item.css(TIME_NODES):
                raw = node.attrib.get("datetime") or visible_text(node)
                parsed = self.dates.parse(raw) if raw else None
                if parsed:
                    return raw, parsed.isoformat()
        return None, None

    def _categories(self) -> list[str]:
        """Category pages linked from the page, one URL per category id (menus repeat them)."""
        urls: dict[str, str] = {}
        for href in self.page.sel.xpath("//a/@href").getall():
            url = self.page.absolute(href)
            match = CATEGORY_PATH.match(urlsplit(url).path) if url and self.site.owns(url) else None
            if match:
                urls.setdefault(match.group("cat"), strip_query(url))  # type: ignore[arg-type]
        return list(urls.values())


def _link_titles(link: Selector) -> Iterator[str]:
    shown = " ".join(link.xpath(VISIBLE_TEXT).getall())
    for raw in (shown, link.attrib.get("title"), link.attrib.get("alt")):
        text = clean_text(raw)
        if text and not BUTTON.match(text):
            yield text


def _best_title(texts: list[str], alts: list[str]) -> str | None:
    complete = [t for t in texts if not TRUNCATED.search(t)]
    return next(iter(complete or texts or [a for a in alts if a]), None)


SITE = Site(
    key="24h",
    name="Tin tức 24h",
    domains=("www.24h.com.vn", "24h.com.vn"),
    article_parser=H24Article,
    listing_parser=GroupListing,
    article_path_re=ARTICLE_PATH,
    # "Tin mới" (latest across sections) is linked from every page's header.
    start_paths=("/", "/tin-moi-tong-hop-c1092.html"),
    names=("24h", "24h.com.vn", "24H.COM.VN", "Tin tức 24h", "Tin Tức 24h"),
)
