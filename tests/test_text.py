"""Tests for newscrawl.extraction.text (vietnamese-text.md §7, §9; truyenhinhthanhhoa.md §9, §14)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest

from newscrawl.extraction.text import (
    SOURCE_LINE_RE,
    clean_multiline,
    clean_text,
    content_hash,
    drop_consecutive_duplicates,
    fold_key,
    is_boilerplate_line,
    split_source_line,
    strip_lede_prefix,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- clean_text ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  Vụ chặt\u00a0cây xanh  ", "Vụ chặt cây xanh"),
        ("\u200bTiêu đề tuoitre 2015", "Tiêu đề tuoitre 2015"),
        ("\ufeffXin chào\u200c\u200d\u2060", "Xin chào"),
        ("Thanh Hó\u00ada", "Thanh Hóa"),
        ("a\u2007b\u202fc", "a b c"),
        ("Dòng 1\n\n  Dòng 2\t", "Dòng 1 Dòng 2"),
        (nfd("Thanh Hóa"), "Thanh Hóa"),
        (nfd("Thứ Sáu"), "Thứ Sáu"),
        # a zero-width space between a letter and its combining accent must not block NFC
        ("Thanh Hoa\u200b\u0301", "Thanh Hoá"),
        ("Phạm Kim Long - cha đẻ – đã rời", "Phạm Kim Long - cha đẻ – đã rời"),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_output_is_nfc() -> None:
    out = clean_text(nfd("Đài Phát thanh và Truyền hình Thanh Hóa"))
    assert unicodedata.is_normalized("NFC", out)
    assert not any(unicodedata.combining(ch) for ch in out)


# --- clean_multiline ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  Đoạn 1 \n\n\n Đoạn 2  ", "Đoạn 1\n\nĐoạn 2"),
        ("Dòng a\nDòng b", "Dòng a\nDòng b"),
        ("\n\nA\u00a0 B\n \u200b \nC\n\n", "A B\n\nC"),
        ("A\r\n\r\nB", "A\n\nB"),
        (nfd("Thanh Hóa\n\n\nvăn hoá"), "Thanh Hóa\n\nvăn hoá"),
        ("Một   dòng\tduy nhất", "Một dòng duy nhất"),
    ],
)
def test_clean_multiline(raw: str | None, expected: str) -> None:
    assert clean_multiline(raw) == expected


# --- fold_key -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        (" ... ", ""),
        ("Thanh Hoá", "thanh hóa"),
        ("Thanh Hóa", "thanh hóa"),
        (nfd("Thanh Hoá"), "thanh hóa"),
        ("VĂN HOÁ", "văn hóa"),
        ("Hoà bình", "hòa bình"),
        ("Thuỷ", "thủy"),
        ("Uỷ ban", "ủy ban"),
        ("tuỳ", "tùy"),
        ("khoẻ", "khỏe"),
        ("quý", "quý"),  # never after q
        ("Quý", "quý"),
        ("hoàn", "hoàn"),  # closed syllable: not affected
        ("Hoàng", "hoàng"),
        ("khoảng", "khoảng"),
        ("ngoài", "ngoài"),
        ("xoáy", "xoáy"),
        ("“quai đê, lấn biển”", "quai đê, lấn biển"),
        ("  Quang cảnh hội nghị.  ", "quang cảnh hội nghị"),
        ("\u200bVụ chặt\u00a0cây  xanh", "vụ chặt cây xanh"),
        ("[Infographic] Các hoạt động", "infographic] các hoạt động"),
    ],
)
def test_fold_key(raw: str | None, expected: str) -> None:
    assert fold_key(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thanh Hoá đón 125 nghìn lượt khách", "Thanh Hóa đón 125 nghìn lượt khách"),
        ("văn hoá - lịch sử", "VĂN HÓA - LỊCH SỬ"),
        (nfd("Thanh Hóa"), "thanh hoá"),
        (
            "[Infographic] Các hoạt động tại lễ hội Lam Kinh năm 2022",
            "[Infographic] Các hoạt động tại Lễ hội Lam Kinh năm 2022",
        ),
        ("Bác Hồ tham gia kéo lưới.", "Bác Hồ  tham gia kéo lưới"),
    ],
)
def test_fold_key_equal(a: str, b: str) -> None:
    assert fold_key(a) == fold_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Lễ hội", "Lễ hộ"), ("Liên kết nội tỉnh – động lực", "Liên kết nội tỉnh")]
)
def test_fold_key_different(a: str, b: str) -> None:
    assert fold_key(a) != fold_key(b)


# --- strip_lede_prefix --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "bare", "expected"),
    [
        ("(TTV) - Vùng đất Sầm Sơn, Thanh Hóa", (), "Vùng đất Sầm Sơn, Thanh Hóa"),
        ("(TTV)- Vùng đất Sầm Sơn", (), "Vùng đất Sầm Sơn"),
        ("(Baothanhhoa.vn) - Sáng nay", (), "Sáng nay"),
        ("(vhds.baothanhhoa.vn) - Sáng nay", (), "Sáng nay"),
        ("(NLĐO)- Chiều 17/7", (), "Chiều 17/7"),
        ("(Dân trí) - Tình yêu", (), "Tình yêu"),
        (nfd("(Dân trí) - Tình yêu"), (), "Tình yêu"),
        ("(Chinhphu.vn) – Thủ tướng", (), "Thủ tướng"),
        ("(THPL)- Công an", (), "Công an"),
        ("\u200b(TTV) -\u00a0Vùng đất", (), "Vùng đất"),
        ("(TTV) - ", (), ""),
        ("VTV.vn - Chiều 17/7, Công an", ("VTV.vn",), "Chiều 17/7, Công an"),
        ("VTV.vn– Chiều 17/7", ("VTV.vn",), "Chiều 17/7"),
        ("vtv.vn - Chiều 17/7", ("VTV.vn",), "Chiều 17/7"),
        ("TPO - Sáng 16/7", ("VTV.vn", "TPO"), "Sáng 16/7"),
        ("VTV.vn - Chiều 17/7", (), "VTV.vn - Chiều 17/7"),
        ("Sapa - Những ngày cuối năm", ("VTV.vn",), "Sapa - Những ngày cuối năm"),
        ("TPOX - Sáng 16/7", ("TPO",), "TPOX - Sáng 16/7"),
        ("Phạm Kim Long - cha đẻ của dự án - đã rời", (), "Phạm Kim Long - cha đẻ của dự án - đã rời"),
        ("(Ảnh minh họa) Người dân", (), "(Ảnh minh họa) Người dân"),
        ("(A) - một ký tự", (), "(A) - một ký tự"),
        ("Năm 2023 (theo số liệu) - tăng", (), "Năm 2023 (theo số liệu) - tăng"),
        (None, (), ""),
        ("  Lede   bình thường  ", (), "Lede bình thường"),
    ],
)
def test_strip_lede_prefix(raw: str | None, bare: tuple[str, ...], expected: str) -> None:
    assert strip_lede_prefix(raw, bare) == expected


# --- is_boilerplate_line ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    [
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THANH HÓA",
        "Đài Phát thanh và Truyền hình Thanh Hoá",
        "Thanh Hoa Radio and Television",
        "Đường dây nóng: 0237 3721150",
        "Ý kiến bạn đọc",
        "Ý kiến bạn đọc (0)",
        nfd("Ý kiến bạn đọc"),
        "Xem thêm bình luận",
        "Tin liên quan",
        "Tin liên quan:",
        "Tin mới",
        "TIN MỚI",
        "Tin mới:",
        "\u200bTin mới\u00a0",
        "Đọc nhiều",
        "Xem thêm",
        "Xem thêm »",
        "Xem thêm:",
        "Có thể bạn quan tâm",
        "Banner",
        "Bình luận (12)",
        "20:18 , 16/08/2025",
        "14:00, 01/02/2026",
    ],
)
def test_is_boilerplate_line_true(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Xem thêm các tin tức về bão số 3",
        "Tin mới nhất về dịch bệnh được cập nhật liên tục",
        "Đọc nhiều sách giúp trẻ phát triển",
        "Banner quảng cáo bị gỡ bỏ",
        "Tin liên quan đến vụ việc đang được xác minh",
        "Ý kiến bạn đọc gửi về tòa soạn rất phong phú",
        "Liên kết nội tỉnh – động lực nâng tầm du lịch Thanh Hóa",
        "17/04/2024 07:52",
        "Năm 2023, mặc dù gặp nhiều khó khăn",
        "Bác Hồ tham gia kéo lưới cùng ngư dân Quảng Vinh, Sầm Sơn.",
    ],
)
def test_is_boilerplate_line_false(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("line", "extra", "expected"),
    [
        ("Tin cùng chuyên mục", ("Tin cùng chuyên mục",), True),
        ("Tin cùng chuyên mục:", ("Tin cùng chuyên mục",), True),
        ("Tin cùng chuyên mục hôm nay", ("Tin cùng chuyên mục",), False),
        ("Hotline: 0900 1234", ("Hotline:",), True),
        ("Tin cùng chuyên mục", (), False),
    ],
)
def test_is_boilerplate_line_extra(line: str, extra: tuple[str, ...], expected: bool) -> None:
    assert is_boilerplate_line(line, extra) is expected


# --- drop_consecutive_duplicates ----------------------------------------------------------------

CAPTION_E2 = "Bác Hồ tham gia kéo lưới cùng ngư dân Quảng Vinh, Sầm Sơn."
CAPTION_E3 = "Thủ tướng Chính phủ Nguyễn Xuân Phúc phát biểu tại buổi lễ. - Ảnh: VGP/Quang Hiếu"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], []),
        (["A", "A"], ["A"]),
        (["A", "A", "A", "B", "B"], ["A", "B"]),
        (["A", "B", "A"], ["A", "B", "A"]),
        ([CAPTION_E2, CAPTION_E2, "Bác Hồ tham gia kéo lư"], [CAPTION_E2, "Bác Hồ tham gia kéo lư"]),
        ([CAPTION_E3, CAPTION_E3], [CAPTION_E3]),
        (["Thanh Hoá đón khách", "thanh  hóa đón khách"], ["Thanh Hoá đón khách"]),
        ([nfd("Thanh Hóa"), "Thanh Hóa\u200b"], [nfd("Thanh Hóa")]),
        (["Quang cảnh hội nghị.", "Quang cảnh hội nghị"], ["Quang cảnh hội nghị."]),
    ],
)
def test_drop_consecutive_duplicates(lines: list[str], expected: list[str]) -> None:
    assert drop_consecutive_duplicates(lines) == expected


def test_drop_consecutive_duplicates_accepts_iterables() -> None:
    assert drop_consecutive_duplicates(x for x in ("a", "A", "b")) == ["a", "b"]


# --- split_source_line --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nguồn: Bản tin Thời sự tối/TTV", "Bản tin Thời sự tối/TTV"),
        (nfd("Nguồn: Bản tin Thời sự tối/TTV"), "Bản tin Thời sự tối/TTV"),
        ("nguồn : Baothanhhoa.vn.", "Baothanhhoa.vn"),
        ("Nguồn:TTXVN", "TTXVN"),
        ("  Nguồn:\u00a0VTV  ", "VTV"),
        ("Nguồn: Vingroup", "Vingroup"),
        ("Theo TTXVN", None),
        ("Nguồn tin cho biết vụ việc đang được xử lý", None),
        ("Nguồn: ", None),
        ("Nguồn: " + "x" * 121, None),
        ("Nguồn: " + "x" * 120, "x" * 120),
    ],
)
def test_split_source_line(line: str, expected: str | None) -> None:
    assert split_source_line(line) == expected


def test_source_line_re() -> None:
    assert SOURCE_LINE_RE.flags & re.I
    m = SOURCE_LINE_RE.match("NGUỒN: Bản tin Thời sự tối/TTV.")
    assert m is not None and m.group("source") == "Bản tin Thời sự tối/TTV"


# --- content_hash -------------------------------------------------------------------------------

def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((None, None, None), _sha1("\n\n")),
        (("", "", ""), _sha1("\n\n")),
        (("A", "B.", "c"), _sha1("a\nb\nc")),
        (("Thanh Hoá", None, "Văn  hoá\n\nlịch sử"), _sha1("thanh hóa\n\nvăn hóa lịch sử")),
    ],
)
def test_content_hash_value(parts: tuple[str | None, str | None, str | None], expected: str) -> None:
    assert content_hash(*parts) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            ("Thanh Hoá đón 125 nghìn lượt khách", "Lede", "Đoạn 1\n\nĐoạn 2"),
            ("thanh hóa  đón 125 nghìn lượt khách", "LEDE", "Đoạn 1 Đoạn 2"),
        ),
        ((nfd("Thanh Hóa"), "\u200bLede", "Body\u00a0text"), ("Thanh Hóa", "Lede", "Body text")),
    ],
)
def test_content_hash_equal(a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    assert content_hash(*a) == content_hash(*b)


def test_content_hash_differs_and_is_hex() -> None:
    h1 = content_hash("Tiêu đề", "Sapo", "Thân bài")
    h2 = content_hash("Tiêu đề", "Sapo", "Thân bài khác")
    assert h1 != h2
    assert re.fullmatch(r"[0-9a-f]{40}", h1)
    assert content_hash("A B", "", "") != content_hash("A", "B", "")
