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
    "newscrawl.pipelines.ContentDuplicatePipeline": 300,
}
EXTENSIONS = {
    # After the feed exporter (0), so its item_scraped handler runs after the line is written.
    "newscrawl.extensions.RunState": 500,
    "newscrawl.politeness.CrawlDelay": 600,  # after AutoThrottle (0)
}

# --- Output -----------------------------------------------------------------------------------
NEWSCRAWL_OUTPUT_DIR = os.environ.get("NEWSCRAWL_OUTPUT_DIR", "output")
FEED_EXPORT_ENCODING = "utf-8"
FEED_URI_PARAMS = "newscrawl.feeds.uri_params"
FEED_STORAGES = {"": "newscrawl.feeds.DurableFeedStorage", "file": "newscrawl.feeds.DurableFeedStorage"}
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
NEWSCRAWL_STATE = os.environ.get("NEWSCRAWL_STATE")  # default: <output dir>/state/newscrawl.sqlite
NEWSCRAWL_STATE_ENABLED = True
NEWSCRAWL_COMMIT_EVERY = 20  # items per fsync + seen-store commit
NEWSCRAWL_STOP_AFTER_SEEN = 5  # consecutive settled entries that stop a listing stream
NEWSCRAWL_SINCE_MARGIN_HOURS = 48  # drafts and scheduled posts publish days after their id time
NEWSCRAWL_ALARM_MIN_ITEMS = 3  # fill-rate alarms need at least this many items
NEWSCRAWL_ALARM_MAX_ERROR_RATE = 0.2  # share of requests ending in 5xx or network errors
NEWSCRAWL_MAX_CRAWL_DELAY = 120.0  # cap on a robots.txt Crawl-delay, seconds
NEWSCRAWL_TRUNCATED_RETRIES = 2  # re-fetches of an article page cut short before </html>
LOG_LEVEL = "INFO"
