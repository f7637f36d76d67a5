"""``dateline serve``: preview the site with drafts, rebuilt and reloaded on every save."""

from __future__ import annotations

import argparse
import sys

from dateline.commands.common import add_content_options, no_templates

HELP = "preview the site at http://127.0.0.1:8000/ with drafts; rebuild and reload on save"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``serve``."""
    add_content_options(parser)
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C; content mistakes show in the page, never stop the server."""
    if no_templates(args):
        return 2
    from dateline.serve import Preview  # here: the other commands need none of it

    try:
        preview = Preview(args.content, args.templates, args.host, args.port, args.base_url,
                          strict=args.strict)
    except OSError as exc:
        print(f"dateline: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    with preview:
        print(f"serving {preview.url} (drafts shown; Ctrl-C to stop)", file=sys.stderr,
              flush=True)
        preview.wait()
    return 0
