"""baothanhhoa.vn (Báo Thanh Hóa) and its sub-site vhds.baothanhhoa.vn (Việt Long CMS).

The article body is not in the HTML as text: it is base64 of an HTML string passed through a
per-page letter substitution (shared/sites/baothanhhoa.md §5). ``newscrawl.extraction.substitution``
decodes it from the title and sapo the page prints in clear; a body that cannot be decoded is left
out (``body`` null) and counted, never emitted as cipher text or with guessed letters.

The page markup around the blob is [unverified]: no HTML of the site has been saved. The selectors
below are broad guesses and the blob is searched anywhere in the page (text, attributes, scripts);
see docs/baothanhhoa.md for what one live page would settle.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from parsel import Selector

from newscrawl.extraction import substitution as sub
from newscrawl.extraction.body import Body, BodyRules, extract_body
from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ArticleParser, ListingEntry, ListingPage, ListingParser, Site, dedup_entries

if TYPE_CHECKING:
    from newscrawl.items import ImageItem
    from newscrawl.loaders import ArticleLoader

# §2, with one named group: /{slug}-{id}.htm and /{category}/{slug}/{id}.htm, never print/topic/tag/rss.
ARTICLE_PATH = re.compile(
    r"^/(?!(?:print|topic|tag|rss)/)(?:[a-z0-9-]+/[a-z0-9-]+/|[a-z0-9-]+-)(?P<id>\d+)\.htm$")
DROP = (".related", ".tin-lien-quan", ".box-related", ".most-read", ".doc-nhieu", ".article-tags", ".tags",
        ".share", ".social", ".comment", ".box-comment", ".article-author", ".article-meta")
# The decoded body: <h1 class="pTitle">…</h1><p class="pHead">…</p> then p.pBody paragraphs and
# p.pCaption photo paragraphs (an <img> followed by the caption text), as on two real pages.
DECODED_RULES = BodyRules(drop=(".pTitle", ".pHead"), photo_blocks=("p.pCaption", "figure"),
                          captions=("p.pCaption", "figcaption"))
_TAG_RE = re.compile(r"<[^<>]*>")
_VALUE_RE = re.compile(r"\"[^\"]*\"|'[^']*'")
_BLOB_NODES = "//text()[string-length() > 199] | //@*[string-length() > 199]"


class BaoThanhHoaArticle(ArticleParser):
    """Article page: title, sapo, time and byline in clear; the body decoded from the blob."""

    # Never the generic body: the page text around the blob is not the article, and cipher text is
    # never shipped.
    FALLBACK = ("title", "lede", "published_at")
    TITLE = ("h1.article-title", "h1.title-detail", "h1.title", "h1")
    SAPO = (".article-sapo", ".sapo", "h2.sapo", "p.sapo", ".pHead")
    AUTHOR = (".article-author", ".author", "p.author", ".tacgia")
    TIME_TEXT = (".article-time", ".article-meta .time", ".time", ".date", ".ngay-dang")
    CATEGORY = (".breadcrumb li:last-child a", ".breadcrumb a:last-of-type", ".category-name")
    TAGS = ".article-tags a, .tags a"
    CONTENT = (".article-content", ".detail-content", "#content", "article")
    BODY_RULES = BodyRules(drop=DROP)

    def body(self, loader: ArticleLoader) -> Body:
        """Images printed in clear, then the decoded body (paragraphs only when fully decoded)."""
        title, lede = loader.get_output_value("title"), loader.get_output_value("lede")
        node = self.container()
        shown = extract_body(node, self.BODY_RULES, title=title, lede=lede, base_url=self.page.url) \
            if node is not None else Body()
        decoded = self.decoded_body(title, lede, loader.get_output_value("lede_raw"))
        if decoded is None:
            return Body(images=shown.images)
        return replace(decoded, images=_merge(shown.images, decoded.images))

    def decoded_body(self, title: str | None, lede: str | None, lede_raw: str | None) -> Body | None:
        """The blob's body; None (with a reason in ``page.problems``) when it cannot be read."""
        problems = self.page.problems
        ciphers = [text for text in map(sub.decode_base64_text, self._blobs()) if text]
        if not ciphers:
            problems.append("baothanhhoa/body_blob_missing")
            return None
        ledes = sub.sapo_variants(lede, lede_raw)
        found = next(filter(None, (sub.decode_body(c, title or "", ledes) for c in ciphers)), None)
        if found is None:
            problems.append("baothanhhoa/body_unaligned")
            return None
        if found.method != "rotation":  # the page key alone: the site may have changed its alphabet
            problems.append("baothanhhoa/body_no_rotation")
        if found.inferred:
            problems.append("baothanhhoa/body_inferred_letters")
        if _unknown_in_markup(found.html):
            problems.append("baothanhhoa/body_undecoded")
            return None
        root = Selector(text=found.html).xpath("//body")
        body = extract_body(root[0], DECODED_RULES, title=title, lede=lede, base_url=self.page.url,
                            exclude_lines=[self.byline_raw() or ""]) if root else Body()
        return self._honest(body)

    def _honest(self, body: Body) -> Body:
        """Drop what still holds an undecoded character: the text (all of it), image URLs, captions."""
        if any(sub.UNKNOWN in line for line in body.paragraphs):
            self.page.problems.append("baothanhhoa/body_undecoded")
            body.paragraphs = []
        images = []
        for image in body.images:
            if sub.UNKNOWN in image.url:
                self.page.problems.append("baothanhhoa/image_undecoded")
                continue
            if sub.UNKNOWN in (image.caption_raw or ""):
                image = replace(image, caption=None, credit=None, caption_raw=None)
            images.append(image)
        body.images = images
        if body.source and sub.UNKNOWN in body.source:
            body.source = None
        if body.trailing_author and sub.UNKNOWN in body.trailing_author:
            body.trailing_author = None
        return body

    def _blobs(self) -> list[str]:
        """Base64 runs anywhere in the page (text nodes, attributes, scripts), longest first."""
        return sub.find_blobs(" ".join(self.page.sel.xpath(_BLOB_NODES).getall()))


def _unknown_in_markup(html: str) -> bool:
    """True when an undecoded character sits in a tag outside its quoted attribute values."""
    return any(sub.UNKNOWN in _VALUE_RE.sub("", tag) for tag in _TAG_RE.findall(html))


def _merge(first: list[ImageItem], second: list[ImageItem]) -> list[ImageItem]:
    seen = {image.url for image in first}
    return [*first, *(image for image in second if image.url not in seen)]


class BaoThanhHoaListing(ListingParser):
    """Any page: its article links in page order, with the link text as title.

    Category pages (``/{category}``) and their pagination are [unverified] (§3): no category links
    are returned and the walk stops after one page.
    """

    def parse(self) -> ListingPage:
        entries = []
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            if not url or not self.site.owns(url) or urlsplit(url).scheme not in ("http", "https"):
                continue
            article_id = self.site.article_id(url)
            if article_id is None:
                continue
            title = clean_text(link.attrib.get("title")) or clean_text(" ".join(link.css("::text").getall()))
            entries.append(ListingEntry(url=url, article_id=article_id, title=title or None))
        return ListingPage(entries=dedup_entries(entries))


SITE = Site(
    key="baothanhhoa",
    name="Báo Thanh Hóa",
    domains=("baothanhhoa.vn",),
    article_parser=BaoThanhHoaArticle,
    listing_parser=BaoThanhHoaListing,
    article_path_re=ARTICLE_PATH,
    feed_paths=("/rss/thoi-su.xml", "/rss/phap-luat.xml", "/rss/kinh-te.xml"),
    names=("Báo Thanh Hóa", "Báo Thanh Hoá", "Baothanhhoa.vn", "baothanhhoa.vn", "vhds.baothanhhoa.vn",
           "Việt Long"),
)
