"""HTML and XML of the synthetic TTV site: variant-A markup (truyenhinhthanhhoa.md §4, §6, §13) in the page
chrome of the hand-built fixtures under ``tests/fixtures/ttv``.

Canonical links, feeds and sitemaps are absolute on the served base URL; in-page links are root-relative,
as on the real platform.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape

from newscrawl.testsite.model import ACCOUNT, CDN, ZONES, Article, Photo, SiteModel, Zone, slugify

STATION = "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THANH HÓA"
HOTLINE = "Đường dây nóng: 0237 3721150"
SITE_NAME = "Truyền hình Thanh Hóa"
STATIC = "https://static.mediacdn.vn/truyenhinhthanhhoa.vn"
NO_TIME = "Không rõ thời gian"
HOME_ITEMS = 20
PAGE_ITEMS = 10
SITEMAP_URLS = 1000
FAULT_NAMES = ("error-rate", "slow", "drift-dates", "drift-titles", "truncate-rate", "crawl-delay")


@dataclass(frozen=True, slots=True)
class Faults:
    """``--faults``; rates are shares of article URLs, picked by a hash of seed, fault and URL path."""

    error_rate: float = 0.0
    slow_ms: int = 0
    drift_dates: bool = False
    drift_titles: bool = False
    truncate_rate: float = 0.0
    crawl_delay: float = 0.0
    """Not a fault: a ``Crawl-delay`` line in robots.txt (seconds)."""

    @classmethod
    def parse(cls, spec: str) -> Faults:
        """``"error-rate=0.1,slow=50,drift-dates"`` -> Faults; ValueError with a one-line message."""
        values: dict[str, object] = {}
        for part in filter(None, (p.strip() for p in (spec or "").split(","))):
            name, sep, raw = part.partition("=")
            if name not in FAULT_NAMES:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULT_NAMES)}")
            if name.startswith("drift-") and sep:
                raise ValueError(f"fault {name!r} takes no value")
            if name.startswith("drift-"):
                values[name.replace("-", "_")] = True
            elif name == "slow":
                values["slow_ms"] = int(_number(name, raw, 0, 60_000))
            elif name == "crawl-delay":
                values["crawl_delay"] = _number(name, raw, 0, 600)
            else:
                values[name.replace("-", "_")] = _number(name, raw, 0, 1)
        return cls(**values)  # type: ignore[arg-type]

    def hit(self, rate: float, seed: int, kind: str, path: str) -> bool:
        """True for the share *rate* of paths (always the same paths for a seed and fault kind)."""
        if rate <= 0:
            return False
        digest = hashlib.blake2b(f"{seed}|{kind}|{path}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") / 2**64 < rate


def _number(name: str, raw: str, low: float, high: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise ValueError(f"fault {name}={raw!r}: expected a number from {low:g} to {high:g}")
    return value


def _e(text: str) -> str:
    return escape(text, quote=True)


def naive(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def shown(dt: datetime) -> str:
    return dt.strftime("%d/%m/%Y %H:%M")


def zoom(photo: Photo | None, size: str = "205_128") -> str:
    """A resized copy of a photo on the CDN (or the station's default picture)."""
    path = photo.url.removeprefix(CDN + "/") if photo else f"{ACCOUNT}/ttv-default.jpg"
    return f"{CDN}/zoom/{size}/{path}"


def _header() -> str:
    menu = "".join(f'<li class="menu-item"><a href="/{z.slug}.htm" title="{_e(z.name)}" class="menu-link">'
                   f"{_e(z.name)}</a></li>" for z in ZONES)
    return (
        '<header class="header"><div class="header-top container"><div class="header-logo">'
        f'<a href="/" title="{SITE_NAME}"><img src="{STATIC}/images/logo-ttv.png" alt="{SITE_NAME}" '
        'width="88" height="60"></a></div><div class="header-name">'
        f'<p class="name-vi">{STATION}</p><p class="name-en">Thanh Hoa Radio and Television</p></div>'
        f'<div class="header-hotline"><p>{HOTLINE}</p></div></div>\n'
        '<nav class="menu"><div class="container"><ul class="menu-list">'
        '<li class="menu-item home"><a href="/" title="Trang chủ" class="menu-link">Trang chủ</a></li>'
        f'{menu}<li class="menu-item"><a href="/truyen-hinh.htm" title="Truyền hình" class="menu-link">'
        "Truyền hình</a></li></ul></div></nav></header>")


def _footer() -> str:
    return (
        '<footer class="footer"><div class="container"><div class="footer-info">'
        f'<p class="footer-name">{STATION}</p>'
        "<p>Chịu trách nhiệm nội dung: Ban Biên tập Đài Phát thanh và Truyền hình Thanh Hóa</p>"
        f'<p>{HOTLINE}</p><p class="sapo">&copy; Bản quyền thuộc Đài Phát thanh và Truyền hình Thanh Hóa.</p>'
        '</div><div class="footer-social">'
        '<a href="https://www.facebook.com/truyenhinhthanhhoa" rel="nofollow" class="social fb">Facebook</a>'
        '<a href="/rss/tin-tuc.rss" title="RSS" class="social rss">RSS</a></div></div></footer>')


def _document(title: str, head: str, main: str, base: str, rendered: datetime) -> str:
    settings = (f'var pageSettings = {{ Domain: "{base}", imageDomain: "{CDN}", '
                "commentSiteName: \"truyenhinhthanhhoa\", allowAds: true, SiteId: '180' }")
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        f"<title>{_e(title)}</title>\n{head}"
        '<meta name="robots" content="index, follow" />\n<meta name="Language" content="vi" />\n'
        '<meta name="author" content="truyenhinhthanhhoa.vn">\n'
        f'<meta property="og:site_name" content="{SITE_NAME}">\n<script>{settings}</script>\n</head>\n'
        f"<body>\n{_header()}\n{main}\n{_footer()}\n</body>\n</html>\n"
        f"<!--u: {rendered:%d/%m/%Y %H:%M:%S} -->\n")


def _hidden(**values: str) -> str:
    inputs = (f"<input type='hidden' name='{key}' id='{key}' value='{_e(value)}' />"
              for key, value in values.items())
    return '<div class="configHidden">' + "".join(inputs) + "</div>"


def item(article: Article, *, sapo: bool = True) -> str:
    """One ``article.box-category-item`` of a listing (§4.1), time in a ``title`` attribute and as text."""
    a, title, kind = article, _e(article.title), 13 if article.kind == "programme" else 0
    lede = f'<div data-type="sapo" class="box-category-sapo">{_e(a.sapo_raw)}</div>' if sapo else ""
    photo = a.photos[0] if a.photos else None
    return (
        f'<article class="box-category-item" data-id="{a.id}">\n'
        f'<a class="box-category-link-with-avatar img-resize" href="{a.path}" title="{title}" '
        f'data-newstype="{kind}" data-type="0"><img data-type="avatar" src="{zoom(photo)}" alt="{title}" '
        f'title="{title}" loading="lazy" class="box-category-avatar"></a>\n'
        '<div class="box-category-content"><h3 class="box-category-title-text">'
        f'<a data-type="title" data-linktype="newsdetail" data-id="{a.id}" class="box-category-link-title" '
        f'data-newstype="{kind}" href="{a.path}" title="{title}">{title}</a></h3>\n'
        '<div class="box-category-info"><span class="box-category-time time-ago" '
        f'title="{naive(a.published)}">{a.published:%H:%M , %d/%m/%Y}</span></div>{lede}</div>\n</article>')


def _items(model: SiteModel, indices: Iterable[int]) -> str:
    return "\n".join(item(model.article(i), sapo=n % 5 != 1) for n, i in enumerate(indices))


def _box(layout: str, heading: str, items: str, extra: str = "") -> str:
    return (f'<div class="box-category" data-layout="{layout}"><div class="box-category-top">'
            f'<h2><span class="box-category-title">{heading}</span></h2></div>\n'
            f'<div class="box-category-middle">\n{items}\n</div>{extra}</div>')


def render_home(model: SiteModel, base: str) -> str:
    newest = model.newest(HOME_ITEMS)
    box = _box("tin-moi", "Tin mới", _items(model, newest))
    main = f'<main class="home-page"><div class="container">{box}</div></main>'
    head = (f'<meta name="description" content="Trang thông tin điện tử của {SITE_NAME}">\n'
            f'<link rel="canonical" href="{base}/"/>\n<link rel="alternate" type="application/rss+xml" '
            f'title="Tin tức" href="{base}/rss/tin-tuc.rss" />\n')
    rendered = model.published(newest[0]) + timedelta(minutes=3)
    return _document(f"{SITE_NAME} - Tin tức, thời sự Thanh Hóa", head, main, base, rendered)


def render_category(model: SiteModel, zone: Zone, base: str) -> str:
    indices = model.zone_page(zone, 1, PAGE_ITEMS)
    more = (f'<a href="javascript:;" class="btn-view-more" data-zoneid="{zone.zone_id}" data-page="2" '
            'rel="nofollow">Xem thêm</a>')
    name = _e(zone.name)
    main = ('<main class="category-page"><div class="container"><h1 class="category-page__name">'
            f'<a href="/{zone.slug}.htm" title="{name}" data-role="cate-name">{name}</a></h1>\n'
            f'{_box("stream", "Tin mới nhất", _items(model, indices), more)}</div>\n'
            + _hidden(hdZoneId=zone.zone_id, hdZoneUrl=zone.slug, hdParentUrl="",
                      hdCurrentUrlActive=zone.slug, PageNum="1", CurrentPage="1") + "\n</main>")
    head = f'<link rel="canonical" href="{base}/{zone.slug}.htm"/>\n'
    rendered = model.published(indices[0] if indices else model.count - 1) + timedelta(minutes=3)
    return _document(f"{zone.name} - {SITE_NAME}", head, main, base, rendered)


def render_fragment(model: SiteModel, zone: Zone, page: int) -> str:
    """``/timelinelist/{zone}/{page}.htm``: items only; an empty string past the zone's oldest article."""
    indices = model.zone_page(zone, page, PAGE_ITEMS)
    return _items(model, indices) + "\n" if indices else ""


def render_live(model: SiteModel, base: str) -> str:
    main = ('<main class="live-page"><div class="container"><h1>Truyền hình trực tiếp</h1>'
            '<div class="player" data-src="https://live.truyenhinhthanhhoa.vn/ttv/index.m3u8">'
            "TTV - Kênh truyền hình Thanh Hóa</div></div></main>")
    head = f'<link rel="canonical" href="{base}/truyen-hinh.htm"/>\n'
    return _document(f"Truyền hình trực tiếp - {SITE_NAME}", head, main, base, model.anchor)


def render_not_found(model: SiteModel, base: str) -> str:
    main = ('<main class="page-404"><div class="container"><h1>404</h1><p>Trang bạn tìm không tồn tại '
            'hoặc đã bị xóa.</p><a href="/">Về trang chủ</a></div></main>')
    return _document(f"Không tìm thấy trang - {SITE_NAME}", "", main, base, model.anchor)


def _photo(article: Article, photo: Photo, number: int) -> str:
    alt = _e(f"{article.title} - Ảnh {number}.")
    return (f'<figure class="VCSortableInPreviewMode" type="Photo" style=""><div><img src="{photo.thumb}" '
            f'data-original="{photo.url}" alt="{alt}" title="{alt}" w="1600" h="1067" rel="lightbox" '
            'type="photo" loading="lazy" style="max-width:100%;"></div><figcaption class="PhotoCMS_Caption">'
            f'<p data-placeholder="Nhập chú thích ảnh">{_e(photo.caption_raw)}</p></figcaption></figure>')


def _video(a: Article) -> str:
    vid = f"truyenhinhthanhhoa.qltns.mediacdn.vn/{ACCOUNT}/{a.published:%Y/%m/%d}/{a.slug}.mp4"
    return (f'<div class="VCSortableInPreviewMode" type="VideoStream" embed-type="4" data-vid="{vid}" '
            f'data-thumb="{CDN}/.v-thumb/{vid.split("/", 1)[1]}.jpg" videoid="{a.id[-5:]}">'
            '<div class="VideoCMS_Caption"><p data-placeholder="nhập chú thích">'
            f'{_e(a.video_caption or "")}</p></div></div>')


def _content(model: SiteModel, a: Article) -> str:
    """The ``data-role=content`` container: paragraphs, photos, an in-body related box, the source."""
    parts = ['<div data-check-position="body_start"></div>'] + ([_video(a)] if a.video_caption else [])
    photo_after = {0: 0, max(1, len(a.paragraphs) // 2): 1}
    related = model.related(a.index, 1)
    for n, text in enumerate(a.paragraphs):
        parts.append(f"<p>{_e(text)}</p>")
        slot = photo_after.get(n)
        if slot is not None and slot < len(a.photos):
            parts.append(_photo(a, a.photos[slot], slot + 1))
        if n == 1 and related:
            other = model.article(related[0])
            parts.append('<div class="VCSortableInPreviewMode alignCenter" type="RelatedNewsBox">'
                         f'<div class="kbwscwl-relatedbox type-1"><ul><li><a href="{other.path}" '
                         f'title="{_e(other.title)}" data-id="{other.id}">{_e(other.title)}</a></li></ul>'
                         "</div></div>")
    parts += [f"<p>Nguồn: {_e(a.source)}</p>"] if a.source else []
    return ('<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content" '
            'itemprop="articleBody">\n' + "".join(parts)
            + '\n<div data-check-position="body_end" class="clearfix"></div>\n</div></div>')


def _article_head(a: Article, canonical: str, faults: Faults) -> str:
    photo = a.photos[0] if a.photos else None
    ld: dict[str, object] = {
        "@context": "http://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical}, "headline": a.title,
        "description": a.sapo_raw, "image": [zoom(p, "700_438") for p in a.photos],
        "datePublished": a.published.isoformat(), "dateModified": a.modified.isoformat(),
        "author": {"@type": "Person", "name": " - ".join(a.authors)},
        "publisher": {"@type": "Organization", "name": SITE_NAME}}
    lines = [f'<meta name="description" content="{_e(a.sapo_raw)}">',
             f'<meta name="keywords" content="{_e(", ".join(a.tags))}">',
             f'<meta property="og:title" content="{_e(a.title)}">',
             f'<meta property="og:description" content="{_e(a.sapo_raw)}">',
             '<meta property="og:type" content="article" />',
             f'<meta property="og:url" content="{canonical}" />',
             f'<meta property="og:image" content="{zoom(photo, "600_315")}" />',
             f'<link rel="canonical" href="{canonical}"/>',
             f'<meta property="article:published_time" content="{naive(a.published)}" />',
             f'<meta property="article:author" content="{_e(" - ".join(a.authors))}" />']
    if faults.drift_titles:
        lines = [line for line in lines if "og:title" not in line]
        del ld["headline"]
    if faults.drift_dates:
        lines = [line for line in lines if "published_time" not in line]
        del ld["datePublished"], ld["dateModified"]
    script = json.dumps(ld, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return "\n".join(lines) + f'\n<script type="application/ld+json">\n{script}\n</script>\n'


def _hidden_article(a: Article, faults: Faults) -> str:
    values = {"hdZoneId": a.zone.zone_id, "hdZoneUrl": a.zone.slug, "hdParentUrl": "", "hdNewsId": a.id,
              "hidLastModifiedDate": naive(a.modified), "hdType": "13" if a.kind == "programme" else "0",
              "distributionDate": naive(a.published), "hdNewsTitle": a.title, "hdUrl": a.path,
              "hdObjectType": "1", "hdSapo": a.sapo_raw, "hdCatName": a.zone.name}
    if faults.drift_titles:
        del values["hdNewsTitle"]
    if faults.drift_dates:
        del values["hidLastModifiedDate"], values["distributionDate"]
    return _hidden(**values)


def render_article(model: SiteModel, index: int, base: str, faults: Faults) -> str:
    """The article page; ``drift-titles`` removes every title, ``drift-dates`` every date of the article."""
    a = model.article(index)
    title = "" if faults.drift_titles else (
        f'<h1 class="detail-title" data-role="title" itemprop="headline">{_e(a.title)}</h1>\n')
    tags = "".join(f'<a href="/{slugify(t)}.html" class="item" title="{_e(t)}">{_e(t)}</a>' for t in a.tags)
    time = NO_TIME if faults.drift_dates else shown(a.published)
    related = "\n".join(item(model.article(i)) for i in model.related(index, 3))
    main = (
        '<main class="detail-page"><div class="container"><div class="detail-main">\n'
        '<article itemscope itemtype="https://schema.org/NewsArticle"><header class="detail-header">\n'
        f'<div class="detail-cate"><a href="/{a.zone.slug}.htm" title="{_e(a.zone.name)}" class="item-cate" '
        f'data-role="cate-name">{_e(a.zone.name)}</a></div>\n{title}'
        f'<h2 class="detail-sapo" data-role="sapo" itemprop="description">{_e(a.sapo_raw)}</h2>\n'
        f'<div class="detail-author" data-role="author">{_e(" - ".join(a.authors))}</div>\n'
        f'<div class="detail-time"><span data-role="publishdate">{time}</span></div>\n</header>\n'
        f'{_content(model, a)}\n<footer><div class="box-tag"><span class="text">Từ khóa:</span>'
        f'<div class="list-tag">{tags}</div></div></footer>\n</article>\n'
        '<div class="box-comment" id="box-comment"><div class="box-comment-top">'
        '<p class="title-comment">Ý kiến bạn đọc</p></div><div class="list-comment"></div>'
        '<a href="javascript:;" class="view-more-comment" rel="nofollow">Xem thêm bình luận</a></div>\n'
        '<div class="box-new-lq" data-marked-zoneid="ttv_detail_lienquan">'
        f'{_box("34", "Tin liên quan", related)}</div>\n</div></div>\n{_hidden_article(a, faults)}\n</main>')
    head, rendered = _article_head(a, base + a.path, faults), a.modified + timedelta(minutes=47)
    return _document("" if faults.drift_titles else a.title, head, main, base, rendered)


def truncate(page: str) -> str:
    """The page cut in the middle of its body HTML (a response that stopped half-way)."""
    start = page.find('data-role="content"')
    end = page.find('data-check-position="body_end"', start)
    return page[: (start + end) // 2] if 0 <= start < end else page[: len(page) // 2]


def render_rss(model: SiteModel, base: str) -> str:
    items, newest = [], model.newest(HOME_ITEMS)
    for index in newest:
        a = model.article(index)
        url, thumb = base + a.path, zoom(a.photos[0] if a.photos else None, "180_113")
        items.append(f'<item><title>{_e(a.title)}</title><link>{url}</link><guid isPermaLink="true">{url}'
                     f'</guid><description><![CDATA[<a href="{url}"><img src="{thumb}" width="180" '
                     f'height="113" /></a><span>{_e(a.sapo_raw)}</span>]]></description>'
                     f"<pubDate>{format_datetime(a.published)}</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            f'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>{SITE_NAME} - Tin tức</title>'
            f"<link>{base}/</link><description>Tin tức mới nhất của Đài Phát thanh và Truyền hình Thanh Hóa"
            f'</description><language>vi-VN</language><atom:link href="{base}/rss/tin-tuc.rss" rel="self" '
            f'type="application/rss+xml" /><lastBuildDate>{format_datetime(model.published(newest[0]))}'
            "</lastBuildDate><ttl>15</ttl>\n"
            + "\n".join(items) + "\n</channel></rss>\n")


def sitemap_count(model: SiteModel) -> int:
    return -(-model.count // SITEMAP_URLS)


def render_sitemap_index(model: SiteModel, base: str) -> str:
    shards = []
    for k in range(1, sitemap_count(model) + 1):
        newest = model.newest(1, (k - 1) * SITEMAP_URLS)[0]
        shards.append(f"<sitemap><loc>{base}/sitemaps/{k}.xml</loc>"
                      f"<lastmod>{model.published(newest).isoformat()}</lastmod></sitemap>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            'sitemap/0.9">\n' + "\n".join(shards) + "\n</sitemapindex>\n")


def render_sitemap(model: SiteModel, base: str, shard: int) -> str | None:
    """Sitemap *shard* (1-based, newest first), or None when there is no such shard."""
    if not 1 <= shard <= sitemap_count(model):
        return None
    urls = []
    for index in model.newest(SITEMAP_URLS, (shard - 1) * SITEMAP_URLS):
        a = model.article(index)
        urls.append(f"<url><loc>{base}{a.path}</loc><lastmod>{a.modified.isoformat()}</lastmod><news:news>"
                    f"<news:publication><news:name>{SITE_NAME}</news:name><news:language>vi</news:language>"
                    f"</news:publication><news:publication_date>{a.published.isoformat()}"
                    f"</news:publication_date><news:title>{_e(a.title)}</news:title></news:news></url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
            '0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls)
            + "\n</urlset>\n")


def render_robots(base: str, crawl_delay: float = 0.0) -> str:
    delay = f"Crawl-delay: {crawl_delay:g}\n" if crawl_delay else ""
    return f"User-agent: *\nDisallow: /_admin/\n{delay}\nSitemap: {base}/sitemap.xml\n"
