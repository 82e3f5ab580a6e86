"""The accuracy benchmark's scoring (benchmarks/scoring.py) on tiny hand-made inputs, not its results."""

from __future__ import annotations

from datetime import datetime

import pytest

from benchmarks import scoring as sc
from benchmarks.accuracy import Page, Skip, System, run_system
from benchmarks.report import cell, compare

SEED_TIME = "2024-07-30T20:45:00+07:00"


def test_norm_is_nfc_and_collapses_whitespace() -> None:
    assert sc.norm("Thanh Hoa\u0301\u00a0 \n hội\u200b nghị ") == "Thanh Hoá hội nghị"
    assert sc.norm(None) == ""


def test_title_exact_and_lenient() -> None:
    assert sc.score_title("Hội  nghị", "Hội nghị").ok
    assert not sc.score_title("Hội nghị", "Hội nghị - Báo Thanh Hóa").ok
    assert sc.score_title_lenient("Hội nghị", "HỘI NGHỊ - Báo Thanh Hóa").ok
    assert sc.score_title_lenient("Hội nghị", "Hội nghị | VTV.VN").ok
    assert not sc.score_title_lenient("Hội nghị tỉnh", "Hội nghị").ok


def test_strip_site_suffix_drops_one_segment() -> None:
    assert sc.strip_site_suffix("A - B - Site") == "A - B"
    assert sc.strip_site_suffix("Không có hậu tố") == "Không có hậu tố"


@pytest.mark.parametrize(("actual", "minute", "day"), [
    ("2024-07-30T20:45:00+07:00", True, True),
    ("2024-07-30T20:45:59+07:00", True, True),  # seconds do not count
    ("2024-07-30T20:46:00+07:00", False, True),
    ("2024-07-30T13:45:00+00:00", False, True),  # same instant, wrong offset
    ("2024-07-30T20:45:00", False, True),  # naive
    ("2024-07-30", False, True),  # trafilatura: a day only
    ("2024-07-31", False, False),
    (datetime.fromisoformat(SEED_TIME), True, True),  # newspaper4k gives datetimes
    (None, False, False),
    ("not a date", False, False),
])
def test_published_minute_and_day(actual: object, minute: bool, day: bool) -> None:
    assert sc.score_published_minute(SEED_TIME, actual).ok is minute
    assert sc.score_published_day(SEED_TIME, actual).ok is day


def test_published_day_reads_an_aware_time_in_the_expected_offset() -> None:
    assert sc.score_published_day("2024-07-31T06:30:00+07:00", "2024-07-30T23:30:00+00:00").ok
    assert sc.score_published_minute(None, None).ok


def test_authors_split_fold_and_set_equality() -> None:
    assert sc.split_authors("Cẩm Thơ; Sỹ Thảo ;") == ["Cẩm Thơ", "Sỹ Thảo"]
    assert sc.score_authors(["Cẩm Thơ", "Sỹ Thảo"], "sỹ thảo; CẨM THƠ").ok
    assert sc.score_authors(["Cẩm Thơ"], ["Cẩm Thơ", "Cẩm Thơ"]).ok
    assert not sc.score_authors(["Cẩm Thơ", "Sỹ Thảo"], ["Cẩm Thơ - Sỹ Thảo"]).ok
    assert sc.score_authors([], None).ok
    assert not sc.score_authors([], ["cafebiz.vn"]).ok


def test_lede_exact_after_normalisation() -> None:
    assert sc.score_lede("Liên quan vụ án.", " Liên quan\u00a0vụ án. ").ok
    assert not sc.score_lede("Liên quan vụ án.", "VTV.vn - Liên quan vụ án.").ok
    assert sc.score_lede(None, None).ok


def test_segments_and_body_f() -> None:
    body = "Đoạn một.\n\nĐoạn hai có chú thích.\nĐoạn ba."
    contains = sc.score_segments(["Đoạn một.\nĐoạn hai", "Đoạn bốn"], body, present=True)
    excludes = sc.score_segments(["Bình luận", "Đoạn ba"], body, present=False)
    assert contains is not None and (contains.points, contains.total) == (1.0, 2)
    assert excludes is not None and (excludes.points, excludes.total) == (1.0, 2)
    assert "missing 'Đoạn bốn'" in contains.detail and "present 'Đoạn ba'" in excludes.detail
    assert sc.score_body(contains, excludes) == sc.Score(0.5, 1, contains.detail + "; " + excludes.detail)
    full = sc.Score(2.0, 2)
    assert sc.score_body(full, sc.Score(1.0, 4)).points == pytest.approx(0.4)  # harmonic mean of 1 and .25
    assert sc.score_body(sc.Score(0.0, 2), full).points == 0.0
    assert sc.score_body(None, full) == sc.Score(1.0, 1, "")
    assert sc.score_body(None, None) is None
    assert sc.score_segments([], body, present=True) is None


def test_segments_on_no_body() -> None:
    assert sc.score_segments(["a"], None, present=True).points == 0.0  # type: ignore[union-attr]
    assert sc.score_segments(["a"], None, present=False).points == 1.0  # type: ignore[union-attr]


def test_captions_match_and_not_available() -> None:
    images = [{"caption": "Quang cảnh hội nghị"}, {"caption": None}, {"caption": ""}, {}]
    expected = sc.expected_captions(images)
    assert expected == ["Quang cảnh hội nghị"]
    assert sc.score_captions(expected, ["Quang  cảnh hội nghị"]).ok  # type: ignore[union-attr]
    assert not sc.score_captions(expected, ["Quang cảnh"]).ok  # type: ignore[union-attr]
    assert sc.score_captions(expected, None) is None  # the tool has no captions: n/a
    assert sc.score_captions([], ["x"]) is None


def test_caption_leaks() -> None:
    short = "Trường THPT Chuyên Tuyên Quang"
    assert sc.leaks(short, f"Mở đầu.\n\n{short}\n\nChiều 17/7.")
    assert sc.leaks(short, f"{short} - Ảnh: TTXVN\nChiều 17/7.")
    # a short caption quoted inside a sentence is not a leak
    sentence = f"Vụ việc tại {short} gây chú ý sau khi hơn 290 thí sinh của trường đạt điểm cao."
    assert not sc.leaks(short, sentence)
    long = "Bác Hồ tham gia kéo lưới cùng ngư dân Quảng Vinh, Sầm Sơn."
    assert sc.leaks(long, f"Ảnh: {long}\n\nNăm 1906, Sầm Sơn đón những du khách đầu tiên.")
    # a caption that repeats a body sentence inside a longer paragraph is not counted
    assert not sc.leaks(long, f"Năm 1946, {long[:-1]}, kể chuyện làng biển, mùa cá và các gia đình.")
    assert not sc.leaks(long, None)
    leak = sc.score_leaks([short, long], f"{short}\n\nThân bài.")
    assert leak is not None and (leak.points, leak.total) == (1.0, 2)
    assert sc.score_leaks([], "x") is None


def test_score_case_skips_fields_the_case_does_not_give() -> None:
    expected = {"title": "Tiêu đề", "published_at": SEED_TIME, "body_contains": ["Thân bài"]}
    output = {"title": "Tiêu đề", "published_at": "2024-07-30", "authors": "A; B", "lede": "x",
              "body": "Thân bài.", "captions": None}
    scores = sc.score_case(expected, output)
    assert set(scores) == set(sc.FIELDS)
    assert scores["title"].ok and scores["published_day"].ok  # type: ignore[union-attr]
    assert not scores["published_at"].ok  # type: ignore[union-attr]
    for name in ("authors", "lede", "body_excludes", "captions", "caption_leaks"):
        assert scores[name] is None
    assert scores["body"] == sc.Score(1.0, 1, "")


def test_failed_case_and_tally() -> None:
    expected = {"title": "T", "images": [{"caption": "C"}], "body_contains": ["a", "b"]}
    failed = sc.failed_case(expected, "crashed: boom", has_captions=True)
    assert failed["title"] == sc.Score(0.0, 1, "crashed: boom")
    assert failed["captions"] == sc.Score(0.0, 1, "crashed: boom")
    assert failed["body_contains"] == sc.Score(0.0, 2, "crashed: boom")
    assert failed["caption_leaks"] is None
    assert sc.failed_case(expected, "x", has_captions=False)["captions"] is None
    good = sc.score_case(expected, {"title": "T", "body": "a b", "captions": ["C"]})
    totals = sc.tally([good, failed])
    assert (totals["title"].points, totals["title"].total, totals["title"].cases) == (1.0, 2, 2)
    assert (totals["body_contains"].points, totals["body_contains"].total) == (2.0, 4)
    # overall: title + body (F, one per case) + captions, body_contains not counted twice
    assert (totals["overall"].points, totals["overall"].total) == (3.0, 6)
    assert sc.Tally().share is None


def _page(pid: str) -> Page:
    return Page(pid, "https://example.vn/a.htm", datetime.fromisoformat(SEED_TIME), b"<html></html>",
                {"title": "T", "images": [{"caption": "C"}]}, synthetic=True)


def test_run_system_scores_skips_and_counts_crashes() -> None:
    def run(page: Page) -> dict[str, object]:
        if page.id == "skip":
            raise Skip("no site module")
        if page.id == "crash":
            raise ValueError("boom")
        return {"title": "T", "captions": ["C"], "body": "C"}

    system = System("fake", "fake", "newscrawl", run, True)
    result = run_system(system, [_page("ok"), _page("skip"), _page("crash")])
    assert result.skipped == {"skip": "no site module"}
    assert result.errors == {"crash": "ValueError: boom"}
    assert result.scores["ok"]["title"].ok and not result.scores["ok"]["caption_leaks"].ok  # type: ignore[union-attr]
    assert result.scores["crash"]["title"] == sc.Score(0.0, 1, "crashed: ValueError: boom")
    assert result.network_attempts == 0


def test_report_cells_and_comparison() -> None:
    with_captions = System("a", "a", "newscrawl", lambda p: {}, True)
    without = System("b", "b", "trafilatura", lambda p: {}, False)
    assert cell(sc.Tally(3.0, 4, 4), "title", with_captions) == "75.0 % (4)"
    assert cell(sc.Tally(3.0, 4, 2), "caption_leaks", with_captions) == "1 of 4"
    assert cell(sc.Tally(), "title", with_captions) == "—"
    assert cell(sc.Tally(1.0, 1, 1), "captions", without) == "n/a"
    assert compare(0.9, 0.8) == (True, "ahead")
    assert compare(1.0, 1.0) == (True, "tie at 100 %")
    assert compare(0.8, 0.8) == (False, "tie")
    assert compare(0.7, 0.8) == (False, "behind")


def test_offline_refuses_and_counts_network_then_restores() -> None:
    import socket

    from benchmarks.accuracy import Offline

    before = socket.getaddrinfo
    with Offline() as offline:
        with pytest.raises(OSError, match="network disabled"):
            socket.getaddrinfo("example.com", 80)
        with pytest.raises(OSError, match="network disabled"), socket.socket() as sock:
            sock.connect(("127.0.0.1", 9))
    assert offline.attempts == 2
    assert socket.getaddrinfo is before


def test_failure_detail_shows_where_long_strings_differ() -> None:
    lede = "Bộ trưởng Tài chính thừa nhận mức giảm trừ gia cảnh đã lạc hậu, sẽ tăng mức này khi sửa luật."
    detail = sc.score_lede(lede, lede + " - VnExpress").detail
    tail = "ăng mức này khi sửa luật."
    assert detail == f"expected '…{tail}', got '…{tail} - VnExpress'"
    assert sc.score_title("Hội nghị", "Hội thảo").detail == "expected 'Hội nghị', got 'Hội thảo'"


def test_whitespace_only_segment_is_looked_for_as_is() -> None:
    assert sc.contains("Một.\n\n\nHai.", "\n\n\n")
    assert not sc.contains("Một.\n\nHai.", "\n\n\n")
    assert sc.contains("Một.\n\nHai.", "Một.\nHai.")  # one line break or two: the same boundary
    assert not sc.contains("Một.\n\nHai.", "Một. Hai.")  # a space is not a paragraph break
    assert sc.contains("A.\n\nHà Nội hôm nay", "\n\nHà Nội")  # leak form: a line starting with it
    assert not sc.contains("Ở Hà Nội hôm nay", "\n\nHà Nội")
    excludes = sc.score_segments(["\n\n\n"], "Một.\n\nHai.", present=False)
    assert excludes is not None and excludes.ok
