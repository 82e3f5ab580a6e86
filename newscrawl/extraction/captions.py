"""Image captions: credit split, CMS auto-alts, placeholders (vietnamese-text.md §8).

Pure functions on strings; the DOM code finds the caption/alt text and calls these.
"""

from __future__ import annotations

import re

from newscrawl.extraction.text import clean_text, fold_key

__all__ = ["AUTO_ALT_RE", "CREDIT_RE", "auto_alt_rest", "is_auto_alt", "is_placeholder", "split_credit"]

# §8, plus the old-style spelling "Đồ hoạ" and a named group marking where the label starts.
CREDIT_RE = re.compile(
    r"(?:^|[\s.(–-])(?P<label>Ảnh|Video|Clip|Đồ h(?:ọa|oạ)|Nguồn)\s*:\s*(?P<credit>[^()]+?)\s*\)?\s*\.?\s*$",
    re.I,
)
# A separator left at the caption's end once the credit is cut: " -", ".–", a lone "(".
_CAPTION_TAIL_RE = re.compile(r"(?:(?<=[\s.,;:!?])|^)[-–—|]+$")
AUTO_ALT_RE = re.compile(r"\s*-\s*Ảnh\s*\d+\s*\.?\s*$")
_PLACEHOLDER_KEYS = frozenset(fold_key(p) for p in ("Nhập chú thích ảnh", "Nhập chú thích"))


def _trim_caption(text: str) -> str | None:
    """Strip the separator and spaces left before a cut credit; keep the caption's own period."""
    text = text.rstrip(" (")
    text = _CAPTION_TAIL_RE.sub("", text).rstrip(" (")
    return text or None


def split_credit(caption_raw: str | None) -> tuple[str | None, str | None]:
    """Split "<caption> - Ảnh: <credit>" into (caption, credit); either may be None."""
    text = clean_text(caption_raw)
    if not text:
        return None, None
    m = CREDIT_RE.search(text)
    # Prefer the last label: "Video: Hướng dẫn - Nguồn: VTV" -> credit "VTV".
    while m and (later := CREDIT_RE.search(text, m.start("label") + 1)):
        m = later
    if not m:
        return text, None
    credit = clean_text(m.group("credit")) or None
    if credit is None:
        return text, None
    return _trim_caption(text[: m.start("label")]), credit


def auto_alt_rest(alt: str | None) -> str | None:
    """The text before a CMS " - Ảnh N." suffix; None when there is no suffix (or nothing before it)."""
    text = clean_text(alt)
    m = AUTO_ALT_RE.search(text)
    if not m:
        return None
    return clean_text(text[: m.start()]) or None


def is_auto_alt(alt: str | None, title: str | None) -> bool:
    """True when `alt` is the title (by fold_key), with or without the CMS " - Ảnh N." suffix."""
    if not alt or not title:
        return False
    rest = auto_alt_rest(alt)
    if rest is None and len(alt) > 2 * len(title) + 10:
        return False  # a paragraph, not the title
    title_key = fold_key(title)
    if not title_key:
        return False
    return fold_key(rest if rest is not None else alt) == title_key


def is_placeholder(text: str | None) -> bool:
    """True for the CMS caption placeholder ("Nhập chú thích ảnh")."""
    return fold_key(text) in _PLACEHOLDER_KEYS
