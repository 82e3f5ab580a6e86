"""soha.vn on the VCCorp platform; pinned by a real 2026 video-clip page."""

from __future__ import annotations

import re

from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

ARTICLE_PATH = re.compile(r"^/[a-z0-9-]+-(?P<id>\d{15,18})\.htm$")


class SohaArticle(VCCorpArticle):
    extraction = "site"


SITE = Site(
    key="soha",
    name="Soha",
    domains=("soha.vn",),
    article_parser=SohaArticle,
    listing_parser=VCCorpListing,
    article_path_re=ARTICLE_PATH,
    names=("soha", "soha.vn", "VCCorp", "VCCorp.vn"),
)
