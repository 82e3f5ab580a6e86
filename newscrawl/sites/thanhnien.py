"""thanhnien.vn (Báo Thanh Niên): the platform unchanged.

No real page has been saved: one hand-built fixture in the platform's 2026 markup pins the tenant.
Article ids: 18 digits with the site prefix 185 [unverified] (shared/sites/truyenhinhthanhhoa.md §2.2).
"""

from newscrawl.sites.vccorp import tenant

SITE = tenant("thanhnien", "Báo Thanh Niên", "thanhnien.vn",
              names=("Thanh Niên", "Báo Thanh Niên", "thanhnien.vn", "Thanhnien.vn"))
