"""Decoding of baothanhhoa.vn's obfuscated article bodies (shared/sites/baothanhhoa.md §5).

The page ships the body as base64 of an HTML string whose characters went through a per-page
one-to-one substitution. The plaintext starts with a skeleton that repeats the title and the sapo,
which the page also prints in clear::

    <h1 class="pTitle">TITLE</h1><p class="pHead">SAPO</p>BODY…

Two steps, both pure functions on strings (no HTML parsing here):

1. **Known-plaintext solve** (option 2 of §5.1): align that skeleton with the start of the cipher
   text; every aligned position gives one pair of the page key (cipher char → plain char). An
   alignment in which one cipher char would stand for two plain chars, or two cipher chars for one
   plain char, is rejected.
2. **Rotation** (the "shift inside a fixed alphabet" hypothesis of §5.1, confirmed): on every real
   page seen so far the substitution is ``ALPHABET[i] → ALPHABET[i + k]`` for one page shift ``k``;
   characters outside ``ALPHABET`` are left as they are. When all pairs of a page agree on one shift,
   that shift decodes the whole body. When they do not, only the page key is used and characters
   outside it stay unknown: they are marked with ``UNKNOWN``, never guessed.

How ``ALPHABET`` was reconstructed, and what it rests on, is in docs/baothanhhoa.md.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

__all__ = [
    "ALPHABET", "IDENTITY_SEEN", "INFERRED", "SKELETONS", "SKELETON_TAIL", "UNKNOWN", "Decoded", "Solution",
    "align", "alignments", "coverage", "decode_base64_text", "decode_body", "decode_rotation",
    "decode_with_key", "find_blobs", "rotation_shift", "sapo_variants", "title_variants",
]

# --- the alphabet ---------------------------------------------------------------------------------
# Each vowel with its tones in the order none, sắc, huyền, nặng, hỏi, ngã.
_VOWELS = {"a": "aáàạảã", "ă": "ăắằặẳẵ", "â": "âấầậẩẫ", "e": "eéẹẻẽ", "ê": "êếềệểễ", "i": "iíìịỉĩ",
           "o": "oóòọỏõ", "ô": "ôốồộổỗ", "ơ": "ơớờợởỡ", "u": "uúùụủũ", "ư": "ưứừựửữ", "y": "yýỳỵỷỹ"}
# No "è" (it passes unchanged: "chèo" on a real page) and no "z" (docs/baothanhhoa.md).
_LOWER = "".join(_VOWELS.get(ch, ch) for ch in "aăâbcdđeêfghijklmnoôơpqrstuưvwxy")
ALPHABET = _LOWER + _LOWER.upper() + '@#=$%*&?:;,.!()<>{}[]" ' + "0123456789"
"""The 215 substituted characters in their cyclic order (lower case, upper case, 23 signs, digits)."""
INFERRED = frozenset("ổÃẤDẺẼÊẾỆỄFỊJ")
"""Positions no real page has shown yet: filled by the case rule (upper block = lower block
upper-cased, which holds at all 78 positions where both cases were seen)."""
IDENTITY_SEEN = frozenset("/-+“”")
"""Characters seen passing through unchanged on real pages (outside ALPHABET)."""
_POS = {ch: i for i, ch in enumerate(ALPHABET)}
assert len(_POS) == len(ALPHABET) == 215 and len(_LOWER) == 91

# --- the skeleton -----------------------------------------------------------------------------------
SKELETONS = (('<h1 class="pTitle">', '</h1><p class="pHead">'),
             ('<h2 class="pTitle">', '</h2><p class="pHead">'))
"""(head, middle) of the known plaintext: ``h1`` on all five real pages; ``h2`` as the site notes
(§5) give it, kept as a second choice."""
SKELETON_TAIL = "</p>"
UNKNOWN = "\ue000"
"""Marks a body character that could not be decoded (a private-use code point)."""

BLOB_RE = re.compile(r"[A-Za-z0-9+/]{200,}={0,2}")
BASE64_RE = re.compile(r"[A-Za-z0-9+/]+={0,2}")
INLINE_TAGS = ("strong", "b", "em", "i")
# HTML forms a character of the visible text may take inside the blob, most likely first.
HTML_FORMS: dict[str, tuple[str, ...]] = {
    '"': ('"', "&quot;", "&#34;"),
    "&": ("&", "&amp;"),
    "'": ("'", "&#39;", "&apos;"),
    "<": ("<", "&lt;"),
    ">": (">", "&gt;"),
    "\u00a0": ("\u00a0", "&nbsp;", " "),
}
MAX_STEPS = 200_000
MIN_ROTATION_PAIRS = 12


def decode_base64_text(blob: str) -> str | None:
    """The UTF-8 text a base64 blob encodes, or None when it is not base64 of UTF-8 text."""
    compact = re.sub(r"\s+", "", blob or "")
    if not BASE64_RE.fullmatch(compact):
        return None
    try:
        return base64.b64decode(compact, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


def find_blobs(text: str) -> list[str]:
    """Base64 runs of 200+ characters in *text*, longest first."""
    return sorted(BLOB_RE.findall(text or ""), key=len, reverse=True)


# --- known-plaintext alignment --------------------------------------------------------------------
@dataclass(slots=True)
class _Aligner:
    """A partial bijection grown character by character, with an undo log for backtracking."""

    cipher: str
    plain_of: dict[str, str] = field(default_factory=dict)
    cipher_of: dict[str, str] = field(default_factory=dict)
    steps: int = 0

    def put(self, pos: int, plain: str) -> list[str] | None:
        """Align *plain* at cipher position *pos*; the cipher chars newly keyed, or None on conflict."""
        if pos + len(plain) > len(self.cipher):
            return None
        added: list[str] = []
        for c, p in zip(self.cipher[pos:pos + len(plain)], plain, strict=True):
            self.steps += 1
            known_p, known_c = self.plain_of.get(c), self.cipher_of.get(p)
            if known_p is None and known_c is None:
                self.plain_of[c], self.cipher_of[p] = p, c
                added.append(c)
            elif known_p != p or known_c != c:  # one cipher char, two plain chars (or the reverse)
                self.undo(added)
                return None
        return added

    def undo(self, added: Iterable[str]) -> None:
        for c in added:
            del self.cipher_of[self.plain_of.pop(c)]

    def units(self, units: Sequence[tuple[str, ...]], pos: int, i: int = 0) -> int | None:
        """Match *units* (each a tuple of alternative strings) from *pos*; the end position or None."""
        if i == len(units):
            return pos
        for alternative in units[i]:
            if self.steps > MAX_STEPS:
                return None
            added = self.put(pos, alternative)
            if added is None:
                continue
            end = self.units(units, pos + len(alternative), i + 1)
            if end is not None:
                return end
            self.undo(added)
        return None


def _units(text: str) -> list[tuple[str, ...]]:
    """*text* as matching units: runs of plain characters, and characters with HTML alternatives."""
    units: list[tuple[str, ...]] = []
    run: list[str] = []
    for ch in text:
        if ch in HTML_FORMS:
            if run:
                units.append(("".join(run),))
                run = []
            units.append(HTML_FORMS[ch])
        else:
            run.append(ch)
    if run:
        units.append(("".join(run),))
    return units


def title_variants(title: str) -> Iterator[str]:
    """The title as the blob may carry it: bare, wrapped in an inline tag, or with a tagged lead-in.

    "Vụ cá chết bất thường trên sông Mã: Phát hiện…" may be
    ``<strong>Vụ cá chết bất thường trên sông Mã: </strong>Phát hiện…`` (baothanhhoa.md §5).
    """
    yield title
    cuts = [m.end() for m in re.finditer(r"\s+", title)]
    for tag in INLINE_TAGS:
        yield f"<{tag}>{title}</{tag}>"
        for cut in cuts:
            yield f"<{tag}>{title[:cut]}</{tag}>{title[cut:]}"
            yield f"<{tag}>{title[:cut].rstrip()}</{tag}> {title[cut:]}"


def sapo_variants(lede: str | None, lede_raw: str | None) -> list[str]:
    """The sapo as the blob may carry it: without its ``(Baothanhhoa.vn) - `` prefix (as on the real
    pages, sometimes after one space), or with it."""
    variants: list[str] = []
    for text in (lede, lede_raw):
        for variant in (text, " " + text, text + " ") if text else ():
            if variant not in variants:
                variants.append(variant)
    return variants


@dataclass(frozen=True, slots=True)
class Solution:
    """One aligned key: cipher char → plain char, and where the body starts in the cipher text."""

    key: Mapping[str, str]
    body_start: int
    plaintext_head: str
    """The known plaintext the key was read from, as aligned (skeleton, title and sapo in their blob forms:
    ``&quot;``, inline tags)."""
    sapo_aligned: bool


def align(cipher: str, known: str) -> dict[str, str] | None:
    """The key from *known* aligned at the start of *cipher*; None if it is not a bijection there."""
    aligner = _Aligner(cipher)
    return dict(aligner.plain_of) if aligner.units(_units(known), 0) is not None else None


def alignments(cipher: str, title: str, ledes: Sequence[str]) -> Iterator[Solution]:
    """Consistent alignments of skeleton + a title variant + a sapo variant, most likely first.

    For each skeleton and title variant that align, the first sapo variant that aligns gives a
    solution; when none does, the title alone gives one whose body starts after the first ``</p>``
    (``sapo_aligned`` False; a smaller key).
    """
    for (head, middle), variant in product(SKELETONS, title_variants(title)):
        aligner = _Aligner(cipher)
        mid = aligner.units([(head,), *_units(variant), (middle,)], 0)
        if mid is None:
            if aligner.steps > MAX_STEPS:
                return
            continue
        for sapo in ledes:
            end = aligner.units([*_units(sapo), (SKELETON_TAIL,)], mid)
            if end is not None:
                key = dict(aligner.plain_of)
                yield Solution(key, end, decode_with_key(cipher[:end], key), True)
                break
        else:
            tail = _find_encoded(cipher, SKELETON_TAIL, aligner.cipher_of, mid)
            if tail is not None:
                key = dict(aligner.plain_of)
                yield Solution(key, tail + len(SKELETON_TAIL), decode_with_key(cipher[:mid], key), False)


def _find_encoded(cipher: str, plain: str, cipher_of: Mapping[str, str], start: int) -> int | None:
    """Position of the first occurrence of *plain* (all its chars keyed) in *cipher* from *start*."""
    if any(ch not in cipher_of for ch in plain):
        return None
    found = cipher.find("".join(cipher_of[ch] for ch in plain), start)
    return found if found >= 0 else None


# --- decoding ---------------------------------------------------------------------------------------
def rotation_shift(key: Mapping[str, str], min_pairs: int = MIN_ROTATION_PAIRS) -> int | None:
    """The shift ``k`` with ``cipher = ALPHABET[pos(plain) + k]`` for every pair of *key*, or None.

    Every pair must agree: both chars in ALPHABET at distance ``k``, or both outside it and equal.
    At least *min_pairs* pairs inside ALPHABET are required (a random key never passes).
    """
    shifts: Counter[int] = Counter()
    for cipher_ch, plain_ch in key.items():
        cp, pp = _POS.get(cipher_ch), _POS.get(plain_ch)
        if cp is None and pp is None:
            if cipher_ch != plain_ch:
                return None
        elif cp is None or pp is None:
            return None
        else:
            shifts[(cp - pp) % len(ALPHABET)] += 1
    if len(shifts) != 1:
        return None
    (shift, count), = shifts.items()
    return shift if count >= min_pairs else None


def decode_rotation(cipher: str, shift: int) -> str:
    """*cipher* decoded by the rotation *shift*; characters outside ALPHABET are kept."""
    n = len(ALPHABET)
    return "".join(ALPHABET[(_POS[ch] - shift) % n] if ch in _POS else ch for ch in cipher)


def decode_with_key(cipher: str, key: Mapping[str, str], unknown: str = UNKNOWN) -> str:
    """*cipher* with every keyed char replaced; chars outside the key become *unknown*."""
    return "".join(key.get(ch, unknown) for ch in cipher)


def coverage(cipher: str, key: Mapping[str, str]) -> float:
    """Share of the characters of *cipher* whose cipher char is in *key* (1.0 for empty text)."""
    if not cipher:
        return 1.0
    return sum(ch in key for ch in cipher) / len(cipher)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The body part of a decoded blob (what follows the skeleton)."""

    html: str
    """Plain HTML of the body; ``UNKNOWN`` where a character could not be decoded."""
    method: str
    """``rotation`` (the whole alphabet, from the page shift) or ``key`` (the page key alone)."""
    coverage: float
    """Share of the body's characters decoded (1.0 with the rotation)."""
    shift: int | None
    sapo_aligned: bool
    inferred: bool
    """The rotation went through a position of ``INFERRED`` (never seen on a real page)."""


def decode_body(cipher: str, title: str, ledes: Sequence[str]) -> Decoded | None:
    """Decode the body of *cipher* from the page's title and sapo; None when nothing aligns.

    The first alignment whose pairs fit one rotation decodes everything. Otherwise the key of the
    first alignment (sapo-aligned ones first) is used alone, minus the pairs on which equally good
    alignments disagree (``<h1`` or ``<h2`` when neither "1" nor "2" occurs in the known text).
    """
    found = list(alignments(cipher, title, ledes))
    for solution in found:
        shift = rotation_shift(solution.key)
        if shift is not None:
            body = cipher[solution.body_start:]
            inferred = any(ch in INFERRED or ALPHABET[(_POS[ch] - shift) % len(ALPHABET)] in INFERRED
                           for ch in set(body) if ch in _POS)
            return Decoded(decode_rotation(body, shift), "rotation", 1.0, shift, solution.sapo_aligned,
                           inferred)
    if not found:
        return None
    found.sort(key=lambda solution: not solution.sapo_aligned)  # stable: sapo-aligned ones first
    first = found[0]
    key = dict(first.key)
    for other in found[1:]:
        if (other.body_start, other.sapo_aligned) == (first.body_start, first.sapo_aligned):
            key = {c: p for c, p in key.items() if other.key.get(c) == p}
    body = cipher[first.body_start:]
    return Decoded(decode_with_key(body, key), "key", coverage(body, key), None, first.sapo_aligned, False)
