"""The VCCorp-built newsroom CMS (TTV, vtv.vn, cafef.vn, soha.vn …): article and listing parsers.

Selector cascades follow shared/sites/truyenhinhthanhhoa.md §5–§10: ``data-role`` first, then the
class names of the known skins, then hidden inputs, meta tags and JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

from newscrawl.extraction.body import Body, BodyRules
from newscrawl.extraction.dates import vccorp_id_time
from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ArticleParser, LinkListing, ListingPage, Site

DROP = (
    "[data-check-position]", "div[id^=admzone]", ".admzone", "zone", ".c-banner", ".adbro", ".InreadPc",
    "[type=RelatedOneNews]", "[type=RelatedNewsBox]", "[type=link]", ".link-content-footer",
    ".kbwscwl-relatedbox", ".OneNewsTitle", ".readmore-body-box", ".tindnd", "#listNewsInContent",
    "#reactRelate", ".relationnews", ".box-new-lq", ".detail-relate", ".box-news-relate",
    ".insert-detail-relate", ".insert-detail-bottom", ".box-news-category", ".detail-tab", ".box-tag",
    ".tags", ".detail-like-fb", ".detail-comment", ".box-comment", ".comment", "#box-thread-detail",
    ".af-tts", ".news-audio", "#hdExclusive", ".detail-author", ".p-author", ".p-source", "p.source",
    "p.author", ".link-source-wrapper",
)
# The CMS embeds video only as VideoStream blocks or iframes; a bare <video> is not editorial content
# (the saved cafebiz page carries an injected test player, shared/realpages/MANIFEST.tsv).
_BODY_RULES = BodyRules(drop=DROP, video_blocks=(".VCSortableInPreviewMode[type=VideoStream]",
                                                "iframe[src*=youtube]", "iframe[src*=video]"))
TYPE_CODES = {"13": "video", "16": "infographic", "20": "infographic", "27": "emagazine", "29": "photo"}
TITLE_TYPES = (("[infographic]", "infographic"), ("[emagazine]", "emagazine"), ("[e-magazine]", "emagazine"),
               ("[video]", "video"), ("[ảnh]", "photo"), ("[photo]", "photo"))


class VCCorpArticle(ArticleParser):
    """Article page of the platform. Tenants override constants, rarely methods."""

    extraction = "platform"
    TITLE = ("[data-role=title]", "h1[itemprop=headline]", "h1.detail-title", "h1.title-detail", "h1.news-title",
             "h1.title", "h1.article-title")
    SAPO = ("[data-role=sapo]", "h2.detail-sapo", "h2.sapo", "p.news-sapo", "article p.sapo", "div.detail-sapo")
    AUTHOR = ("[data-role=author]", ".detail-author", ".author-info .name", "p.author", ".p-author .detail-author",
              "p.p-author")
    TIME_TEXT = ("[data-role=publishdate]", "[itemprop=datePublished]", ".detail-time .date", ".detail-time",
                 ".timeandcatdetail .time", "span.pdate", "time.op-published")
    TIME_ATTR = (("[data-role=publishdate]", "datetime"), ("[itemprop=datePublished]", "datetime"),
                 ("[itemprop=datePublished]", "content"))
    CATEGORY = ("[data-role=cate-name]", ".detail-cate a", ".list-cate a.item-cate", "span.cat > a")
    TAGS = ".box-tag a.item, .detail-tab a.item, .detail-tags a, .tags-item a, div.tags a, div.tagdetail a"
    CONTENT = ("[data-role=content]", ".detail-content", "[itemprop=articleBody]", "#detail-content",
               ".detail__content")
    SOURCE = (".link-source-text-name", "p.source[data-field=source]", "p.source", ".p-source")
    BODY_RULES = _BODY_RULES

    def article_id(self) -> str | None:
        return self.site.article_id(self.page.url) or self.page.hidden_inputs.get("hdNewsId") or None

    def title(self) -> str | None:
        return self.page.first_text(*self.TITLE) or clean_text(self.page.hidden_inputs.get("hdNewsTitle")) \
            or super().title()

    def lede_raw(self) -> str | None:
        return self.page.first_text(*self.SAPO) or clean_text(self.page.hidden_inputs.get("hdSapo")) \
            or super().lede_raw()

    def published_machine(self) -> Iterator[str | None]:
        yield self.page.first_attr(*self.TIME_ATTR)
        yield self.page.hidden_inputs.get("distributionDate")
        yield from super().published_machine()

    def id_time(self, article_id: str | None) -> datetime | None:
        return vccorp_id_time(article_id or "")

    def modified_candidates(self) -> Iterator[str | None]:
        yield self.page.hidden_inputs.get("hidLastModifiedDate")
        yield from super().modified_candidates()

    def category(self) -> str | None:
        page = self.page
        return (page.first_text(*self.CATEGORY) or page.first_attr(("[data-role=cate-name]", "title"),
                                                              ("a.category-page__name", "title"))
                or clean_text(page.hidden_inputs.get("hdCatName")) or None)

    def zone_id(self) -> str | None:
        return self.page.hidden_inputs.get("hdZoneId") or None

    def content_type(self, title: str | None, body: Body) -> str:
        code = TYPE_CODES.get(self.page.hidden_inputs.get("hdType", ""))
        if code:
            return code
        lowered = (title or "").lower()
        for prefix, kind in TITLE_TYPES:
            if lowered.startswith(prefix):
                return kind
        return super().content_type(title, body)


ITEM_NODES = ("article.box-category-item, div.box-category-item, li.box-category-item, .box-stream-item, "
              "li.knswli, div.item[data-focus-id], ul.tinlienquan li")
ITEM_TIME = (".box-category-time", ".time-ago", ".box-stream-time", ".knswli-time", ".kscliw-time-1", "span.time")
CATEGORY_PATH = re.compile(r"^/[a-z0-9-]+(?:/[a-z0-9-]+)?\.(?:htm|chn)$")
NOT_CATEGORY = re.compile(r"^/(?:timeline|rss|print|tim-kiem|search|tag|video-|sitemap|lien-he|gioi-thieu)")


class VCCorpListing(LinkListing):
    """Home, category and ``/timelinelist/{zone}/{page}.htm`` pages of the platform."""

    ITEM_NODES = ITEM_NODES

    def _same_site(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.page.url).netloc or self.site.owns(url)

    def _zone_id(self) -> str | None:
        zone = clean_text(self.page.hidden_inputs.get("hdZoneId"))
        return zone if zone not in ("", "0") else None

    def _time_of(self, node) -> tuple[str, str] | None:  # noqa: ANN001
        for query in ITEM_TIME:
            for el in node.css(query):
                for raw in (el.attrib.get("title"), clean_text(" ".join(el.css("::text").getall()))):
                    parsed = self.dates.parse(raw) if raw else None
                    if parsed:
                        return raw.strip(), parsed.isoformat()  # type: ignore[union-attr]
        return None

    def _categories(self) -> list[str]:
        urls: list[str] = []
        for href in self.page.sel.xpath("//a/@href").getall():
            url = self.page.absolute(href)
            if not url or not self._same_site(url):
                continue
            path = urlsplit(url).path
            if CATEGORY_PATH.match(path) and not NOT_CATEGORY.match(path) and not self.site.article_id(url):
                clean = url.split("?")[0].split("#")[0]
                if clean not in urls:
                    urls.append(clean)
        return urls

    def next_page_url(self, listing: ListingPage, page_no: int) -> str | None:
        """Category page 1 -> timelinelist page 2; a fragment with items -> the next fragment."""
        zone = listing.zone_id or self._zone_from_url()
        if not zone or not listing.entries:
            return None
        base = f"{urlsplit(self.page.url).scheme}://{urlsplit(self.page.url).netloc}"
        return f"{base}/timelinelist/{zone}/{page_no + 1}.htm"

    def _zone_from_url(self) -> str | None:
        match = re.match(r"^/timelinelist/(\d+)/\d+\.htm$", urlsplit(self.page.url).path)
        return match.group(1) if match else None


def article_path(ext: str = "htm", digits: str = "15,18", print_view: bool = True) -> re.Pattern[str]:
    """The platform's article path: ``/[print/]{slug}-{id}.{ext}``; group ``id``."""
    prefix = r"(?:print/)?" if print_view else ""
    return re.compile(rf"^/{prefix}[a-z0-9-]+-(?P<id>\d{{{digits}}})\.{ext}$")


def tenant(key: str, name: str, domain: str, *, ext: str = "htm", names: tuple[str, ...] = (),
           **options: object) -> Site:
    """A site that runs the platform unchanged: a handful of lines per tenant."""
    path_re = options.pop("article_path_re", None) or article_path(ext)
    return Site(key=key, name=name, domains=(domain,), article_parser=VCCorpArticle,
                listing_parser=VCCorpListing, article_path_re=path_re,  # type: ignore[arg-type]
                names=(key, domain, "VCCorp", "VCCorp.vn", *names), **options)  # type: ignore[arg-type]
