"""cafef.vn on the VCCorp platform (``.chn`` URLs); pinned by a real page (2018 article, 2026 markup)."""

from __future__ import annotations

import re

from newscrawl.sites.base import Site
from newscrawl.sites.vccorp import VCCorpArticle, VCCorpListing

ARTICLE_PATH = re.compile(r"^/[a-z0-9-]+-(?P<id>\d{15,18})\.chn$")


class CafeFArticle(VCCorpArticle):
    extraction = "site"


SITE = Site(
    key="cafef",
    name="CafeF",
    domains=("cafef.vn",),
    article_parser=CafeFArticle,
    listing_parser=VCCorpListing,
    article_path_re=ARTICLE_PATH,
    names=("cafef", "cafef.vn", "VCCorp", "VCCorp.vn"),
)
