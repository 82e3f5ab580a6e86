"""vtv.vn (Báo điện tử VTV): the platform unchanged; pinned by a real 2026 page."""

from newscrawl.sites.vccorp import tenant

SITE = tenant("vtv", "Báo điện tử VTV", "vtv.vn", lede_prefixes=("VTV.vn",),
              names=("VTV", "baodientuvtv", "BAO DIEN TU VTV"))
