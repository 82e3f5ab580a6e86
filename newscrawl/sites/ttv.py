"""truyenhinhthanhhoa.vn (Đài PT-TH Thanh Hóa, "TTV") on the VCCorp platform.

Markup is [same platform] until a live TTV page is saved (shared/sites/truyenhinhthanhhoa.md §12):
the platform cascades cover the variants the hand-built fixtures exercise. What is TTV's own:
migrated 10-digit ids, the RSS feed, and programme posts (broadcast bulletins and podcasts, §10).
"""

from __future__ import annotations

import re

from newscrawl.extraction.body import Body
from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

# 18-digit ids (prefix 180, or any other 3-digit prefix) and migrated 10-digit ids (180 + old id).
ARTICLE_PATH = re.compile(r"^/(?:print/)?[a-z0-9-]+-(?P<id>\d{10}|\d{18})\.htm$")
# Broadcast posts; the date in such a title is the broadcast day, never the publish time.
PROGRAMME_TITLE = re.compile(r"^(?:Podcast:|Bản tin Thời sự|Thời sự (?:sáng|trưa|tối)|Bản tin)", re.I)


class TTVArticle(VCCorpArticle):
    extraction = "site"

    def content_type(self, title: str | None, body: Body) -> str:
        if title and PROGRAMME_TITLE.match(title):
            return "programme"
        return super().content_type(title, body)


SITE = Site(
    key="ttv",
    name="Đài Phát thanh và Truyền hình Thanh Hóa",
    domains=("truyenhinhthanhhoa.vn",),
    article_parser=TTVArticle,
    listing_parser=VCCorpListing,
    article_path_re=ARTICLE_PATH,
    feed_paths=("/rss/tin-tuc.rss",),
    sitemap_paths=("/sitemap.xml",),
    names=("TTV", "truyenhinhthanhhoa.vn", "Truyền hình Thanh Hóa", "Đài PT-TH Thanh Hóa"),
)
