"""newscrawl: a Scrapy crawler for Vietnamese news sites that writes clean, deduplicated JSONL."""

__version__ = "0.1.0"
