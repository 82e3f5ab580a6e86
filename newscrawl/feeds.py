"""Feed export helpers: output folder and per-run file name for the FEEDS setting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newscrawl.extraction.dates import VN_TZ


def run_id(now: datetime | None = None) -> str:
    """A file-name-safe run stamp in Vietnam time, e.g. ``2025-08-16T201800``."""
    return (now or datetime.now(VN_TZ)).astimezone(VN_TZ).strftime("%Y-%m-%dT%H%M%S")


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """FEED_URI_PARAMS hook: adds ``output_dir`` (NEWSCRAWL_OUTPUT_DIR) and ``run_id``."""
    params = dict(params)
    params["output_dir"] = spider.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output"
    params["run_id"] = getattr(spider, "run_id", None) or run_id()
    return params
