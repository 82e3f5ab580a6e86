"""cafef.vn: the platform (``.chn`` URLs); pinned by a real 2018 article (2026 markup) and a 2014 mobile page.

Old URLs carry a category folder and a ``ca<zone>`` suffix after the id
(``/tai-chinh-quoc-te/…-2014021509250334717ca32.chn``); pages fetched up to 2016 are read with the
2014 mobile parser (newscrawl.sites.vccorp_mobile).
"""

from newscrawl.sites.vccorp_mobile import chn_tenant_2014

SITE = chn_tenant_2014("cafef", "CafeF", "cafef.vn")
