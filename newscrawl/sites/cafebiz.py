"""cafebiz.vn: the platform (2022 class-only skin, ``.chn`` URLs); pinned by a real 2022 page and a 2014
mobile page.

Old URLs carry a category folder and a ``ca<zone>`` suffix after the id
(``/thuong-hieu-quang-cao/…-201404031417040772ca110.chn``); pages fetched up to 2016 are read with the
2014 mobile parser (newscrawl.sites.vccorp_mobile).
"""

from newscrawl.sites.vccorp_mobile import chn_tenant_2014

SITE = chn_tenant_2014("cafebiz", "CafeBiz", "cafebiz.vn")
