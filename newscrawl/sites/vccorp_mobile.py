"""The platform's 2014 mobile layout: a dated parser version shared by the tenants that served it.

Evidence: the 2014 mobile pages in shared/realpages (kenh14.vn, cafef.vn, cafebiz.vn, afamily.vn,
giadinh.net.vn ``m-*.html``), rendered early 2014 and stored until 2016. ASP.NET pages with no meta
times, no JSON-LD and no configHidden inputs. Two skins:

- k14 (kenh14, afamily): ``h1.post-title``, ``p.post-meta`` (byline), ``h2.post-sapo``,
  ``span.post-time`` ``04/01/2014 | 00:03``, ``a.lt-catname``, body ``div#detailmain``; each
  ``img.detail-image`` sits in a centred div and its caption is the italic text after it, in the same
  div (kenh14) or in the next centred div (afamily).
- biz (cafef, cafebiz): ``h1#h1news`` / ``h1.newsTitle``, a bare time span / ``p.time``, sapo
  ``#briefNews`` / ``h2.initNewsContent`` inside the body ``#a1`` / ``#newsContent`` (split into
  ``#divfirst`` and ``#divend``), a closing ``Theo <strong>Name</strong>`` line and the source as a
  right-floated italic span. cafef wraps the whole page in jQuery Mobile's
  ``div#DivContent[data-role=content]``, so the mobile containers come first in the cascade.

Old ``.chn`` URLs carry a category folder and a ``ca<zone>`` suffix after the id
(``/tai-chinh-quoc-te/…-2014021509250334717ca32.chn``); the comment system keys that article as
``2014021509250334717CA0``, so the id is every digit before ``ca`` (17-19 digits on these pages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

from newscrawl.extraction.body import Body, BodyRules, extract_body
from newscrawl.extraction.captions import split_credit
from newscrawl.extraction.text import clean_text
from newscrawl.items import ImageItem
from newscrawl.loaders import ArticleLoader
from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import DROP, VCCorpArticle, tenant

MOBILE_UNTIL = date(2016, 12, 31)
"""Last fetch day read with the mobile parser: the layout is attested by pages stored until 2016."""

CHN_ARTICLE_PATH = re.compile(r"^/(?:[a-z0-9-]+/)?[a-z0-9-]+-(?P<id>\d{15,19})(?:ca\d+)?\.chn$")
"""``.chn`` article paths, old and new: optional folder (category, ``print``, ``dong-su-kien``),
15-19 digit id, optional ``ca<zone>`` suffix."""

MOBILE_CONTENT = ("#detailmain", "#a1", "#newsContent", "#contentdetail .content")
CENTRED = ("div[align=center]", "div[style*='text-align: center']", "div[style*='text-align:center']",
           "p[style*='text-align: center']", "p[style*='text-align:center']")
_THEO_STRONG = ".//strong[preceding-sibling::node()[1][self::text()][normalize-space()='Theo']]"
_READ_ALSO = (">>", "»")


class VCCorpMobileArticle(VCCorpArticle):
    """2014 mobile article pages; falls back to the platform cascades for anything else."""

    TITLE = ("h1.post-title", "h1#h1news", "h1.newsTitle", "#contentdetail .detail > h1",
             *VCCorpArticle.TITLE)
    SAPO = ("h2.post-sapo", "#briefNews", "h2.initNewsContent", "#contentdetail .detail > h3",
            *VCCorpArticle.SAPO)
    AUTHOR = ("p.post-meta", *VCCorpArticle.AUTHOR)
    TIME_TEXT = ("span.post-time", ".divContentNews > div > span", "#newsDetail p.time",
                 "#contentdetail p.time", *VCCorpArticle.TIME_TEXT)
    CATEGORY = ("a.lt-catname", "select.selectCat option[selected]", *VCCorpArticle.CATEGORY)
    TAGS = ".tags-box a > h3, " + VCCorpArticle.TAGS
    CONTENT = (*MOBILE_CONTENT, *VCCorpArticle.CONTENT)
    SOURCE = ("#divend span[style*='float:right']", *VCCorpArticle.SOURCE)
    BODY_RULES = BodyRules(
        drop=(*DROP, "#briefNews", "h2.initNewsContent", "span[style*='float:right']", "#admbackground"),
        video_blocks=VCCorpArticle.BODY_RULES.video_blocks)

    def mobile_container(self) -> Selector | None:
        return next((found[0] for query in MOBILE_CONTENT if (found := self.page.sel.css(query))), None)

    def byline_raw(self) -> str | None:
        """``p.post-meta``, else the closing ``Theo <strong>Name</strong>`` line of the body."""
        found = super().byline_raw()
        node = None if found else self.mobile_container()
        if node is None:
            return found
        strongs = node.xpath(_THEO_STRONG)
        return clean_text("Theo " + " ".join(strongs[-1].css("::text").getall())) if strongs else None

    def body(self, loader: ArticleLoader) -> Body:
        """Images and captions paired by position; captions, byline and read-also links kept out."""
        node = self.mobile_container()
        if node is None:
            return super().body(loader)
        images = mobile_images(node, self.page.url)
        excluded = [self.byline_raw() or "", *read_also_titles(node),
                    *(text for image in images for text in (image.caption, image.caption_raw) if text)]
        body = extract_body(node, self.BODY_RULES, title=loader.get_output_value("title"),
                            lede=loader.get_output_value("lede"), base_url=self.page.url,
                            exclude_lines=excluded)
        body.images = images
        return body


def read_also_titles(node: Selector) -> list[str]:
    """Texts of ``>> Title`` links inside the body (read-also links, not text)."""
    texts = (clean_text(a.xpath("string()").get()) for a in node.xpath(".//a"))
    return [text for text in texts if text.startswith(_READ_ALSO)]


def mobile_images(node: Selector, base_url: str) -> list[ImageItem]:
    """Every image of the body in order; the caption is the text after it in its centred block."""
    blocks = {found.root for found in node.css(", ".join(CENTRED))}
    images: list[ImageItem] = []
    for img in node.root.iter("img"):
        src = (img.get("data-original") or img.get("data-src") or img.get("src") or "").strip()
        if not src or src.startswith("data:"):
            continue
        block = next((anc for anc in img.iterancestors() if anc in blocks), None)
        raw = _caption_after(img, block, blocks) if block is not None else None
        caption, credit = split_credit(raw)
        images.append(ImageItem(url=urljoin(base_url, src), caption=caption, credit=credit, caption_raw=raw))
    return images


def _caption_after(img: etree._Element, block: etree._Element, blocks: set[etree._Element]) -> str | None:
    """Text after *img* up to the next image in *block*; else a following image-less centred block."""
    pieces: list[str] = []
    started = False
    for piece in _flow(block):
        if isinstance(piece, str):
            if started:
                pieces.append(piece)
        elif started:
            break
        else:
            started = piece is img
    text = clean_text("".join(pieces))
    following = block.getnext()
    if not text and following is not None and following in blocks and not following.xpath(".//img"):
        text = clean_text(" ".join(following.itertext()))
    return text or None


def _flow(el: etree._Element) -> Iterator[etree._Element | str]:
    """The images and text pieces of *el* in document order (``<br>`` becomes a space)."""
    if el.tag == "img":
        yield el
    elif el.tag == "br":
        yield " "
    elif isinstance(el.tag, str) and el.tag not in ("script", "style"):
        if el.text:
            yield el.text
        for child in el:
            yield from _flow(child)
            if child.tail:
                yield child.tail


MOBILE_2014 = ((MOBILE_UNTIL, VCCorpMobileArticle),)
"""``Site.versions`` for a ``.chn`` tenant that had the 2014 mobile layout."""


def chn_tenant_2014(key: str, name: str, domain: str) -> Site:
    """A ``.chn`` tenant (old and new URL shapes) whose pages fetched up to 2016 are the mobile layout."""
    return tenant(key, name, domain, ext="chn", article_path_re=CHN_ARTICLE_PATH, versions=MOBILE_2014)
