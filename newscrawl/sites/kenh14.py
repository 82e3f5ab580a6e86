"""kenh14.vn (Kênh14) on the VCCorp platform: ``.chn`` URLs, ``li.knswli`` listings, the 2014 mobile layout.

Pinned by real pages only (shared/realpages/kenh14.vn): a 2014 mobile article and two home pages, the
raw HTML of 2018 and a browser-saved DOM of 2022. Article ids on both home pages are 16-17 digits
without a site prefix (``20180502173232643``); the 18-digit prefix 215 is [unverified] and accepted
with any other prefix. ``/dong-su-kien/{slug}-{id}.chn`` links (an article shown in its event stream)
carry the article's own id and are kept: the frontier keys articles on the id.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector

from newscrawl.extraction.page import strip_query
from newscrawl.extraction.text import clean_text
from newscrawl.sites.base import ListingPage, Site
from newscrawl.sites.vccorp import NOT_CATEGORY, VCCorpArticle, VCCorpListing
from newscrawl.sites.vccorp_mobile import CHN_ARTICLE_PATH, MOBILE_2014

CATEGORY_CHN = re.compile(r"^/[a-z0-9-]+(?:/[a-z0-9-]+)?\.chn$")
NOT_A_SECTION = re.compile(r"-\d{4,}\.chn$|^/adv\.chn$")  # video pages (…-208180.chn), the ad-sales page
TIME_CLASSES = frozenset({"knswli-time", "kscliw-time-1"})  # stream items; "tin mới nhất" box ("00:08")
TIME_CSS = ", ".join(f".{name}" for name in sorted(TIME_CLASSES))
ELLIPSIS = ("...", "…")
ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_:.-]*", re.I)
IN_HEADING = "parent::h1 | parent::h2 | parent::h3 | parent::h4 | parent::h5"
TEXT_NOT_TIME = ".//text()[not(ancestor::*[contains(@class, 'time')])]"


class Kenh14Listing(VCCorpListing):
    """Home and category pages of kenh14.

    Differences from the platform parser:
    - a link's time is read from its own item, never a neighbour's (kenh14 nests several articles
      in one ``li.knswli``: event boxes, related links, whole grid boxes; see ``_time_for``), and
      the "tin mới nhất" box's ``span.kscliw-time-1`` counts as an item time;
    - titles: ``title`` attributes can hold unescaped quotes (``title="Bạn có nhận ra "Phía…"``,
      parsed truncated) or double-escaped ones (``&amp;quot;``), and link texts can be cut with
      "..." or carry a relative time, so the headline link's text is preferred, then a sound
      ``title`` attribute, then an image alt (see ``best_title``);
    - section links end in ``.chn``.
    """

    def parse(self) -> ListingPage:
        listing = super().parse()
        candidates = self._title_candidates()
        for entry in listing.entries:
            entry.title = best_title(candidates.get(entry.url, [])) or entry.title
        return listing

    def _title_candidates(self) -> dict[str, list[tuple[int, str]]]:
        """URL -> (rank, text): headline link text 0, sound title attribute 1, image alt 2, other text 3."""
        found: dict[str, list[tuple[int, str]]] = {}
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            if not url or not self.site.article_id(url):
                continue
            text = clean_text(" ".join(link.xpath(TEXT_NOT_TIME).getall()))
            title = "" if broken_attributes(link) else clean_text(html.unescape(link.attrib.get("title", "")))
            ranked = [(0 if link.xpath(IN_HEADING) else 3, text), (1, title),
                      *((2, clean_text(alt)) for alt in link.xpath(".//img/@alt").getall())]
            found.setdefault(strip_query(url), []).extend((rank, t) for rank, t in ranked if t)
        return found

    def _item_times(self) -> dict[str, tuple[str | None, str | None]]:
        found: dict[str, tuple[str | None, str | None]] = {}
        for link in self.page.sel.xpath("//a[@href]"):
            url = self.page.absolute(link.attrib["href"])
            article_id = self.site.article_id(url) if url else None
            if url and article_id and url not in found:
                parsed = self._time_for(link, article_id)
                if parsed:
                    found[url] = parsed
        return found

    def _time_for(self, link: Selector, article_id: str) -> tuple[str, str] | None:
        """The time in the nearest ancestor holding one: any time there if it links no other article;
        else, for the ancestor's first (main) article only, the first time after the link and before
        a link to another article (an item with related links); else none."""
        for ancestor in reversed(link.xpath("ancestor::*")):  # nearest first
            if not ancestor.css(TIME_CSS):
                continue
            ids = [i for i in map(self._id_of, ancestor.xpath(".//a/@href").getall()) if i]
            if set(ids) == {article_id}:
                return self._time_of(ancestor)
            return self._time_after(link.root, ancestor.root, article_id) if ids[0] == article_id else None
        return None

    def _time_after(self, link: etree._Element, scope: etree._Element, article_id: str
                    ) -> tuple[str, str] | None:
        started = False
        for el in scope.iter():
            if el is link:
                started = True
            elif started and el.tag == "a" and self._id_of(el.get("href")) not in (None, article_id):
                return None
            elif started and TIME_CLASSES.intersection((el.get("class") or "").split()):
                parsed = self._parse_time(Selector(root=el))
                if parsed:
                    return parsed
        return None

    def _id_of(self, href: str | None) -> str | None:
        url = self.page.absolute(href)
        return self.site.article_id(url) if url else None

    def _time_of(self, node: Selector) -> tuple[str, str] | None:
        for el in node.css(TIME_CSS):
            parsed = self._parse_time(el)
            if parsed:
                return parsed
        return None

    def _parse_time(self, el: Selector) -> tuple[str, str] | None:
        """The ``title`` attribute first (ISO or US), then the visible text (relative in saved DOMs)."""
        for raw in (el.attrib.get("title"), clean_text(" ".join(el.css("::text").getall()))):
            parsed = self.dates.parse(raw) if raw else None
            if parsed and raw:
                return raw.strip(), parsed.isoformat()
        return None

    def _categories(self) -> list[str]:
        """Section links ``/{slug}.chn`` and ``/{slug}/{child}.chn`` on the page's own host (the
        platform's are ``.htm``; ``video.kenh14.vn`` hubs are left out), in the page's scheme."""
        here = urlsplit(self.page.url)
        urls: list[str] = []
        for href in self.page.sel.xpath("//a/@href").getall():
            url = self.page.absolute(href)
            parts = urlsplit(url or "")
            path = parts.path
            if parts.netloc != here.netloc or not CATEGORY_CHN.match(path) or NOT_CATEGORY.match(path) \
                    or NOT_A_SECTION.search(path) or self.site.article_id(url or ""):
                continue
            clean = f"{here.scheme}://{here.netloc}{path}"
            if clean not in urls:
                urls.append(clean)
        return urls


def broken_attributes(link: Selector) -> bool:
    """Unescaped quotes in an attribute (``title="… "Phía Trước…" …"``) leave word-named attributes."""
    return any(not ATTRIBUTE_NAME.fullmatch(name) for name in link.attrib)


def best_title(candidates: list[tuple[int, str]]) -> str | None:
    """The best-ranked candidate (first in page order) not cut with an ellipsis."""
    whole = [c for c in candidates if not c[1].endswith(ELLIPSIS)]
    return min(whole or candidates, key=lambda c: c[0])[1] if candidates else None


SITE = Site(
    key="kenh14",
    name="Kênh14",
    domains=("kenh14.vn",),
    article_parser=VCCorpArticle,
    listing_parser=Kenh14Listing,
    article_path_re=CHN_ARTICLE_PATH,
    versions=MOBILE_2014,
    names=("kenh14", "Kenh14", "Kênh14", "kenh14.vn", "Kenh14.vn", "VCCorp", "VCCorp.vn"),
)
