"""Spider arguments (``-a name=value``): parsed and validated once, then applied as settings."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.settings import Settings


class ArgumentError(ValueError):
    """A spider argument is unknown or has a bad value; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SpiderArgs:
    replay: Path | None = None
    """Fixture site folder with pages.json: every request is answered from it, offline."""
    base_url: str | None = None
    """Site root to crawl instead of the live one, e.g. the local test site ``http://127.0.0.1:8080``."""
    max_pages: int | None = None
    """Listing pages per zone and run (default: the NEWSCRAWL_MAX_LISTING_PAGES setting)."""
    since: datetime | None = None
    """Backfill from this day or time (``YYYY-MM-DD`` or ISO-8601; Vietnam time when naive)."""
    until: datetime | None = None
    """Backfill up to the end of this day or this time."""
    start_url: str | None = None
    """Where the generic spider starts (any Vietnamese news site without a site module)."""
    revisit: int | None = None
    """Re-fetch seen articles published in the last H hours; an item is emitted only if it changed."""

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> SpiderArgs:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ArgumentError(f"unknown spider argument {unknown[0]!r}; known: {', '.join(sorted(known))}")
        since, until = _when(raw.get("since"), "since", False), _when(raw.get("until"), "until", True)
        if since and until and since > until:
            raise ArgumentError(f"since={raw['since']!r} is after until={raw['until']!r}")
        return cls(replay=_replay(raw.get("replay")), base_url=_base_url(raw.get("base_url")),
                   max_pages=_int_between(raw.get("max_pages"), "max_pages", 1, 10_000), since=since,
                   until=until, revisit=_int_between(raw.get("revisit"), "revisit", 1, 24 * 90),
                   start_url=_start_url(raw.get("start_url")))

    def apply(self, settings: Settings, priority: int) -> None:
        """Turn the arguments that configure components into settings."""
        if self.replay is not None:
            settings.set("NEWSCRAWL_REPLAY_DIR", str(self.replay), priority=priority)
            settings.set("AUTOTHROTTLE_ENABLED", False, priority=priority)
            settings.set("DOWNLOAD_DELAY", 0, priority=priority)
        if self.max_pages is not None:
            settings.set("NEWSCRAWL_MAX_LISTING_PAGES", self.max_pages, priority=priority)


def _replay(value: Any) -> Path | None:
    if value in (None, ""):
        return None
    path = Path(str(value))
    if not (path / "pages.json").is_file():
        raise ArgumentError(f"replay={value!r}: not a fixture site folder (no pages.json in it)")
    return path


def _base_url(value: Any) -> str | None:
    if value in (None, ""):
        return None
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ArgumentError(f"base_url={value!r}: expected a site root such as http://127.0.0.1:8080")
    return str(value).rstrip("/")


def _start_url(value: Any) -> str | None:
    if value in (None, ""):
        return None
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(f"start_url={value!r}: expected an http(s) URL")
    return str(value)


def _int_between(value: Any, name: str, low: int, high: int) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise ArgumentError(f"{name}={value!r}: expected a whole number") from None
    if not low <= number <= high:
        raise ArgumentError(f"{name}={value!r}: expected {low} to {high}")
    return number


def _when(value: Any, name: str, end_of_day: bool) -> datetime | None:
    """A day (start or end of it) or an ISO time; naive values are Vietnam time."""
    from newscrawl.extraction.dates import VN_TZ

    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ArgumentError(f"{name}={value!r}: expected YYYY-MM-DD or an ISO-8601 time") from None
    if len(text) == 10 and end_of_day:
        parsed = datetime.combine(parsed.date(), time.max)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=VN_TZ)
    if parsed.year < 1995 or parsed > datetime.now(VN_TZ) + timedelta(days=366):
        raise ArgumentError(f"{name}={value!r}: out of range")
    return parsed
