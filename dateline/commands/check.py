"""``dateline check``: validate everything, templates included, and write no site."""

from __future__ import annotations

import argparse

from dateline import pipeline
from dateline.commands.common import add_content_options, no_templates, report, settings_from

HELP = "validate content and templates; write no site"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``check``."""
    add_content_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print every problem; exit 1 on errors (and on warnings with --strict)."""
    if no_templates(args):
        return 2
    return report(pipeline.check(settings_from(args)).diagnostics, args.strict, "checked")
