"""What several commands share: content options, settings and the problem report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline import pipeline
from dateline.diagnostics import Diagnostic, summary


def add_content_options(parser: argparse.ArgumentParser) -> None:
    """``--content``, ``--templates``, ``--base-url``, ``--strict``, ``--drafts``."""
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="content folder (default: content)")
    parser.add_argument("--templates", type=Path, default=Path("templates"),
                        help="templates folder (default: templates)")
    parser.add_argument("--base-url", help="override base_url from site.yaml")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--drafts", action="store_true", help="include draft entries")


def settings_from(args: argparse.Namespace) -> pipeline.Settings:
    """Pipeline settings from parsed options."""
    return pipeline.Settings(content=args.content, templates=args.templates,
                             base_url=args.base_url, drafts=args.drafts, progress=True)


def no_templates(args: argparse.Namespace) -> bool:
    """True, once said, when ``--templates`` names no folder: a usage mistake (exit 2), as
    a missing content folder is."""
    if args.templates.is_dir():
        return False
    print(f"dateline: no templates folder at {args.templates}", file=sys.stderr)
    return True


def report(diagnostics: list[Diagnostic], strict: bool, verb: str | None) -> int:
    """Print every problem and a summary; return the exit status they call for."""
    for item in diagnostics:
        print(item.format(), file=sys.stderr)
    failed = any(d.is_error for d in diagnostics) or (strict and bool(diagnostics))
    if diagnostics or verb:
        print(f"{verb or 'found'}: {summary(diagnostics)}", file=sys.stderr)
    return 1 if failed else 0
