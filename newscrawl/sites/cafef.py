"""cafef.vn: the platform unchanged (``.chn`` URLs); pinned by a real page (2018 article, 2026 markup)."""

from newscrawl.sites.vccorp import tenant

SITE = tenant("cafef", "CafeF", "cafef.vn", ext="chn")
