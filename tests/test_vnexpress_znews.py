"""VnExpress and ZNews: URL tables, the lede location stamp, editions, and the listing walks.

The fixture harness pins whole pages; these tests pin the rules a page does not exercise on its own.
"""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import pytest

from newscrawl.extraction.dates import DateParser
from newscrawl.extraction.page import Page
from newscrawl.sites.vnexpress import SITE as VNE
from newscrawl.sites.znews import SITE as ZNEWS

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime.fromisoformat("2026-03-25T08:18:00+07:00")


def page(url: str, html: str | bytes) -> Page:
    return Page.from_bytes(url, html.encode() if isinstance(html, str) else html, NOW, encoding="utf-8")


def fixture_page(site: str, case: str, url: str) -> Page:
    return page(url, gzip.decompress((FIXTURES / site / case / "page.html.gz").read_bytes()))


@pytest.mark.parametrize(("url", "expected"), [
    ("https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html", "4954454"),
    ("https://vnexpress.net/tin-tuc/the-gioi/khoanh-khac-canh-sat-ban-chet-3437117.html", "3437117"),
    ("http://kinhdoanh.vnexpress.net/tin-tuc/vi-mo/e-khach-tieu-thuong-so-2719630.html", "2719630"),
    ("https://e.vnexpress.net/news/business/markets/dollar-edges-up-against-dong-4988301.html", "4988301"),
    ("https://vnexpress.net/suc-khoe", None),
    ("https://vnexpress.net/suc-khoe-p2", None),
    ("https://vnexpress.net/topic/ha-noi-26482", None),
    ("https://vnexpress.net/slug-49544541.html", None),
    ("https://vnexpress.net/rss/tin-moi-nhat.rss", None),
])
def test_vnexpress_article_ids(url: str, expected: str | None) -> None:
    assert VNE.article_id(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://znews.vn/apple-huy-bo-du-an-quan-trong-post1528657.html", "1528657"),
    ("https://lifestyle.znews.vn/mot-bai-viet-post1500000.html", "1500000"),
    ("https://znews.vn/cong-nghe.html", None),
    ("https://znews.vn/tieu-diem/cong-ty-apple.html", None),
    ("https://znews.vn/apple-tin-tuc.html", None),
])
def test_znews_article_ids(url: str, expected: str | None) -> None:
    assert ZNEWS.article_id(url) == expected


ARTICLE = """<html lang="{lang}"><head><title>t</title></head><body>
<h1 class="title-detail">Tiêu đề</h1>
<p class="description"><span class="location-stamp">Nhật Bản</span>Một nhân viên văn phòng 38 tuổi
hiến tinh trùng.</p>
<article class="fck_detail"><p class="Normal">Đoạn một của bài.</p>
<p class="Normal" style="text-align:right;"><strong>Lê Phương</strong></p></article>
</body></html>"""


def test_vnexpress_location_stamp_is_a_separate_word_in_lede_raw_and_gone_from_lede() -> None:
    item = VNE.extract(page("https://vnexpress.net/bai-viet-4928150.html", ARTICLE.format(lang="vi")),
                       DateParser(NOW))
    assert item.lede_raw == "Nhật Bản Một nhân viên văn phòng 38 tuổi hiến tinh trùng."
    assert item.lede == "Một nhân viên văn phòng 38 tuổi hiến tinh trùng."
    assert item.location == "Nhật Bản"
    assert item.language == "vi"
    assert item.authors == ["Lê Phương"]
    assert item.body == "Đoạn một của bài."


def test_vnexpress_english_edition_items_are_english() -> None:
    url = "https://e.vnexpress.net/news/business/markets/dollar-edges-up-against-dong-4988301.html"
    item = VNE.extract(page(url, ARTICLE.format(lang="en")), DateParser(NOW))
    assert item.language == "en"
    assert item.article_id == "4988301"


def _listing(site, pg: Page):  # noqa: ANN001, ANN202
    parser = site.listing_parser(site, pg, DateParser(NOW))
    return parser, parser.parse()


def test_vnexpress_next_page_follows_the_next_link() -> None:
    pg = fixture_page("vnexpress", "listing-category-suc-khoe-2025-08", "https://vnexpress.net/suc-khoe")
    parser, listing = _listing(VNE, pg)
    assert parser.next_page_url(listing, 1) == "https://vnexpress.net/suc-khoe-p2"


STREAM = """<html><body>
<article class="item-news"><h3 class="title-news"><a href="https://vnexpress.net/mot-bai-4928103.html"
 title="Một bài">Một bài</a></h3>
 <span class="time-ago" datetime="2025-08-18 15:06:55">2h trước</span></article>
<a href="https://e.vnexpress.net/news/news/an-english-story-4988023.html">An English story</a>
<a href="https://video.vnexpress.net/mot-video-4928999.html">Một video</a>
</body></html>"""


@pytest.mark.parametrize(("url", "page_no", "expected"), [
    ("https://vnexpress.net/suc-khoe-p2", 2, "https://vnexpress.net/suc-khoe-p3"),
    ("https://vnexpress.net/suc-khoe/tin-tuc", 1, "https://vnexpress.net/suc-khoe/tin-tuc-p2"),
    ("https://vnexpress.net/", 1, None),
    ("https://e.vnexpress.net/news/business", 1, None),
])
def test_vnexpress_next_page_without_a_link(url: str, page_no: int, expected: str | None) -> None:
    parser, listing = _listing(VNE, page(url, STREAM))
    assert parser.next_page_url(listing, page_no) == expected


def test_vnexpress_listing_keeps_its_edition_and_reads_the_datetime_attribute() -> None:
    _, listing = _listing(VNE, page("https://vnexpress.net/suc-khoe-p2", STREAM))
    assert [(e.url, e.published_at, e.published_at_raw) for e in listing.entries] == [
        ("https://vnexpress.net/mot-bai-4928103.html", "2025-08-18T15:06:55+07:00", "2025-08-18 15:06:55")]
    parser, empty = _listing(VNE, page("https://vnexpress.net/suc-khoe-p9", "<html><body></body></html>"))
    assert empty.entries == [] and parser.next_page_url(empty, 9) is None


def test_znews_listing_items_of_the_saved_page() -> None:
    """The article page's related boxes and 'Đọc tiếp' block are the only saved ZNews listing markup."""
    url = "https://znews.vn/apple-huy-bo-du-an-quan-trong-post1528657.html"
    parser, listing = _listing(ZNEWS, fixture_page("znews", "article-2025-02-02-apple-huy-bo-du-an", url))
    got = [(e.article_id, e.title, e.published_at_raw, e.published_at) for e in listing.entries]
    assert got == [
        ("1506378", "Apple lại nhận 'quả đắng' với Vision Pro", "08:18 25/10/2024",
         "2024-10-25T08:18:00+07:00"),
        ("1503771", "Tầm nhìn mù mịt của Apple Vision Pro", "07:51 18/10/2024", "2024-10-18T07:51:00+07:00"),
        ("1501432", "Meta khiến Apple đổi kế hoạch", "10:53 5/10/2024", "2024-10-05T10:53:00+07:00"),
        ("1637827", "Xiaomi lập kỷ lục", "08:00 25/3/2026", "2026-03-25T08:00:00+07:00"),
        ("1637575", "Mark Zuckerberg sắp bị thay bằng AI", "07:30 25/3/2026", "2026-03-25T07:30:00+07:00"),
        ("1637739", "Đây là CEO Apple tiếp theo?", "06:08 25/3/2026", "2026-03-25T06:08:00+07:00"),
    ]
    assert listing.category_urls[:3] == ["https://znews.vn/xuat-ban.html",
                                         "https://znews.vn/kinh-doanh-tai-chinh.html",
                                         "https://znews.vn/suc-khoe.html"]
    assert "https://lifestyle.znews.vn/lifestyle.html" in listing.category_urls
    assert "https://znews.vn/tac-gia.html" not in listing.category_urls
    assert parser.next_page_url(listing, 1) is None


def test_znews_listing_falls_back_to_the_relative_time() -> None:
    html = """<html><body><article class="article-item"><h3 class="article-title">
    <a href="https://znews.vn/xiaomi-lap-ky-luc-post1637827.html">Xiaomi lập kỷ lục</a></h3>
    <span class="friendly-time">18 phút trước</span></article></body></html>"""
    _, listing = _listing(ZNEWS, page("https://znews.vn/cong-nghe.html", html))
    entry = listing.entries[0]
    assert (entry.published_at_raw, entry.published_at) == ("18 phút trước", "2026-03-25T08:00:00+07:00")
