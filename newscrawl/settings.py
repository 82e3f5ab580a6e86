"""Scrapy settings for newscrawl: polite by default, UTF-8 JSONL feeds, offline replay on demand."""

from __future__ import annotations

import os

from newscrawl import __version__

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- Politeness -------------------------------------------------------------------------------
USER_AGENT = f"newscrawl/{__version__} (+https://github.com/newscrawl/newscrawl; research crawler for Vietnamese news)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- Components -------------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # Before robots.txt (100) so replayed robots.txt files are served from fixtures too.
    "newscrawl.replay.ReplayMiddleware": 50,
}
ITEM_PIPELINES = {
    "newscrawl.pipelines.ValidatePipeline": 100,
    "newscrawl.pipelines.DedupPipeline": 200,
}

# --- Output -----------------------------------------------------------------------------------
NEWSCRAWL_OUTPUT_DIR = os.environ.get("NEWSCRAWL_OUTPUT_DIR", "output")
FEED_EXPORT_ENCODING = "utf-8"
FEED_URI_PARAMS = "newscrawl.feeds.uri_params"
FEEDS = {
    "%(output_dir)s/%(name)s/%(run_id)s.jsonl": {
        "format": "jsonlines",
        "encoding": "utf-8",
        "store_empty": True,
        "item_export_kwargs": {"ensure_ascii": False},
    },
}

# --- newscrawl --------------------------------------------------------------------------------
NEWSCRAWL_REPLAY_DIR = None  # a fixture site folder with pages.json; set by `-a replay=`
NEWSCRAWL_MAX_LISTING_PAGES = 20  # timelinelist pages per zone and run
LOG_LEVEL = "INFO"
