"""The site registry: one module per site, one line here."""

from __future__ import annotations

from urllib.parse import urlsplit

from newscrawl.sites import cafebiz, cafef, soha, ttv, vtv
from newscrawl.sites.base import Site


def _registry(*sites: Site) -> dict[str, Site]:
    found: dict[str, Site] = {}
    domains: set[str] = set()
    for site in sites:
        if site.key in found or domains.intersection(site.domains):
            raise ValueError(f"duplicate site key or domain: {site.key}")
        found[site.key] = site
        domains.update(site.domains)
    return found


SITES: dict[str, Site] = _registry(ttv.SITE, vtv.SITE, cafef.SITE, soha.SITE, cafebiz.SITE)


class UnknownSite(LookupError):
    """No site module handles this name or URL."""


def get_site(key: str) -> Site:
    try:
        return SITES[key]
    except KeyError:
        raise UnknownSite(f"unknown site {key!r}; known: {', '.join(sorted(SITES))}") from None


def site_for_url(url: str) -> Site:
    """The site module owning *url*'s domain (``www.`` and subdomains included)."""
    host = (urlsplit(url).hostname or "").lower()
    for site in SITES.values():
        if site.owns(url):
            return site
    raise UnknownSite(f"no site module for domain {host or url!r}; known: "
                      + ", ".join(d for s in SITES.values() for d in s.domains))
