"""Article body: paragraphs from a content container, with images and boilerplate kept out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newscrawl.extraction.captions import is_auto_alt, is_placeholder, split_credit
from newscrawl.extraction.text import (
    clean_text,
    drop_consecutive_duplicates,
    fold_key,
    is_boilerplate_line,
    split_source_line,
)
from newscrawl.items import ImageItem

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote table tbody thead tr td th section article "
    "figure figcaption header footer pre dl dt dd center address aside main nav form".split()
)
SKIP_TAGS = frozenset("script style noscript iframe ins video audio source object embed svg button "
                      "input select textarea template canvas map link meta".split())
_css = HTMLTranslator()


def css_to_xpath(queries: Iterable[str], prefix: str = "descendant-or-self::") -> str:
    """One XPath union for several CSS selectors; an empty list matches nothing."""
    return " | ".join(_css.css_to_xpath(q, prefix=prefix) for q in queries) or "self::*[false()]"


@dataclass(frozen=True, slots=True)
class BodyRules:
    """What a site's content container holds besides text (CSS selectors, compiled once)."""

    drop: Sequence[str]
    photo_blocks: Sequence[str] = ("figure", ".VCSortableInPreviewMode[type=Photo]", ".detail-cover")
    captions: Sequence[str] = (".PhotoCMS_Caption", "figcaption", ".image-caption")
    video_blocks: Sequence[str] = (".VCSortableInPreviewMode[type=VideoStream]", "video", "iframe[src*=video]")
    trailing_author: Sequence[str] = ("p[style*='text-align:right'] > b", "p[style*='text-align: right'] > b",
                                      "p[style*='text-align:right'] > strong",
                                      "p[style*='text-align: right'] > strong")
    _xp: dict[str, etree.XPath] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        xp = {name: etree.XPath(css_to_xpath(getattr(self, name)))
              for name in ("drop", "photo_blocks", "captions", "video_blocks", "trailing_author")}
        self._xp.update(xp)

    def find(self, name: str, root: etree._Element) -> list[etree._Element]:
        return list(self._xp[name](root))


@dataclass(slots=True)
class Body:
    """What came out of the container: paragraphs plus what was moved into other fields."""

    paragraphs: list[str] = field(default_factory=list)
    images: list[ImageItem] = field(default_factory=list)
    source: str | None = None
    trailing_author: str | None = None
    has_video: bool = False
    video_captions: list[str] = field(default_factory=list)

    @property
    def text(self) -> str | None:
        return "\n\n".join(self.paragraphs) or None


def extract_body(container: Selector, rules: BodyRules, *, title: str | None, lede: str | None,
                 base_url: str, exclude_lines: Sequence[str] = ()) -> Body:
    """Read *container* into a Body; *exclude_lines* (byline, related titles) never enter the text."""
    root = container.root
    body = Body()
    skipped: set[etree._Element] = set(rules.find("drop", root))
    for block in rules.find("video_blocks", root):
        if block in skipped or any(anc in skipped for anc in block.iterancestors()):
            continue  # an ad player inside a dropped banner is not the article's video
        body.has_video = True
        caption = clean_text(" ".join(block.xpath(".//*[contains(@class,'VideoCMS_Caption')]//text()")))
        if caption:
            body.video_captions.append(caption)
        skipped.add(block)
    body.images = _images(root, rules, skipped, base_url)
    skipped.update(rules.find("photo_blocks", root))
    skipped.update(rules.find("captions", root))
    author_nodes = rules.find("trailing_author", root)
    if author_nodes:
        body.trailing_author = clean_text("".join(author_nodes[-1].itertext())) or None
    lines: list[str] = []
    _walk(root, skipped, lines, [])
    excluded = {fold_key(x) for x in exclude_lines if x}
    excluded.update(fold_key(c) for img in body.images for c in (img.caption, img.caption_raw) if c)
    excluded.update(fold_key(c) for c in body.video_captions)
    if body.trailing_author:
        excluded.add(fold_key(body.trailing_author))
    body.paragraphs, body.source = _clean_lines(lines, excluded, title, lede)
    return body


def _walk(el: etree._Element, skipped: set[etree._Element], out: list[str], buf: list[str]) -> None:
    """Depth-first text walk: block elements and <br> end a line; skipped subtrees are left out."""
    tag = el.tag
    if not isinstance(tag, str) or el in skipped or tag in SKIP_TAGS:
        return
    block = tag in BLOCK_TAGS
    if block or tag == "br":
        _flush(buf, out)
    if el.text:
        buf.append(el.text)
    for child in el:
        _walk(child, skipped, out, buf)
        if child.tail:
            buf.append(child.tail)
    if block:
        _flush(buf, out)


def node_text(node: etree._Element) -> str | None:
    """The text of one node as the body reads text: inline pieces joined as printed, blocks by spaces
    (``X. Ảnh: <em> Bloomberg</em>.`` -> ``X. Ảnh: Bloomberg.``)."""
    lines: list[str] = []
    _walk(node, set(), lines, [])
    return " ".join(lines) or None


def _flush(buf: list[str], out: list[str]) -> None:
    if buf:
        line = clean_text("".join(buf))
        if line:
            out.append(line)
        buf.clear()


def _clean_lines(lines: list[str], excluded: set[str], title: str | None,
                 lede: str | None) -> tuple[list[str], str | None]:
    """Apply the text-line rules; returns (paragraphs, source line value)."""
    source = None
    kept: list[str] = []
    for line in lines:
        if is_boilerplate_line(line) or fold_key(line) in excluded or is_auto_alt(line, title):
            continue
        found = split_source_line(line)
        if found:
            source = found
            continue
        kept.append(line)
    kept = drop_consecutive_duplicates(kept)
    if kept and lede and fold_key(kept[0]) == fold_key(lede):
        kept = kept[1:]
    return kept, source


def _images(root: etree._Element, rules: BodyRules, skipped: set[etree._Element], base_url: str
            ) -> list[ImageItem]:
    """Every content image not inside a dropped block, with caption and credit from its photo block."""
    from urllib.parse import urljoin

    blocks = set(rules.find("photo_blocks", root))
    images: list[ImageItem] = []
    seen: set[str] = set()
    for img in root.iter("img"):
        if any(anc in skipped for anc in img.iterancestors()):
            continue
        src = img.get("data-original") or img.get("data-src") or img.get("src") or ""
        if not src.strip() or src.startswith("data:"):
            continue
        url = urljoin(base_url, src.strip())
        if url in seen:
            continue
        seen.add(url)
        block = next((anc for anc in img.iterancestors() if anc in blocks), None)
        images.append(_image(url, block, rules))
    return images


def _image(url: str, block: etree._Element | None, rules: BodyRules) -> ImageItem:
    """Caption and credit from the photo block's caption node; alts are never captions."""
    raw = None
    if block is not None:
        nodes = rules.find("captions", block)
        raw = node_text(nodes[0]) if nodes else None
    if not raw or is_placeholder(raw):
        raw = None
    caption, credit = split_credit(raw)
    return ImageItem(url=url, caption=caption, credit=credit, caption_raw=raw)
