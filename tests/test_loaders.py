"""ArticleLoader: processors applied on the way in, first value wins, defaults replaced."""

from __future__ import annotations

from datetime import datetime

import pytest

from newscrawl.extraction.dates import VN_TZ, DateParser
from newscrawl.items import ArticleItem
from newscrawl.loaders import ArticleLoader, unique

NOW = datetime(2024, 7, 31, 8, 0, tzinfo=VN_TZ)


@pytest.fixture
def loader() -> ArticleLoader:
    item = ArticleItem(url="https://truyenhinhthanhhoa.vn/a-180240730193012345.htm", site="ttv")
    return ArticleLoader(item=item, dates=DateParser(NOW), site_names=("TTV",), lede_prefixes=())


def test_text_fields_are_cleaned_and_first_non_empty_wins(loader: ArticleLoader) -> None:
    loader.add_value("title", ["  ", "\u200bHội nghị\u00a0tổng kết  ", "Khác"])
    assert loader.load_item().title == "Hội nghị tổng kết"


def test_lede_keeps_raw_and_strips_prefix(loader: ArticleLoader) -> None:
    loader.add_lede("(TTV) - Vùng đất Sầm Sơn")
    item = loader.load_item()
    assert (item.lede, item.lede_raw) == ("Vùng đất Sầm Sơn", "(TTV) - Vùng đất Sầm Sơn")


def test_byline_splits_authors_and_moves_agency_to_source(loader: ArticleLoader) -> None:
    assert loader.add_byline("Cẩm Thơ - Sỹ Thảo")
    item = loader.load_item()
    assert item.authors == ["Cẩm Thơ", "Sỹ Thảo"]
    assert item.authors_raw == "Cẩm Thơ - Sỹ Thảo"


def test_agency_byline_gives_source_not_author(loader: ArticleLoader) -> None:
    assert not loader.add_byline("Theo TTXVN")
    item = loader.load_item()
    assert (item.authors, item.authors_raw, item.source) == ([], None, "TTXVN")


def test_site_name_is_never_an_author(loader: ArticleLoader) -> None:
    assert not loader.add_byline("TTV")
    assert loader.load_item().authors == []


def test_date_takes_first_parsable_candidate_and_keeps_raw(loader: ArticleLoader) -> None:
    parsed = loader.add_date("published_at", [None, "Bình luận (0)", "30/07/2024 20:45", "2024-07-30T20:00:00"])
    item = loader.load_item()
    assert parsed is not None
    assert item.published_at == "2024-07-30T20:45:00+07:00"
    assert item.published_at_raw == "30/07/2024 20:45"
    assert item.published_at_precision == "minute"


def test_no_date_leaves_fields_null(loader: ArticleLoader) -> None:
    assert loader.add_date("published_at", ["ngày 22 tháng 8 âm lịch", ""]) is None
    item = loader.load_item()
    assert (item.published_at, item.published_at_raw) == (None, None)


def test_load_item_sets_crawled_at_utc_and_hash(loader: ArticleLoader) -> None:
    loader.add_value("title", "Tiêu đề")
    loader.add_value("body", "Đoạn một.\n\nĐoạn hai.")
    item = loader.load_item()
    assert item.crawled_at == "2024-07-31T01:00:00+00:00"
    assert item.content_hash is not None and len(item.content_hash) == 40


def test_replace_value_overrides_item_defaults(loader: ArticleLoader) -> None:
    loader.replace_value("content_type", "programme")
    loader.replace_value("has_video", True)
    item = loader.load_item()
    assert (item.content_type, item.has_video) == ("programme", True)


def test_unique_folds_case_and_tone_placement() -> None:
    assert unique(["Thanh Hóa", "thanh hoá", "Sầm Sơn"]) == ["Thanh Hóa", "Sầm Sơn"]
