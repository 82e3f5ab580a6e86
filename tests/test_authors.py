"""Tests for newscrawl.extraction.authors (vietnamese-text.md §6; truyenhinhthanhhoa.md §7, §14)."""

from __future__ import annotations

import unicodedata

import pytest

from newscrawl.extraction.authors import KNOWN_OUTLETS, Byline, is_plausible_name, parse_byline
from newscrawl.extraction.text import fold_key


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


B = Byline

# (raw byline, site_names, expected Byline)
BYLINES: list[tuple[str | None, tuple[str, ...], Byline]] = [
    # TTV E7 / the seed page / E10
    ("Thanh Tâm - Sỹ Thảo - Văn Tráng", (), B(["Thanh Tâm", "Sỹ Thảo", "Văn Tráng"])),
    ("Cẩm Thơ - Sỹ Thảo", (), B(["Cẩm Thơ", "Sỹ Thảo"])),
    ("Nguyễn Hải", (), B(["Nguyễn Hải"])),
    # other sites, §6 table
    ("Phùng Anh (VTV Online)", (), B(["Phùng Anh"], affiliations=("VTV Online",))),
    ("An Yên", (), B(["An Yên"])),
    ("Hà Lê", (), B(["Hà Lê"])),
    ("Bình Minh - ", (), B(["Bình Minh"])),
    ("Theo TTXVN", (), B([], source="TTXVN")),
    ("Theo Lê Tỉnh (Người lao động)", (), B(["Lê Tỉnh"], source="Người lao động")),
    ("Theo Lê Tỉnh", (), B(["Lê Tỉnh"])),
    ("Lê Phương", (), B(["Lê Phương"])),
    ("Minh Hoàng", (), B(["Minh Hoàng"])),
    ("TP", (), B(["TP"])),
    ("HỌC KHIÊM", (), B(["HỌC KHIÊM"])),
    ("Tổng hợp: THỤY QUYÊN", (), B(["THỤY QUYÊN"], roles=("Tổng hợp",))),
    ("Đồ họa: TÔ NGỌC", (), B(["TÔ NGỌC"], roles=("Đồ họa",))),
    ("Nhóm Phóng viên VH, VN và GT", (), B(["Nhóm Phóng viên VH, VN và GT"])),
    ("PV", (), B(["PV"])),
    ("Nhóm PV", (), B(["Nhóm PV"])),
    ("BTV", (), B(["BTV"])),
    ("CTV", (), B(["CTV"])),
    ("Phóng viên", (), B(["Phóng viên"])),
    # rejected: site, company, URL
    ("cafebiz.vn", (), B([])),
    ("baodientuvtv", ("baodientuvtv",), B([])),
    ("VCCorp.vn", (), B([])),
    ("https://www.facebook.com/baobongda", (), B([])),
    # combined name + time lines (§3 trap 18)
    ("Quang Anh - Ngày 20/08/2025 13:00 PM (GMT+7)", (), B(["Quang Anh"])),
    ("Đỗ Trung • 07:12 ngày 24/03/2024", (), B(["Đỗ Trung"])),
    ("Quỳnh Trâm - 12:09, 28/03/2023", (), B(["Quỳnh Trâm"])),
    # initials
    ("Tee", (), B(["Tee"])),
    ("A.H", (), B(["A.H"])),
    ("P.S.T", (), B(["P.S.T"])),
    # lists
    ("Lê Phương và Thu Hà", (), B(["Lê Phương", "Thu Hà"])),
    ("Lan Anh, Minh Đức; Hoàng Long / Thu Trang", (), B(["Lan Anh", "Minh Đức", "Hoàng Long", "Thu Trang"])),
    ("Minh Hoàng, Minh Hoàng", (), B(["Minh Hoàng"])),
    ("Thanh Hoá - THANH HÓA", (), B(["Thanh Hoá"])),
    # prose is never a byline (E7 body's first sentence)
    ("Năm 2023, mặc dù gặp nhiều khó khăn", (), B([])),
    ("Năm 2023, mặc dù gặp nhiều khó khăn, thách thức do tình hình suy thoái kinh tế thế giới", (), B([])),
    ("Quang cảnh hội nghị", (), B([])),
    ("Hà Nội, 10/5", (), B([])),  # a dateline
    ("Thanh Hóa và Nghệ An đã hợp tác", (), B([])),
    # sources
    ("Nguồn: Baothanhhoa.vn", (), B([], source="Baothanhhoa.vn")),
    ("Nguồn: Bản tin Thời sự tối/TTV", (), B([], source="Bản tin Thời sự tối/TTV")),
    ("Theo Doanh nghiệp và Tiếp thị", (), B([], source="Doanh nghiệp và Tiếp thị")),
    ("Theo Đầu tư Chứng khoán", (), B([], source="Đầu tư Chứng khoán")),
    ("Theo báo Lao Động Thủ đô", (), B([], source="báo Lao Động Thủ đô")),
    ("VGP/Quang Hiếu", (), B(["Quang Hiếu"], source="VGP")),
    ("Nguyễn Văn Minh - TTXVN", (), B(["Nguyễn Văn Minh"], source="TTXVN")),
    ("VTV", ("VTV", "VTV.vn"), B([])),
    # role labels
    ("Bài và ảnh: Minh Anh", (), B(["Minh Anh"], roles=("Bài và ảnh",))),
    ("Ảnh: Minh Anh", (), B(["Minh Anh"], roles=("Ảnh",))),
    ("Minh Anh (tổng hợp)", (), B(["Minh Anh"], roles=("tổng hợp",))),
    ("Nhóm thực hiện: Lan Anh, Minh Đức", (), B(["Lan Anh", "Minh Đức"], roles=("Nhóm thực hiện",))),
    # Unicode
    (nfd("Thanh Tâm - Sỹ Thảo"), (), B(["Thanh Tâm", "Sỹ Thảo"])),
    ("\u200bNguyễn\u00a0Hải\ufeff", (), B(["Nguyễn Hải"])),
    ("Nguyễn Hải.", (), B(["Nguyễn Hải"])),
    ("Phùng Anh (VTV Online) - Minh Hoàng", (), B(["Phùng Anh", "Minh Hoàng"], affiliations=("VTV Online",))),
    ("Bài: Lê An - Ảnh: Trần Bình", (), B(["Lê An", "Trần Bình"], roles=("Bài", "Ảnh"))),
    ("Theo Nguyễn Văn An và Trần Thị Bình", (), B(["Nguyễn Văn An", "Trần Thị Bình"])),
    ("(Người lao động)", (), B([], source="Người lao động")),
    ("TTXVN", (), B([], source="TTXVN")),
    ("Phùng Anh (VTV)", ("VTV", "VTV.vn"), B(["Phùng Anh"], affiliations=("VTV",))),
    ("Phùng Anh (VTV)", (), B(["Phùng Anh"], source="VTV")),
    # empty
    (None, (), B([])),
    ("", (), B([])),
    ("  \u200b ", (), B([])),
]


@pytest.mark.parametrize(("raw", "site_names", "expected"), BYLINES)
def test_parse_byline(raw: str | None, site_names: tuple[str, ...], expected: Byline) -> None:
    assert parse_byline(raw, site_names=site_names) == expected


def test_parse_byline_nfd_names_are_nfc() -> None:
    for name in parse_byline(nfd("Thanh Tâm - Sỹ Thảo - Văn Tráng")).authors:
        assert unicodedata.is_normalized("NFC", name)


def test_byline_is_frozen() -> None:
    byline = parse_byline("Cẩm Thơ - Sỹ Thảo")
    with pytest.raises(AttributeError):
        byline.source = "TTV"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "site_names", "expected"),
    [
        ("Thanh Tâm", (), True),
        ("HỌC KHIÊM", (), True),
        ("Nguyễn Thị Minh Khai", (), True),
        (nfd("Sỹ Thảo"), (), True),
        ("Tee", (), True),
        ("A.H", (), True),
        ("P.S.T", (), True),
        ("TP", (), True),
        ("PV", (), True),
        ("Nhóm PV", (), True),
        ("Nhóm Phóng viên VH, VN và GT", (), True),
        ("", (), False),
        ("cafebiz.vn", (), False),
        ("VCCorp.vn", (), False),
        ("VCCorp", (), False),
        ("https://www.facebook.com/baobongda", (), False),
        ("baodientuvtv", ("baodientuvtv",), False),
        ("Truyền Hình Thanh Hóa", ("Truyền hình Thanh Hoá",), False),
        ("TTXVN", (), False),
        ("Người Lao Động", (), False),
        ("Ảnh Minh", (), False),
        ("Năm 2023", (), False),
        ("mặc dù gặp nhiều khó khăn", (), False),
        ("Quang cảnh hội nghị", (), False),
        ("Xin Chào!", (), False),
        ("Chú Thích: Minh", (), False),
        ("Nguyễn Hải.", (), False),
        ("A" * 61, (), False),
        ("Thanh Hóa Online Việt Nam Mới Ngày", (), False),
    ],
)
def test_is_plausible_name(name: str, site_names: tuple[str, ...], expected: bool) -> None:
    assert is_plausible_name(name, site_names=site_names) is expected


@pytest.mark.parametrize(
    "outlet",
    [
        "TTXVN", "VTV", "TTV", "VOV", "Tiền Phong", "Người lao động", "Thanh Niên", "Tuổi Trẻ", "Dân trí",
        "VnExpress", "Vietnamplus", "Nhân Dân", "Báo Thanh Hóa", "Baothanhhoa.vn", "Chinhphu.vn", "VGP",
    ],
)  # fmt: skip
def test_known_outlets(outlet: str) -> None:
    assert fold_key(outlet) in {fold_key(o) for o in KNOWN_OUTLETS}


def test_known_outlets_exclude_affiliations() -> None:
    assert fold_key("VTV Online") not in {fold_key(o) for o in KNOWN_OUTLETS}
