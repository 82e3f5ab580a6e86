"""Vietnamese news timestamps -> aware datetimes in +07:00.

Spec: docs in the shared folder, ``sites/vietnamese-text.md`` sections 1-5. Fast path: clean the
string (NFC, spaces, labels, weekday, zone), then the regex families in documented order; fallback:
one lazily built, restricted ``dateparser`` instance per :class:`DateParser`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

__all__ = ["VN_TZ", "ParsedDate", "DateParser", "parse_vn_datetime", "vccorp_id_time"]

VN_TZ: tzinfo = timezone(timedelta(hours=7))

MAX_LEN = 80
MIN_YEAR = 1995
CACHE_SIZE = 4096
_UNDATED = frozenset({"relative", "time_only", "year_inferred"})
_MISS = object()
_ZERO = timedelta(0)
_SEVEN = timedelta(hours=7)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# --- cleaning -------------------------------------------------------------------------------------
_SPACES = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_LABEL = re.compile(r"^(?:cập nhật|đăng|xuất bản|ngày đăng|thời gian)(?:\s+lúc)?\s*:?\s*", re.I)
_WEEKDAY = re.compile(
    r"^(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])\b\s*,?\s*)?(?:ngày\s+)?", re.I
)
_ZONE = re.compile(r"\(?\s*(?:GMT|UTC)\s*\+\s*0?7(?::?00)?\s*\)?|\bICT\b", re.I)
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_TRAIL = " ,|-–"

# --- families (order matters: US before date-first; 9 and 11 are searched, the rest anchored) -----
_AMPM = r"(?:\s*([AP]M|SA|CH))?"
_RX_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?\s*(Z|[+-]\d{2}:?\d{2})?$", re.I
)
_RX_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M|SA|CH)$", re.I)
_RX_TIME_FIRST = re.compile(
    r"^(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(?:[,|\-–]|ngày)?\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})$", re.I
)
_RX_DATE_FIRST = re.compile(
    r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})\s*(?:[,|\-–]\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?" + _AMPM + "$", re.I
)
_RX_RELATIVE = re.compile(
    r"^(?:(\d{1,3})\s*(giây|phút|giờ|h|ngày|tuần|tháng|năm)\s+trước|(vừa xong)"
    r"|(hôm nay|hôm qua)(?:\s*(?:lúc|,)\s*(\d{1,2}):(\d{2}))?)$",
    re.I,
)
_RX_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})$")
_RX_DATE_ONLY = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
_RX_NO_YEAR = re.compile(r"^(\d{1,2}):(\d{2})\s+(\d{1,2})/(\d{1,2})(?![/\d])")
_RX_VI_LONG = re.compile(
    r"(\d{1,2})\s*giờ\s*(\d{1,2})\s*phút\s*,?\s*ngày\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})", re.I
)
_RX_VI_WORDS = re.compile(
    r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\s*âm)"
    r"(?:\s*[,|\-–]?\s*(?:lúc\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?",
    re.I,
)
_RX_RFC822 = re.compile(
    r"^[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(:\d{2})?\s*(?:[+-]\d{4}|GMT|UTC)?$",
    re.I,
)
_RX_NET_JSON = re.compile(r"\\?/Date\((\d+)([+-]\d{4})?\)\\?/")

# --- fallback helpers -----------------------------------------------------------------------------
_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_ANY = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d{1,2}\s*(?::|h|giờ)\s*\d{2}", re.I)
_CLOCK_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_VCCORP_ID = re.compile(r"[0-9]{15,19}")

_Result = tuple[datetime, str, bool]  # value, precision, offset_suspect
_Builder = Callable[["re.Match[str]", datetime], "_Result | None"]


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A parsed timestamp: aware ``value`` in +07:00 plus provenance."""

    value: datetime
    raw: str
    precision: str
    family: str
    offset_suspect: bool = False

    def isoformat(self) -> str:
        """ISO-8601 with seconds, without microseconds: ``2024-07-30T20:45:00+07:00``."""
        return self.value.isoformat(timespec="seconds")


def _clean(raw: str) -> str | None:
    """Normalise and strip labels, weekday, "ngày" and the +7 zone; None when empty or too long."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", raw)).strip()
    if not text or len(text) > MAX_LEN:
        return None
    text = _LABEL.sub("", text, count=1)
    text = _WEEKDAY.sub("", text, count=1)
    text = _EMPTY_PARENS.sub(" ", _ZONE.sub(" ", text))
    text = _SPACES.sub(" ", text).strip().rstrip(_TRAIL).strip()
    return text or None


def _mk(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime | None:
    """Validated datetime in +07:00; None when any field is out of range."""
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)
    except ValueError:
        return None


def _hour(hour: int, marker: str | None) -> int:
    """Documented AM/PM rule: 0 and 13-23 ignore the marker; 1-11 PM +12; 12 AM -> 0; 12 PM -> 12."""
    if not marker or hour == 0 or hour > 12:
        return hour
    pm = marker.upper() in ("PM", "CH")
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _localise(value: datetime) -> tuple[datetime, bool]:
    """Naive -> +07:00; UTC -> converted; +07:00 kept; other offsets: wall clock kept, flagged."""
    offset = value.utcoffset()
    if offset is None or offset == _SEVEN:
        return value.replace(tzinfo=VN_TZ), False
    if offset == _ZERO:
        return value.astimezone(VN_TZ), False
    return value.replace(tzinfo=VN_TZ), True


def _num(m: re.Match[str], *groups: int) -> list[int]:
    return [int(m.group(g) or 0) for g in groups]


def _with_precision(value: datetime | None, seconds: str | None) -> _Result | None:
    return None if value is None else (value, "second" if seconds else "minute", False)


def _b_iso(m: re.Match[str], now: datetime) -> _Result | None:
    try:
        value, suspect = _localise(datetime.fromisoformat(m.group(0).upper()))
    except ValueError:
        return None
    return value, "second" if m.group(6) else "minute", suspect


def _b_us(m: re.Match[str], now: datetime) -> _Result | None:
    mo, d, y, h, mi, s = _num(m, 1, 2, 3, 4, 5, 6)
    return _with_precision(_mk(y, mo, d, _hour(h, m.group(7)), mi, s), m.group(6))


def _b_time_first(m: re.Match[str], now: datetime) -> _Result | None:
    h, mi, s, d, mo, y = _num(m, 1, 2, 3, 4, 5, 6)
    return _with_precision(_mk(y, mo, d, h, mi, s), m.group(3))


def _b_date_first(m: re.Match[str], now: datetime) -> _Result | None:
    d, mo, y, h, mi, s = _num(m, 1, 2, 3, 4, 5, 6)
    return _with_precision(_mk(y, mo, d, _hour(h, m.group(7)), mi, s), m.group(6))


_UNITS = {
    "giây": timedelta(seconds=1),
    "phút": timedelta(minutes=1),
    "giờ": timedelta(hours=1),
    "h": timedelta(hours=1),  # VnExpress listings: "2h trước"
    "ngày": timedelta(days=1),
    "tuần": timedelta(weeks=1),
    "tháng": timedelta(days=30),
    "năm": timedelta(days=365),
}


def _b_relative(m: re.Match[str], now: datetime) -> _Result | None:
    if m.group(1):
        return now - int(m.group(1)) * _UNITS[m.group(2).lower()], "relative", False
    if m.group(3):
        return now, "relative", False
    day = now if m.group(4).lower() == "hôm nay" else now - timedelta(days=1)
    try:
        value = day.replace(hour=int(m.group(5) or 0), minute=int(m.group(6) or 0), second=0, microsecond=0)
    except ValueError:
        return None
    return value, "relative", False


def _b_time_only(m: re.Match[str], now: datetime) -> _Result | None:
    value = _mk(now.year, now.month, now.day, *_num(m, 1, 2))
    if value is None:
        return None
    if value > now + timedelta(hours=1):
        value -= timedelta(days=1)
    return value, "time_only", False


def _b_date_only(m: re.Match[str], now: datetime) -> _Result | None:
    d, mo, y = _num(m, 1, 2, 3)
    value = _mk(y, mo, d)
    return None if value is None else (value, "day", False)


def _b_no_year(m: re.Match[str], now: datetime) -> _Result | None:
    h, mi, d, mo = _num(m, 1, 2, 3, 4)
    value = _mk(now.year, mo, d, h, mi)
    if value is not None and value > now + timedelta(days=1):
        value = _mk(now.year - 1, mo, d, h, mi)
    return None if value is None else (value, "year_inferred", False)


def _b_vi_long(m: re.Match[str], now: datetime) -> _Result | None:
    h, mi, d, mo, y = _num(m, 1, 2, 3, 4, 5)
    return _with_precision(_mk(y, mo, d, h, mi), None)


def _b_vi_words(m: re.Match[str], now: datetime) -> _Result | None:
    d, mo, y, h, mi, s = _num(m, 1, 2, 3, 4, 5, 6)
    value = _mk(y, mo, d, h, mi, s)
    if value is None or m.group(4) is not None:
        return _with_precision(value, m.group(6))
    return value, "day", False


def _b_rfc822(m: re.Match[str], now: datetime) -> _Result | None:
    try:
        value, suspect = _localise(parsedate_to_datetime(m.group(0)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return value, "second" if m.group(1) else "minute", suspect


def _b_net_json(m: re.Match[str], now: datetime) -> _Result | None:
    try:
        value = (_EPOCH + timedelta(milliseconds=int(m.group(1)))).astimezone(VN_TZ)
    except (OverflowError, ValueError):
        return None
    return value, "second", False


FAMILIES: tuple[tuple[str, re.Pattern[str], _Builder], ...] = (
    ("iso", _RX_ISO, _b_iso),
    ("us_net", _RX_US, _b_us),
    ("time_first", _RX_TIME_FIRST, _b_time_first),
    ("date_first", _RX_DATE_FIRST, _b_date_first),
    ("relative", _RX_RELATIVE, _b_relative),
    ("time_only", _RX_TIME_ONLY, _b_time_only),
    ("date_only", _RX_DATE_ONLY, _b_date_only),
    ("no_year", _RX_NO_YEAR, _b_no_year),
    ("vi_long", _RX_VI_LONG, _b_vi_long),
    ("vi_words", _RX_VI_WORDS, _b_vi_words),
    ("rfc822", _RX_RFC822, _b_rfc822),
    ("net_json", _RX_NET_JSON, _b_net_json),
)


def _fallback_precision(text: str) -> str:
    """Precision of a dateparser result, judged from the cleaned string."""
    if not _YEAR_ANY.search(text):
        return "year_inferred"
    if _CLOCK_SECONDS.search(text):
        return "second"
    return "minute" if _CLOCK.search(text) else "day"


def _to_vn(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(VN_TZ)
    return now.replace(tzinfo=VN_TZ) if now.tzinfo is None else now.astimezone(VN_TZ)


class DateParser:
    """Layered parser. One instance per crawl run (or per fixture): `now` is the base for relative times."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now: datetime = _to_vn(now)
        self._ddp: Any = None  # dateparser.date.DateDataParser, built on first fallback
        self._cache: dict[str, datetime | None] = {}

    def parse(self, raw: str | None, *, require_date: bool = False) -> ParsedDate | None:
        """Parse one timestamp string; None for non-dates, out-of-range or rejected results."""
        if not isinstance(raw, str):
            return None
        text = _clean(raw)
        if text is None:
            return None
        for family, regex, build in FAMILIES:
            match = regex.search(text)
            if match is not None:
                result = build(match, self.now)
                if result is not None:
                    return self._finish(raw, family, result, require_date)
        return self._fallback(raw, text, require_date)

    def _finish(self, raw: str, family: str, result: _Result, require_date: bool) -> ParsedDate | None:
        value, precision, suspect = result
        if require_date and precision in _UNDATED:
            return None
        if value.year < MIN_YEAR:
            return None
        if family != "relative" and value > self.now + timedelta(days=1):
            return None
        return ParsedDate(value, raw, precision, family, suspect)

    def _fallback(self, raw: str, text: str, require_date: bool) -> ParsedDate | None:
        if not _DIGIT.search(text) or (require_date and not _YEAR4.search(text)):
            return None
        found = self._cache.get(text, _MISS)
        if found is _MISS:
            found = self._run_dateparser(text)
            if len(self._cache) >= CACHE_SIZE:
                del self._cache[next(iter(self._cache))]
            self._cache[text] = found
        if found is None:
            return None
        value, suspect = _localise(found)
        return self._finish(raw, "dateparser", (value, _fallback_precision(text), suspect), require_date)

    def _run_dateparser(self, text: str) -> datetime | None:
        """dateparser on a cleaned string; None on failure or when only a month or year was found."""
        try:
            data = self._dateparser().get_date_data(text)
        except Exception:  # dateparser raises assorted errors on odd input; never let them escape
            return None
        if data.date_obj is None or data.period not in ("day", "time"):
            return None
        return data.date_obj

    def _dateparser(self) -> Any:
        if self._ddp is None:
            from dateparser.date import DateDataParser  # lazy: the import costs ~0.3 s

            settings = {
                "DATE_ORDER": "DMY",
                "PARSERS": ["absolute-time", "relative-time"],
                "RELATIVE_BASE": self.now.replace(tzinfo=None),
                "PREFER_DATES_FROM": "past",
                # RETURN_AS_TIMEZONE_AWARE left at its internal default: naive strings come back naive,
                # strings with a zone ("… UTC") come back aware so _localise can convert or flag them.
            }
            self._ddp = DateDataParser(languages=["vi"], settings=settings)
        return self._ddp


@lru_cache(maxsize=32)
def _parser_for(now: datetime) -> DateParser:
    return DateParser(now)


def parse_vn_datetime(raw: str | None, now: datetime | None = None) -> ParsedDate | None:
    """Module-level convenience; parsers are cached per `now` (the current minute when None)."""
    if now is None:
        now = datetime.now(VN_TZ).replace(second=0, microsecond=0)
    return _parser_for(now).parse(raw)


def vccorp_id_time(article_id: str) -> datetime | None:
    """Draft time encoded in a VCCorp article id, in +07:00 (on that CMS a lower bound for the publish
    time; other CMSs' time-like ids are not: Dân Trí prints times before its id times).

    18 digits: 3-digit site prefix + yyMMddHHmmss + 3-digit ms. 15-17 digits (pre-2022 sister sites):
    yyyyMMddHHmmss + unpadded ms. Old 18-19-digit unprefixed ids (2014 mobile pages, ``…34717ca32``
    URLs): the leading yyyyMMddHHmmss, to the second. Anything else (10-digit migrated, 7-digit) -> None.
    """
    digits = str(article_id).strip()
    if not _VCCORP_ID.fullmatch(digits):
        return None
    if len(digits) == 18:
        value = _id_stamp(2000 + int(digits[3:5]), digits[5:15], digits[15:])
        if value is not None or not digits.startswith(("19", "20")):
            return value
    elif len(digits) == 19 and not digits.startswith(("19", "20")):
        return None
    return _id_stamp(int(digits[:4]), digits[4:14], digits[14:])


def _id_stamp(year: int, stamp: str, rest: str) -> datetime | None:
    """The id's time; the sub-second part only when it is a plain millisecond count (1-3 digits)."""
    parts = [int(stamp[i : i + 2]) for i in range(0, 10, 2)]
    value = _mk(year, *parts)
    if value is None or value.year < MIN_YEAR:
        return None
    ms = int(rest) if len(rest) <= 3 else 0
    return value.replace(microsecond=ms * 1000)
