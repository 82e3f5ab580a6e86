"""Generic metadata heuristics for any Vietnamese news page: title, lede, bylines, times, site identity.

Pure functions over a :class:`~newscrawl.extraction.page.Page`, for sites without a module (and as
per-field fallbacks). Structured data first (JSON-LD NewsArticle, OpenGraph, ``article:*``), then the
DOM around the title: the h1 that best matches og:title/headline, a sapo-like element after it, bylines
from author markup, printed times near the title (cross-checked against the machine time). Dates go
through :class:`~newscrawl.extraction.dates.DateParser` and bylines through ``parse_byline``; no regex
here reads a date or splits a name. The body side is in :mod:`newscrawl.extraction.generic_body` and
:mod:`newscrawl.extraction.generic_photos`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector

from newscrawl.extraction.dates import DateParser, ParsedDate
from newscrawl.extraction.generic_body import in_boilerplate, node_text, tokens
from newscrawl.extraction.generic_photos import caption_class
from newscrawl.extraction.page import Page
from newscrawl.extraction.text import clean_text, fold_key, strip_lede_prefix

__all__ = ["byline_candidates", "category", "is_site_name", "lede_raw", "machine_times", "meta_bylines",
           "printed_time", "site_names", "strip_site_stamp", "strip_title_suffix", "title",
           "title_node"]

_SEPARATORS = re.compile(r"\s+[-|–—]\s+")
_PUBLIC_SUFFIXES = frozenset("vn com net org edu gov info tv biz www m mobile amp".split())
_SAPO_WORDS = frozenset("sapo lead lede summary sum description desc brief intro chapeau excerpt teaser "
                        "abstract tomtat".split())
_BYLINE_CSS = ("[rel=author]", "[itemprop=author] [itemprop=name]", "[itemprop=author]", "[data-role=author]",
               ".author", ".byline", "[class*=author]", "[class*=byline]", "[class*=tacgia]",
               "[class*=tac-gia]", "[id*=author]")
_BYLINE_WORDS = frozenset("meta author byline name writer tacgia".split())
_DATE_CLASS = re.compile(r"date|time|publish|ngay|thoi-?gian|created|posted", re.I)
_TIME_SPLIT = re.compile(r"\s+[-|•]\s+|\s*,\s+")
_STAMP_RE = re.compile(r"^\s*([^\s()\-–—][^()\-–—]{0,28}?)\s*[-–—]\s+")
_CATEGORY_WORDS = frozenset("cate cat category catname chuyenmuc breadcrumb breadcrumbs".split())
_HOME = frozenset({"trang chủ", "home", "trang chu", "quay lại", "tin mới"})
_BLOCK_CHILD = ".//*[self::p or self::div or self::h2 or self::h3 or self::section or self::article " \
    "or self::ul or self::table]"
_WINDOW_AFTER = 150
_NEAR = 40
_WINDOW_BEFORE = 60
_AGREE = timedelta(seconds=60)


def _ascii_key(text: str | None) -> str:
    """Letters and digits only, no diacritics, lower case: "Dân trí" -> "dantri"."""
    decomposed = unicodedata.normalize("NFD", clean_text(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if ch.isalnum()).lower()


# --- site identity --------------------------------------------------------------------------------------

def domain_labels(url: str) -> tuple[str, ...]:
    """Host labels that name the site: ``m.giadinh.net.vn`` -> ("giadinh",)."""
    host = (urlsplit(url).hostname or "").lower()
    return tuple(label for label in host.split(".") if label not in _PUBLIC_SUFFIXES and len(label) >= 3)


def site_names(page: Page) -> tuple[str, ...]:
    """Names the page gives its site: og:site_name, application-name, publisher, <title>/og:title suffixes."""
    names = [page.meta.get("og:site_name"), page.meta.get("application-name")]
    publisher = page.jsonld_article.get("publisher")
    if isinstance(publisher, dict):
        names.append(publisher.get("name") if isinstance(publisher.get("name"), str) else None)
    for raw in (page.first_text("title"), page.meta.get("og:title")):
        parts = _SEPARATORS.split(clean_text(raw))
        names.extend(part for part in parts[1:] if _matches_domain(part, page.url))
    found = [clean_text(n) for n in names if n and clean_text(n)]
    return tuple(dict.fromkeys(found + [".".join(domain_labels(page.url)) or ""]))


def _matches_domain(text: str, url: str) -> bool:
    key = _ascii_key(text)
    return bool(key) and any(key.startswith(label) for label in domain_labels(url))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.sub(r"^(?:báo|tạp chí|đài)\s+", "", name, flags=re.I).split()).lower()


def is_site_name(text: str | None, page: Page) -> bool:
    """*text* names this site: its domain ("Dân trí", "GiadinhNet", "VTV.vn"), a given name, its initials."""
    key = _ascii_key(text)
    if not key:
        return False
    if _matches_domain(text or "", page.url):
        return True
    names = site_names(page)
    if any(key == _ascii_key(n) for n in names):
        return True
    letters = clean_text(text).replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isupper() and any(
        _initials(part).startswith(key) for n in names for part in _SEPARATORS.split(n))


def strip_title_suffix(text: str | None, page: Page) -> str:
    """``"Title - Section - Site"`` -> ``"Title - Section"``: trailing segments naming the site go."""
    title = clean_text(text)
    while True:
        parts = _SEPARATORS.split(title)
        if len(parts) < 2 or not is_site_name(parts[-1], page):
            return title
        title = clean_text(title[: title.rfind(parts[-1])].rstrip(" -|–—"))


def strip_site_stamp(raw: str | None, page: Page) -> str:
    """The lede without its source stamp: "(Dân trí) - ", "GiadinhNet – ", "TT - ", a leading "Dân trí"."""
    text = strip_lede_prefix(raw)
    if text != clean_text(raw):
        return text
    m = _STAMP_RE.match(text)
    if m and is_site_name(m.group(1), page):
        return clean_text(text[m.end():])
    words, keys = text.split(), {*domain_labels(page.url), *map(_ascii_key, site_names(page))}
    for n in (1, 2, 3):
        if len(words) > n and words[n][:1].isupper() and _ascii_key(" ".join(words[:n])) in keys:
            return " ".join(words[n:])
    return text


# --- title ----------------------------------------------------------------------------------------------

def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold_key(text))


def similarity(a: str | None, b: str | None) -> float:
    """1.0 equal, 0.9 one starts the other, else word overlap (Jaccard) of the folded texts."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 3 and long_[: len(short)] == short:
        return 0.9
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / len(sa | sb)


def title_node(page: Page) -> Selector | None:
    """The h1 that matches og:title / JSON-LD headline / <title> best (the longest h1 without them)."""
    refs = [r for r in (clean_text(page.meta.get("og:title")), page.jsonld_str("headline"),
                        page.first_text("title")) if r]
    best, best_score = None, 0.0
    for node in page.sel.css("h1")[:12]:
        text = node_text(node)
        if len(text) < 5 or in_boilerplate(node.root):
            continue
        score = max((similarity(text, r) for r in refs), default=0.5 + min(len(text.split()), 20) / 100)
        if score > best_score:
            best, best_score = node, score
    return best if best_score >= 0.5 else None


def title(page: Page) -> str | None:
    node = title_node(page)
    if node is not None:
        return node_text(node)
    for raw in (page.meta.get("og:title"), page.jsonld_str("headline"), page.first_text("title")):
        text = strip_title_suffix(raw, page)
        if text:
            return text
    return None


# --- elements around the title ---------------------------------------------------------------------------

def near_title(page: Page, before: bool = True) -> Iterator[Selector]:
    """Elements after the title (in order), then before it (nearest first); without a title, the page."""
    node = title_node(page)
    if node is None:
        yield from page.sel.xpath("//body//*")[: _WINDOW_AFTER * 2]
        return
    yield from node.xpath(f"following::*[position() <= {_WINDOW_AFTER}]")
    if before:
        yield from reversed(node.xpath(f"preceding::*[position() <= {_WINDOW_BEFORE}]"))


def _bold(node: Selector) -> bool:
    if node.root.tag in ("h2", "h3", "h4", "strong", "b"):
        return True
    bold = clean_text(" ".join(node.css("strong ::text, b ::text").getall()))
    return bool(bold) and bold == node_text(node)


def lede_raw(page: Page) -> str | None:
    """The sapo as printed: a sapo-like element after the title, else the meta description."""
    meta = [d for d in (page.meta.get("og:description"), page.jsonld_str("description"),
                        page.meta.get("description")) if d]
    for node in near_title(page, before=False):
        text = node_text(node)
        if not 30 <= len(text) <= 1200 or node.root.tag in ("a", "script", "li", "figcaption") \
                or caption_class(node.root) or in_boilerplate(node.root) or node.xpath(_BLOCK_CHILD):
            continue
        marked = bool(tokens(node.root) & _SAPO_WORDS) or node.attrib.get("data-role") == "sapo"
        if marked or any(_echoes(text, d, page) for d in meta) or (_bold(node) and len(text) >= 40):
            return text
        if node.root.tag in ("p", "div") and len(text) >= 120:
            break  # the body has started
    return clean_text(html.unescape(meta[0])) if meta else None


def _echoes(text: str, description: str, page: Page) -> bool:
    """*text* is the meta description (stamps aside; the description may be cut short with "...")."""
    a, b = strip_site_stamp(text, page), strip_site_stamp(html.unescape(description), page)
    cut = b.endswith(("...", "…"))
    ratio = len(a) / max(len(b), 1)
    return similarity(a, b.rstrip(".… ")) >= 0.8 and (0.7 <= ratio <= 1.4 or (cut and ratio >= 0.7))


# --- bylines ---------------------------------------------------------------------------------------------

def _jsonld_authors(page: Page) -> Iterator[str]:
    value: Any = page.jsonld_article.get("author")
    for entry in value if isinstance(value, list) else [value]:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and clean_text(name):
            yield clean_text(html.unescape(name))


def byline_candidates(page: Page, meta: bool = True) -> Iterator[str]:
    """Printed bylines (author markup, a short line right after the title), then, with *meta*, meta ones."""
    for query in _BYLINE_CSS:
        for node in page.sel.css(query):
            text = node_text(node)
            if text and len(text) <= 80 and not in_boilerplate(node.root):
                yield text
    title_el = title_node(page)
    if title_el is not None:
        for sibling in title_el.xpath("following-sibling::*[position() <= 3]"):
            text = node_text(sibling)
            if 0 < len(text) <= 40 and (tokens(sibling.root) & _BYLINE_WORDS
                                        or "class" not in sibling.attrib):
                yield text
    if meta:
        yield from meta_bylines(page)


def meta_bylines(page: Page) -> Iterator[str]:
    """JSON-LD authors, then ``article:author`` and ``author`` meta tags."""
    yield from _jsonld_authors(page)
    yield from filter(None, [page.meta.get("article:author"), page.meta.get("author")])


# --- times -----------------------------------------------------------------------------------------------

def machine_times(page: Page) -> Iterator[str | None]:
    """Machine-readable publish times, most trusted first."""
    yield page.first_attr(("[itemprop=datePublished]", "content"), ("[itemprop=datePublished]", "datetime"))
    yield page.meta.get("article:published_time")
    yield page.jsonld_str("datePublished")
    for key in ("pubdate", "publishdate", "publish-date", "dc.date.issued", "date"):
        yield page.meta.get(key)
    yield page.hidden_inputs.get("distributionDate")


def _time_pieces(text: str) -> Iterator[str]:
    """The whole string, then what follows each separator ("Quang Anh - Ngày 20/08/2025 13:00 PM")."""
    yield text
    for m in _TIME_SPLIT.finditer(text):
        yield text[m.end():]


def _printed(page: Page, dates: DateParser) -> Iterator[tuple[str, ParsedDate]]:
    """Printed full dates near the title: the nearest elements first, time/date-classed before the rest."""
    node = title_node(page)
    if node is None:
        tiers = [list(near_title(page))]
    else:
        after = node.xpath(f"following::*[position() <= {_WINDOW_AFTER}]")
        before = list(reversed(node.xpath(f"preceding::*[position() <= {_WINDOW_BEFORE}]")))
        tiers = [after[:_NEAR] + before[:_NEAR // 3], after[_NEAR:] + before[_NEAR // 3:]]
    for tier in tiers:
        for classed in (True, False):
            for node in tier:
                found = _printed_in(node, dates, classed)
                if found:
                    yield found


def _printed_in(node: Selector, dates: DateParser, classed: bool) -> tuple[str, ParsedDate] | None:
    marked = bool(_DATE_CLASS.search(f"{node.attrib.get('class', '')} {node.attrib.get('id', '')}"))
    if marked != classed or node.root.tag in ("script", "style", "a", "option") or in_boilerplate(node.root) \
            or any(a.tag == "li" for a in list(node.root.iterancestors())[:3]):
        return None  # list items are other articles' times
    text = node_text(node)
    if not 6 <= len(text) <= 100 or (not classed and len(node.root)):
        return None
    for piece in _time_pieces(text):
        parsed = dates.parse(piece, require_date=True)
        if parsed:
            return piece, parsed
    return None


def printed_time(page: Page, dates: DateParser) -> str | None:
    """The publish time as printed near the title; it must agree with the machine time when there is one."""
    machine = next(filter(None, (dates.parse(m, require_date=True) for m in machine_times(page) if m)), None)
    day_only = None
    for raw, parsed in _printed(page, dates):
        if machine is not None:
            if abs(parsed.value - machine.value) <= _AGREE:
                return raw
        elif parsed.precision in ("minute", "second"):
            return raw
        elif day_only is None:
            day_only = raw
    return day_only if machine is None else None


# --- section and tags ------------------------------------------------------------------------------------

def category(page: Page) -> str | None:
    section = page.meta.get("article:section") or page.jsonld_article.get("articleSection")
    if isinstance(section, list):
        section = next((s for s in section if isinstance(s, str)), None)
    if isinstance(section, str) and clean_text(section):
        return clean_text(html.unescape(section))
    crumbs = [_crumb_name(e) for obj in page.jsonld if obj.get("@type") == "BreadcrumbList"
              and isinstance(obj.get("itemListElement"), list) for e in obj["itemListElement"]]
    crumbs += [node_text(n) for n in page.sel.css("[itemtype*=BreadcrumbList] [itemprop=name]")]
    crumbs = [c for c in crumbs if c and fold_key(c) not in _HOME and not is_site_name(c, page)]
    if crumbs:
        return crumbs[-1]
    named = page.first_text("[data-role=cate-name]") or page.first_attr(("[data-role=cate-name]", "title")) \
        or clean_text(page.hidden_inputs.get("hdCatName"))
    return named or _category_from_url(page) or _category_near_title(page)


def _category_from_url(page: Page) -> str | None:
    """The link text that spells a folder of the article URL: ``/xa-hoi/…`` -> "Xã hội"."""
    folders = [f for f in urlsplit(page.url).path.split("/")[1:-1] if f and not f.isdigit()]
    if not folders:
        return None
    texts: dict[str, str] = {}
    for link in page.sel.css("a")[:3000]:
        text = node_text(link)
        if 0 < len(text) <= 40:
            texts.setdefault(_ascii_key(text), text)
    return next((texts[key] for key in map(_ascii_key, folders) if key in texts), None)


def _category_near_title(page: Page) -> str | None:
    """The last link of a breadcrumb or category label near the title (before it first)."""
    node = title_node(page)
    if node is None:
        return None
    nearby = [*reversed(node.xpath(f"preceding::*[position() <= {_WINDOW_BEFORE}]")),
              *node.xpath("following::*[position() <= 20]")]
    for near in nearby:
        if not tokens(near.root) & _CATEGORY_WORDS or len(near.css("a")) > 6:
            continue
        names = [node_text(o) for o in near.css("option[selected]")] or \
            [node_text(a) or clean_text(a.attrib.get("title")) for a in near.css("a")] or [node_text(near)]
        names = [t for t in names if t and len(t) <= 40 and fold_key(t) not in _HOME
                 and not is_site_name(t, page)]
        if names:
            return names[-1]
    return None


def _crumb_name(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return None
    item = entry.get("item")
    name = entry.get("name") or (item.get("name") if isinstance(item, dict) else None)
    return clean_text(html.unescape(name)) if isinstance(name, str) else None
