"""Generic body heuristics: the main content container of any news page, and what sits around it.

Site-agnostic, for pages no site module knows. The container is the element with the most paragraph
text net of everything else: ``score = paragraph_text - 0.5 * other_text``, where link text, headings
and subtrees whose class or id names boilerplate (comment, related, tin-lien-quan, box-news, footer,
menu, banner, ads, share, social, tag …) count as "other". A known content selector (``article``,
``[itemprop=articleBody]``, ``.detail-content``, ``.fck_detail`` …) wins when it holds the same text.

The chosen container is copied (never the page itself) and prepared for the shared ``extract_body``
with :data:`GENERIC_RULES`: boilerplate, teaser boxes, icons and tracking pixels are removed, photos are
grouped with their captions (:mod:`newscrawl.extraction.generic_photos`), and short right-aligned lines
after the text (byline, outlet) are set aside as ``nc-trailer``. Tag boxes and source lines outside the
container are read here too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree
from parsel import Selector

from newscrawl.extraction.body import BLOCK_TAGS, SKIP_TAGS, BodyRules
from newscrawl.extraction.generic_photos import (
    add_class,
    full_size,
    group_photos,
    has_class,
    hidden,
    image_link,
    is_ancestor,
    remove,
    text_of,
)
from newscrawl.extraction.page import Page
from newscrawl.extraction.text import clean_text, fold_key

__all__ = ["GENERIC_RULES", "PREFERRED", "boilerplate_kind", "find_container", "in_boilerplate", "node_text",
           "prepare_container", "source_candidates", "tags", "tokens", "trailer_texts"]

PREFERRED = ("[itemprop=articleBody]", "[data-role=content]", ".detail-content", ".fck_detail",
             ".article-content", ".detail__content", "#detail-content", ".the-article-body", "article",
             "#content")
STRONG = frozenset(
    "comment comments binhluan related relate relates relation relations lienquan tinlienquan lq tlq "
    "footer menu nav navbar navigation share sharing social sns breadcrumb breadcrumbs widget popup modal "
    "newsletter subscribe login rating vote print recommend readmore audio tts".split())
IN_BODY = frozenset("tag tags keyword keywords tukhoa author byline tacgia source date time publish pdate"
                    .split())
"""Metadata blocks: boilerplate inside a body container, but where the metadata heuristics look."""
WEAK = frozenset("ad ads adv advert advertisement advertising banner bnr qc quangcao sponsor sponsored "
                 "adsbygoogle".split())
_COMPOUND = re.compile(r"box-?news|tin-?lien-?quan|lien-?quan|tin-?khac|cung-?chuyen-?muc|xem-?them|"
                       r"doc-?them|other-?news|news-?other|most-?view|tin-?moi|relat", re.I)
_WEAK_PREFIX = ("ads", "adv", "admzone", "admbackground", "banner", "quangcao")
_ICON_SRC = re.compile(r"icon|logo|blank\.gif|transparent|pixel|spacer|1x1|tracking|loading\.gif", re.I)
_RIGHT_STYLE = re.compile(r"float\s*:\s*right|text-align\s*:\s*right", re.I)
_SPLIT = re.compile(r"[\s_\-]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_FORMATTING = frozenset("strong b em i span font u".split())
_TAG_WORDS = frozenset("tag tags keyword keywords tukhoa".split())
_TAG_LABELS = frozenset({"tags", "tag", "từ khóa", "từ khoá", "chủ đề"})
_VISIBLE_TEXT = ("descendant-or-self::text()[not(ancestor::script or ancestor::style or ancestor::noscript "
                 "or ancestor::template)]")
_PARAGRAPH_MIN = 25
_THIN = 150

GENERIC_RULES = BodyRules(
    drop=(".nc-drop", ".nc-trailer", "[data-check-position]", ".VCSortableInPreviewMode[type=RelatedNewsBox]",
          ".VCSortableInPreviewMode[type=RelatedOneNews]", "nav", "aside", "footer", "form", "noscript"),
    photo_blocks=("figure", ".VCSortableInPreviewMode[type=Photo]", ".nc-photo", ".detail-cover"),
    captions=(".PhotoCMS_Caption", "figcaption", ".image-caption", ".nc-caption", "td.pCaption",
              ".expNoEdit"),
    video_blocks=(".VCSortableInPreviewMode[type=VideoStream]", "video[src]", "iframe[src*=youtube]",
                  "iframe[src*=video]", "iframe[src*=player]", "[class*=media-player]",
                  "[class*=video-player]"),
    trailing_author=tuple(f"{block}[{attr}] > {b}" for block in ("p", "div") for b in ("strong", "b")
                          for attr in ("style*='text-align:right'", "style*='text-align: right'",
                                       "align=right")),
)


def node_text(node: Selector) -> str:
    """Visible text of a node (no script or style contents), cleaned."""
    return clean_text(" ".join(node.xpath(_VISIBLE_TEXT).getall()))


def tokens(el: etree._Element) -> set[str]:
    """Lower-cased words of an element's class and id (split on spaces, dashes, underscores, camelCase)."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    return {t.lower() for t in _SPLIT.split(_CAMEL.sub(" ", raw)) if t}


def boilerplate_kind(el: etree._Element, body: bool = True) -> str | None:
    """``"strong"`` (related, comments, menus …; in a body also tags, bylines, times), ``"weak"`` (ads)."""
    words = tokens(el)
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if words & STRONG or (body and words & IN_BODY) or _COMPOUND.search(names):
        return "strong"
    if words & WEAK or any(w.startswith(_WEAK_PREFIX) for w in words):
        return "weak"
    return None


def in_boilerplate(el: etree._Element) -> bool:
    """True when *el* or an ancestor is a strong boilerplate block (related, comments …) or hidden."""
    node: etree._Element | None = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in ("html", "body") or (node is not el and node.find(".//h1") is not None):
            return False  # a page-level wrapper around the title is not a boilerplate box
        if boilerplate_kind(node, body=False) == "strong" or hidden(node):
            return True
        node = node.getparent()
    return False


# --- container choice -----------------------------------------------------------------------------------

def _tlen(text: str | None) -> int:
    return len(" ".join(text.split())) if text else 0


def _measure(el: etree._Element, out: dict[etree._Element, tuple[int, int]], junk: bool = False
             ) -> tuple[int, int, int, int]:
    """(total text, paragraph text, inline text, inline link text) of *el*; fills *out* per element.

    Inside a boilerplate subtree (*junk*) elements are recorded with no paragraph text: never candidates.
    """
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or hidden(el):
        return 0, 0, 0, 0
    boiler = boilerplate_kind(el) is not None
    total = inline = _tlen(el.text)
    ptext = link = 0
    for child in el:
        c_total, c_ptext, _, c_link = _measure(child, out, junk or boiler)
        total += c_total + _tlen(child.tail)
        inline += _tlen(child.tail)
        if child.tag in BLOCK_TAGS:
            ptext += c_ptext
        else:
            inline += c_total
            link += c_total if child.tag == "a" else c_link
    if el.tag not in _HEADINGS and el.tag != "a" and inline - link >= _PARAGRAPH_MIN:
        ptext += inline - link
    if boiler:
        ptext = 0
    out[el] = (total, 0 if junk else ptext)
    return total, ptext, inline, link


def _score(stat: tuple[int, int]) -> float:
    total, ptext = stat
    return ptext - 0.5 * (total - ptext)


def find_container(sel: Selector) -> Selector | None:
    """The element holding the article text, or None when the page has no paragraph text."""
    stats: dict[etree._Element, tuple[int, int]] = {}
    _measure(sel.root, stats)
    ranked = [el for el in stats if el.tag not in ("html", "body") and stats[el][1] > 0]
    best = _tighten(max(ranked, key=lambda el: _score(stats[el])), stats) if ranked else None
    for query in PREFERRED:
        for node in sel.css(query):
            if node.root not in stats:
                continue
            if best is None or node.root is best or (is_ancestor(best, node.root)
                                                     and stats[node.root][1] >= 0.7 * stats[best][1]):
                return node  # a known content block inside the winner, with most of its text
            if stats[best][1] < _THIN and node.root.find(".//img") is not None:
                return node  # an image-only post (infographic, photo) in a known content block
    return Selector(root=best, type="html") if best is not None else None


def _tighten(best: etree._Element, stats: dict[etree._Element, tuple[int, int]]) -> etree._Element:
    """Descend while one child holds (almost) all of the paragraph text and scores as well."""
    while True:
        children = [c for c in best if c in stats and stats[c][1] >= 0.97 * stats[best][1] > 0]
        if len(children) != 1 or _score(stats[children[0]]) < 0.97 * _score(stats[best]):
            return best
        best = children[0]


# --- preparing a copy -----------------------------------------------------------------------------------

def prepare_container(container: Selector) -> Selector:
    """A copy of *container* made ready for :data:`GENERIC_RULES` (see the module docstring)."""
    root = copy.deepcopy(container.root)
    root.tail = None
    _mark_boilerplate(root)
    _mark_teasers(root)
    for el in [el for el in root.iter() if isinstance(el.tag, str) and has_class(el, "nc-drop")]:
        remove(el)  # ads and boxes go entirely: no video, image or caption of theirs is counted
    _clean_inline(root)
    group_photos(root)
    _mark_trailers(root)
    return Selector(root=root, type="html")


def trailer_texts(prepared: Selector) -> list[str]:
    """Texts of the right-aligned closing lines :func:`prepare_container` set aside (byline, outlet)."""
    return [text_of(el) for el in prepared.root.iter()
            if isinstance(el.tag, str) and has_class(el, "nc-trailer")]


def _content_image(img: etree._Element) -> bool:
    classes = img.get("class") or ""
    return bool(img.get("data-original") or img.get("data-src") or len((img.get("alt") or "").strip()) >= 10
                or "detail-image" in classes or "news-image" in classes)


def _mark_boilerplate(root: etree._Element) -> None:
    whole = max(len(text_of(root)), 1)
    for el in list(root.iterdescendants()):
        if not isinstance(el.tag, str) or any(has_class(a, "nc-drop") for a in el.iterancestors()):
            continue
        kind = boilerplate_kind(el)
        if hidden(el) or (kind == "strong" and len(text_of(el)) < 0.5 * whole) or (
                kind == "weak" and not any(_content_image(i) for i in el.iter("img"))):
            add_class(el, "nc-drop")


def _mark_teasers(root: etree._Element) -> None:
    """Boxes promoting other articles inside the text: mostly link text, or an image, a link and a blurb."""
    for el in list(root.iterdescendants("div", "section", "table", "aside", "ul", "ol")):
        if has_class(el, "nc-drop") or any(has_class(a, "nc-drop") for a in el.iterancestors()):
            continue
        text = text_of(el)
        links = [a for a in el.iter("a") if (a.get("href") or "").startswith(("http", "/"))]
        linked = sum(len(text_of(a)) for a in links)
        if links and 0 < len(text) <= 600 and (linked >= 0.8 * len(text) or (
                el.find(".//img") is not None and len(text) <= 400 and linked >= 0.3 * len(text))):
            add_class(el, "nc-drop")


def _clean_inline(root: etree._Element) -> None:
    """Drop icons, tracking pixels and images linking elsewhere, and empty formatting tags (a trailing
    ``<strong></strong>``); give images their full-size URL where the page has one."""
    for img in list(root.iter("img")):
        src = img.get("data-original") or img.get("data-src") or img.get("src") or ""
        tiny = any(s.isdigit() and int(s) <= 60 for s in (img.get("width") or "", img.get("height") or ""))
        link = next(img.iterancestors("a"), None)
        href = (link.get("href") or "").strip() if link is not None else ""
        elsewhere = bool(href) and not href.startswith(("javascript", "#")) and not image_link(href)
        if tiny or elsewhere or (_ICON_SRC.search(src) and not _content_image(img)):
            remove(img)
    for el in list(root.iter(*_FORMATTING)):
        if el is not root and len(el) == 0 and not (el.text or "").strip():
            remove(el)
    for img in root.iter("img"):
        full = full_size(img)
        if full and not img.get("data-original"):
            img.set("data-original", full)


def _mark_trailers(root: etree._Element) -> None:
    """Short right-aligned (or right-floated) lines after the last paragraph: byline, outlet. A banner
    image after them is not part of the article."""
    order = [el for el in root.iter() if isinstance(el.tag, str)]
    last_long = max((i for i, el in enumerate(order) if el.tag in BLOCK_TAGS and len(_own_text(el)) >= 80),
                    default=-1)
    for el in order[last_long + 1:]:
        if any(has_class(a, "nc-trailer") for a in el.iterancestors()):
            continue
        right = _RIGHT_STYLE.search(el.get("style") or "") or (el.get("align") or "").lower() == "right"
        if right and 0 < len(text_of(el)) <= 80 and el.find(".//img") is None:
            add_class(el, "nc-trailer")
    marked = [el for el in order if has_class(el, "nc-trailer")]
    for el in order[order.index(marked[0]) + 1:] if marked else []:
        if el is not root and el.find(".//img") is not None and not text_of(el) \
                and not any(has_class(a, "nc-trailer") for a in el.iterancestors()):
            remove(el)


def _own_text(el: etree._Element) -> str:
    """Text of *el* outside its block children."""
    parts = [el.text or ""] + [(text_of(c) if c.tag not in BLOCK_TAGS else "") + (c.tail or "") for c in el
                               if isinstance(c.tag, str)]
    return " ".join(" ".join(parts).split())


# --- around the body: tags and source lines ---------------------------------------------------------------

def tags(page: Page) -> list[str]:
    """The links of a tag box ("Từ khóa", "Tags"), else ``article:tag`` values (comma lists split)."""
    boxes = page.sel.xpath("//body//*[self::div or self::ul or self::p or self::section or self::span][.//a]")
    found = next(filter(None, map(_tag_links, boxes)), [])
    if not found:
        found = [t for raw in page.sel.xpath("//meta[@property='article:tag']/@content").getall()
                 for t in raw.split(",")]
    return [t for t in (clean_text(x).strip(" ,;") for x in found) if t]


def _tag_links(node: Selector) -> list[str]:
    first = fold_key(node.xpath("string((.//text()[normalize-space()])[1])").get())
    if not (tokens(node.root) & _TAG_WORDS or first.startswith(("từ khóa", "tags", "tag:", "chủ đề"))) \
            or in_boilerplate(node.root) or len(node.css("a")) > 40:
        return []
    texts = [node_text(a) for a in node.css("a")][:30]
    return [t for t in texts if 1 < len(t) <= 60 and fold_key(t).rstrip(":") not in _TAG_LABELS]


def source_candidates(page: Page) -> Iterator[str]:
    """Short texts of source markup ("Nguồn: …", "Theo …", an outlet name), innermost elements first."""
    nodes = page.sel.css("[class*=source], [class*=nguon], [id*=source]")
    for node in sorted(nodes, key=lambda n: len(n.css("[class*=source], [class*=nguon]"))):
        text = node_text(node)
        if text and len(text) <= 80 and not in_boilerplate(node.root):
            yield text
