"""Validation and deduplication pipelines, with a real Scrapy stats collector."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.pipelines import DedupPipeline, ValidatePipeline

URL = "https://truyenhinhthanhhoa.vn/a-180240410172955066.htm"


def _item(**kw: object) -> ArticleItem:
    values: dict[str, object] = {"url": URL, "canonical_url": URL, "site": "ttv",
                                 "article_id": "180240410172955066", "title": "Tiêu đề", "body": "Nội dung"}
    values.update(kw)
    return ArticleItem(**values)  # type: ignore[arg-type]


@pytest.fixture
def crawler():  # noqa: ANN201
    crawler = get_crawler()
    crawler.stats.open_spider()
    return crawler


@pytest.mark.parametrize(("changes", "reason"), [
    ({"url": ""}, "no_url"),
    ({"title": None}, "no_title"),
    ({"body": None, "lede": None}, "no_text"),
])
def test_validate_drops_and_counts(crawler, changes: dict[str, object], reason: str) -> None:  # noqa: ANN001
    pipeline = ValidatePipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match=reason):
        pipeline.process_item(_item(**changes))
    assert crawler.stats.get_value(f"newscrawl/dropped/{reason}") == 1


def test_validate_keeps_lede_only_item(crawler) -> None:  # noqa: ANN001
    pipeline = ValidatePipeline.from_crawler(crawler)
    item = _item(body=None, lede="Sapo")
    assert pipeline.process_item(item) is item


def test_dedup_by_canonical_url_and_by_site_id(crawler) -> None:  # noqa: ANN001
    pipeline = DedupPipeline.from_crawler(crawler)
    pipeline.process_item(_item())
    with pytest.raises(DropItem):  # same canonical URL, fetched through the print view
        pipeline.process_item(_item(url=URL.replace(".vn/", ".vn/print/"), article_id="180240410172955066"))
    with pytest.raises(DropItem):  # same (site, id) under another slug
        pipeline.process_item(_item(url=URL + "x", canonical_url=URL + "x"))
    other_site = _item(site="vtv", url="https://vtv.vn/a-180240410172955066.htm",
                       canonical_url="https://vtv.vn/a-180240410172955066.htm")
    assert pipeline.process_item(other_site) is other_site  # ids are unique per site only
    assert crawler.stats.get_value("newscrawl/dropped/duplicate") == 2


def test_content_duplicate_is_flagged_not_dropped(crawler, tmp_path) -> None:  # noqa: ANN001
    from newscrawl.pipelines import ContentDuplicatePipeline
    from newscrawl.state import StateStore

    pipeline = ContentDuplicatePipeline(crawler.stats, StateStore(tmp_path / "s.sqlite"))
    original = _item(content_hash="ab" * 20)
    copy = _item(url="https://vtv.vn/b-100240410172955066.htm", canonical_url="https://vtv.vn/b-100240410172955066.htm",
                 site="vtv", content_hash="ab" * 20)
    assert pipeline.process_item(original).duplicate_of is None
    assert pipeline.process_item(copy).duplicate_of == URL
    assert crawler.stats.get_value("newscrawl/items/duplicate_of") == 1
