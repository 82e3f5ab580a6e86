"""Feed export: output folder and run file name for FEEDS, crash-safe file storage, leftover recovery.

A run writes ``<name>.jsonl.part``, fsyncs it in batches and renames it to ``<name>.jsonl`` on a clean
close. After a kill, the next run recovers every complete line of the leftover ``.part`` (a torn last
line is cut, never shipped) and renames it too.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from w3lib.url import file_uri_to_path

from newscrawl.extraction.dates import VN_TZ

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
PART = ".part"
feed_file_opened = object()
"""Signal sent by DurableFeedStorage when it opens its file (argument ``storage``)."""


def run_id(now: datetime | None = None) -> str:
    """A file-name-safe run stamp in Vietnam time, e.g. ``2025-08-16T201800``."""
    return (now or datetime.now(VN_TZ)).astimezone(VN_TZ).strftime("%Y-%m-%dT%H%M%S")


def unique_run_id(folder: Path, now: datetime | None = None) -> str:
    """run_id(), suffixed ``_N`` when a run of the same second already left files in *folder*.

    ``_`` sorts after ``.``, so file names stay in run order (``T201800.jsonl`` < ``T201800_1.jsonl``).
    """
    base = candidate = run_id(now)
    n = 1
    while folder.is_dir() and any(folder.glob(f"{candidate}.*")):
        candidate = f"{base}_{n}"
        n += 1
    return candidate


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """FEED_URI_PARAMS hook: adds ``output_dir`` (NEWSCRAWL_OUTPUT_DIR) and ``run_id``."""
    params = dict(params)
    params["output_dir"] = spider.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output"
    params["run_id"] = getattr(spider, "run_id", None) or run_id()
    return params


class DurableFeedStorage:
    """Local feed storage that writes ``<path>.part``, fsyncs on demand and renames on close."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        self.path = Path(file_uri_to_path(uri) if uri.startswith("file:") else uri)
        self.part = self.path.with_name(self.path.name + PART)
        self.file: IO[bytes] | None = None
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
                     ) -> DurableFeedStorage:
        storage = cls(uri, feed_options=feed_options)
        storage.crawler = crawler
        return storage

    def open(self, spider: Spider) -> IO[bytes]:
        self.part.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.part.open("ab")
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(feed_file_opened, storage=self)
        return self.file

    def sync(self) -> bool:
        """Flush and fsync what was written so far; False when the file is already closed."""
        if self.file is None or self.file.closed:
            return False
        self.file.flush()
        os.fsync(self.file.fileno())
        return True

    def store(self, file: IO[bytes]) -> None:
        self.sync()
        file.close()
        os.replace(self.part, final_name(self.path))


def final_name(path: Path) -> Path:
    """*path*, or ``<stem>-N.jsonl`` when a file of that name exists already."""
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def leftover_parts(folder: Path, exclude: Path | None = None) -> list[Path]:
    """``*.jsonl.part`` files in *folder* that no running crawl owns (the caller holds the site lock)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*.jsonl{PART}") if exclude is None or p != exclude)


def recover_part(part: Path) -> Iterator[dict[str, Any]]:
    """Yield the items of every complete line of a leftover file, cut its torn tail, then rename it.

    Complete lines that are not JSON objects are dropped from the file with a warning, so the
    recovered export always loads.
    """
    data = part.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        logger.warning("recovery: cut a torn last line of %d bytes from %s", len(data) - len(complete), part)
    good: list[bytes] = []
    for line in complete.splitlines(keepends=True):
        try:
            item = json.loads(line)
        except ValueError:
            logger.warning("recovery: dropped a line that is not JSON from %s", part)
            continue
        if isinstance(item, dict):
            good.append(line)
            yield item
    _rewrite(part, b"".join(good))
    os.replace(part, final_name(part.with_name(part.name[: -len(PART)])))


def _rewrite(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
