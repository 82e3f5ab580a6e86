"""Generic photo blocks: images and their captions in a content container of any news page.

Works on a private copy of the container (see :func:`newscrawl.extraction.generic_body.prepare_container`)
and groups each content image with its caption into an ``nc-photo`` block holding an ``nc-caption``, so
that the shared ``extract_body`` reads them like a CMS figure. Shapes found on Vietnamese pages:

* ``figure``/``figcaption`` and CMS photo blocks: left as they are (the shared rules know them);
* a small table with the image and the caption (``td.pCaption``, ``td.caption``, giadinh's ``em`` lines);
* an image block followed by a caption-like sibling: a caption class (``img_chu_thich``, ``caption``), a
  ``data-placeholder`` "chú thích", the image's alt, a centred line under a centred image, or an italic
  line (unless most of the text is italic), plus a separate ``Ảnh: X`` credit line after it;
* centred or italic galleries where each image is followed by its caption line (old mobile pages).

Also the small DOM helpers the generic body code shares (visible text, class marks, removal).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree

from newscrawl.extraction.body import BLOCK_TAGS, SKIP_TAGS
from newscrawl.extraction.text import fold_key

__all__ = ["add_class", "caption_class", "full_size", "group_photos", "has_class", "hidden", "image_link",
           "is_ancestor", "remove", "text_of"]

_CAPTION_RE = re.compile(r"caption|chu-?_?thich|chuthich|legend|img-?desc|image-?desc|photo-?desc|expnoedit",
                         re.I)
_CREDIT_LINE = re.compile(r"^(?:Ảnh|Nguồn|Video|Clip|Đồ h(?:ọa|oạ))\s*:", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS = frozenset({"hidden", "hide", "d-none", "displaynone", "clearhide"})
_IMAGE_HREF = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_GALLERY_TAGS = frozenset("div p center td span".split())
_MAX_CAPTION = 400
_MAX_LINE = 300


# --- DOM helpers ----------------------------------------------------------------------------------------

def hidden(el: etree._Element) -> bool:
    """Hidden by style, the ``hidden`` attribute, a hiding class or ``type=hidden``."""
    classes = set((el.get("class") or "").lower().split())
    return bool(_HIDDEN_STYLE.search(el.get("style") or "")) or el.get("hidden") is not None \
        or bool(classes & _HIDDEN_CLASS) or el.get("type") == "hidden"


def add_class(el: etree._Element, name: str) -> None:
    el.set("class", f"{el.get('class') or ''} {name}".strip())


def has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def is_ancestor(anc: etree._Element, el: etree._Element) -> bool:
    return any(a is anc for a in el.iterancestors())


def remove(el: etree._Element) -> None:
    """Remove *el* but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def text_of(el: etree._Element) -> str:
    """Visible text of *el*, whitespace collapsed: no scripts, hidden or dropped subtrees."""
    parts: list[str] = []
    _collect(el, parts, top=True)
    return " ".join(" ".join(parts).split())


def _collect(el: etree._Element, parts: list[str], top: bool = False) -> None:
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or hidden(el) or has_class(el, "nc-drop"):
        if not top and el.tail:
            parts.append(el.tail)
        return
    if el.text:
        parts.append(el.text)
    for child in el:
        _collect(child, parts)
    if not top and el.tail:
        parts.append(el.tail)


def full_size(img: etree._Element) -> str | None:
    """A full-size image URL the page gives beside the shown one: ``rel``/``data-*`` on the image, or an
    ``href`` to an image file on a link or block around it (lightboxes, tuoitre's photo tables)."""
    for attr in ("rel", "data-large", "data-full", "data-zoom-src", "data-img"):
        value = (img.get(attr) or "").strip()
        if _IMAGE_HREF.search(value):
            return value
    for depth, anc in enumerate(img.iterancestors()):
        value = (anc.get("href") or anc.get("data-href") or "").strip()
        if _IMAGE_HREF.search(value):
            return value
        if depth >= 4:
            break
    return None


def image_link(href: str) -> bool:
    return bool(_IMAGE_HREF.search(href))


# --- photo blocks ---------------------------------------------------------------------------------------

def group_photos(root: etree._Element) -> None:
    """Group images and captions of the container copy *root* into ``nc-photo``/``nc-caption`` blocks."""
    _table_photos(root)
    _sibling_captions(root, italic_ok=_italic_share(root) < 0.5)
    _galleries(root)
    for el in root.iter():
        if isinstance(el.tag, str) and caption_class(el) and not _in_photo(el, root):
            add_class(el, "nc-caption")  # a caption of something else (a video): never body text


def caption_class(el: etree._Element) -> bool:
    placeholder = (el.get("data-placeholder") or "").lower()
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_CAPTION_RE.search(names)) or "chú thích" in placeholder


def _in_photo(el: etree._Element, root: etree._Element) -> bool:
    for node in (el, *el.iterancestors()):
        if node.tag == "figure" or has_class(node, "nc-photo") or node.get("type") == "Photo":
            return True
        if node is root:
            return False
    return False


def _table_photos(root: etree._Element) -> None:
    """A small table holding one to four images and a little text is a photo with its caption."""
    for table in list(root.iter("table")):
        imgs = list(table.iter("img"))
        if not 1 <= len(imgs) <= 4 or len(text_of(table)) > 600 or _in_photo(table, root):
            continue
        add_class(table, "nc-photo")
        explicit = next((el for el in table.iter() if isinstance(el.tag, str) and caption_class(el)), None)
        add_class(explicit if explicit is not None else table, "nc-caption")


def _italic(el: etree._Element, stop: etree._Element) -> bool:
    for node in (el, *el.iterancestors()):
        if node.tag in ("em", "i") or _ITALIC_STYLE.search(node.get("style") or ""):
            return True
        if node is stop:
            return False
    return False


def _texts(root: etree._Element) -> Iterator[tuple[str, bool]]:
    """(text, italic) for each visible text node under *root*."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        if el.text and el.text.strip():
            yield el.text, _italic(el, root)
        parent = el.getparent()
        if el is not root and parent is not None and el.tail and el.tail.strip():
            yield el.tail, _italic(parent, root)


def _italic_share(root: etree._Element) -> float:
    sizes = [(len(text.strip()), flag) for text, flag in _texts(root)]
    total = sum(size for size, _ in sizes)
    return sum(size for size, flag in sizes if flag) / total if total else 0.0


def _centered(el: etree._Element) -> bool:
    return el.tag == "center" or (el.get("align") or "").lower() == "center" \
        or bool(_CENTER_STYLE.search(el.get("style") or ""))


def _has_img(el: etree._Element) -> bool:
    return el.tag == "img" or el.find(".//img") is not None


def _wrapper(img: etree._Element, root: etree._Element) -> etree._Element | None:
    """The largest block around *img* that holds no text of its own."""
    el, parent = img, img.getparent()
    while parent is not None and parent is not root and not text_of(parent):
        el, parent = parent, parent.getparent()
    return None if el is root else el


def _caption_like(node: etree._Element, img: etree._Element, wrapper: etree._Element, italic_ok: bool
                  ) -> bool:
    text = text_of(node)
    if not text or len(text) > _MAX_CAPTION or _has_img(node):
        return False
    if caption_class(node) or fold_key(text) == fold_key(img.get("alt")):
        return True
    italic = italic_ok and len(text) <= _MAX_LINE and all(flag for _, flag in _texts(node))
    return italic or (_centered(node) and _centered(wrapper) and len(text) <= 200)


def _sibling_captions(root: etree._Element, italic_ok: bool) -> None:
    """An image block followed by a caption-like element: both go into one ``nc-photo`` block."""
    for img in list(root.iter("img")):
        wrapper = None if _in_photo(img, root) else _wrapper(img, root)
        if wrapper is None or (wrapper.tail or "").strip():
            continue
        node = wrapper.getnext()
        while node is not None and not text_of(node) and not _has_img(node) and not (node.tail or "").strip():
            node = node.getnext()
        if node is None or not _caption_like(node, img, wrapper, italic_ok):
            continue
        nodes = [node]
        while not (nodes[-1].tail or "").strip() and (nxt := nodes[-1].getnext()) is not None \
                and _CREDIT_LINE.match(text_of(nxt)) and len(text_of(nxt)) <= 80:
            nodes.append(nxt)
        _wrap(wrapper, nodes)


def _wrap(wrapper: etree._Element, captions: list[etree._Element]) -> None:
    """One ``nc-photo`` block of the image wrapper and its caption; in a gallery the caption goes with the
    last image only (the others get a block of their own)."""
    for img in list(wrapper.iter("img"))[:-1]:
        holder = img.getparent()
        if holder is None or holder is wrapper or len(list(holder.iter("img"))) > 1:
            holder = etree.Element("span", {"class": "nc-photo"})
            img.addprevious(holder)
            holder.tail, img.tail = img.tail, None
            holder.append(img)
        else:
            add_class(holder, "nc-photo")
    block = etree.Element("div", {"class": "nc-photo"})
    wrapper.addprevious(block)
    tail = captions[-1].tail
    block.append(wrapper)
    box = etree.SubElement(block, "div", {"class": "nc-caption"})
    for node in captions:
        box.append(node)
    captions[-1].tail = None
    block.tail = tail


def _galleries(root: etree._Element) -> None:
    """Centred or all-italic blocks of images each followed by a caption line (old mobile pages)."""
    done: list[etree._Element] = []
    for el in list(root.iterdescendants(*_GALLERY_TAGS)):
        if any(is_ancestor(d, el) for d in done) or _in_photo(el, root) or el.find(".//img") is None \
                or el.find(".//table") is not None:
            continue
        if _centered(el) or all(flag for _, flag in _texts(el)):
            units = _gallery_units(el)
            if units:
                _rebuild(el, units)
                done.append(el)


def _gallery_units(el: etree._Element) -> list[tuple[etree._Element, list[str]]] | None:
    """Each image with the lines after it; None when a line comes first or is too long for a caption."""
    units: list[tuple[etree._Element, list[str]]] = []
    line: list[str] = []
    for kind, value in [*_events(el, top=True), ("break", None)]:
        if kind == "text":
            line.append(value)  # type: ignore[arg-type]
            continue
        text = " ".join(" ".join(line).split())
        line.clear()
        if text and (not units or len(text) > _MAX_LINE):
            return None
        if text:
            units[-1][1].append(text)
        if kind == "img":
            units.append((value, []))  # type: ignore[arg-type]
    return units or None


def _events(el: etree._Element, top: bool = False) -> Iterator[tuple[str, object]]:
    """("text", str), ("break", None) and ("img", element) events of *el* in document order."""
    if el.tag == "img":
        yield "img", el
    elif isinstance(el.tag, str) and el.tag not in SKIP_TAGS:
        if el.tag == "br" or el.tag in BLOCK_TAGS:
            yield "break", None
        if el.text:
            yield "text", el.text
        for child in el:
            yield from _events(child)
        if el.tag in BLOCK_TAGS:
            yield "break", None
    if not top and el.tail:
        yield "text", el.tail


def _rebuild(el: etree._Element, units: list[tuple[etree._Element, list[str]]]) -> None:
    """Replace the gallery's content by one ``nc-photo`` block per image (its caption lines joined)."""
    images = [(copy.deepcopy(img), lines) for img, lines in units]
    for child in list(el):
        el.remove(child)
    el.text = None
    for img, lines in images:
        img.tail = None
        block = etree.SubElement(el, "div", {"class": "nc-photo"})
        block.append(img)
        if lines:
            etree.SubElement(block, "div", {"class": "nc-caption"}).text = " ".join(lines)
