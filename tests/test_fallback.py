"""Per-field fallback: what a site module's selectors miss, the generic extractor fills (and counts)."""

from __future__ import annotations

from datetime import datetime

from newscrawl.extraction.dates import VN_TZ, DateParser
from newscrawl.extraction.page import Page
from newscrawl.sites import get_site

NOW = datetime(2025, 8, 16, 22, 0, tzinfo=VN_TZ)
URL = "https://truyenhinhthanhhoa.vn/bai-viet-moi-180250816120000123.htm"
# A TTV page in a skin the platform selectors do not know: no data-role, no known classes,
# no hidden inputs; the generic heuristics still see a headline, a printed time and an article body.
REDESIGNED = """<html><head><title>Khánh thành cầu mới - Truyền hình Thanh Hóa</title>
<meta property="og:title" content="Khánh thành cầu mới"></head><body>
<header><nav><a href="/thoi-su.htm">Thời sự</a></nav></header>
<main><article class="story"><h1 class="headline-x">Khánh thành cầu mới</h1>
<div class="meta-x"><span class="when">16/08/2025 20:18</span></div>
<div class="story-body">
<p>Sáng 16/8, tỉnh Thanh Hóa khánh thành cây cầu mới bắc qua sông Mã, nối hai huyện.</p>
<p>Cây cầu dài 600 mét, rộng 16 mét, được xây dựng trong hai năm với tổng vốn hơn 500 tỷ đồng.</p>
<p>Người dân hai bên bờ sông phấn khởi vì không còn phải đi đò qua sông như trước đây nữa.</p>
</div></article></main>
<footer><p>Bản quyền thuộc về Đài PT-TH Thanh Hóa.</p></footer></body></html>"""


def extract(html: str, site: str = "ttv", url: str = URL) -> tuple[dict[str, object], list[str]]:
    page = Page.from_bytes(url, html.encode("utf-8"), NOW)
    item = get_site(site).extract(page, DateParser(NOW)).to_dict()
    return item, page.problems


def test_generic_fills_what_the_site_selectors_miss() -> None:
    item, problems = extract(REDESIGNED)
    assert item["title"] == "Khánh thành cầu mới"
    assert item["published_at"] == "2025-08-16T20:18:00+07:00"
    assert item["body"] is not None and item["body"].startswith("Sáng 16/8, tỉnh Thanh Hóa khánh thành")
    assert "Bản quyền" not in item["body"]
    assert item["extraction"] == "site"  # the item is the site module's; the fallbacks are counted
    assert {"fallback/published_at", "fallback/body"} <= set(problems)
    assert "fallback/title" not in problems  # og:title is in the site cascade itself


def test_generic_time_comes_before_the_id_time_last_resort() -> None:
    item, problems = extract(REDESIGNED)
    assert item["published_at_precision"] == "minute"
    assert "published_from_id_time" not in problems


def test_no_fallback_when_the_site_selectors_work() -> None:
    html = REDESIGNED.replace('class="headline-x"', 'class="title" data-role="title"')
    _, problems = extract(html)
    assert "fallback/title" not in problems


def test_authors_never_fall_back() -> None:
    html = REDESIGNED.replace("</article>", '<div class="byline">Lê Văn A</div></article>')
    page = Page.from_bytes(URL, html.encode("utf-8"), NOW)
    assert get_site("generic").extract(page, DateParser(NOW)).authors == ["Lê Văn A"]  # generic finds it
    item, _ = extract(html)
    assert item["authors"] == []  # but a site item never takes an author from the heuristics


def test_title_falls_back_when_the_page_has_no_title_metadata() -> None:
    html = REDESIGNED.replace('<meta property="og:title" content="Khánh thành cầu mới">', "").replace(
        "<title>Khánh thành cầu mới - Truyền hình Thanh Hóa</title>", "")
    item, problems = extract(html)
    assert item["title"] == "Khánh thành cầu mới"
    assert "fallback/title" in problems


def test_baothanhhoa_body_never_falls_back() -> None:
    html = REDESIGNED.replace("Truyền hình Thanh Hóa", "Báo Thanh Hóa")
    item, problems = extract(html, "baothanhhoa", "https://baothanhhoa.vn/khanh-thanh-cau-moi-280001.htm")
    assert item["body"] is None
    assert "fallback/body" not in problems
