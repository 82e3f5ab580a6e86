"""The local test site over real HTTP: routes, admin endpoints, request stats and the CLI entry.

``newscrawl testsite --port P --articles N`` (or ``python -m newscrawl.testsite.server``) prints the base
URL as its first stdout line and serves until SIGTERM/SIGINT. Tests use :func:`serve_in_thread`.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import socketserver
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newscrawl.testsite import pages
from newscrawl.testsite.model import MAX_ARTICLES, VN, ZONE_BY_ID, ZONE_BY_SLUG, SiteModel

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
JSON = "application/json; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
KINDS = ("home", "category", "timelinelist", "article", "rss", "sitemap", "robots", "other")
ARTICLE_RE = re.compile(r"^/([a-z0-9-]+)-(\d{18})\.htm$")
CATEGORY_RE = re.compile(r"^/([a-z0-9-]+)\.htm$")
TIMELINE_RE = re.compile(r"^/timelinelist/(\d+)/(\d+)\.htm$")
SHARD_RE = re.compile(r"^/sitemaps/(\d+)\.xml$")


@dataclass(slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = HTML
    kind: str = "other"
    headers: dict[str, str] = field(default_factory=dict)


class Stats:
    """Request counts by kind and by status; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._kinds = dict.fromkeys(KINDS, 0)
            self._status: dict[str, int] = {}

    def add(self, kind: str, status: int) -> None:
        with self._lock:
            self._kinds[kind] += 1
            self._status[str(status)] = self._status.get(str(status), 0) + 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {**self._kinds, "status": dict(sorted(self._status.items()))}


def _html(text: str, kind: str, status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"), HTML, kind)


def _json(data: object, status: int = 200) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON, "admin")


class App:
    """Maps a request (method, path, query) to a Response; no sockets here."""

    def __init__(self, model: SiteModel, faults: pages.Faults, base: str = "") -> None:
        self.model = model
        self.faults = faults
        self.base = base
        self.stats = Stats()

    def handle(self, method: str, target: str) -> Response:
        parts = urlsplit(target)
        if parts.path.startswith("/_admin/"):
            return self.admin(method, parts.path, parse_qs(parts.query))
        if method not in ("GET", "HEAD"):
            response = Response(405, b"", TEXT, "other", {"Allow": "GET, HEAD"})
        else:
            if self.faults.slow_ms:
                time.sleep(self.faults.slow_ms / 1000)
            response = self.route(parts.path)
        self.stats.add(response.kind, response.status)
        return response

    def route(self, path: str) -> Response:
        model, base = self.model, self.base
        fixed = {"/": (lambda: pages.render_home(model, base), HTML, "home"),
                 "/robots.txt": (lambda: pages.render_robots(base, self.faults.crawl_delay), TEXT, "robots"),
                 "/rss/tin-tuc.rss": (lambda: pages.render_rss(model, base), XML, "rss"),
                 "/sitemap.xml": (lambda: pages.render_sitemap_index(model, base), XML, "sitemap")}
        if path in fixed:
            render, content_type, kind = fixed[path]
            return Response(200, render().encode("utf-8"), content_type, kind)
        if match := SHARD_RE.match(path):
            xml = pages.render_sitemap(model, base, int(match.group(1)))
            return Response(200, xml.encode("utf-8"), XML, "sitemap") if xml else self.not_found("sitemap")
        if match := TIMELINE_RE.match(path):
            return self.timeline(match.group(1), int(match.group(2)))
        if match := ARTICLE_RE.match(path):
            return self.article(match.group(1), match.group(2))
        if match := CATEGORY_RE.match(path):
            return self.category(match.group(1))
        return self.not_found("other")

    def not_found(self, kind: str) -> Response:
        return _html(pages.render_not_found(self.model, self.base), kind, 404)

    def category(self, slug: str) -> Response:
        if slug == "truyen-hinh":
            return _html(pages.render_live(self.model, self.base), "category")
        zone = ZONE_BY_SLUG.get(slug)
        if zone is None:
            return self.not_found("other")
        return _html(pages.render_category(self.model, zone, self.base), "category")

    def timeline(self, zone_id: str, page: int) -> Response:
        zone = ZONE_BY_ID.get(zone_id)
        if zone is None or page < 1:
            return self.not_found("timelinelist")
        return _html(pages.render_fragment(self.model, zone, page), "timelinelist")

    def article(self, slug: str, article_id: str) -> Response:
        index = self.model.find(article_id)
        if index is None:
            return self.not_found("article")
        article = self.model.article(index)
        if slug != article.slug:
            return Response(301, b"", HTML, "article", {"Location": self.base + article.path})
        faults, seed = self.faults, self.model.seed
        if faults.hit(faults.error_rate, seed, "error", article.path):
            return _html("<html><body><h1>500 Internal Server Error</h1></body></html>", "article", 500)
        page = pages.render_article(self.model, index, self.base, faults)
        if faults.hit(faults.truncate_rate, seed, "truncate", article.path):
            page = pages.truncate(page)
        return _html(page, "article")

    def admin(self, method: str, path: str, query: dict[str, list[str]]) -> Response:
        """``POST publish?count=M``, ``POST edit?index=I``, ``GET stats``, ``POST reset-stats``."""
        action = path.removeprefix("/_admin/")
        wanted = {"publish": "POST", "edit": "POST", "stats": "GET", "reset-stats": "POST"}.get(action)
        if wanted is None:
            return _json({"error": f"unknown admin endpoint {path}"}, 404)
        if method != wanted:
            return _json({"error": f"{path} expects {wanted}"}, 405)
        try:
            if action == "publish":
                return self.publish(int(query.get("count", ["1"])[0]))
            if action == "edit":
                return self.edit(int(query.get("index", [""])[0]))
        except ValueError as exc:
            return _json({"error": str(exc)}, 400)
        except IndexError as exc:
            return _json({"error": str(exc)}, 404)
        if action == "reset-stats":
            self.stats.reset()
        return _json(self.stats.snapshot())

    def publish(self, count: int) -> Response:
        indices = self.model.publish(count)
        urls = [self.base + self.model.article(i).path for i in indices]
        return _json({"articles": self.model.count, "published": urls})

    def edit(self, index: int) -> Response:
        edits = self.model.edit(index)
        article = self.model.article(index)
        return _json({"index": index, "url": self.base + article.path, "edits": edits,
                      "modified": article.modified.isoformat()})


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for the site, POST for the admin endpoints; one response per connection."""

    server: Server
    server_version = "newscrawl-testsite/1.0"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer(send_body=False)

    def do_POST(self) -> None:  # noqa: N802
        self.answer(send_body=True)

    def answer(self, send_body: bool) -> None:
        response = self.server.app.handle(self.command, self.path)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        """No per-request log lines."""


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: App) -> None:
        self.app = app
        super().__init__(address, Handler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup (``getfqdn``), which can take seconds."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # clients that hang up are normal
            super().handle_error(request, client_address)


class TestSite:
    """A running test site: ``base_url``, ``site`` (the model), ``app`` (stats), ``stop()``."""

    __test__ = False  # not a pytest test class

    def __init__(self, server: Server, thread: threading.Thread) -> None:
        self.server, self.thread, self.app = server, thread, server.app
        self.site = server.app.model
        self.base_url = server.app.base

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> TestSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(articles: int, seed: int = 1, faults: str = "", anchor: datetime | None = None,
          host: str = "127.0.0.1", port: int = 0) -> TestSite:
    """Validate, build the model, bind and serve in a daemon thread; ValueError on bad values."""
    if not 1 <= articles <= MAX_ARTICLES:
        raise ValueError(f"--articles must be 1 to {MAX_ARTICLES}, got {articles}")
    if not 0 <= port <= 65535:
        raise ValueError(f"--port must be 0 to 65535, got {port}")
    app = App(SiteModel(articles, seed, anchor), pages.Faults.parse(faults))
    try:
        server = Server((host, port), app)
    except OSError as exc:
        raise ValueError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    app.base = f"http://{shown}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), name="testsite", daemon=True)
    thread.start()
    return TestSite(server, thread)


def serve_in_thread(articles: int, seed: int = 1, faults: str = "", anchor: datetime | None = None
                    ) -> TestSite:
    """A test site on a free loopback port, served by a daemon thread (call ``.stop()`` when done)."""
    return start(articles, seed, faults, anchor)


def parse_anchor(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        anchor = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--anchor {value!r} is not an ISO-8601 time") from None
    return anchor if anchor.tzinfo else anchor.replace(tzinfo=VN)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, help="TCP port (default 0: a free port)")
    parser.add_argument("--articles", type=int, default=200, help="number of articles (1 to 1,000,000)")
    parser.add_argument("--seed", type=int, default=1, help="content seed (same seed, same site)")
    parser.add_argument("--faults", default="", metavar="LIST",
                        help="comma-separated: error-rate=R, slow=MS, drift-dates, drift-titles, "
                        "truncate-rate=R")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--anchor", default=None, metavar="ISO",
                        help="publish time of the newest article (default 2026-01-04T21:00:00+07:00)")


def run(ns: argparse.Namespace) -> int:
    """Serve until SIGTERM or SIGINT; the base URL is the first line of stdout."""
    site = start(ns.articles, ns.seed, ns.faults, parse_anchor(ns.anchor), ns.host, ns.port)
    print(site.base_url, flush=True)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    in_main = threading.current_thread() is threading.main_thread()
    signals = (signal.SIGTERM, signal.SIGINT) if in_main else ()
    previous = {sig: signal.signal(sig, on_signal) for sig in signals}
    try:
        stop.wait()
    finally:
        site.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newscrawl testsite", description="Serve the synthetic TTV site.")
    add_arguments(parser)
    try:
        return run(parser.parse_args(argv))
    except ValueError as exc:
        print(f"newscrawl testsite: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
