"""baochinhphu.vn (Báo Điện tử Chính phủ): the platform unchanged; sapos open with ``(Chinhphu.vn) - ``.

No real page has been saved: one hand-built fixture in the platform's 2026 markup pins the tenant.
Article ids: 18 digits with the site prefix 102 [unverified] (shared/sites/truyenhinhthanhhoa.md §2.2).
"""

from newscrawl.sites.vccorp import tenant

SITE = tenant("baochinhphu", "Báo Điện tử Chính phủ", "baochinhphu.vn",
              names=("Chinhphu.vn", "baochinhphu.vn", "Báo Điện tử Chính phủ", "VGP"))
