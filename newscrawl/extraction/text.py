"""Pure string helpers for Vietnamese news text (vietnamese-text.md §7, §9; truyenhinhthanhhoa.md §9).

No HTML here: the DOM code extracts strings and calls these functions.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "SOURCE_LINE_RE",
    "clean_multiline",
    "clean_text",
    "content_hash",
    "drop_consecutive_duplicates",
    "fold_key",
    "is_boilerplate_line",
    "split_source_line",
    "strip_lede_prefix",
]

# NBSP-like spaces become spaces; zero-width characters and the soft hyphen disappear.
_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)
_WS_RE = re.compile(r"\s+")

# Old-style ("hoá", "thuỷ") -> new-style ("hóa", "thủy") tone placement, §9.
_TONE_MAP = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# Only at the end of a syllable (no letter follows) and never after "q" ("quý" stays).
_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_TONE_MAP) + r")(?!\w)")
_EDGE_PUNCT_RE = re.compile(r"^[\W_]+|[\W_]+$")

_LEDE_PREFIX_RE = re.compile(r"^\s*\(([^()]{2,40})\)\s*[-–—]\s*")

# truyenhinhthanhhoa.md §9 rule 1. Prefix lines are dropped whatever follows them.
_PREFIX_LINES = (
    "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THANH HÓA",
    "Thanh Hoa Radio and Television",
    "Đường dây nóng:",
    "Xem thêm bình luận",
    "Bình luận (",
)
# Headings dropped when only decoration (no letters) follows: "Ý kiến bạn đọc (3)", "Tin liên quan:".
_HEADING_LINES = ("Ý kiến bạn đọc", "Tin liên quan", "Có thể bạn quan tâm")
# Short words dropped only as a whole line, optionally with ":" or "»".
_EXACT_LINES = ("Xem thêm", "Tin mới", "Đọc nhiều", "Banner")
_EXACT_TAIL_RE = re.compile(r"\s*[:»]?\s*")
_RELATED_TIME_RE = re.compile(r"^\d{1,2}:\d{2}\s*,\s*\d{1,2}/\d{1,2}/\d{4}$")

SOURCE_LINE_RE = re.compile(r"^\s*Nguồn\s*:\s*(?P<source>.+?)\s*\.?\s*$", re.I)
_MAX_SOURCE_LEN = 120


_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(s: str | None) -> str:
    """NFC, NBSP-like spaces to spaces, zero-width characters removed, whitespace collapsed, stripped."""
    if not s:
        return ""
    if _INVISIBLE_RE.search(s):
        s = _INVISIBLE_RE.sub("", s)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())  # str.split() splits on every Unicode space, NBSP and U+2007/U+202F too


def clean_multiline(s: str | None) -> str:
    """Clean each line; runs of empty lines become one blank line ("\\n\\n" between paragraphs)."""
    if not s:
        return ""
    blocks: list[list[str]] = [[]]
    for line in map(clean_text, s.splitlines()):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _fold_tones(s: str) -> str:
    """Casefold and unify open-syllable tone placement (expects cleaned text)."""
    s = unicodedata.normalize("NFC", s.casefold())
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(1)], s)


def _fold(s: str | None) -> str:
    s = _EDGE_PUNCT_RE.sub("", _fold_tones(clean_text(s)))
    return _WS_RE.sub(" ", s).strip()


_fold_short = functools.lru_cache(maxsize=4096)(_fold)
_CACHE_UP_TO = 200  # body lines repeat within a page; whole bodies are never cached (flat memory)


def fold_key(s: str | None) -> str:
    """Comparison key: cleaned, casefolded, tones unified, end punctuation stripped, spaces collapsed."""
    if s and len(s) <= _CACHE_UP_TO:
        return _fold_short(s)
    return _fold(s)


@functools.lru_cache(maxsize=256)
def _bare_prefix_re(prefix: str) -> re.Pattern[str]:
    """Regex for one site-specific bare prefix followed by a dash ("VTV.vn - ")."""
    return re.compile(re.escape(prefix) + r"\s*[-–—]\s*", re.I)


def strip_lede_prefix(s: str | None, bare_prefixes: Sequence[str] = ()) -> str:
    """Remove one leading source prefix: "(TTV) - " generically, "VTV.vn - " only when listed."""
    text = clean_text(s)
    m = _LEDE_PREFIX_RE.match(text)
    if m:
        return clean_text(text[m.end() :])
    for prefix in map(clean_text, bare_prefixes):
        m = _bare_prefix_re(prefix).match(text) if prefix else None
        if m:
            return clean_text(text[m.end() :])
    return text


@functools.lru_cache(maxsize=64)
def _folded_heading(heading: str) -> str:
    return _fold_tones(clean_text(heading))


def _matches_heading(key: str, heading: str, *, exact: bool) -> bool:
    """`key` starts with `heading`; the rest is empty/":"/"»" (exact) or has no letters."""
    head = _folded_heading(heading)
    if not key.startswith(head):
        return False
    rest = key[len(head) :]
    if exact:
        return _EXACT_TAIL_RE.fullmatch(rest) is not None
    return not any(ch.isalpha() for ch in rest)


_FOLDED_PREFIXES = tuple(_fold_tones(clean_text(p)) for p in _PREFIX_LINES)
_LONGEST_BOILERPLATE = 160  # no boilerplate line is longer: real paragraphs skip the checks


def is_boilerplate_line(line: str, extra: Sequence[str] = ()) -> bool:
    """True for TTV/platform boilerplate lines (truyenhinhthanhhoa.md §9 rules 1 and 6).

    `extra` entries match a whole line (optionally followed by ":" or "»"); an entry ending in
    ":" or "(" matches as a prefix.
    """
    text = clean_text(line)
    if not text or (len(text) > _LONGEST_BOILERPLATE and not extra):
        return False
    if _RELATED_TIME_RE.match(text):
        return True
    key = _fold_tones(text)
    extra = [e for e in map(clean_text, extra) if e]
    prefixes = [*_FOLDED_PREFIXES, *(_fold_tones(e) for e in extra if e.endswith((":", "(")))]
    if any(key.startswith(p) for p in prefixes):
        return True
    if any(_matches_heading(key, h, exact=False) for h in _HEADING_LINES):
        return True
    exact = [*_EXACT_LINES, *(e for e in extra if not e.endswith((":", "(")))]
    return any(_matches_heading(key, h, exact=True) for h in exact)


def drop_consecutive_duplicates(lines: Iterable[str]) -> list[str]:
    """Drop a line equal (by `fold_key`) to the line kept just before it; keep the first as given."""
    out: list[str] = []
    last: str | None = None
    for line in lines:
        key = fold_key(line)
        if key != last:
            out.append(line)
        last = key
    return out


def split_source_line(line: str) -> str | None:
    """"Nguồn: Bản tin Thời sự tối/TTV" -> "Bản tin Thời sự tối/TTV"; None when not a source line."""
    m = SOURCE_LINE_RE.match(clean_text(line))
    if not m:
        return None
    source = m.group("source").strip()
    return source if 0 < len(source) <= _MAX_SOURCE_LEN else None


def content_hash(title: str | None, lede: str | None, body: str | None) -> str:
    """SHA-1 hex of the folded title, lede and body: stable across spacing, case and tone placement."""
    joined = "\n".join(fold_key(part) for part in (title, lede, body))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
