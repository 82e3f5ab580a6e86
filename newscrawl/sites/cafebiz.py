"""cafebiz.vn: the platform unchanged (2022 class-only skin, ``.chn`` URLs); pinned by a real page."""

from newscrawl.sites.vccorp import tenant

SITE = tenant("cafebiz", "CafeBiz", "cafebiz.vn", ext="chn")
