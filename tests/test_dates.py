"""Tests for newscrawl.extraction.dates (spec: shared sites/vietnamese-text.md §2-§5).

Expected values are worked out from the spec by hand. Every test uses a fixed `now`.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from newscrawl.extraction.dates import (
    VN_TZ,
    DateParser,
    ParsedDate,
    parse_vn_datetime,
    vccorp_id_time,
)

# Base for relative / time-only / no-year cases (the brief's relative example).
NOW = datetime(2025, 8, 16, 22, 0, tzinfo=VN_TZ)
# Later than every absolute example in the spec table (the latest is 2026-07-20 07:00).
LATE = datetime(2026, 7, 21, 12, 0, tzinfo=VN_TZ)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def late() -> DateParser:
    return DateParser(LATE)


@pytest.fixture(scope="module")
def base() -> DateParser:
    return DateParser(NOW)


def _check(got: ParsedDate | None, raw: str, iso: str, precision: str, family: str) -> None:
    assert got is not None, raw
    assert (got.isoformat(), got.precision, got.family) == (iso, precision, family)
    assert got.raw == raw
    assert got.value.utcoffset() == timedelta(hours=7)


# --- §2 table, every example, families 1-4, 7, 9-11 (absolute: base = LATE) ----------------------
ABSOLUTE = [
    # 1 ISO
    ("2026-07-17T18:49:00", "2026-07-17T18:49:00+07:00", "second", "iso"),
    ("2026-07-17T18:49:00+07:00", "2026-07-17T18:49:00+07:00", "second", "iso"),
    ("2026-07-20T02:32:47.640000", "2026-07-20T02:32:47+07:00", "second", "iso"),
    ("2025-02-02T05:01:08.000+07:00", "2025-02-02T05:01:08+07:00", "second", "iso"),
    ("2015-03-23 08:06 +07:00", "2015-03-23T08:06:00+07:00", "minute", "iso"),
    ("2022-08-23T13:07:00", "2022-08-23T13:07:00+07:00", "second", "iso"),
    ("2026-02-01T14:00:00", "2026-02-01T14:00:00+07:00", "second", "iso"),
    # 2 US .NET (month first)
    ("8/23/2022 10:51:00 AM", "2022-08-23T10:51:00+07:00", "second", "us_net"),
    ("3/24/2024 7:12:35 AM", "2024-03-24T07:12:35+07:00", "second", "us_net"),
    ("1/21/2022 8:12:40 AM", "2022-01-21T08:12:40+07:00", "second", "us_net"),
    ("6/25/2026 6:37:00 PM", "2026-06-25T18:37:00+07:00", "second", "us_net"),
    ("10/13/2018 10:38:28 PM", "2018-10-13T22:38:28+07:00", "second", "us_net"),
    ("7/17/2018 8:18:58 PM", "2018-07-17T20:18:58+07:00", "second", "us_net"),
    # 3 time first
    ("14:00 , 01/02/2026", "2026-02-01T14:00:00+07:00", "minute", "time_first"),
    ("08:12 21/01/2022", "2022-01-21T08:12:00+07:00", "minute", "time_first"),
    ("05:01 2/2/2025", "2025-02-02T05:01:00+07:00", "minute", "time_first"),
    ("07:12 ngày 24/03/2024", "2024-03-24T07:12:00+07:00", "minute", "time_first"),
    ("08:36 ngày 14/03/2016", "2016-03-14T08:36:00+07:00", "minute", "time_first"),
    ("14:33 02/11/2020", "2020-11-02T14:33:00+07:00", "minute", "time_first"),
    ("20h18 16/8/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("22:07, 28/09/2019", "2019-09-28T22:07:00+07:00", "minute", "time_first"),
    ("10:14 | 29/03/2023", "2023-03-29T10:14:00+07:00", "minute", "time_first"),
    ("12:09, 28/03/2023", "2023-03-28T12:09:00+07:00", "minute", "time_first"),
    ("20:18:58 17/07/2018", "2018-07-17T20:18:58+07:00", "second", "time_first"),
    # 4 date first
    ("17/04/2024 07:52", "2024-04-17T07:52:00+07:00", "minute", "date_first"),
    ("17/07/2026 18:49 GMT+7", "2026-07-17T18:49:00+07:00", "minute", "date_first"),
    ("20/07/2026 07:00", "2026-07-20T07:00:00+07:00", "minute", "date_first"),
    ("28-07-2018 - 00:35 AM", "2018-07-28T00:35:00+07:00", "minute", "date_first"),
    ("20/01/2022 01:39 PM", "2022-01-20T13:39:00+07:00", "minute", "date_first"),
    ("Thứ Tư, ngày 20/08/2025 13:00 PM", "2025-08-20T13:00:00+07:00", "minute", "date_first"),
    ("Ngày 20/08/2025 13:00 PM (GMT+7)", "2025-08-20T13:00:00+07:00", "minute", "date_first"),
    ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "2025-10-22T19:25:00+07:00", "minute", "date_first"),
    ("Chủ nhật, 2/2/2025 05:01 (GMT+7)", "2025-02-02T05:01:00+07:00", "minute", "date_first"),
    ("Chủ nhật 20/12/2020 - 10:57", "2020-12-20T10:57:00+07:00", "minute", "date_first"),
    ("05/03/2014 | 00:01", "2014-03-05T00:01:00+07:00", "minute", "date_first"),
    ("23/03/2015 08:06 GMT+7", "2015-03-23T08:06:00+07:00", "minute", "date_first"),
    ("Thứ Hai, ngày 20/07/2026 - 06:31", "2026-07-20T06:31:00+07:00", "minute", "date_first"),
    ("16/07/2026 21:43", "2026-07-16T21:43:00+07:00", "minute", "date_first"),
    ("20/01/2022 16:29:06", "2022-01-20T16:29:06+07:00", "second", "date_first"),
    ("17/07/2026 18:49:54", "2026-07-17T18:49:54+07:00", "second", "date_first"),
    # 7 date only
    ("22-07-2018", "2018-07-22T00:00:00+07:00", "day", "date_only"),
    # 9 long Vietnamese
    ("20 giờ 18 phút ngày 16/8/2025", "2025-08-16T20:18:00+07:00", "minute", "vi_long"),
    ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27", "2019-08-23T09:25:27+07:00", "second", "vi_words"),
    ("ngày 16 tháng 8 năm 2025", "2025-08-16T00:00:00+07:00", "day", "vi_words"),
    ("16 tháng 8 năm 2025 lúc 20:18", "2025-08-16T20:18:00+07:00", "minute", "vi_words"),
    # 10 RFC-822
    ("Sun, 19 Oct 2025 17:30:00 +0700", "2025-10-19T17:30:00+07:00", "second", "rfc822"),
    ("Sun, 19 Oct 2025 10:30:00 GMT", "2025-10-19T17:30:00+07:00", "second", "rfc822"),
    ("Sun, 19 Oct 2025 17:30 +0700", "2025-10-19T17:30:00+07:00", "minute", "rfc822"),
    # 11 .NET JSON: 1502470740 s = 2017-08-11 16:59:00 UTC
    ("\\/Date(1502470740000+0700)\\/", "2017-08-11T23:59:00+07:00", "second", "net_json"),
    ("/Date(1502470740000)/", "2017-08-11T23:59:00+07:00", "second", "net_json"),
]


@pytest.mark.parametrize(("raw", "iso", "precision", "family"), ABSOLUTE)
def test_spec_table_absolute(late: DateParser, raw: str, iso: str, precision: str, family: str) -> None:
    _check(late.parse(raw), raw, iso, precision, family)


# --- §2 families 5, 6, 8 (base = NOW = 2025-08-16 22:00 +07:00) ----------------------------------
BASED = [
    # 5 relative
    ("25 phút trước", "2025-08-16T21:35:00+07:00", "relative", "relative"),
    ("01 giờ trước", "2025-08-16T21:00:00+07:00", "relative", "relative"),
    ("2 giờ trước", "2025-08-16T20:00:00+07:00", "relative", "relative"),
    ("18 phút trước", "2025-08-16T21:42:00+07:00", "relative", "relative"),
    ("Hôm qua lúc 21:00", "2025-08-15T21:00:00+07:00", "relative", "relative"),
    ("Hôm nay lúc 07:17", "2025-08-16T07:17:00+07:00", "relative", "relative"),
    ("Hôm nay, 07:17", "2025-08-16T07:17:00+07:00", "relative", "relative"),
    ("Hôm nay", "2025-08-16T00:00:00+07:00", "relative", "relative"),
    ("3 ngày trước", "2025-08-13T22:00:00+07:00", "relative", "relative"),
    ("1 tuần trước", "2025-08-09T22:00:00+07:00", "relative", "relative"),
    ("2 tháng trước", "2025-06-17T22:00:00+07:00", "relative", "relative"),  # 60 days
    ("1 năm trước", "2024-08-16T22:00:00+07:00", "relative", "relative"),  # 365 days
    ("30 giây trước", "2025-08-16T21:59:30+07:00", "relative", "relative"),
    ("vừa xong", "2025-08-16T22:00:00+07:00", "relative", "relative"),
    # 6 time only: today, or yesterday when more than 1 h ahead of now
    ("16:27", "2025-08-16T16:27:00+07:00", "time_only", "time_only"),
    ("08:00", "2025-08-16T08:00:00+07:00", "time_only", "time_only"),
    ("22:45", "2025-08-16T22:45:00+07:00", "time_only", "time_only"),
    ("23:30", "2025-08-15T23:30:00+07:00", "time_only", "time_only"),
    # 8 no year: 19/11/2025 is in the future -> previous year
    ("18:32 19/11", "2024-11-19T18:32:00+07:00", "year_inferred", "no_year"),
    ("18:32 10/08", "2025-08-10T18:32:00+07:00", "year_inferred", "no_year"),
]


@pytest.mark.parametrize(("raw", "iso", "precision", "family"), BASED)
def test_spec_table_relative_to_now(
    base: DateParser, raw: str, iso: str, precision: str, family: str
) -> None:
    _check(base.parse(raw), raw, iso, precision, family)


# --- brief's four strings ------------------------------------------------------------------------
BRIEF = [
    ("20:18 , 16/08/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("30/07/2024 20:45", "2024-07-30T20:45:00+07:00", "minute", "date_first"),
    ("Thứ bảy, 16/8/2025, 20:18 (GMT+7)", "2025-08-16T20:18:00+07:00", "minute", "date_first"),
    ("2 giờ trước", "2025-08-16T20:00:00+07:00", "relative", "relative"),
]


@pytest.mark.parametrize(("raw", "iso", "precision", "family"), BRIEF)
def test_brief_strings(base: DateParser, raw: str, iso: str, precision: str, family: str) -> None:
    _check(base.parse(raw), raw, iso, precision, family)


# --- §3 traps ------------------------------------------------------------------------------------
TRAPS = [
    # 1 labels
    ("Cập nhật: 16/08/2025 20:18", "2025-08-16T20:18:00+07:00", "minute", "date_first"),
    ("Đăng lúc: 20:18 16/08/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("Cập nhật lúc 20:18 16/08/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("Xuất bản: 16/08/2025 20:18", "2025-08-16T20:18:00+07:00", "minute", "date_first"),
    ("Ngày đăng: 16/08/2025 20:18", "2025-08-16T20:18:00+07:00", "minute", "date_first"),
    ("THỜI GIAN: 20:18 16/08/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("Cập nhật: Thứ bảy, 16/8/2025, 20:18 (GMT+7)", "2025-08-16T20:18:00+07:00", "minute", "date_first"),
    # 2 "h" separator
    ("20h18 16/8/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    ("20h18, 16/08/2025", "2025-08-16T20:18:00+07:00", "minute", "time_first"),
    # 3 long form is not "20 h 18 min before"
    ("20 giờ 18 phút ngày 16/8/2025", "2025-08-16T20:18:00+07:00", "minute", "vi_long"),
    # 4 D/M order
    ("05/08/2025", "2025-08-05T00:00:00+07:00", "day", "date_only"),
    ("05/08/2025 10:00", "2025-08-05T10:00:00+07:00", "minute", "date_first"),
    # 5 US strings with day <= 12 are month-first
    ("8/5/2022 10:51:00 AM", "2022-08-05T10:51:00+07:00", "second", "us_net"),
    # 6 GMT+7 never becomes -07:00, D/M kept
    ("Chủ nhật, 05/10/2025, 08:00 (GMT+7)", "2025-10-05T08:00:00+07:00", "minute", "date_first"),
    ("05/10/2025 08:00 UTC+7", "2025-10-05T08:00:00+07:00", "minute", "date_first"),
    ("05/10/2025 08:00 GMT+07:00", "2025-10-05T08:00:00+07:00", "minute", "date_first"),
    ("05/10/2025 08:00 ICT", "2025-10-05T08:00:00+07:00", "minute", "date_first"),
    # 7 naive ISO is local, not shifted
    ("2018-07-28T00:35:00", "2018-07-28T00:35:00+07:00", "second", "iso"),
    # 8 UTC converted
    ("2026-07-17T11:49:00Z", "2026-07-17T18:49:00+07:00", "second", "iso"),
    ("2026-07-17T11:49:00+00:00", "2026-07-17T18:49:00+07:00", "second", "iso"),
    # 15 NFD weekday
    (_nfd("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27"), "2019-08-23T09:25:27+07:00", "second", "vi_words"),
    (_nfd("Thứ Sáu, 21/01/2022"), "2022-01-21T00:00:00+07:00", "day", "date_only"),
    (_nfd("Thứ Sáu, 21/01/2022 08:12"), "2022-01-21T08:12:00+07:00", "minute", "date_first"),
]


@pytest.mark.parametrize(("raw", "iso", "precision", "family"), TRAPS)
def test_traps_parse(late: DateParser, raw: str, iso: str, precision: str, family: str) -> None:
    got = late.parse(raw)
    _check(got, raw, iso, precision, family)
    assert got is not None and not got.offset_suspect
    assert "-07:00" not in got.isoformat()


def test_trap8_wrong_offset_keeps_wall_clock(late: DateParser) -> None:
    got = late.parse("2022-01-20T13:39:00+08:00")
    _check(got, "2022-01-20T13:39:00+08:00", "2022-01-20T13:39:00+07:00", "second", "iso")
    assert got is not None and got.offset_suspect


def test_trap8_utc_is_not_suspect(late: DateParser) -> None:
    got = late.parse("2026-07-17T11:49:00Z")
    assert got is not None and got.offset_suspect is False


NONE_CASES = [
    # 9 epoch-like ids and image names
    "1784489448060",
    "1669200000",
    # 16 prose starting like a relative time
    "Hôm nay (1/5), ngày cuối…",
    "Hôm nay nấu gì: …",
    # 18 combined lines must be split by the caller
    "Quang Anh - Ngày 20/08/2025 13:00 PM (GMT+7)",
    # non-dates
    "Bình luận (0)",
    "",
    "   ",
    "\u00a0\u200b\ufeff",
    "Thứ hai",
    "(GMT+7)",
    # lunar date in prose is not a timestamp
    "ngày 22 tháng 8 âm lịch",
    "ngày 16 tháng 8 năm 2025 âm lịch",
    # invalid ranges fall through every family, nothing is guessed
    "32/01/2022 10:00",
    "13/25/2022 10:51:00 AM",
    "24:00 16/08/2025",
    "16/08/2025 20:60",
    "29/02/2025",
    "99:99",
    # sanity: before 1995
    "01/01/1990",
    "1990-01-01T10:00:00",
]


@pytest.mark.parametrize("raw", NONE_CASES)
def test_non_dates_return_none(base: DateParser, raw: str) -> None:
    assert base.parse(raw) is None


def test_none_input(base: DateParser) -> None:
    assert base.parse(None) is None
    assert parse_vn_datetime(None, NOW) is None


def test_long_paragraph_is_never_parsed(base: DateParser) -> None:
    # the searched VI_WORDS family would find a date here if the length cap did not apply
    paragraph = ("Ngày 16 tháng 8 năm 2025, Công an tỉnh cho biết đã tiếp nhận vụ việc. " * 5)[:300]
    assert len(paragraph) == 300
    assert base.parse(paragraph) is None
    assert base.parse(paragraph[:60]) is not None


def test_length_cap_applies_after_cleaning(base: DateParser) -> None:
    padded = "   Cập nhật:\u00a0\u00a0 16/08/2025\u200b 20:18" + " " * 200
    got = base.parse(padded)
    _check(got, padded, "2025-08-16T20:18:00+07:00", "minute", "date_first")


# --- AM/PM rule ----------------------------------------------------------------------------------
AMPM = [
    ("28-07-2018 - 00:35 AM", "2018-07-28T00:35:00+07:00"),  # hour 0: marker ignored
    ("20/01/2022 01:39 PM", "2022-01-20T13:39:00+07:00"),  # 1-11 PM: +12
    ("Thứ Tư, ngày 20/08/2025 13:00 PM", "2025-08-20T13:00:00+07:00"),  # 13-23: marker ignored
    ("20/01/2022 13:00 AM", "2022-01-20T13:00:00+07:00"),
    ("20/01/2022 11:05 AM", "2022-01-20T11:05:00+07:00"),
    ("20/01/2022 12:05 AM", "2022-01-20T00:05:00+07:00"),  # 12 AM -> 00
    ("20/01/2022 12:05 PM", "2022-01-20T12:05:00+07:00"),  # 12 PM -> 12
    ("20/01/2022 12:05 am", "2022-01-20T00:05:00+07:00"),
    ("8/23/2022 12:05:00 AM", "2022-08-23T00:05:00+07:00"),
    ("8/23/2022 12:05:00 PM", "2022-08-23T12:05:00+07:00"),
    ("8/23/2022 1:30:41 PM", "2022-08-23T13:30:41+07:00"),
    ("16/08/2025 08:18 CH", "2025-08-16T20:18:00+07:00"),  # Vietnamese PM
    ("16/08/2025 08:18 SA", "2025-08-16T08:18:00+07:00"),  # Vietnamese AM
    ("16/08/2025 12:18 SA", "2025-08-16T00:18:00+07:00"),
    ("16/08/2025 20:18 CH", "2025-08-16T20:18:00+07:00"),
]


@pytest.mark.parametrize(("raw", "iso"), AMPM)
def test_am_pm_rule(late: DateParser, raw: str, iso: str) -> None:
    got = late.parse(raw)
    assert got is not None and got.isoformat() == iso


def test_failed_us_check_falls_through_to_date_first(late: DateParser) -> None:
    # month 23 fails the US check; the date-first family then reads it day-first
    got = late.parse("23/08/2022 1:30:41 PM")
    _check(got, "23/08/2022 1:30:41 PM", "2022-08-23T13:30:41+07:00", "second", "date_first")


# --- require_date --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    [
        "tháng 8/2025",  # trap 10: dateparser would invent the day
        "01:27",  # trap 10/11: time only (also a video duration)
        "16:27",
        "18:32 19/11",  # no year
        "19 tháng 11",  # no year, dateparser path
        "2 giờ trước",
        "Hôm nay lúc 07:17",
        "vừa xong",
    ],
)
def test_require_date_rejects_partial(base: DateParser, raw: str) -> None:
    assert base.parse(raw, require_date=True) is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("16/08/2025 20:18", "2025-08-16T20:18:00+07:00"),
        ("22-07-2018", "2018-07-22T00:00:00+07:00"),
        ("2025-08-16T20:18:00", "2025-08-16T20:18:00+07:00"),
        ("thứ 7, 16 thg 8 2025", "2025-08-16T00:00:00+07:00"),
    ],
)
def test_require_date_accepts_full_dates(base: DateParser, raw: str, iso: str) -> None:
    got = base.parse(raw, require_date=True)
    assert got is not None and got.isoformat() == iso


def test_require_date_skips_dateparser_without_year() -> None:
    parser = DateParser(NOW)
    assert parser.parse("19 tháng 11", require_date=True) is None
    assert parser._ddp is None


def test_month_only_is_none_even_without_require_date(base: DateParser) -> None:
    # the base day would be invented (trap 10); no precision can describe a month
    assert base.parse("tháng 8/2025") is None
    assert base.parse("tháng 08, 2025") is None


# --- sanity --------------------------------------------------------------------------------------
def test_future_absolute_dates_are_rejected(base: DateParser) -> None:
    assert base.parse("2026-07-17T18:49:00") is None
    assert base.parse("17/08/2025 23:00") is None  # 25 h ahead of now
    got = base.parse("17/08/2025 21:00")  # 23 h ahead: tolerated
    assert got is not None and got.isoformat() == "2025-08-17T21:00:00+07:00"


def test_relative_is_not_subject_to_future_check(base: DateParser) -> None:
    got = base.parse("Hôm nay lúc 23:59")
    assert got is not None and got.isoformat() == "2025-08-16T23:59:00+07:00"


# --- dateparser fallback -------------------------------------------------------------------------
FALLBACK = [
    ("thứ 7, 16 thg 8 2025", "2025-08-16T00:00:00+07:00", "day", False),
    ("16/08/25", "2025-08-16T00:00:00+07:00", "day", False),
    ("20:18 16.08.2025", "2025-08-16T20:18:00+07:00", "minute", False),
    ("2025/08/16 20:18", "2025-08-16T20:18:00+07:00", "minute", False),
    ("2025/08/16 20:18:05", "2025-08-16T20:18:05+07:00", "second", False),
    ("19 tháng 11", "2024-11-19T00:00:00+07:00", "year_inferred", False),  # PREFER_DATES_FROM past
    ("16/08/2025 20:18 UTC", "2025-08-17T03:18:00+07:00", "minute", False),  # genuine UTC converted
    ("16/08/2025 20:18 +0200", "2025-08-16T20:18:00+07:00", "minute", True),  # wall clock kept
]


@pytest.mark.parametrize(("raw", "iso", "precision", "suspect"), FALLBACK)
def test_dateparser_fallback(base: DateParser, raw: str, iso: str, precision: str, suspect: bool) -> None:
    got = base.parse(raw)
    _check(got, raw, iso, precision, "dateparser")
    assert got is not None and got.offset_suspect is suspect


def test_dateparser_instance_is_lazy_and_reused() -> None:
    parser = DateParser(NOW)
    parser.parse("20:18 , 16/08/2025")
    parser.parse("2 giờ trước")
    assert parser._ddp is None  # fast path never builds it
    assert parser.parse("20:18 16.08.2025") is not None
    first = parser._ddp
    assert first is not None
    assert parser.parse("2025/08/16 20:18") is not None
    assert parser.parse("Bình luận (0)") is None
    assert parser._ddp is first


def test_dateparser_results_are_cached() -> None:
    parser = DateParser(NOW)
    one = parser.parse("20:18 16.08.2025")
    two = parser.parse("  20:18\u00a016.08.2025 ")
    assert one is not None and two is not None and one.value == two.value
    assert list(parser._cache) == ["20:18 16.08.2025"]


# --- ParsedDate, now handling, module helper -----------------------------------------------------
def test_raw_kept_and_microseconds_dropped(late: DateParser) -> None:
    raw = "  2026-07-20T02:32:47.640000 "
    got = late.parse(raw)
    assert got is not None
    assert got.raw == raw
    assert got.isoformat() == "2026-07-20T02:32:47+07:00"
    assert got.value.microsecond == 640000


def test_parsed_date_is_frozen(late: DateParser) -> None:
    got = late.parse("30/07/2024 20:45")
    assert got is not None
    with pytest.raises(AttributeError):
        got.precision = "day"  # type: ignore[misc]


@pytest.mark.parametrize(
    "now",
    [
        datetime(2025, 8, 16, 22, 0),  # naive = local
        datetime(2025, 8, 16, 15, 0, tzinfo=UTC),
        datetime(2025, 8, 16, 22, 0, tzinfo=VN_TZ),
    ],
)
def test_now_naive_or_aware(now: datetime) -> None:
    got = DateParser(now).parse("2 giờ trước")
    assert got is not None and got.isoformat() == "2025-08-16T20:00:00+07:00"


def test_parse_vn_datetime_caches_parser_per_now() -> None:
    got = parse_vn_datetime("Thứ bảy, 16/8/2025, 20:18 (GMT+7)", NOW)
    _check(got, "Thứ bảy, 16/8/2025, 20:18 (GMT+7)", "2025-08-16T20:18:00+07:00", "minute", "date_first")
    rel = parse_vn_datetime("25 phút trước", NOW)
    assert rel is not None and rel.isoformat() == "2025-08-16T21:35:00+07:00"
    from newscrawl.extraction import dates

    assert dates._parser_for(NOW) is dates._parser_for(NOW)


def test_vn_tz_is_fixed_offset() -> None:
    assert VN_TZ.utcoffset(None) == timedelta(hours=7)


# --- VCCorp id time ------------------------------------------------------------------------------
def _vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("article_id", "expected"),
    [
        ("180240410172955066", _vn(2024, 4, 10, 17, 29, 55, 66000)),  # TTV E7
        ("180220914083344751", _vn(2022, 9, 14, 8, 33, 44, 751000)),  # TTV E10
        ("100260717183037249", _vn(2026, 7, 17, 18, 30, 37, 249000)),  # vtv
        ("198260720023243246", _vn(2026, 7, 20, 2, 32, 43, 246000)),  # soha
        ("20180724111229756", _vn(2018, 7, 24, 11, 12, 29, 756000)),  # cafef, 17 digits
        ("2022012013342209", _vn(2022, 1, 20, 13, 34, 22, 9000)),  # cafebiz, 16 digits
        ("201611100050286", _vn(2016, 11, 10, 0, 50, 28, 6000)),  # kenh14, 15 digits
        ("1808387881", None),  # migrated 10-digit
        ("8387881", None),  # old CMS
        ("180241310172955066", None),  # month 13
        ("180240230172955066", None),  # 30 February
        ("180240410252955066", None),  # hour 25
        ("1802404101729550661", None),  # 19 digits
        ("18024041017295506x", None),
        ("", None),
    ],
)
def test_vccorp_id_time(article_id: str, expected: datetime | None) -> None:
    assert vccorp_id_time(article_id) == expected


def test_vccorp_id_time_iso() -> None:
    value = vccorp_id_time("180240410172955066")
    assert value is not None
    assert value.isoformat(timespec="milliseconds") == "2024-04-10T17:29:55.066+07:00"


# --- added with the site modules of issue 4 -------------------------------------------------------

def test_vnexpress_short_hour_form_is_relative() -> None:
    now = datetime(2025, 8, 18, 17, 10, tzinfo=VN_TZ)
    parsed = DateParser(now).parse("2h trước")
    assert parsed is not None and parsed.isoformat() == "2025-08-18T15:10:00+07:00"
    assert parsed.precision == "relative"


@pytest.mark.parametrize(("article_id", "expected"), [
    ("201404031417040772", "2014-04-03T14:17:04+07:00"),   # cafebiz 2014, 18 digits, no prefix
    ("2014021509250334717", "2014-02-15T09:25:03+07:00"),  # cafef 2014, 19 digits before "ca32"
    ("198260720023243246", "2026-07-20T02:32:43.246000+07:00"),  # soha: prefix 198 still wins
    ("9914021509250334717", None),  # 19 digits that are no date
])
def test_old_unprefixed_vccorp_ids(article_id: str, expected: str | None) -> None:
    value = vccorp_id_time(article_id)
    assert (value.isoformat() if value else None) == expected
