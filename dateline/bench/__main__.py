"""``python -m dateline.bench``: time dateline, Hugo and Pelican on one synthetic timeline."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

from dateline.bench.run import (
    Row,
    extraction,
    full_builds,
    prepare,
    preview_rebuilds,
    rebuilds,
    save,
    tools_for,
)


def _say(text: str) -> None:
    print(text, flush=True)


def table(rows: list[Row]) -> list[str]:
    """Medians, ranges, ratio to Hugo, pages per second and peak memory, one line a tool."""
    lines = [f"{'events':>7} {'tool':22} {'median':>8} {'min–max':>13} {'×Hugo':>6} "
             f"{'pages':>6} {'pages/s':>8} {'peak MiB':>9}"]
    for row in rows:
        hugo = next((r for r in rows if r.size == row.size and r.tool == "hugo"), None)
        ratio = f"{row.median / hugo.median:6.2f}" if hugo else f"{'–':>6}"
        span = f"{min(row.seconds):.2f}–{max(row.seconds):.2f}"
        lines.append(f"{row.size:>7,} {row.tool:22} {row.median:7.2f}s {span:>13} {ratio} "
                     f"{row.pages:>6} {row.pages / row.median:8.0f} "
                     f"{max(row.peaks) / 2**20:9.0f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Parse options, run every part, print the tables."""
    parser = argparse.ArgumentParser(prog="python -m dateline.bench", description=__doc__)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000 4000 10000"),
                        help="event counts, space- or comma-separated (env BENCH_SIZES)")
    parser.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 3)))
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "dateline-bench",
                        help="where the corpora and outputs go")
    parser.add_argument("--tools", default="",
                        help="only these, comma-separated (e.g. dateline-nosearch,hugo)")
    parser.add_argument("--skip-rebuilds", action="store_true")
    parser.add_argument("--skip-extraction", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.sizes.replace(",", " ").split()]
    args.work.mkdir(parents=True, exist_ok=True)
    _say(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
         f"{platform.python_version()}")
    rows: list[Row] = []
    sites: dict[str, Path] = {}
    for number, size in enumerate(sizes):
        sites = prepare(args.work, size, _say)
        tools = tools_for(sites, _say if number == 0 else None)
        if args.tools:
            tools = [tool for tool in tools if tool.name in args.tools.split(",")]
        rows.extend(full_builds(size, tools, args.repeats, _say))
    _say("\n".join(["", "full builds (cold):", *table(rows)]))
    edits = {} if args.skip_rebuilds or not sizes else rebuilds(tools_for(sites), sites, _say)
    if edits:
        edits["dateline preview"] = preview_rebuilds(sites["dateline"], _say)
    extract = {} if args.skip_extraction else extraction(args.work, min(sizes), _say)
    save(args.work / "results.json", rows, edits, extract)
    _say(f"figures saved in {args.work / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
