"""Per-field tests generated from tests/fixtures/<site>/<case>/ (see docs/fixtures.md)."""

from __future__ import annotations

import json

import pytest

from tests.casekit import LIST_KEYS, Case, discover, matches, run_case

CASES = discover()


def _field_params() -> list[object]:
    params = []
    for case in CASES:
        for key in case.expected:
            if key not in LIST_KEYS and key != "notes":
                params.append(pytest.param(case, key, id=f"{case.id}@{key}"))
    return params


def _segment_params(list_key: str) -> list[object]:
    return [pytest.param(case, text, id=f"{case.id}@{list_key}[{i}]")
            for case in CASES for i, text in enumerate(case.expected.get(list_key, []))]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_case_runs(case: Case) -> None:
    result = run_case(case)
    json.dumps(result, ensure_ascii=False)  # JSON-ready
    assert case.meta.get("synthetic") in (True, False), "meta.json must say whether the page is synthetic"


@pytest.mark.parametrize(("case", "key"), _field_params())
def test_field(case: Case, key: str) -> None:
    actual = run_case(case).get(key, "<missing>")
    expected = case.expected[key]
    assert matches(expected, actual), (
        f"{key}:\n  expected {json.dumps(expected, ensure_ascii=False)}\n"
        f"  actual   {json.dumps(actual, ensure_ascii=False)}")


@pytest.mark.parametrize(("case", "text"), _segment_params("body_contains"))
def test_body_contains(case: Case, text: str) -> None:
    assert text in (run_case(case).get("body") or "")


@pytest.mark.parametrize(("case", "text"), _segment_params("body_excludes"))
def test_body_excludes(case: Case, text: str) -> None:
    assert text not in (run_case(case).get("body") or "")


def test_every_registered_site_has_an_article_fixture() -> None:
    from newscrawl.sites import SITES

    with_articles = {c.site for c in CASES if c.kind == "article"}
    assert sorted(set(SITES) - with_articles) == []


def test_every_fixture_site_is_registered() -> None:
    from newscrawl.sites import SITES

    assert sorted({c.site for c in CASES} - set(SITES)) == []
