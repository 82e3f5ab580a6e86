"""The local test site (newscrawl.testsite): model, pages through the TTV parsers, HTTP, admin, faults."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.http import XmlResponse

from newscrawl.extraction.dates import DateParser, vccorp_id_time
from newscrawl.extraction.page import Page
from newscrawl.extraction.rss import parse_feed
from newscrawl.extraction.sitemap import parse_sitemap
from newscrawl.items import ArticleItem
from newscrawl.sites import get_site
from newscrawl.sites.base import ListingPage
from newscrawl.testsite.model import BLOCK, ZONE_BY_SLUG, ZONES, SiteModel
from newscrawl.testsite.pages import Faults, render_article
from newscrawl.testsite.server import TestSite, serve_in_thread

ROOT = Path(__file__).parent.parent
TTV = get_site("ttv")


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request, without following redirects."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def get(url: str) -> bytes:
    status, _, body = fetch(url)
    assert status == 200, (url, status)
    return body


def admin(site: TestSite, action: str, method: str = "POST") -> tuple[int, dict[str, object]]:
    status, _, body = fetch(f"{site.base_url}/_admin/{action}", method)
    return status, json.loads(body)


def parser_now(site: TestSite) -> DateParser:
    return DateParser(site.site.anchor + timedelta(days=1))


def extract(site: TestSite, url: str) -> ArticleItem:
    dates = parser_now(site)
    return TTV.extract(Page.from_bytes(url, get(url), dates.now), dates)


def xml_page(url: str, body: bytes, dates: DateParser) -> Page:
    """Feeds and sitemaps are parsed as XML, as Scrapy does for an application/xml response."""
    return Page(url, XmlResponse(url=url, body=body).selector, dates.now)


def listing(site: TestSite, path: str) -> ListingPage:
    dates, url = parser_now(site), site.base_url + path
    return TTV.parse_listing(Page.from_bytes(url, get(url), dates.now), dates)


def urls_of(site: TestSite, indices: list[int]) -> list[str]:
    return [site.base_url + site.site.article(i).path for i in indices]


@pytest.fixture(scope="module")
def site() -> Iterator[TestSite]:
    with serve_in_thread(600) as running:
        yield running


def test_ids_are_unique_decodable_and_before_publication() -> None:
    model = SiteModel(5000, seed=3)
    ids = [model.article_id(i) for i in range(model.count)]
    assert len(set(ids)) == len(ids)
    for i in range(0, model.count, 7):
        assert model.find(ids[i]) == i and len(ids[i]) == 18 and ids[i].startswith("180")
        draft = vccorp_id_time(ids[i])
        assert draft and timedelta(0) < model.published(i) - draft <= timedelta(days=6, minutes=1)
    assert model.find("180991332256100000") is None  # month 13
    assert model.find("180200101000000000") is None  # a valid time long before the site
    assert model.find(ids[10][:-1] + str((int(ids[10][-1]) + 1) % 10)) is None
    assert model.published(4999).isoformat() == "2026-01-04T21:00:00+07:00"  # the default anchor
    assert model.published(0) == model.published(4999) - 4999 * timedelta(minutes=15)


def test_zone_pages_match_a_full_scan() -> None:
    model = SiteModel(1003, seed=5)
    for zone in ZONES:
        walked, page = [], 1
        while indices := model.zone_page(zone, page):
            walked += indices
            page += 1
        assert walked == [i for i in range(model.count - 1, -1, -1) if model.zone_of(i) is zone]
    weights = {z.slug: sum(model.zone_of(i) is z for i in range(BLOCK * 50)) for z in ZONES}
    assert weights == {z.slug: z.weight * 50 for z in ZONES}


def test_articles_are_varied_vietnamese_text() -> None:
    model = SiteModel(2000)
    articles = [model.article(i) for i in range(0, 2000, 3)]
    stories = [a for a in articles if a.kind == "article"]
    assert len({a.title for a in stories}) > 0.85 * len(stories)
    assert all(3 <= len(a.paragraphs) <= 8 for a in articles if a.kind == "article")
    assert all(1 <= len(a.authors) <= 3 for a in articles)
    assert 0.04 < sum(a.kind == "programme" for a in articles) / len(articles) < 0.13
    assert any("ư" in a.body and "Đ" in a.body for a in articles)
    assert all(a.slug.isascii() and a.slug == a.slug.lower() for a in articles)


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    first, second, other = SiteModel(300, seed=9), SiteModel(300, seed=9), SiteModel(300, seed=10)
    base = "http://127.0.0.1:1"
    assert render_article(first, 123, base, Faults()) == render_article(second, 123, base, Faults())
    assert render_article(first, 123, base, Faults()) != render_article(other, 123, base, Faults())


def test_serves_a_50000_article_site(record_property: pytest.RecordProperty) -> None:
    started = time.perf_counter()
    with serve_in_thread(50_000) as big:
        home = get(big.base_url + "/")
        elapsed = time.perf_counter() - started
        print(f"\n50,000-article test site answered / after {elapsed:.3f} s")  # recorded, never asserted
        record_property("start_seconds_50000", round(elapsed, 3))
        assert "Tin mới".encode() in home
        article = big.site.article(12_345)
        assert extract(big, big.base_url + article.path).title == article.title
        zone = ZONE_BY_SLUG["van-hoa"]
        fragment = listing(big, f"/timelinelist/{zone.zone_id}/400.htm")
        assert [e.url for e in fragment.entries] == urls_of(big, big.site.zone_page(zone, 400))
        assert len(fragment.entries) == 10


def test_two_instances_serve_identical_pages() -> None:
    with serve_in_thread(200, seed=4) as one, serve_in_thread(200, seed=4) as two, \
            serve_in_thread(200, seed=5) as other:
        path = one.site.article(77).path
        for url_path in ("/", path, "/thoi-su.htm", "/timelinelist/180103/2.htm", "/rss/tin-tuc.rss"):
            a = get(one.base_url + url_path).replace(one.base_url.encode(), b"BASE")
            b = get(two.base_url + url_path).replace(two.base_url.encode(), b"BASE")
            assert a == b, url_path
        assert get(one.base_url + "/") != get(other.base_url + "/").replace(other.base_url.encode(),
                                                                            one.base_url.encode())


def test_articles_extract_through_the_ttv_module(site: TestSite) -> None:
    sample = [site.site.article(i) for i in range(0, site.site.count, 4)]
    assert any(a.kind == "programme" for a in sample) and any(a.sapo_raw != a.lede for a in sample)
    assert any(a.source for a in sample) and any(p.credit for a in sample for p in a.photos)
    for index in range(0, site.site.count, 4):
        a = site.site.article(index)
        url = site.base_url + a.path
        item = extract(site, url)
        assert (item.canonical_url, item.article_id, item.title) == (url, a.id, a.title)
        assert (item.lede, item.lede_raw, item.authors) == (a.lede, a.sapo_raw, list(a.authors))
        assert (item.published_at, item.modified_at) == (a.published.isoformat(), a.modified.isoformat())
        assert (item.published_at_raw, item.id_time) == (f"{a.published:%d/%m/%Y %H:%M}", a.draft.isoformat())
        assert (item.zone_id, item.category, item.source) == (a.zone.zone_id, a.zone.name, a.source)
        assert item.body == a.body
        assert item.content_type == a.kind and item.has_video == (a.kind == "programme")
        images = [(p.url, p.caption, p.credit) for p in a.photos]
        assert [(i.url, i.caption, i.credit) for i in item.images] == images
        for junk in (*(p.caption for p in a.photos), "Ý kiến bạn đọc", "Tin liên quan", "Đường dây nóng",
                     "Nguồn:", "- Ảnh"):
            assert junk not in item.body


def test_listings_parse_in_order_with_zone_ids(site: TestSite) -> None:
    model = site.site
    home = listing(site, "/")
    assert [e.url for e in home.entries] == urls_of(site, model.newest(20))
    assert home.zone_id is None
    menu = [f"/{z.slug}.htm" for z in ZONES] + ["/truyen-hinh.htm"]
    assert [urlsplit(u).path for u in home.category_urls] == menu
    first = model.article(model.count - 1)
    assert home.entries[0].published_at == first.published.isoformat()
    assert home.entries[0].title == first.title
    for zone in ZONES:
        page1 = listing(site, f"/{zone.slug}.htm")
        assert page1.zone_id == zone.zone_id
        assert [e.url for e in page1.entries] == urls_of(site, model.zone_page(zone, 1))
        page2 = listing(site, f"/timelinelist/{zone.zone_id}/2.htm")
        assert [e.url for e in page2.entries] == urls_of(site, model.zone_page(zone, 2))
    status, headers, body = fetch(site.base_url + "/timelinelist/180104/999.htm")
    assert (status, body) == (200, b"") and headers["Content-Type"] == "text/html; charset=utf-8"
    assert listing(site, "/timelinelist/180104/999.htm").entries == []
    assert listing(site, "/truyen-hinh.htm").entries == []
    assert fetch(site.base_url + "/timelinelist/999999/2.htm")[0] == 404


def test_rss_sitemaps_and_robots(site: TestSite) -> None:
    dates, model = parser_now(site), site.site
    url = site.base_url + "/rss/tin-tuc.rss"
    status, headers, body = fetch(url)
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    feed = parse_feed(TTV, xml_page(url, body, dates), dates)
    assert [e.url for e in feed.entries] == urls_of(site, model.newest(20))
    assert feed.entries[0].published_at == model.published(model.count - 1).isoformat()
    assert b"+0700</pubDate>" in body
    url = site.base_url + "/sitemap.xml"
    index = parse_sitemap(TTV, xml_page(url, get(url), dates), dates)
    assert index.sitemaps == [f"{site.base_url}/sitemaps/1.xml"]
    shard = get(index.sitemaps[0])
    entries = parse_sitemap(TTV, xml_page(index.sitemaps[0], shard, dates), dates).entries
    assert [e.url for e in entries] == urls_of(site, model.newest(600))
    assert b"<news:publication_date>" in shard and b"+07:00</lastmod>" in shard
    assert fetch(site.base_url + "/sitemaps/2.xml")[0] == 404
    robots = get(site.base_url + "/robots.txt").decode()
    assert robots.splitlines()[:2] == ["User-agent: *", "Disallow: /_admin/"]
    assert f"Sitemap: {site.base_url}/sitemap.xml" in robots


def test_redirects_not_found_and_head(site: TestSite) -> None:
    article = site.site.article(42)
    status, headers, _ = fetch(f"{site.base_url}/some-old-slug-{article.id}.htm")
    assert status == 301 and headers["Location"] == site.base_url + article.path
    assert fetch(f"{site.base_url}/khong-co-bai-180200101000000000.htm")[0] == 404
    assert fetch(site.base_url + "/khong-co.htm")[0] == 404
    assert fetch(site.base_url + "/a/b/c")[0] == 404
    status, headers, body = fetch(site.base_url + article.path, "HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 5000
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_publish_puts_new_articles_first() -> None:
    with serve_in_thread(50) as running:
        status, answer = admin(running, "publish?count=3")
        assert status == 200 and answer["articles"] == 53
        published = answer["published"]
        assert isinstance(published, list) and len(published) == 3
        newest = running.site.article(52)
        assert published[-1] == running.base_url + newest.path
        assert newest.published == running.site.published(49) + timedelta(minutes=45)
        home = listing(running, "/")
        assert [e.url for e in home.entries[:3]] == list(reversed(published))
        zone_page = listing(running, f"/{newest.zone.slug}.htm")
        assert zone_page.entries[0].url == published[-1]
        assert extract(running, published[0]).title == running.site.article(50).title
        assert admin(running, "publish?count=0")[0] == 400
        assert admin(running, "publish?count=x")[0] == 400
        assert admin(running, "publish", "GET")[0] == 405


def test_edit_changes_body_and_modified_time() -> None:
    with serve_in_thread(50) as running:
        article = running.site.article(10)
        before = extract(running, running.base_url + article.path)
        status, answer = admin(running, "edit?index=10")
        assert status == 200 and answer["edits"] == 1
        after = extract(running, running.base_url + article.path)
        assert after.body is not None and before.body is not None
        assert after.body.startswith(before.body) and "Thông tin cập nhật lần 1" in after.body
        assert after.modified_at == (article.published + timedelta(hours=2)).isoformat()
        assert after.published_at == before.published_at
        assert admin(running, "edit?index=10")[1]["edits"] == 2
        assert admin(running, "edit?index=50")[0] == 404
        assert admin(running, "edit")[0] == 400


def test_stats_count_requests_by_kind() -> None:
    with serve_in_thread(40) as running:
        article = running.site.article(3)
        for path in ("/", "/thoi-su.htm", "/truyen-hinh.htm", "/timelinelist/180101/2.htm", article.path,
                     f"/x-{article.id}.htm", "/rss/tin-tuc.rss", "/sitemap.xml", "/sitemaps/1.xml",
                     "/robots.txt", "/nope"):
            fetch(running.base_url + path)
        status, stats = admin(running, "stats", "GET")
        assert status == 200
        assert stats == {"home": 1, "category": 2, "timelinelist": 1, "article": 2, "rss": 1, "sitemap": 2,
                         "robots": 1, "other": 1, "status": {"200": 9, "301": 1, "404": 1}}
        assert admin(running, "reset-stats")[1]["home"] == 0
        assert admin(running, "stats", "GET")[1]["status"] == {}
        assert admin(running, "nope")[0] == 404


def test_drift_dates_removes_every_date() -> None:
    with serve_in_thread(30, faults="drift-dates") as running:
        article = running.site.article(20)
        page = get(running.base_url + article.path).decode()
        assert "Không rõ thời gian" in page
        for marker in ("article:published_time", "datePublished", "distributionDate", "hidLastModifiedDate",
                       article.published.strftime("%d/%m/%Y %H:%M")):
            assert marker not in page
        item = extract(running, running.base_url + article.path)
        assert item.published_at_raw is None and item.modified_at is None
        # the site module falls back to the id's draft time, flagged as such, never to the real time
        assert item.published_at is None or item.published_at_precision == "id_time"
        assert item.published_at != article.published.isoformat()
        assert item.title == article.title


def test_drift_titles_removes_every_title() -> None:
    with serve_in_thread(30, faults="drift-titles") as running:
        article = running.site.article(5)
        item = extract(running, running.base_url + article.path)
        assert item.title is None
        assert item.body == article.body and item.published_at == article.published.isoformat()


def test_error_rate_and_slow() -> None:
    with serve_in_thread(30, faults="error-rate=1.0") as running:
        assert fetch(running.base_url + running.site.article(3).path)[0] == 500
        assert fetch(running.base_url + "/")[0] == 200
    with serve_in_thread(300, faults="error-rate=0.3") as running:
        paths = [running.site.article(i).path for i in range(0, 300, 2)]
        first = [fetch(running.base_url + p)[0] for p in paths]
        assert first == [fetch(running.base_url + p)[0] for p in paths]
        assert set(first) == {200, 500} and 25 <= first.count(500) <= 65
    with serve_in_thread(30, faults="slow=50") as running:
        started = time.perf_counter()
        for path in ("/", "/robots.txt", running.site.article(1).path):
            assert fetch(running.base_url + path)[0] == 200
        assert time.perf_counter() - started >= 3 * 0.05


def test_truncate_cuts_the_body() -> None:
    with serve_in_thread(30, faults="truncate-rate=1.0") as running:
        article = running.site.article(7)
        status, headers, body = fetch(running.base_url + article.path)
        assert status == 200 and int(headers["Content-Length"]) == len(body)
        assert b'data-role="content"' in body and b"body_end" not in body and b"</html>" not in body
        item = extract(running, running.base_url + article.path)
        assert item.title == article.title and item.body != article.body


@pytest.mark.parametrize("spec", ["nope", "error-rate=2", "error-rate=x", "slow=-1", "drift-dates=1"])
def test_bad_fault_specs_are_rejected(spec: str) -> None:
    with pytest.raises(ValueError):
        Faults.parse(spec)


def test_bad_arguments_are_rejected() -> None:
    for articles in (0, 1_000_001):
        with pytest.raises(ValueError, match="articles"):
            serve_in_thread(articles)
    with pytest.raises(ValueError, match="fault"):
        serve_in_thread(10, faults="explode")


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("NEWSCRAWL_")}


def test_cli_prints_url_serves_and_stops_on_sigterm() -> None:
    argv = [sys.executable, "-m", "newscrawl.testsite.server", "--port", "0", "--articles", "100"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                          env=_clean_env()) as proc:
        try:
            assert proc.stdout is not None
            base = proc.stdout.readline().strip()
            assert base.startswith("http://127.0.0.1:")
            with urllib.request.urlopen(base + "/", timeout=10) as response:
                assert response.status == 200 and "Tin mới" in response.read().decode()
            proc.terminate()
            assert proc.wait(timeout=10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()


def test_cli_rejects_bad_values_with_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "newscrawl.testsite.server", "--articles", "0"],
                          capture_output=True, text=True, timeout=30, cwd=ROOT, env=_clean_env())
    assert done.returncode != 0 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "articles" in done.stderr


@pytest.mark.slow
def test_crawl_writes_every_article_once(tmp_path: Path) -> None:
    with serve_in_thread(30) as running:
        done = subprocess.run(
            [sys.executable, "-m", "newscrawl.cli", "crawl", "ttv", "-a", f"base_url={running.base_url}",
             "-s", f"NEWSCRAWL_OUTPUT_DIR={tmp_path}", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"],
            capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=ROOT, env=_clean_env())
        assert done.returncode == 0, done.stderr[-3000:]
        items = [json.loads(line) for path in sorted((tmp_path / "ttv").glob("*.jsonl"))
                 for line in path.read_text(encoding="utf-8").splitlines()]
        urls = [item["canonical_url"] for item in items]
        assert sorted(urls) == sorted(urls_of(running, list(range(30))))
        stats = admin(running, "stats", "GET")[1]
        assert stats["article"] == 30 and list(stats["status"]) == ["200"]  # type: ignore[call-overload]
