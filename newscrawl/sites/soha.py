"""soha.vn: the platform unchanged; pinned by a real 2026 video-clip page."""

from newscrawl.sites.vccorp import tenant

SITE = tenant("soha", "Soha", "soha.vn")
