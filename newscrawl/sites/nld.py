"""nld.com.vn (Báo Người Lao Động): the platform unchanged; sapos open with ``(NLĐO)- `` (generic strip).

No real page has been saved: one hand-built fixture in the platform's 2026 markup pins the tenant.
Article ids: 18 digits with the site prefix 196 [unverified] (shared/sites/truyenhinhthanhhoa.md §2.2).
"""

from newscrawl.sites.vccorp import tenant

SITE = tenant("nld", "Báo Người Lao Động", "nld.com.vn",
              names=("Người Lao Động", "Báo Người Lao Động", "NLĐ", "NLĐO", "nld.com.vn"))
