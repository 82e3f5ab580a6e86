"""24h.com.vn and eva.vn: URL tables, script-filled outlet names, caption pairing, listing walks."""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import pytest

from newscrawl.extraction.dates import DateParser
from newscrawl.extraction.page import Page
from newscrawl.sites.eva import SITE as EVA
from newscrawl.sites.h24 import SITE as H24
from newscrawl.sites.h24 import decode_origin

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime.fromisoformat("2025-08-20T15:20:00+07:00")
H24_ARTICLE = FIXTURES / "24h/article-2025-08-20-4-ti-phu-khoi-cong"
EVA_LISTING = FIXTURES / "eva/listing-category-di-dau-xem-gi"


@pytest.mark.parametrize(("url", "article_id"), [
    ("https://www.24h.com.vn/kinh-doanh/4-ti-phu-giau-nhat-viet-nam-cung-xuat-hien-tai-le-khoi-cong-khanh-thanh-250-du-an"
     "-c161a1690792.html", "1690792"),
    ("https://www.24h.com.vn/thi-truong-tieu-dung/de-xuat-dung-xang-e10-tu-1-1-2026-xoa-hoan-toan-xang-khoang-ron-95"
     "-c52a1690717.html", "1690717"),
    ("https://www.24h.com.vn/kinh-doanh/x-c161a1690792.html?utm_source=a#top", "1690792"),
    ("https://www.24h.com.vn/kinh-doanh-c161.html", None),  # category
    ("https://www.24h.com.vn/kinh-te-toan-canh-c161e6201.html", None),  # event
    ("https://www.24h.com.vn/tin-bai-da-luu.html", None),
    ("https://cdn.24h.com.vn/upload/3-2025/images/2025-08-20/1755653752-tai-xuong-21751.jpeg", None),
])
def test_24h_article_ids(url: str, article_id: str | None) -> None:
    assert H24.article_id(url) == article_id


@pytest.mark.parametrize(("url", "article_id"), [
    ("https://eva.vn/dep/nu-dien-vien-vuot-mat-song-hye-kyo-thanh-my-nhan-dep-nhat-han-quoc-2025-luon-tay-trang-2-lan"
     "-ap-dung-bai-tap-massage-von-ven-vai-phut-c58a644663.html", "644663"),
    ("https://eva.vn/bep-eva/hom-nay-nau-gi-bua-toi-dam-da-ngon-mieng-c162a644575.html", "644575"),
    ("https://eva.vn/di-dau-xem-gi-c40.html", None),  # category
    ("https://eva.vn/sao-chia-se-bi-quyet-lam-dep-p2106c58.html", None),  # topic
    ("https://eva.vn/quang-anh-p4949c58.html", None),  # author page
    ("https://eva.vn/guest/RSS/", None),
])
def test_eva_article_ids(url: str, article_id: str | None) -> None:
    assert EVA.article_id(url) == article_id


def test_sites_own_their_hosts() -> None:
    assert H24.owns("https://www.24h.com.vn/") and H24.owns("https://24h.com.vn/")
    assert EVA.owns("https://eva.vn/") and not EVA.owns("https://www.24h.com.vn/")
    assert H24.base_url == "https://www.24h.com.vn"


def _page(url: str, html: str) -> Page:
    return Page.from_bytes(url, html.encode("utf-8"), NOW, encoding="utf-8")


BYLINE = """<html><body><h1>T</h1><div id="div_news_content"><p>Một câu.</p></div>
<div class="cate-24h-foot-arti-deta-author"><span class="bld">Theo Lê Tỉnh</span>
<span data-src="TmfGsOG7nWkgbGFvIMSR4buZbmc=" id="origin_name_full">{shown}</span>
<script>origin_decode(["origin_name_full"], "[Tên nguồn]");</script></div></body></html>"""


@pytest.mark.parametrize("shown", ["(Người lao động)", "([Tên nguồn])", "[Tên nguồn]", ""])
def test_24h_outlet_filled_from_data_src(shown: str) -> None:
    """Raw HTML may carry the script's placeholder or nothing: the outlet comes from data-src."""
    url = "https://www.24h.com.vn/kinh-doanh/t-c161a1.html"
    item = H24.extract(_page(url, BYLINE.format(shown=shown)), DateParser(NOW))
    assert item.authors == ["Lê Tỉnh"]
    assert item.source == "Người lao động"
    assert item.authors_raw == "Theo Lê Tỉnh (Người lao động)"


def test_decode_origin_rejects_garbage() -> None:
    assert decode_origin("TmfGsOG7nWkgbGFvIMSR4buZbmc=") == "Người lao động"
    assert decode_origin("not base64!") is None
    assert decode_origin(None) is None


GALLERY = """<html><body><h1>Tiêu đề</h1><div id="div_news_content"><p>Đoạn một.</p>
<p></p><div class="justified-gallery"><a href="javascript:void(0)"><img src="/a.jpg" alt="Tiêu đề - 1"></a>
<a href="javascript:void(0)"><img src="/b.jpg" alt="Ảnh cuối. Ảnh: X"></a><p></p></div>
<p class="img_chu_thich_0407">Ảnh cuối. Ảnh: X</p>
<p align="center"><img data-original="/c.jpg" src="data:image/gif;base64,R0lGOD" alt="Tiêu đề - 3"></p>
<p>Đoạn hai.</p><p class="img_chu_thich_0407" data-placeholder="Nhập chú thích ảnh">Chú thích mồ côi</p>
</div></body></html>"""


def test_gallery_caption_goes_to_the_image_it_describes() -> None:
    url = "https://www.24h.com.vn/kinh-doanh/t-c161a1.html"
    item = H24.extract(_page(url, GALLERY), DateParser(NOW))
    assert [(i.url.rsplit("/", 1)[1], i.caption, i.credit) for i in item.images] == [
        ("a.jpg", None, None), ("b.jpg", "Ảnh cuối.", "X"), ("c.jpg", None, None)]
    assert item.body == "Đoạn một.\n\nĐoạn hai."


def _listing(site, folder: Path, url: str):  # noqa: ANN001, ANN202
    page = Page.from_bytes(url, gzip.decompress((folder / "page.html.gz").read_bytes()), NOW)
    parser = site.listing_parser(site, page, DateParser(NOW))
    return parser, parser.parse()


def test_24h_listing_markup_from_the_article_page() -> None:
    """No 24h listing page is saved: its boxes on the real article page pin the item markup."""
    url = ("https://www.24h.com.vn/kinh-doanh/4-ti-phu-giau-nhat-viet-nam-cung-xuat-hien-tai-le-khoi-cong-khanh-"
           "thanh-250-du-an-c161a1690792.html")
    parser, listing = _listing(H24, H24_ARTICLE, url)
    got = [(e.article_id, e.title) for e in listing.entries]
    assert got[:6] == [
        ("1686777", "Tỷ phú Trần Đình Long bỏ túi gần 2.300 tỷ đồng trong ngày hôm nay"),
        ("1688215", "Tỷ phú đứng sau cơn sốt Labubu toàn cầu"),
        ("1687316", "Cuộc đời bị gia đình từ mặt của con gái tỷ phú"),
        ("1688304", 'Cơn sốt AI tạo ra tỷ phú với tốc độ kỷ lục: Nơi đây lại thành "mỏ vàng"'),
        ("1689190", "Tỷ phú dùng cách 'độc' chia thừa kế, con cháu tiêu nghìn năm không hết"),
        ("1690792", "4 tỉ phú giàu nhất Việt Nam cùng xuất hiện tại lễ khởi công, khánh thành 250 dự án"),
    ]
    # Taboola widgets rendered into ad slots (c64a1686779 …) are not the site's listing.
    assert [e.article_id for e in listing.entries] == [
        "1686777", "1688215", "1687316", "1688304", "1689190", "1690792", "1690717", "1690710", "1690554"]
    assert all(e.published_at is None for e in listing.entries)
    cats = listing.category_urls
    assert cats[:3] == ["https://www.24h.com.vn/gia-vang-hom-nay-c425.html",
                        "https://www.24h.com.vn/lich-van-nien-c936.html",
                        "https://www.24h.com.vn/tin-moi-tong-hop-c1092.html"]
    assert len(cats) == len(set(cats)) == 23
    assert "https://www.24h.com.vn/kinh-doanh-c161.html" in cats
    assert not any("c161e6201" in c for c in cats)
    assert parser.next_page_url(listing, 1) is None


def test_eva_category_has_no_followable_pagination() -> None:
    parser, listing = _listing(EVA, EVA_LISTING, "https://eva.vn/di-dau-xem-gi-c40.html")
    assert len(listing.entries) == 35
    assert parser.next_page_url(listing, 1) is None


ITEMS = """<html><body>
<article><a href="/kinh-doanh/a-c161a1.html">Bài một</a><span class="cate-24h-foot-home-latest-list__time">
20/08/2025 13:00</span></article>
<article><a href="/kinh-doanh/b-c161a2.html">Bài hai cắt ngắn...</a>
<a href="/kinh-doanh/b-c161a2.html" title="Bài hai đầy đủ"><img alt="Kinh doanh - Bài hai"></a>
<a href="/kinh-doanh/c-c161a3.html">Bài ba</a><time>20/08/2025 12:00</time></article>
<section id="ADS_1_15s"><a href="/kinh-doanh/d-c161a4.html">Quảng cáo</a></section>
</body></html>"""


def test_listing_titles_and_item_times() -> None:
    page = _page("https://www.24h.com.vn/kinh-doanh-c161.html", ITEMS)
    listing = H24.parse_listing(page, DateParser(NOW))
    got = [(e.article_id, e.title, e.published_at, e.published_at_raw) for e in listing.entries]
    assert got == [
        ("1", "Bài một", "2025-08-20T13:00:00+07:00", "20/08/2025 13:00"),
        ("2", "Bài hai đầy đủ", None, None),  # the item links two articles: its time is not theirs
        ("3", "Bài ba", None, None),
    ]
