"""The site registry: one module per site, one line in SITE_MODULES.

Site modules outside the package can be added with the environment variable
``NEWSCRAWL_EXTRA_SITE_MODULES`` (comma-separated dotted module names, each defining ``SITE``).
"""

from __future__ import annotations

import os
from importlib import import_module
from urllib.parse import urlsplit

from newscrawl.sites.base import Site

SITE_MODULES = (
    "ttv",
    "vtv",
    "cafef",
    "soha",
    "cafebiz",
    "vnexpress",
    "znews",
    "h24",
    "eva",
    "dantri",
    "tuoitre",
    "kenh14",
    "thanhnien",
    "nld",
    "baochinhphu",
    "baothanhhoa",
    "generic",  # any other domain: GenericArticle; never owns a URL, so site modules always win
)


def _registry(modules: tuple[str, ...]) -> dict[str, Site]:
    found: dict[str, Site] = {}
    domains: set[str] = set()
    for name in modules:
        site: Site = import_module(name if "." in name else f"newscrawl.sites.{name}").SITE
        if site.key in found or domains.intersection(site.domains):
            raise ValueError(f"duplicate site key or domain: {site.key}")
        found[site.key] = site
        domains.update(site.domains)
    return found


_EXTRA = tuple(m.strip() for m in os.environ.get("NEWSCRAWL_EXTRA_SITE_MODULES", "").split(",") if m.strip())
SITES: dict[str, Site] = _registry(SITE_MODULES + _EXTRA)


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
