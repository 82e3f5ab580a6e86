"""Tests for newscrawl.extraction.captions (vietnamese-text.md §8; truyenhinhthanhhoa.md §9, §14)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from newscrawl.extraction.captions import (
    AUTO_ALT_RE,
    CREDIT_RE,
    auto_alt_rest,
    is_auto_alt,
    is_placeholder,
    split_credit,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


E3_RAW = "Thủ tướng Chính phủ Nguyễn Xuân Phúc phát biểu tại buổi lễ. - Ảnh: VGP/Quang Hiếu"
E3_CAPTION = "Thủ tướng Chính phủ Nguyễn Xuân Phúc phát biểu tại buổi lễ."
E7_TITLE = "Xây dựng Nông thôn mới - Kiến tạo những vùng quê đáng sống"
E10_TITLE = "[Infographic] Các hoạt động tại Lễ hội Lam Kinh năm 2022"
E10_ALT = "[Infographic] Các hoạt động tại lễ hội Lam Kinh năm 2022 - Ảnh 1."
E9_TITLE = "Thanh Hoá đón 125 nghìn lượt khách dịp Tết Dương lịch 2026"


# --- split_credit -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (E3_RAW, (E3_CAPTION, "VGP/Quang Hiếu")),
        (nfd(E3_RAW), (E3_CAPTION, "VGP/Quang Hiếu")),
        ("Ảnh minh hoạ - Ảnh: Reuters.", ("Ảnh minh hoạ", "Reuters")),
        (
            "Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp",
            ("Y bác sĩ nội soi cho bệnh nhân.", "Bệnh viện cung cấp"),
        ),
        (
            "Apple tiếp tục hủy bỏ kế hoạch. Ảnh:  Bloomberg.",
            ("Apple tiếp tục hủy bỏ kế hoạch.", "Bloomberg"),
        ),
        (
            "Pha lập công ấn định chiến thắng cho Tây Ban Nha. (Ảnh: FIFA)",
            ("Pha lập công ấn định chiến thắng cho Tây Ban Nha.", "FIFA"),
        ),
        (
            "Ông Phạm Nhật Vượng nhận Huân chương lao động hạng Nhất. Nguồn: Vingroup",
            ("Ông Phạm Nhật Vượng nhận Huân chương lao động hạng Nhất.", "Vingroup"),
        ),
        ("Ảnh: Reuters", (None, "Reuters")),
        ("ảnh: reuters", (None, "reuters")),
        ("Video: VTV", (None, "VTV")),
        ("Biểu đồ tăng trưởng. Đồ họa: TÔ NGỌC", ("Biểu đồ tăng trưởng.", "TÔ NGỌC")),
        ("Toàn cảnh buổi lễ – Ảnh: TTV", ("Toàn cảnh buổi lễ", "TTV")),
        ("Thanh Hoá\u00a0đón khách - Ảnh:\u00a0Lê Hợi", ("Thanh Hoá đón khách", "Lê Hợi")),
        ("\u200bQuang cảnh hội nghị - Ảnh: TTV\u200b", ("Quang cảnh hội nghị", "TTV")),
        (
            "Tác phẩm (tranh sơn dầu) của họa sĩ. Ảnh: Nguyễn Văn A",
            ("Tác phẩm (tranh sơn dầu) của họa sĩ.", "Nguyễn Văn A"),
        ),
        ("Quang cảnh hội nghị", ("Quang cảnh hội nghị", None)),
        ("bệnh nhân.Ảnh: Minh Hiếu", ("bệnh nhân.", "Minh Hiếu")),
        ("Video: Hướng dẫn sơ cứu - Nguồn: VTV", ("Video: Hướng dẫn sơ cứu", "VTV")),
        (
            "Bác Hồ tham gia kéo lưới cùng ngư dân Quảng Vinh, Sầm Sơn.",
            ("Bác Hồ tham gia kéo lưới cùng ngư dân Quảng Vinh, Sầm Sơn.", None),
        ),
        ("Ảnh minh họa", ("Ảnh minh họa", None)),
        ("", (None, None)),
        (None, (None, None)),
        ("  \u200b ", (None, None)),
    ],
)
def test_split_credit(raw: str | None, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(raw) == expected


def test_credit_re() -> None:
    assert CREDIT_RE.flags & re.I
    m = CREDIT_RE.search("… tại buổi lễ. - Ảnh: VGP/Quang Hiếu")
    assert m is not None and m.group("credit") == "VGP/Quang Hiếu"
    assert CREDIT_RE.search("Quang cảnh hội nghị") is None


# --- auto alts ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("alt", "title", "expected"),
    [
        (E10_ALT, E10_TITLE, True),  # differs only in case ("lễ hội" / "Lễ hội")
        (E7_TITLE + "- Ảnh 1.", E7_TITLE, True),  # the seed page: no space before the dash
        (E7_TITLE + " - Ảnh 12", E7_TITLE, True),
        (E7_TITLE, E7_TITLE, True),  # alt is the title without the suffix
        (nfd("Thanh Hóa đón 125 nghìn lượt khách dịp Tết Dương lịch 2026") + " - Ảnh 2.", E9_TITLE, True),
        ("\u200b" + E9_TITLE + "\u00a0- Ảnh 1.", E9_TITLE, True),
        ("Quang cảnh hội nghị", E7_TITLE, False),
        ("Quang cảnh hội nghị - Ảnh 1.", E7_TITLE, False),
        (E7_TITLE + " - Ảnh minh họa", E7_TITLE, False),
        (None, E7_TITLE, False),
        (E7_TITLE + " - Ảnh 1.", None, False),
        ("", "", False),
    ],
)
def test_is_auto_alt(alt: str | None, title: str | None, expected: bool) -> None:
    assert is_auto_alt(alt, title) is expected


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        (E10_ALT, "[Infographic] Các hoạt động tại lễ hội Lam Kinh năm 2022"),
        (E7_TITLE + "- Ảnh 1.", E7_TITLE),
        (E7_TITLE + " - Ảnh 3", E7_TITLE),
        ("Quang cảnh hội nghị - Ảnh 1.", "Quang cảnh hội nghị"),
        (nfd("Thanh Hóa - Ảnh 1."), "Thanh Hóa"),
        ("Quang cảnh hội nghị", None),
        ("Quang cảnh - Ảnh minh họa", None),
        (" - Ảnh 1.", None),
        (None, None),
    ],
)
def test_auto_alt_rest(alt: str | None, expected: str | None) -> None:
    assert auto_alt_rest(alt) == expected


def test_auto_alt_re() -> None:
    assert AUTO_ALT_RE.search("Tiêu đề- Ảnh 1.")
    assert AUTO_ALT_RE.search("Tiêu đề - Ảnh 10 ")
    assert not AUTO_ALT_RE.search("Tiêu đề - Ảnh: Reuters")


# --- placeholders -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nhập chú thích ảnh", True),
        ("nhập chú thích", True),
        ("NHẬP CHÚ THÍCH ẢNH", True),
        (nfd("Nhập chú thích ảnh"), True),
        (" Nhập chú thích ảnh\u200b ", True),
        ("Quang cảnh hội nghị", False),
        ("Nhập chú thích ảnh cho bài viết về lễ hội", False),
        ("", False),
        (None, False),
    ],
)
def test_is_placeholder(text: str | None, expected: bool) -> None:
    assert is_placeholder(text) is expected
