"""One NewsSpider subclass per registered site, named after the site key (``scrapy crawl ttv``)."""

from __future__ import annotations

from newscrawl.sites import SITES
from newscrawl.spiders.base import NewsSpider


def _spider_class(key: str) -> type[NewsSpider]:
    name = f"{key.capitalize()}Spider"
    return type(name, (NewsSpider,), {"name": key, "site_key": key, "__module__": __name__,
                                      "__doc__": f"Crawls {SITES[key].name} ({SITES[key].domains[0]})."})


# Sites without domains (the generic extractor) have their own spider module.
for _key in (key for key, site in SITES.items() if site.domains):
    globals()[f"{_key.capitalize()}Spider"] = _spider_class(_key)
