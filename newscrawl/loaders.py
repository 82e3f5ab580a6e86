"""ArticleLoader: the item loader every site module fills; processors do the cleaning."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from itemloaders import ItemLoader
from itemloaders.processors import Identity, MapCompose, TakeFirst

from newscrawl.extraction.authors import parse_byline
from newscrawl.extraction.dates import DateParser, ParsedDate
from newscrawl.extraction.text import clean_text, content_hash, fold_key, strip_lede_prefix
from newscrawl.items import ArticleItem


def unique(values: Iterable[Any]) -> list[Any]:
    """Keep the first of values equal by fold_key (strings) or by equality."""
    seen: set[Any] = set()
    out = []
    for value in values:
        key = fold_key(value) if isinstance(value, str) else repr(value)
        if key and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def _none_if_empty(value: str) -> str | None:
    return value or None


_PROCESSORS: dict[tuple[type, str, str], Any] = {}


class ArticleLoader(ItemLoader):
    """Loader for ArticleItem.

    Context: ``dates`` (the run's DateParser), ``fetched_at`` (aware datetime), ``lede_prefixes`` and
    ``site_names`` (from the Site record).
    """

    default_item_class = ArticleItem
    default_input_processor = MapCompose(clean_text, _none_if_empty)
    default_output_processor = TakeFirst()
    body_in = Identity()
    images_in = Identity()
    images_out = Identity()
    authors_out = unique
    tags_out = unique
    has_video_in = Identity()

    def get_input_processor(self, field_name: str) -> Any:
        # The item's fields carry no processor metadata, so the processor depends on the field name
        # only: cache it per class instead of re-deriving it through ItemAdapter on every value.
        key = (type(self), field_name, "in")
        if key not in _PROCESSORS:
            _PROCESSORS[key] = super().get_input_processor(field_name)
        return _PROCESSORS[key]

    def get_output_processor(self, field_name: str) -> Any:
        key = (type(self), field_name, "out")
        if key not in _PROCESSORS:
            _PROCESSORS[key] = super().get_output_processor(field_name)
        return _PROCESSORS[key]

    @property
    def dates(self) -> DateParser:
        return self.context["dates"]  # type: ignore[no-any-return]

    def add_lede(self, raw: str | None, *, stamp: str | None = None, location: str | None = None) -> None:
        """Record the sapo as printed and without its source prefix (``(TTV) - ``), and without a
        *stamp* or *location* printed at its start with no separator (``<span>Dân trí</span>Sau…``,
        VnExpress's ``<span class="location-stamp">Nhật Bản</span>``); the location is kept."""
        raw = clean_text(raw)
        if not raw:
            return
        self.add_value("lede_raw", raw)
        lede = strip_lede_prefix(raw, self.context.get("lede_prefixes", ()))
        for head in (clean_text(stamp), clean_text(location)):
            if head and fold_key(lede[: len(head)]) == fold_key(head) and len(lede) > len(head):
                lede = lede[len(head):].strip()
        self.add_value("lede", lede)
        if location:
            self.add_value("location", location)

    def add_byline(self, raw: str | None) -> bool:
        """Split a byline into authors (and a source); False when it yields no author."""
        byline = parse_byline(raw, site_names=self.context.get("site_names", ()))
        if byline.source:
            self.add_value("source", byline.source)
        if not byline.authors:
            return False
        self.add_value("authors_raw", raw)
        self.add_value("authors", byline.authors)
        return True

    def add_date(self, name: str, candidates: Iterable[str | None], *, require_date: bool = True
                 ) -> ParsedDate | None:
        """Parse the first candidate that reads as a date into ``name`` and ``name_raw``."""
        for raw in candidates:
            parsed = self.dates.parse(raw, require_date=require_date) if raw else None
            if parsed:
                self.add_value(name, parsed.isoformat())
                self.add_value(f"{name}_raw", raw.strip())  # type: ignore[union-attr]
                if name == "published_at":
                    self.add_value("published_at_precision", parsed.precision)
                return parsed
        return None

    def load_item(self) -> ArticleItem:
        item: ArticleItem = super().load_item()
        fetched = self.context.get("fetched_at") or self.dates.now
        item.crawled_at = fetched.astimezone(UTC).isoformat(timespec="seconds")
        if item.title or item.body or item.lede:
            item.content_hash = content_hash(item.title, item.lede, item.body)
        return item
