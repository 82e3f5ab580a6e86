"""The ``newscrawl`` command: ``crawl`` (a spider, as ``scrapy crawl`` runs it) and ``extract`` (one page)."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

EXIT_INPUT = 1  # unreadable input, or a crawl that did not finish
EXIT_USAGE = 2  # bad arguments
EXIT_ALARM = 3  # the crawl finished but raised a layout-drift alarm
EXIT_LOCKED = 75  # another crawl of the same site is running (EX_TEMPFAIL: try again later)


class CliError(Exception):
    """A user error: printed as one line on stderr, no traceback."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message} (see --help)", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newscrawl", description="Crawl Vietnamese news sites into clean JSONL.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    crawl = sub.add_parser("crawl", help="run a site's spider, exactly as `scrapy crawl SITE` would")
    crawl.add_argument("site", help="site key, e.g. ttv")
    crawl.add_argument("-a", dest="spider_args", action="append", default=[], metavar="NAME=VALUE",
                       help="spider argument (replay=DIR, base_url=URL, max_pages=N)")
    crawl.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                       help="Scrapy setting, e.g. NEWSCRAWL_OUTPUT_DIR=/data/news")
    crawl.add_argument("-L", "--loglevel", default=None, help="log level (default INFO)")
    extract = sub.add_parser("extract", help="print the item of one saved page as a JSON object")
    extract.add_argument("page", help="saved HTML file (.html or .html.gz)")
    extract.add_argument("--url", required=True, help="the URL the page was fetched from")
    extract.add_argument("--now", default=None, help="fetch time, ISO-8601 (relative dates); default: now")
    testsite = sub.add_parser("testsite", help="serve a synthetic TTV-like site on loopback (for tests)")
    from newscrawl.testsite.server import add_arguments

    add_arguments(testsite)
    return parser


def _pairs(values: Sequence[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name:
            raise CliError(f"newscrawl: {flag} expects NAME=VALUE, got {value!r}", EXIT_USAGE)
        pairs[name] = rest
    return pairs


def cmd_crawl(ns: argparse.Namespace) -> int:
    from newscrawl.sites import UnknownSite, get_site
    from newscrawl.spiders.args import ArgumentError, SpiderArgs

    try:
        get_site(ns.site)
        spider_args = _pairs(ns.spider_args, "-a")
        parsed = SpiderArgs.parse(spider_args)
        if ns.site == "generic":
            from newscrawl.spiders.generic import check_args

            check_args(parsed)
    except (UnknownSite, ArgumentError) as exc:
        raise CliError(f"newscrawl crawl: {exc.args[0]}", EXIT_USAGE) from None
    return run_crawl(ns.site, spider_args, _pairs(ns.settings, "-s"), ns.loglevel)


def run_crawl(site: str, spider_args: dict[str, str], overrides: dict[str, str], loglevel: str | None) -> int:
    """What ``scrapy crawl`` does, plus the run lock up front and exit codes from the run's stats."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from newscrawl.extensions import lock_path
    from newscrawl.state import LockedError, acquire_lock

    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    if loglevel:
        settings.set("LOG_LEVEL", loglevel, priority="cmdline")
    if settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
        try:
            acquire_lock(lock_path(settings, site))
        except LockedError as exc:
            raise CliError(f"newscrawl crawl {site}: {exc}", EXIT_LOCKED) from None
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(site)
    process.crawl(crawler, **spider_args)
    process.start()
    return crawl_exit_code(crawler.stats.get_stats() if crawler.stats else {})


def crawl_exit_code(stats: dict[str, object]) -> int:
    """0 clean; 3 a layout-drift alarm (see the run summary); 1 the crawl did not finish."""
    if stats.get("finish_reason") != "finished":
        return EXIT_INPUT
    alarms = sorted(k.removeprefix("newscrawl/alarm/") for k in stats if k.startswith("newscrawl/alarm/"))
    if alarms:
        print(f"newscrawl crawl: alarm: {', '.join(alarms)} (see {stats.get('newscrawl/summary_path')})",
              file=sys.stderr)
        return EXIT_ALARM
    return 0


def cmd_testsite(ns: argparse.Namespace) -> int:
    from newscrawl.testsite.server import run

    try:
        return run(ns)
    except ValueError as exc:
        raise CliError(f"newscrawl testsite: {exc}", EXIT_USAGE) from None


def read_page(path: str) -> bytes:
    try:
        data = Path(path).read_bytes()
        return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise CliError(f"newscrawl extract: cannot read {path!r}: {reason}") from None


def parse_now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        now = datetime.fromisoformat(value)
    except ValueError:
        raise CliError(f"newscrawl extract: --now {value!r} is not an ISO-8601 time", EXIT_USAGE) from None
    if now.tzinfo is None:
        from newscrawl.extraction.dates import VN_TZ

        now = now.replace(tzinfo=VN_TZ)
    return now


def extract_item(body: bytes, url: str, now: datetime) -> dict[str, object]:
    """The item for one page, through the code path the spider uses; the generic extractor for a
    domain without a site module."""
    from newscrawl.extraction.dates import DateParser
    from newscrawl.extraction.page import Page
    from newscrawl.sites import SITES, UnknownSite, site_for_url

    try:
        site = site_for_url(url)
    except UnknownSite:
        site = SITES["generic"]
    return site.extract(Page.from_bytes(url, body, now), DateParser(now)).to_dict()


def cmd_extract(ns: argparse.Namespace) -> int:
    if not ns.url.startswith(("http://", "https://")):
        raise CliError(f"newscrawl extract: --url {ns.url!r} is not an http(s) URL", EXIT_USAGE)
    now = parse_now(ns.now)
    item = extract_item(read_page(ns.page), ns.url, now)
    sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        ns = build_parser().parse_args(argv)
        return {"crawl": cmd_crawl, "extract": cmd_extract, "testsite": cmd_testsite}[ns.command](ns)
    except CliError as exc:
        print(exc.args[0], file=sys.stderr)
        return exc.code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
