"""Per-field accuracy of newscrawl, its generic extractor, trafilatura and newspaper4k on article fixtures.

Run from the repository root: ``python -m benchmarks.accuracy [--json PATH] [--out PATH]`` (or
``make bench-accuracy``). Writes ``benchmarks/RESULTS.md`` and prints it; what each metric means is in
``benchmarks/README.md``. The exit code is 0 whatever the scores (targets are reported, not asserted).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.scoring import Score, failed_case, score_case

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
Output = dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One article fixture: the bytes a crawler saw, when, and what a reader expects."""

    id: str
    url: str
    now: datetime
    body: bytes
    expected: dict[str, Any]
    synthetic: bool


@dataclass
class System:
    """An extractor under test: ``run(page)`` returns an output dict (benchmarks/scoring.py)."""

    key: str
    label: str
    dist: str
    run: Callable[[Page], Output]
    has_captions: bool
    notes: list[str] = field(default_factory=list)
    network_at_import: int = 0


class Skip(Exception):
    """The system does not apply to this page (e.g. no site module for its domain)."""


@dataclass
class Result:
    """One system over every page."""

    system: System
    scores: dict[str, dict[str, Score | None]] = field(default_factory=dict)
    outputs: dict[str, Output] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    network_attempts: int = 0


class Offline:
    """Refuses every network connection while active and counts the attempts (the run must be offline)."""

    def __init__(self) -> None:
        self.attempts = 0

    def _refuse(self, *args: object, **kwargs: object) -> None:
        self.attempts += 1
        raise OSError("network disabled by benchmarks.accuracy")

    def __enter__(self) -> Offline:
        self._saved = (socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex)
        socket.getaddrinfo = self._refuse  # type: ignore[assignment]
        socket.socket.connect = self._refuse  # type: ignore[method-assign,assignment]
        socket.socket.connect_ex = self._refuse  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex = self._saved  # type: ignore[misc]


# --- pages ------------------------------------------------------------------------------------------

def load_pages() -> tuple[list[Page], dict[str, str]]:
    """Every article fixture that exists now (others are being added: discovered at run time)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.casekit import discover

    pages, broken = [], {}
    for case in discover():
        try:
            if case.kind != "article":
                continue
            meta = case.meta
            pages.append(Page(case.id, meta["url"], case.now, case.body_bytes(), case.expected,
                              bool(meta.get("synthetic", False))))
        except (OSError, ValueError, KeyError, EOFError) as exc:  # a fixture being written right now
            broken[case.id] = f"{type(exc).__name__}: {exc}"
    return pages, broken


# --- systems ----------------------------------------------------------------------------------------

def item_output(item: dict[str, Any]) -> Output:
    """A newscrawl item as a scoring output (captions from ``images[].caption``)."""
    images = item.get("images") or []
    return {"title": item.get("title"), "published_at": item.get("published_at"),
            "authors": item.get("authors") or [], "lede": item.get("lede"), "body": item.get("body"),
            "captions": [image["caption"] for image in images if image.get("caption")]}


def newscrawl_sites() -> System:
    from newscrawl.cli import extract_item
    from newscrawl.sites import UnknownSite

    def run(page: Page) -> Output:
        try:
            return item_output(extract_item(page.body, page.url, page.now))
        except UnknownSite as exc:
            raise Skip(exc.args[0].split(";")[0]) from None  # "no site module for domain '…'"

    return System("site", "newscrawl (site modules)", "newscrawl", run, True,
                  ["what `newscrawl extract` gives: the site module chosen by the URL's domain"])


def newscrawl_generic() -> System:
    from importlib import import_module

    from newscrawl.extraction.dates import DateParser
    from newscrawl.extraction.page import Page as NcPage

    site = import_module("newscrawl.sites.generic").SITE  # the generic Site itself, never the registry

    def run(page: Page) -> Output:
        item = site.extract(NcPage.from_bytes(page.url, page.body, page.now), DateParser(page.now))
        return item_output(item.to_dict())

    return System("generic", "newscrawl generic", "newscrawl", run, True,
                  ["`newscrawl.sites.generic.SITE` run on every page, whatever its domain"])


def trafilatura_system() -> System:
    import trafilatura

    def run(page: Page) -> Output:
        doc = trafilatura.bare_extraction(page.body, url=page.url, with_metadata=True)
        data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        return {"title": data.get("title"), "published_at": data.get("date"), "authors": data.get("author"),
                "lede": data.get("description"), "body": data.get("text"), "captions": None}

    return System("trafilatura", "trafilatura", "trafilatura", run, False, [
        "`bare_extraction(html_bytes, url=…, with_metadata=True)`, default settings",
        "dates are days (`YYYY-MM-DD`): never right to the minute, scored on the day row",
        "authors: the `author` string split on `;`; lede: `description`; body: `text`",
        "no captions: the captions row is n/a (caption leaks into `text` are counted)"])


def _offline_tldextract() -> None:
    """newspaper4k calls tldextract, which fetches the public suffix list: use its bundled copy."""
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=(), cache_dir=None)


def newspaper_system() -> System:
    with warnings.catch_warnings():  # "nltk is not installed": only .nlp() needs it, never called here
        warnings.simplefilter("ignore")
        import newspaper
    from w3lib.encoding import html_to_unicode

    _offline_tldextract()

    def run(page: Page) -> Output:
        article = newspaper.Article(page.url, language="vi", fetch_images=False)
        article.download(input_html=html_to_unicode(None, page.body)[1])
        article.parse()
        when = article.publish_date
        return {"title": article.title, "published_at": when.isoformat() if when else None,
                "authors": list(article.authors), "lede": article.meta_description,
                "body": article.text, "captions": None}

    return System("newspaper4k", "newspaper4k", "newspaper4k", run, False, [
        "`Article(url, language='vi', fetch_images=False)`, `download(input_html=…)`, `parse()`;"
        " no `.nlp()` (nltk not needed, nothing downloaded)",
        "lede: `meta_description`; authors: `authors`; date: `publish_date` (a datetime, as given)",
        "no captions: the captions row is n/a (caption leaks into `text` are counted)"])


FACTORIES: tuple[tuple[str, str, Callable[[], System]], ...] = (
    ("site", "newscrawl (site modules)", newscrawl_sites),
    ("generic", "newscrawl generic", newscrawl_generic),
    ("trafilatura", "trafilatura", trafilatura_system),
    ("newspaper4k", "newspaper4k", newspaper_system),
)


def build_systems() -> tuple[list[System], dict[str, str]]:
    """The systems that import; the others with the reason (a missing one is skipped, not fatal)."""
    systems, missing = [], {}
    for key, label, factory in FACTORIES:
        try:
            with Offline() as offline:  # importing must not download anything either
                system = factory()
            system.network_at_import = offline.attempts
            systems.append(system)
        except Exception as exc:  # noqa: BLE001 - ImportError, or a module being written right now
            missing[label] = f"{type(exc).__name__}: {exc}"
            if key == "generic":
                print("generic extractor not available", file=sys.stderr)
            else:
                print(f"{label} not available: {missing[label]}", file=sys.stderr)
    return systems, missing


# --- running ----------------------------------------------------------------------------------------

def run_system(system: System, pages: list[Page]) -> Result:
    result = Result(system)
    with Offline() as offline, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in pages:
            started = time.perf_counter()
            try:
                output = system.run(page)
            except Skip as exc:
                result.skipped[page.id] = str(exc)
                continue
            except Exception as exc:  # noqa: BLE001 - a crash on one page is a wrong page, not a stop
                result.errors[page.id] = f"{type(exc).__name__}: {exc}"
                reason = f"crashed: {result.errors[page.id]}"
                result.scores[page.id] = failed_case(page.expected, reason, has_captions=system.has_captions)
                continue
            finally:
                result.seconds += time.perf_counter() - started
            result.outputs[page.id] = output
            result.scores[page.id] = score_case(page.expected, output)
    result.network_attempts = offline.attempts
    return result


def raw_results(results: list[Result], pages: list[Page]) -> dict[str, Any]:
    """The ``--json`` dump: per system and page, the output, each field's score and any error."""
    dump: dict[str, Any] = {"pages": {p.id: {"url": p.url, "synthetic": p.synthetic} for p in pages}}
    for result in results:
        dump[result.system.key] = {
            "label": result.system.label, "version": report.version(result.system.dist),
            "seconds": round(result.seconds, 3),
            "network_attempts": result.network_attempts + result.system.network_at_import,
            "skipped": result.skipped, "errors": result.errors,
            "cases": {pid: {"output": result.outputs.get(pid),
                            "scores": {k: None if s is None else asdict(s) for k, s in scores.items()}}
                      for pid, scores in result.scores.items()}}
    return dump


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("--json", metavar="PATH", help="also dump the raw per-case results as JSON")
    parser.add_argument("--out", metavar="PATH", default=RESULTS,
                        help="where the Markdown report goes (default: benchmarks/RESULTS.md)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pages, broken = load_pages()
    systems, missing = build_systems()
    results = [run_system(system, pages) for system in systems]
    text = report.render(results, pages, broken=broken, missing=missing)
    Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(raw_results(results, pages), ensure_ascii=False, indent=1,
                                              default=str), encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
