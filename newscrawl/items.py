"""The article item: the one output contract of newscrawl (see docs/fields.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

CONTENT_TYPES = ("article", "video", "programme", "infographic", "emagazine", "photo", "podcast")


@dataclass(kw_only=True, slots=True)
class ImageItem:
    """One image of an article; captions and credits never enter the body."""

    url: str
    caption: str | None = None
    """Caption text without its credit, NFC; ``None`` when the page has none."""
    credit: str | None = None
    """Photographer or agency from ``Ảnh: …`` / ``Nguồn: …`` at the caption's end."""
    caption_raw: str | None = None
    """The caption as printed, credit included."""


@dataclass(kw_only=True, slots=True)
class ArticleItem:
    """One news article. Missing values are ``None`` or ``[]``, never invented."""

    url: str
    """The URL the page was fetched from (after redirects)."""
    canonical_url: str | None = None
    """``link[rel=canonical]`` (or og:url, else the response URL), without query or fragment."""
    site: str
    """Short site key from the registry, e.g. ``ttv``."""
    article_id: str | None = None
    """Site-local id from the URL (e.g. the 18-digit VCCorp id). Unique per ``site`` only."""
    title: str | None = None
    lede: str | None = None
    """The sapo, with site prefixes such as ``(TTV) - `` removed."""
    lede_raw: str | None = None
    body: str | None = None
    """Body paragraphs joined by one blank line (``\\n\\n``); no captions, related lists, comments."""
    authors: list[str] = field(default_factory=list)
    authors_raw: str | None = None
    published_at: str | None = None
    """ISO-8601 with ``+07:00``, minute precision or better."""
    published_at_raw: str | None = None
    """The string the time was read from, exactly as served."""
    published_at_precision: str | None = None
    """``second``, ``minute``, ``day``, ``relative``, ``time_only``, ``year_inferred`` or ``id_time``."""
    modified_at: str | None = None
    modified_at_raw: str | None = None
    id_time: str | None = None
    """Draft-creation time decoded from a VCCorp id: a lower bound of ``published_at``, never a substitute."""
    images: list[ImageItem] = field(default_factory=list)
    category: str | None = None
    location: str | None = None
    """Dateline the page prints at the start of the sapo (VnExpress ``span.location-stamp``)."""
    zone_id: str | None = None
    tags: list[str] = field(default_factory=list)
    source: str | None = None
    """Outlet or programme the text comes from (``Nguồn: …``, ``Theo TTXVN``)."""
    content_type: str = "article"
    has_video: bool = False
    language: str = "vi"
    extraction: str = "site"
    """Which code produced the item: ``site``, ``platform`` or ``generic``."""
    crawled_at: str | None = None
    """UTC time of the fetch, ISO-8601 with ``+00:00``."""
    content_hash: str | None = None
    """sha1 of the normalised title, lede and body: equal for syndicated copies."""
    duplicate_of: str | None = None
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (images as dicts), in field order."""
        from dataclasses import asdict

        return asdict(self)
