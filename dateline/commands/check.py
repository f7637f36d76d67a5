"""``dateline check``: validate everything, write nothing."""

from __future__ import annotations

import argparse

from dateline import pipeline
from dateline.commands.common import add_content_options, report, settings_from

HELP = "validate content and write nothing"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``check``."""
    add_content_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print every problem; exit 1 on errors (and on warnings with --strict)."""
    return report(pipeline.check(settings_from(args)).diagnostics, args.strict, "checked")
