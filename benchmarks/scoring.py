"""Scoring of one extractor output against one fixture's expected.json (benchmarks/README.md).

Pure functions, no extractor imported here. An output is a plain dict with the keys of ``OUTPUT_KEYS``:
``title``, ``lede`` (str | None), ``published_at`` (ISO-8601 string, ``YYYY-MM-DD`` for a day, or
None), ``authors`` (list of str, or one string for trafilatura's ``"A; B"``), ``body`` (str | None)
and ``captions`` (list of str, or None when the tool does not extract captions: "n/a").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newscrawl.extraction.text import clean_text

OUTPUT_KEYS = ("title", "published_at", "authors", "lede", "body", "captions")
CORE_FIELDS = ("title", "published_at", "authors", "lede", "body", "captions")
"""The fields the overall accuracy averages over (each check once)."""
FIELDS = ("title", "title_lenient", "published_at", "published_day", "authors", "lede", "body",
          "body_contains", "body_excludes", "captions", "caption_leaks")
# a trailing " - Site", " | Site", " – Site" or " :: Site" segment (the lenient title score drops one)
_SUFFIX_RE = re.compile(r"\s+(?:[-|–—]|::)\s+[^-|–—]{1,60}$")
LEAK_SHARE = 0.6  # a body line that contains a caption leaks it when the caption is ≥ 60 % of the line


@dataclass(frozen=True)
class Score:
    """``points`` out of ``total`` checks (body: a fractional point per case); ``detail`` says what failed."""

    points: float
    total: int = 1
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.points >= self.total


def norm(value: Any) -> str:
    """NFC, NBSP-like spaces to spaces, zero-width characters removed, whitespace collapsed."""
    return clean_text(value) if isinstance(value, str) else ""


def fold(value: Any) -> str:
    return norm(value).casefold()


def _short(value: Any, limit: int = 90) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_short(v, limit) for v in value) + "]"
    if not isinstance(value, str):
        return str(value)
    text = norm(value) or value  # a whitespace-only value is shown as is ('\n\n\n')
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _where(expected: Any, actual: Any) -> tuple[Any, Any]:
    """Two long strings that start alike, cut to where they differ (``…`` marks the cut)."""
    if not (isinstance(expected, str) and isinstance(actual, str)):
        return expected, actual
    want, got = norm(expected), norm(actual)
    pairs = enumerate(zip(want, got, strict=False))
    same = next((i for i, (a, b) in pairs if a != b), min(len(want), len(got)))
    if same < 40:
        return expected, actual
    return "…" + want[same - 25:], "…" + got[same - 25:]


def _check(ok: bool, expected: Any, actual: Any) -> Score:
    if ok:
        return Score(1.0, 1, "")
    want, got = _where(expected, actual)
    return Score(0.0, 1, f"expected {_short(want)}, got {_short(got)}")


def strip_site_suffix(title: str) -> str:
    """``"Tiêu đề - Báo X"`` → ``"Tiêu đề"`` (one trailing segment at most)."""
    stripped = _SUFFIX_RE.sub("", title)
    return stripped if stripped else title


def score_title(expected: str | None, actual: str | None) -> Score:
    return _check(norm(expected) == norm(actual), expected, actual)


def score_title_lenient(expected: str | None, actual: str | None) -> Score:
    want = fold(expected)
    ok = want in (fold(actual), fold(strip_site_suffix(norm(actual))))
    return _check(ok, expected, actual)


def parse_when(value: Any) -> datetime | date | None:
    """A datetime (time given) or a date (day only) from ISO text, a datetime or a date; else None."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        return None


def score_published_minute(expected: str | None, actual: Any) -> Score:
    """Right to the minute AND with the expected UTC offset; a day-only value is always wrong."""
    want, got = parse_when(expected), parse_when(actual)
    if want is None or got is None:
        return _check(want is None and got is None, expected, actual)
    if not isinstance(got, datetime) or not isinstance(want, datetime):
        return Score(0.0, 1, f"expected {expected}, got {actual} (no time of day)")
    if got.tzinfo is None or got.utcoffset() != want.utcoffset():
        return Score(0.0, 1, f"expected {expected}, got {actual} (UTC offset)")
    ok = got.replace(second=0, microsecond=0) == want.replace(second=0, microsecond=0)
    return _check(ok, expected, actual)


def _day(value: datetime | date, like: datetime | date) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is not None and isinstance(like, datetime) and like.tzinfo is not None:
            value = value.astimezone(like.tzinfo)
        return value.date()
    return value


def score_published_day(expected: str | None, actual: Any) -> Score:
    """The calendar day is right (an aware time is read in the expected offset first)."""
    want, got = parse_when(expected), parse_when(actual)
    if want is None or got is None:
        return _check(want is None and got is None, expected, actual)
    return _check(_day(got, want) == _day(want, want), expected, actual)


def split_authors(value: Any) -> list[str]:
    """A list as is; one string split on ``;`` (trafilatura joins authors with ``"; "``)."""
    if value is None:
        return []
    items = value.split(";") if isinstance(value, str) else list(value)
    return [name for name in (norm(item) for item in items) if name]


def score_authors(expected: list[str] | None, actual: Any) -> Score:
    want = {fold(name) for name in expected or []}
    got = {fold(name) for name in split_authors(actual)}
    return _check(want == got, sorted(want), sorted(got))


def score_lede(expected: str | None, actual: str | None) -> Score:
    return _check(norm(expected) == norm(actual), expected, actual)


def lines_norm(value: str | None) -> str:
    """Each line normalised, runs of line breaks kept as one: ``"A\n\nB"`` and ``"A\nB"`` compare alike,
    but a line boundary survives, so a leak-form segment (``"\n\nHà Nội"``: a caption as its own
    paragraph) keeps its meaning whichever way a tool joins paragraphs."""
    lines = [norm(line) for line in (value or "").splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n+", "\n", text)


def contains(body: str | None, segment: str) -> bool:
    """*segment* is in *body*, both normalised line by line; a whitespace-only segment (``"\n\n\n"``:
    a layout check) is looked for as is."""
    if not segment.strip():
        return segment in (body or "")
    return lines_norm(segment) in lines_norm(body)


def score_segments(strings: list[str], body: str | None, *, present: bool) -> Score | None:
    """Share of *strings* found in (present=True) or absent from (present=False) the body; None if none."""
    if not strings:
        return None
    wrong = [s for s in strings if contains(body, s) != present]
    label = "missing" if present else "present"
    detail = "; ".join(f"{label} {_short(s, 60)}" for s in wrong)
    return Score(float(len(strings) - len(wrong)), len(strings), detail)


def score_body(contains: Score | None, excludes: Score | None) -> Score | None:
    """F-like: harmonic mean of the found share and the absent share (one of them if only one is given)."""
    shares = [s.points / s.total for s in (contains, excludes) if s is not None]
    if not shares:
        return None
    value = 0.0 if 0.0 in shares else len(shares) / sum(1 / x for x in shares)
    detail = "; ".join(s.detail for s in (contains, excludes) if s is not None and s.detail)
    return Score(value, 1, detail)


def expected_captions(images: list[dict[str, Any]] | None) -> list[str]:
    """The expected images' non-empty captions, normalised."""
    captions = (norm((image or {}).get("caption")) for image in images or [])
    return [c for c in captions if c]


def score_captions(expected: list[str], actual: list[str] | None) -> Score | None:
    """Expected captions found among the tool's image captions; None when none expected or "n/a"."""
    if not expected or actual is None:
        return None
    got = {norm(c) for c in actual}
    missing = [c for c in expected if c not in got]
    return Score(float(len(expected) - len(missing)), len(expected),
                 "; ".join(f"missing {_short(c, 60)}" for c in missing))


def leaks(caption: str, body: str | None) -> bool:
    """A body line is (mostly) the caption: the caption, maybe with a credit or an ``Ảnh:`` label.

    A caption inside a longer paragraph is not counted: Vietnamese captions often repeat a body
    sentence word for word, which text alone cannot tell from a caption glued to a paragraph.
    """
    want = norm(caption)
    return bool(want) and any(want in text and len(want) >= LEAK_SHARE * len(text)
                              for text in map(norm, (body or "").splitlines()))


def score_leaks(expected: list[str], body: str | None) -> Score | None:
    """Points = captions that did NOT leak into the body (the table shows the leaks)."""
    if not expected:
        return None
    leaked = [c for c in expected if leaks(c, body)]
    return Score(float(len(expected) - len(leaked)), len(expected),
                 "; ".join(f"leaked {_short(c, 60)}" for c in leaked))


def _given(expected: dict[str, Any], key: str, scorer: Any, actual: Any) -> Score | None:
    return scorer(expected[key], actual) if key in expected else None


def score_case(expected: dict[str, Any], output: dict[str, Any]) -> dict[str, Score | None]:
    """Every field of ``FIELDS`` for one case and one tool; None where the case or the tool gives nothing."""
    body = output.get("body")
    contains = score_segments(expected.get("body_contains") or [], body, present=True)
    excludes = score_segments(expected.get("body_excludes") or [], body, present=False)
    captions = expected_captions(expected.get("images")) if "images" in expected else []
    published = output.get("published_at")
    return {
        "title": _given(expected, "title", score_title, output.get("title")),
        "title_lenient": _given(expected, "title", score_title_lenient, output.get("title")),
        "published_at": _given(expected, "published_at", score_published_minute, published),
        "published_day": _given(expected, "published_at", score_published_day, published),
        "authors": _given(expected, "authors", score_authors, output.get("authors")),
        "lede": _given(expected, "lede", score_lede, output.get("lede")),
        "body": score_body(contains, excludes),
        "body_contains": contains,
        "body_excludes": excludes,
        "captions": score_captions(captions, output.get("captions")),
        "caption_leaks": score_leaks(captions, body),
    }


def failed_case(expected: dict[str, Any], reason: str, *, has_captions: bool) -> dict[str, Score | None]:
    """A case the tool crashed on: every field it would have been scored on is wrong (leaks: not counted)."""
    scores = score_case(expected, {"captions": [] if has_captions else None})
    scores["caption_leaks"] = None
    return {k: None if s is None else Score(0.0, s.total, reason) for k, s in scores.items()}


@dataclass(frozen=True)
class Tally:
    """One field of one system summed over cases."""

    points: float = 0.0
    total: int = 0
    cases: int = 0

    def add(self, score: Score | None) -> Tally:
        if score is None:
            return self
        return Tally(self.points + score.points, self.total + score.total, self.cases + 1)

    @property
    def share(self) -> float | None:
        return self.points / self.total if self.total else None


def tally(cases: list[dict[str, Score | None]]) -> dict[str, Tally]:
    """Per-field totals over cases, plus ``overall``: every check of ``CORE_FIELDS`` counted once."""
    totals = {field: Tally() for field in FIELDS}
    overall = Tally()
    for scores in cases:
        for field in FIELDS:
            totals[field] = totals[field].add(scores.get(field))
        for field in CORE_FIELDS:
            overall = overall.add(scores.get(field))
    totals["overall"] = overall
    return totals
