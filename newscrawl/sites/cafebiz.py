"""cafebiz.vn on the VCCorp platform (2022 class-only skin, ``.chn`` URLs); pinned by a real page."""

from __future__ import annotations

import re

from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

ARTICLE_PATH = re.compile(r"^/[a-z0-9-]+-(?P<id>\d{15,18})\.chn$")


class CafeBizArticle(VCCorpArticle):
    extraction = "site"


SITE = Site(
    key="cafebiz",
    name="CafeBiz",
    domains=("cafebiz.vn",),
    article_parser=CafeBizArticle,
    listing_parser=VCCorpListing,
    article_path_re=ARTICLE_PATH,
    names=("cafebiz", "cafebiz.vn", "VCCorp", "VCCorp.vn"),
)
