"""vtv.vn (Báo điện tử VTV) on the VCCorp platform; pinned by a real 2026 page."""

from __future__ import annotations

import re

from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

ARTICLE_PATH = re.compile(r"^/(?:print/)?[a-z0-9-]+-(?P<id>\d{15,18})\.htm$")


class VTVArticle(VCCorpArticle):
    extraction = "site"


SITE = Site(
    key="vtv",
    name="Báo điện tử VTV",
    domains=("vtv.vn",),
    article_parser=VTVArticle,
    listing_parser=VCCorpListing,
    article_path_re=ARTICLE_PATH,
    lede_prefixes=("VTV.vn",),
    names=("VTV", "vtv.vn", "baodientuvtv", "BAO DIEN TU VTV", "VTV Online"),
)
