"""The generic extractor (any site without a module) on inline snippets, and the generic spider end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from newscrawl.extraction import generic as heur
from newscrawl.extraction.dates import VN_TZ, DateParser
from newscrawl.extraction.generic_body import find_container
from newscrawl.extraction.page import Page
from newscrawl.items import ArticleItem
from newscrawl.sites.generic import SITE, GenericListing, article_id, is_category_url, split_trailers
from newscrawl.spiders.args import ArgumentError
from newscrawl.testsite.server import serve_in_thread

ROOT = Path(__file__).parent.parent
NOW = datetime(2025, 8, 20, 18, 0, tzinfo=VN_TZ)
URL = "https://www.baomoi-example.vn/thoi-su/hop-bao-chieu-nay-20250820130000123.htm"
TITLE = "Họp báo công bố kết quả tuyển sinh năm 2025"
PARAS = ("<p>Chiều 20/8, Sở Giáo dục và Đào tạo tổ chức họp báo công bố kết quả tuyển sinh, với nhiều điểm "
         "mới so với các năm trước.</p><p>Theo lãnh đạo sở, năm nay có hơn 30.000 thí sinh dự thi, tăng 12% "
         "so với năm ngoái, trong đó nhiều em đạt điểm cao ở các môn tự nhiên.</p><p>Kết quả chi tiết được "
         "công bố trên cổng thông tin của sở từ ngày mai, thí sinh tra cứu bằng số báo danh.</p>")


def page_of(body: str, url: str = URL, head: str = "") -> Page:
    html = f"<html><head><title>{TITLE} - Báo Mẫu</title>{head}</head><body>{body}</body></html>"
    return Page.from_bytes(url, html.encode("utf-8"), NOW)


def item_of(body: str, url: str = URL, head: str = "") -> ArticleItem:
    return SITE.extract(page_of(body, url, head), DateParser(NOW))


BOILERPLATE_PAGE = (
    "<div class='menu'><a href='/thoi-su.htm'>Thời sự</a><a href='/kinh-te.htm'>Kinh tế</a>"
    "<a href='/the-gioi.htm'>Thế giới</a><a href='/giao-duc.htm'>Giáo dục</a></div>"
    f"<div class='main'><h1>{TITLE}</h1><span class='date'>20/08/2025 13:00</span>"
    "<div class='box-news tin-lien-quan'><a href='/a-20250819120000111.htm'>Tin liên quan số một khá dài "
    "về giáo dục và tuyển sinh đầu cấp trong năm học mới</a><a href='/b-20250818120000111.htm'>Tin liên quan "
    "số hai khá dài về thi cử, điểm chuẩn và nguyện vọng xét tuyển</a></div>"
    f"<div class='detail-body'>{PARAS}<div class='share'>Chia sẻ bài viết lên Facebook Zalo</div>"
    "<p style='text-align:right'><strong>Minh An</strong></p></div>"
    "<div class='comment'><p>Ý kiến bạn đọc: bài viết rất hay và hữu ích cho phụ huynh có con chuẩn bị "
    "thi, cảm ơn báo đã thông tin kịp thời.</p></div></div>"
    "<div class='footer'><p>Bản quyền thuộc về Báo Mẫu. Ghi rõ nguồn khi phát hành lại thông tin từ "
    "website này, giấy phép số 123/GP.</p></div>")


def test_container_is_the_paragraph_block_not_boilerplate() -> None:
    node = find_container(page_of(BOILERPLATE_PAGE).sel)
    assert node is not None and "detail-body" in node.attrib.get("class", "")
    item = item_of(BOILERPLATE_PAGE)
    assert item.extraction == "generic" and item.site == "generic"
    assert item.body is not None and item.body.startswith("Chiều 20/8, Sở Giáo dục")
    assert item.body.endswith("tra cứu bằng số báo danh.")
    for leak in ("Tin liên quan số một", "Chia sẻ", "Ý kiến bạn đọc", "Bản quyền", "Minh An", "Thời sự"):
        assert leak not in item.body
    assert item.authors == ["Minh An"]
    assert item.published_at == "2025-08-20T13:00:00+07:00"


def test_title_prefers_the_h1_matching_og_title_and_strips_site_suffixes() -> None:
    head = f"<meta property='og:title' content='{TITLE} | Báo Mẫu'>" \
           "<meta property='og:site_name' content='Báo Mẫu'>"
    page = page_of(f"<h1><a href='/'>Báo Mẫu</a></h1><div><h1>{TITLE}</h1>{PARAS}</div>", head=head)
    assert heur.title(page) == TITLE
    no_h1 = page_of(PARAS, head=head)
    assert heur.title(no_h1) == TITLE
    assert heur.strip_title_suffix(f"{TITLE} - Giáo dục - Báo Mẫu", no_h1) == f"{TITLE} - Giáo dục"
    tuoitre = page_of("", url="http://tuoitre.vn/tin/a/724115.html")
    assert heur.strip_title_suffix("Chặt cây - Tuổi Trẻ Online", tuoitre) == "Chặt cây"


def test_printed_time_near_the_title_agrees_with_the_machine_time() -> None:
    related = "<ul class='list'><li><a href='/x-20250101010101010.htm'>Tin cũ</a>" \
              "<span class='time'>01/01/2025 08:00</span></li></ul>"
    body = f"<span>20/08/2025 13:00</span><h1>{TITLE}</h1>{PARAS}{related}"
    assert heur.printed_time(page_of(body), DateParser(NOW)) == "20/08/2025 13:00"
    machine = "<meta property='article:published_time' content='2025-08-20T13:00:00'>"
    printed = "Ngày 20/08/2025 13:00 PM (GMT+7)"
    combined = f"<h1>{TITLE}</h1><div class='author-time'>Quang Anh - {printed}</div>{PARAS}"
    item = item_of(combined, head=machine)
    assert (item.published_at, item.published_at_raw) == ("2025-08-20T13:00:00+07:00", printed)
    wrong = f"<h1>{TITLE}</h1><span class='time'>21/08/2025 09:00</span>{PARAS}"
    item = item_of(wrong, head=machine)  # a printed time that contradicts the machine time is not taken
    assert (item.published_at, item.published_at_raw) == ("2025-08-20T13:00:00+07:00", "2025-08-20T13:00:00")


def test_bylines_from_markup_title_line_trailer_and_json_ld() -> None:
    assert item_of(f"<h1>{TITLE}</h1><p class='post-meta'>Hạ Trắng</p>{PARAS}").authors == ["Hạ Trắng"]
    theo = f"<h1>{TITLE}</h1><div class='content'>{PARAS}<p>Theo <strong>Vân Anh</strong></p>" \
           "<div style='text-align:right'><span style='font-style:italic'>Lao Động</span></div></div>"
    item = item_of(theo)
    assert (item.authors, item.source) == (["Vân Anh"], "Lao Động")
    assert item.body is not None and "Vân Anh" not in item.body and "Lao Động" not in item.body
    jsonld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", '
              '"name": "Theo Lê Tỉnh Người lao động"}, {"@type": "Person", "name": "Bảo Bảo"}]}</script>')
    item = item_of(f"<h1>{TITLE}</h1>{PARAS}", head=jsonld)
    assert (item.authors, item.source) == (["Bảo Bảo"], None)  # the unsplittable one is skipped, not a source
    assert split_trailers(["Nội dung bài.", "Theo Vũ Vũ"], ["Zing/Themost10"]) == (
        ["Nội dung bài."], "Theo Vũ Vũ", "Zing/Themost10")
    assert split_trailers(["Nội dung bài.", "Kết luận"]) == (["Nội dung bài.", "Kết luận"], None, None)


def test_captions_from_figcaption_tables_and_the_line_after_an_image() -> None:
    body = (f"<h1>{TITLE}</h1><div class='content'>{PARAS}"
            "<figure><img src='/t/a.jpg' data-src='https://cdn.example/a.jpg'><figcaption>Quang cảnh buổi "
            "họp báo. Ảnh: <em>Minh An</em></figcaption></figure>"
            "<table class='picture'><tr><td><img src='https://cdn.example/b.jpg'></td></tr><tr>"
            "<td class='pCaption'><p>Thí sinh tra cứu điểm thi. Ảnh: Bloomberg.</p></td></tr></table>"
            "<div style='text-align:center'><img src='https://cdn.example/c.jpg'></div>"
            "<div style='text-align:center'><span style='font-style:italic'>Phụ huynh chờ con ngoài cổng "
            "trường</span></div>"
            "<table><tr><td><div><img src='https://cdn.example/d.jpg'></div><div><em>Cổng trường sáng "
            "20/8.</em></div><div><em>Ảnh: Dương Tử</em></div></td></tr></table><p>Đoạn cuối của bài viết về "
            "tuyển sinh năm nay, với nhiều thông tin cho phụ huynh.</p></div>")
    item = item_of(body)
    assert [(i.url, i.caption, i.credit) for i in item.images] == [
        ("https://cdn.example/a.jpg", "Quang cảnh buổi họp báo.", "Minh An"),
        ("https://cdn.example/b.jpg", "Thí sinh tra cứu điểm thi.", "Bloomberg"),
        ("https://cdn.example/c.jpg", "Phụ huynh chờ con ngoài cổng trường", None),
        ("https://cdn.example/d.jpg", "Cổng trường sáng 20/8.", "Dương Tử")]
    assert item.body is not None
    for caption in ("Quang cảnh", "Thí sinh tra cứu", "Phụ huynh chờ", "Cổng trường sáng", "Dương Tử"):
        assert caption not in item.body
    assert item.body.endswith("nhiều thông tin cho phụ huynh.")


def test_gallery_lines_after_images_are_captions() -> None:
    gallery = ("<div align='center'><span style='font-style: italic;'><img src='https://cdn.example/1.jpg'>"
               "<br>Vợ chồng trong tiệc cưới<br><br><img src='https://cdn.example/2.jpg'><br>Nụ cười rạng rỡ"
               "</span></div>")
    item = item_of(f"<h1>{TITLE}</h1><div class='content'>{PARAS}{gallery}</div>")
    assert [(i.url, i.caption) for i in item.images] == [
        ("https://cdn.example/1.jpg", "Vợ chồng trong tiệc cưới"),
        ("https://cdn.example/2.jpg", "Nụ cười rạng rỡ")]
    assert item.body is not None and "tiệc cưới" not in item.body


GIADINH, DANTRI, TUOITRE = ("http://m.giadinh.net.vn/xa-hoi/a-20140320020251890.htm",
                            "http://dantri.com.vn/xa-hoi/a-20160314083511309.htm",
                            "http://tuoitre.vn/tin/a/20150323/b/724115.html")


@pytest.mark.parametrize(("url", "sapo", "lede"), [
    (GIADINH, "GiadinhNet – Dư luận lại xôn xao.", "Dư luận lại xôn xao."),
    (DANTRI, "<span>Dân trí</span> Sau khi va chạm.", "Sau khi va chạm."),
    (DANTRI, "(Dân trí) - Sau khi va chạm.", "Sau khi va chạm."),
    (TUOITRE, "TT - Trao đổi với Tuổi Trẻ.", "Trao đổi với Tuổi Trẻ."),
    (TUOITRE, "Sapa - Trao đổi với Tuổi Trẻ.", "Sapa - Trao đổi với Tuổi Trẻ."),  # a dateline stays
])
def test_lede_loses_only_the_site_stamp(url: str, sapo: str, lede: str) -> None:
    head = "<meta property='og:site_name' content='Tuổi Trẻ Online'>"
    sapo_block = f"<h2 class='sapo'>{sapo} Nội dung tóm tắt của bài báo này.</h2>"
    item = item_of(f"<h1>{TITLE}</h1>{sapo_block}{PARAS}", url, head)
    assert item.lede == f"{lede} Nội dung tóm tắt của bài báo này."
    assert item.body is not None and "tóm tắt" not in item.body


def test_listing_links_are_classified_by_url_shape() -> None:
    links = "".join(f"<a href='{href}'>Liên kết {i}</a>" for i, href in enumerate((
        "/xa-hoi/xe-camry-tong-4-xe-may-tren-duong-pho-sai-gon-20160314083511309.htm",
        "https://znews.vn/apple-huy-bo-du-an-quan-trong-post1528657.html",
        "/dep/nu-dien-vien-vuot-mat-song-hye-kyo-c58a644663.html",
        "/tin/chinh-tri-xa-hoi/20150323/chat-cay-xanh-ha-noi/724115.html",
        "/2024/05/12/mot-bai-viet-khong-co-so/",
        "/thoi-su.htm", "/the-thao/", "/tag/bong-da.htm", "/timelinelist/1801/2.htm", "/tim-kiem.htm",
        "https://other-site.vn/bai-viet-khac-20250101010101010.htm")))
    page = Page.from_bytes("https://m.example.vn/", f"<html><body>{links}</body></html>".encode(), NOW)
    parser = GenericListing(SITE, page, DateParser(NOW))
    listing = parser.parse()
    assert [e.article_id for e in listing.entries] == [
        "example.vn:20160314083511309", "example.vn:644663", "example.vn:724115",
        "example.vn:mot-bai-viet-khong-co-so"]  # znews.vn and other-site.vn are other sites
    assert listing.category_urls == ["https://m.example.vn/thoi-su.htm", "https://m.example.vn/the-thao/"]
    assert parser.page_type() == "article"
    assert article_id("https://znews.vn/apple-huy-bo-du-an-quan-trong-post1528657.html") == "znews.vn:1528657"
    assert not is_category_url("https://m.example.vn/") and not SITE.owns("https://vnexpress.net/a-4954454.html")


def test_generic_spider_needs_a_start_url_and_stays_on_its_host() -> None:
    from newscrawl.spiders.generic import GenericSpider

    with pytest.raises(ArgumentError, match=r"^generic: -a start_url=URL is required$"):
        GenericSpider()
    spider = GenericSpider(start_url="https://vnexpress.net/suc-khoe")
    assert spider.allowed_domains == ["vnexpress.net", "www.vnexpress.net"]
    assert spider.allowed("https://www.vnexpress.net/a-4954454.html") and not spider.allowed("https://znews.vn/")


@pytest.mark.slow
def test_generic_spider_walks_the_local_test_site(tmp_path: Path) -> None:
    from newscrawl.sites import SITES

    env = dict(os.environ)
    if "generic" not in SITES:  # until the registry lists the generic record
        env["NEWSCRAWL_EXTRA_SITE_MODULES"] = "newscrawl.sites.generic"
    with serve_in_thread(30) as site:
        done = subprocess.run(
            [sys.executable, "-m", "newscrawl.cli", "crawl", "generic", "-a", f"start_url={site.base_url}/",
             "-s", f"NEWSCRAWL_OUTPUT_DIR={tmp_path}", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=False"],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=300)
        model = site.site
        titles = {site.base_url + model.article(i).path: model.article(i).title for i in range(model.count)}
    assert done.returncode == 0, done.stderr[-2000:]
    items = [json.loads(line) for path in (tmp_path / "generic").glob("*.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(items) == len(titles) == 30
    assert {item["extraction"] for item in items} == {"generic"}
    assert all(item["title"] == titles[item["url"]] for item in items)
    assert all(item["published_at"] and item["body"] and item["authors"] for item in items)
