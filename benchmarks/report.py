"""The Markdown report of the accuracy benchmark (benchmarks/RESULTS.md)."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from typing import TYPE_CHECKING

from benchmarks.scoring import Tally, tally

if TYPE_CHECKING:
    from benchmarks.accuracy import Page, Result, System

ROWS = (
    ("title", "title (exact)"),
    ("title_lenient", "title (lenient: casefold, site suffix dropped)"),
    ("published_at", "published_at (minute + UTC offset)"),
    ("published_day", "published_at (day only)"),
    ("authors", "authors (set)"),
    ("lede", "lede (exact)"),
    ("body", "body segments (F of the next two)"),
    ("body_contains", "· body_contains found"),
    ("body_excludes", "· body_excludes absent"),
    ("captions", "captions (images[].caption)"),
    ("caption_leaks", "caption leaks into body (lower is better)"),
    ("overall", "**overall** (see above)"),
)
CORE_NOTE = "title (exact), published_at (minute), authors, lede, body segments (F), captions"
# fields the generic extractor is compared with trafilatura on (dates: the day, all trafilatura gives)
VERSUS = ("title", "published_day", "authors", "lede", "body", "caption_leaks")
SHOWN_FAILURES = ("title", "published_at", "authors", "lede", "body", "captions", "caption_leaks")


def version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(dist)
    except PackageNotFoundError:
        return "not installed"


def cell(t: Tally, field: str, system: System) -> str:
    if field == "captions" and not system.has_captions:
        return "n/a"
    if t.share is None:
        return "—"
    if field == "caption_leaks":
        return f"{t.total - round(t.points)} of {t.total}"
    return f"{100 * t.share:.1f} % ({t.total})"


def tallies(result: Result, ids: set[str] | None = None) -> dict[str, Tally]:
    return tally([s for pid, s in result.scores.items() if ids is None or pid in ids])


def table(results: list[Result], pages: list[Page]) -> list[str]:
    head = "| field | " + " | ".join(r.system.label for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    totals = [tallies(r) for r in results]
    for field, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(t[field], field, r.system)
                                                    for t, r in zip(totals, results, strict=True)) + " |")
    real = {p.id for p in pages if not p.synthetic}
    lines.append("| overall, real pages only | " + " | ".join(
        cell(tallies(r, real)["overall"], "overall", r.system) for r in results) + " |")
    common = set.intersection(*(set(r.scores) for r in results)) if results else set()
    lines.append(f"| overall, on the {len(common)} pages every system scored | " + " | ".join(
        cell(tallies(r, common)["overall"], "overall", r.system) for r in results) + " |")
    lines.append("| pages scored / skipped / crashed | " + " | ".join(
        f"{len(r.scores) - len(r.errors)} / {len(r.skipped)} / {len(r.errors)}" for r in results) + " |")
    lines.append("| time per page | " + " | ".join(
        f"{1000 * r.seconds / max(1, len(r.scores)):.0f} ms" for r in results) + " |")
    lines.append("| network connections refused (import + run) | " + " | ".join(
        f"{r.system.network_at_import} + {r.network_attempts}" for r in results) + " |")
    return lines


def _pct(t: Tally) -> str:
    return "—" if t.share is None else f"{100 * t.share:.1f} %"


def site_targets(result: Result | None) -> list[str]:
    if result is None:
        return ["- Target: site modules 100 % on title and published_at, ≥ 97 % overall: **not measured**"]
    t = tallies(result)
    lines = []
    goals = (("title", 1.0, "100 % on title"), ("published_at", 1.0, "100 % on published_at"),
             ("overall", 0.97, "≥ 97 % overall"))
    for field, goal, label in goals:
        share = t[field].share
        verdict = "not measured" if share is None else ("met" if share >= goal - 1e-9 else "not met")
        lines.append(f"- Target: site modules {label}: **{verdict}** ({_pct(t[field])}, n={t[field].total})")
    return lines


def compare(ours: float, theirs: float) -> tuple[bool, str]:
    """Ahead = strictly higher, or both perfect (nothing can be ahead of 100 %)."""
    eps = 1e-9
    if ours > theirs + eps:
        return True, "ahead"
    if ours >= 1 - eps and theirs >= 1 - eps:
        return True, "tie at 100 %"
    return False, "tie" if abs(ours - theirs) < eps else "behind"


def versus_target(generic: Result | None, rival: Result | None) -> list[str]:
    """The generic extractor against trafilatura on each field both can be scored on."""
    label = "- Target: generic extractor ahead of trafilatura on every comparable field"
    if generic is None or rival is None:
        who = "generic extractor" if generic is None else "trafilatura"
        return [f"{label}: **not measured** ({who} not available)"]
    same = set(generic.scores) & set(rival.scores)  # side by side on the same pages
    g, r = tallies(generic, same), tallies(rival, same)
    parts, met = [], True
    for field in VERSUS:
        if g[field].share is None or r[field].share is None:
            continue
        ahead, word = compare(g[field].share, r[field].share)
        met = met and ahead
        ours, theirs = cell(g[field], field, generic.system), cell(r[field], field, rival.system)
        parts.append(f"{field} {ours} vs {theirs} ({word})")
    verdict = "not measured" if not parts else ("met" if met else "not met")
    return [f"{label}: **{verdict}** (on {len(same)} pages) — " + "; ".join(parts)]


def failures(result: Result) -> list[str]:
    lines = [f"### {result.system.label}", ""]
    for pid, scores in result.scores.items():
        if pid in result.errors:
            lines.append(f"- `{pid}`: crashed: {result.errors[pid]}")
            continue
        wrong = [(f, s) for f in SHOWN_FAILURES if (s := scores.get(f)) is not None and not s.ok]
        if wrong:
            lines.append(f"- `{pid}`")
            lines.extend(f"  - {f}: {s.detail or 'partly wrong'}" for f, s in wrong)
    lines.extend(f"- `{pid}`: skipped ({why})" for pid, why in result.skipped.items())
    if len(lines) == 2:
        lines.append("- none")
    return lines + [""]


def header(results: list[Result], pages: list[Page]) -> list[str]:
    real = sum(not p.synthetic for p in pages)
    dists = dict.fromkeys([r.system.dist for r in results] + ["lxml", "scrapy"])
    versions = ", ".join(f"{d} {version(d)}" for d in dists)
    return [
        "# Accuracy benchmark results", "",
        "Written by `python -m benchmarks.accuracy` (`make bench-accuracy`); the metrics are explained in"
        " [README.md](README.md). Do not edit by hand: run the script again.", "",
        f"- Date: {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %z')}",
        f"- Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()},"
        f" Python {platform.python_version()}; every tool runs offline (network refused)",
        f"- Versions: {versions}",
        f"- Pages: {len(pages)} article fixtures (`tests/fixtures/*/*/`, meta kind \"article\"):"
        f" {real} real, {len(pages) - real} hand-built (synthetic)", "",
    ]


def render(results: list[Result], pages: list[Page], *, broken: dict[str, str],
           missing: dict[str, str]) -> str:
    by_key = {r.system.key: r for r in results}
    lines = header(results, pages)
    lines += ["## Per-field accuracy", "",
              "Cells: accuracy % (n = checks: one per case, or one per string/caption for the"
              " body_contains, body_excludes and captions rows). Overall = "
              f"{CORE_NOTE}, every check counted once (n/a rows left out).", ""]
    lines += table(results, pages) + [""]
    lines += ["## Targets", ""] + site_targets(by_key.get("site"))
    lines += versus_target(by_key.get("generic"), by_key.get("trafilatura")) + [""]
    lines += ["## How each tool was run", ""]
    for r in results:
        tool = f"{r.system.dist} {version(r.system.dist)}"
        lines += [f"- **{r.system.label}** ({tool}): " + "; ".join(r.system.notes)]
    lines += [f"- **{label}**: not available ({why})" for label, why in missing.items()] + [""]
    lines += ["## Failures (newscrawl)", ""]
    for key in ("site", "generic"):
        if key in by_key:
            lines += failures(by_key[key])
    if broken:
        lines += ["## Fixtures not read", ""] + [f"- `{pid}`: {why}" for pid, why in broken.items()] + [""]
    lines += ["## Pages", ""] + [f"- `{p.id}`{' (synthetic)' if p.synthetic else ''}: {p.url}" for p in pages]
    return "\n".join(lines) + "\n"
