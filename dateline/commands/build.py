"""``dateline build``: content to site, atomically."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from dateline import pipeline
from dateline.commands.common import add_content_options, no_templates, report, settings_from
from dateline.search import index_site
from dateline.write import NotReplaceable, UnsafeOutput, check_output_dir, check_replaceable, staged

HELP = "build the site (the default command)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``build``."""
    add_content_options(parser)
    parser.add_argument("--out", type=Path, default=Path("site"),
                        help="output folder (default: site)")
    parser.add_argument("--no-search", action="store_true",
                        help="skip the search index (Pagefind)")


def run(args: argparse.Namespace) -> int:
    """Build; on any error leave the previous site as it was."""
    started = time.perf_counter()
    if no_templates(args):
        return 2
    settings = settings_from(args)
    out: Path = args.out
    refused = _refused(out, settings)
    if refused:
        return refused
    notes: list[str] = []
    try:
        with staged(out) as stage:
            result = pipeline.build(settings, sink=stage.add)  # pages written as they come
            status = report(result.diagnostics, args.strict, None)
            if status or result.timeline is None:
                print("build failed: the previous site was left as it was", file=sys.stderr)
                return status or 1
            gc.freeze()  # the build's objects live until the command ends: not collected
            if not args.no_search:
                notes.extend(index_site(stage.folder(), result.files, out))
            stage.swap(detach=True)  # a large old site is deleted in the background
    except OSError as exc:
        print(f"dateline: cannot write {out}: {exc.strerror or exc} "
              "(the previous site was left as it was)", file=sys.stderr)
        return 1
    except NotReplaceable as exc:  # files put in the output folder since the check
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"dateline: warning: {note}", file=sys.stderr)
    seconds = time.perf_counter() - started
    people = sum(1 for p in result.timeline.people.values() if not p.auto)
    print(f"built {out}: {len(result.timeline.events)} events, {people} people, "
          f"{result.pages} pages ({stage.changed} files changed) in {seconds:.2f} s")
    return 0


def _refused(out: Path, settings: pipeline.Settings) -> int:
    """The exit status when ``out`` may not be replaced (0 when it may), before any work."""
    try:
        check_output_dir(out, [settings.content, settings.templates], Path.cwd())
        check_replaceable(out)  # checked again when the first file is written
    except UnsafeOutput as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"dateline: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
