"""Persistent crawl state in one SQLite file: seen articles, runs; plus the per-site run lock.

One file serves every site (setting ``NEWSCRAWL_STATE``, default ``<output dir>/state/newscrawl.sqlite``).
An article is marked seen only after its JSONL line is flushed and fsynced (see extensions.RunState).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    site TEXT NOT NULL, article_key TEXT NOT NULL, canonical_url TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, published_at TEXT, content_hash TEXT,
    run_id TEXT, PRIMARY KEY (site, article_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_url ON articles (canonical_url);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_published ON articles (site, published_at);
CREATE TABLE IF NOT EXISTS runs (
    site TEXT NOT NULL, run_id TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
    status TEXT, items INTEGER, PRIMARY KEY (site, run_id)
);
"""
CHUNK = 500  # SQLite host-parameter batches


@dataclass(frozen=True, slots=True)
class SeenRecord:
    site: str
    article_key: str
    canonical_url: str
    published_at: str | None
    content_hash: str | None


def article_key(article_id: str | None, canonical_url: str) -> str:
    """The per-site key: the site's article id, or the canonical URL for sites without ids."""
    return article_id or f"url:{canonical_url}"


class StateStore:
    """Seen articles and run history. Not thread-safe: one store per process, used from the reactor."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives process kills
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def seen_keys(self, site: str, keys: Sequence[str]) -> set[str]:
        """The subset of *keys* already seen for *site*."""
        found: set[str] = set()
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start:start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT article_key FROM articles WHERE site = ? AND article_key IN ({marks})", [site, *chunk])
            found.update(row[0] for row in rows)
        return found

    def is_seen(self, site: str, key: str, canonical_url: str | None = None) -> bool:
        if self.seen_keys(site, [key]):
            return True
        if canonical_url is None:
            return False
        row = self.db.execute("SELECT 1 FROM articles WHERE canonical_url = ? LIMIT 1", [canonical_url])
        return row.fetchone() is not None

    def stored_hash(self, site: str, key: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM articles WHERE site = ? AND article_key = ?",
                              [site, key]).fetchone()
        return row[0] if row else None

    def hash_owner(self, content_hash: str, canonical_url: str) -> str | None:
        """Canonical URL of an earlier article with the same content under another URL."""
        row = self.db.execute(
            "SELECT canonical_url FROM articles WHERE content_hash = ? AND canonical_url != ? "
            "ORDER BY first_seen LIMIT 1", [content_hash, canonical_url]).fetchone()
        return row[0] if row else None

    def mark_seen(self, records: Iterable[SeenRecord], run_id: str, now: datetime) -> int:
        """Insert or refresh *records* in one transaction; returns how many were written."""
        stamp = now.isoformat(timespec="seconds")
        rows = [(r.site, r.article_key, r.canonical_url, stamp, stamp, r.published_at, r.content_hash, run_id)
                for r in records]
        if not rows:
            return 0
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site, article_key) DO UPDATE "
                "SET last_seen = excluded.last_seen, content_hash = excluded.content_hash, "
                "canonical_url = excluded.canonical_url, "
                "published_at = COALESCE(excluded.published_at, articles.published_at)", rows)
        return len(rows)

    def recent(self, site: str, published_after: str) -> list[tuple[str, str | None]]:
        """(canonical_url, content_hash) of seen articles published after an ISO time (revisits).

        *published_after* must be in +07:00, the offset every stored ``published_at`` has.
        """
        rows = self.db.execute("SELECT canonical_url, content_hash FROM articles WHERE site = ? "
                               "AND published_at > ? ORDER BY published_at DESC", [site, published_after])
        return list(rows)

    def start_run(self, site: str, run_id: str, now: datetime) -> None:
        self.db.execute("INSERT OR REPLACE INTO runs (site, run_id, started_at) VALUES (?, ?, ?)",
                        [site, run_id, now.isoformat(timespec="seconds")])

    def finish_run(self, site: str, run_id: str, now: datetime, status: str, items: int) -> None:
        self.db.execute("UPDATE runs SET finished_at = ?, status = ?, items = ? WHERE site = ? AND run_id = ?",
                        [now.isoformat(timespec="seconds"), status, items, site, run_id])

    def last_success(self, site: str) -> tuple[datetime, datetime] | None:
        """(start, finish) of the last run that finished cleanly with no alarm."""
        row = self.db.execute("SELECT started_at, finished_at FROM runs WHERE site = ? AND status = 'ok' "
                              "ORDER BY started_at DESC LIMIT 1", [site]).fetchone()
        return (datetime.fromisoformat(row[0]), datetime.fromisoformat(row[1])) if row else None

    def settled_keys(self, site: str, keys: Sequence[str], before: datetime) -> set[str]:
        """Keys first seen no later than *before*: the listing below them was walked by a complete run."""
        stamp = before.isoformat(timespec="seconds")
        found: set[str] = set()
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start:start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT article_key FROM articles WHERE site = ? AND first_seen <= ? "
                                   f"AND article_key IN ({marks})", [site, stamp, *chunk])
            found.update(row[0] for row in rows)
        return found

    def count(self, site: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles WHERE site = ?", [site]).fetchone()[0])


class LockedError(RuntimeError):
    """Another live process runs a crawl of the same site."""


_held: dict[str, IO[str]] = {}


def acquire_lock(path: str | Path) -> None:
    """Take the run lock at *path* for this process (re-entrant); frees itself when the process dies."""
    key = str(Path(path).resolve())
    if key in _held:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release or exit
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        owner = handle.read().strip() or "another process"
        handle.close()
        raise LockedError(f"a crawl is already running (lock {path} held by {owner})") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    _held[key] = handle


def release_lock(path: str | Path) -> None:
    handle = _held.pop(str(Path(path).resolve()), None)
    if handle is not None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
