"""Offline replay: answer every request from a fixture folder keyed by URL (``-a replay=DIR``)."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag

from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.responsetypes import responsetypes

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

CONTENT_TYPES = {".rss": "application/rss+xml", ".xml": "application/xml", ".txt": "text/plain",
                 ".json": "application/json"}


class ReplaySite:
    """A fixture site: ``pages.json`` maps absolute URLs to files relative to the folder."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        index = self.folder / "pages.json"
        if not index.is_file():
            raise ValueError(f"replay folder {str(folder)!r} has no pages.json")
        self.pages: dict[str, str] = json.loads(index.read_text(encoding="utf-8"))

    def lookup(self, url: str) -> tuple[bytes, str] | None:
        """(body, content type) for *url*, or None when the site has no such page."""
        name = self.pages.get(urldefrag(url)[0])
        if name is None:
            return None
        path = self.folder / name
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
            path = path.with_suffix("")
        return data, CONTENT_TYPES.get(path.suffix, "text/html; charset=utf-8")


class ReplayMiddleware:
    """Downloader middleware; off unless NEWSCRAWL_REPLAY_DIR is set."""

    def __init__(self, site: ReplaySite, stats: StatsCollector) -> None:
        self.site = site
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        folder = crawler.settings.get("NEWSCRAWL_REPLAY_DIR")
        if not folder:
            raise NotConfigured  # silent: replay is off unless asked for
        assert crawler.stats is not None
        return cls(ReplaySite(folder), crawler.stats)

    def process_request(self, request: Request) -> Response:
        found = self.site.lookup(request.url)
        if found is None:
            self.stats.inc_value("newscrawl/replay/miss")
            logger.debug("replay: no fixture for %s", request.url)
            return Response(url=request.url, status=404, body=b"", request=request)
        body, content_type = found
        self.stats.inc_value("newscrawl/replay/hit")
        headers = {"Content-Type": content_type}
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=200, headers=headers, body=body, request=request)
