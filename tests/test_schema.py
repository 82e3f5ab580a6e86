"""The JSON Schema, the item class and every fixture item agree."""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources

import jsonschema
import pytest

from newscrawl.items import SCHEMA_VERSION, ArticleItem, ImageItem
from tests.casekit import discover, run_case

SCHEMA = json.loads(resources.files("newscrawl").joinpath("schema/article.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_lists_every_item_field() -> None:
    assert list(SCHEMA["properties"]) == [f.name for f in fields(ArticleItem)]
    image = SCHEMA["properties"]["images"]["items"]["properties"]
    assert list(image) == [f.name for f in fields(ImageItem)]
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in discover() if c.kind == "article"])
def test_fixture_item_is_valid(case) -> None:  # noqa: ANN001
    errors = sorted(VALIDATOR.iter_errors(run_case(case)), key=str)
    assert not errors, "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5])


def test_schema_rejects_naive_time() -> None:
    item = ArticleItem(url="https://truyenhinhthanhhoa.vn/a-180240410172955066.htm", site="ttv",
                       published_at="2024-04-17T07:52:00").to_dict()
    assert not VALIDATOR.is_valid(item)


def test_dated_parser_versions_pick_the_layout_of_the_fetch_day() -> None:
    from dataclasses import replace
    from datetime import date

    from newscrawl.sites import get_site
    from newscrawl.sites.base import ArticleParser

    class Old(ArticleParser):
        pass

    site = replace(get_site("ttv"), versions=((date(2016, 12, 31), Old),))
    assert site.parser_for(date(2016, 3, 14)) is Old
    assert site.parser_for(date(2016, 12, 31)) is Old
    assert site.parser_for(date(2017, 1, 1)) is site.article_parser
