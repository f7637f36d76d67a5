"""The ``dateline`` command; ``python build.py ARGS`` is the same as ``dateline ARGS``."""

from __future__ import annotations

import argparse
import os
import select
import sys
from collections.abc import Mapping, Sequence
from types import ModuleType

from dateline.commands import accept, build, check, extract, new, review, schema, serve

COMMANDS: Mapping[str, ModuleType] = {
    "build": build,
    "check": check,
    "review": review,
    "extract": extract,
    "accept": accept,
    "serve": serve,
    "new": new,
    "schema": schema,
}
DEFAULT = "build"
READER_GONE = 141  # the status a shell gives a command stopped by a closed pipe (128 + SIGPIPE)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline", description="Build a static timeline site from content/.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        module.configure(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; 0 when all went well, 1 on content problems, 2 on usage errors, and
    141, quietly, when the reader of its output went away (``dateline extract … | head``)."""
    try:
        status = _run(argv)
        sys.stdout.flush()  # a reader gone is found here, not by Python's flush at exit
    except BrokenPipeError:
        if not _reader_gone():
            raise  # another pipe broke (a subprocess's): a failure to report, not to hide
        _silence()
        return READER_GONE
    return status


def _reader_gone() -> bool:
    """Whether the reader of standard output or error has closed its end of the pipe."""
    if not hasattr(select, "poll"):  # pragma: no cover - not on Linux or macOS
        return True
    for stream in (sys.stdout, sys.stderr):
        try:
            poller = select.poll()
            poller.register(stream.fileno(), select.POLLOUT)
        except (OSError, ValueError):  # not a file of its own (captured, or closed)
            continue
        if any(events & select.POLLERR for _, events in poller.poll(0)):
            return True
    return False


def _silence() -> None:
    """Point standard output and error at the null device: what is still buffered for the
    closed pipe, and anything said after, goes nowhere instead of raising again at exit."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(null, stream.fileno())
            except (OSError, ValueError):  # not a file of its own (captured, or closed)
                continue
    finally:
        os.close(null)


def _run(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or words[0] not in (*COMMANDS, "-h", "--help"):
        words.insert(0, DEFAULT)
    args = _parser().parse_args(words)
    content = getattr(args, "content", None)
    if content is not None and not content.is_dir():
        print(f"dateline: no content folder at {content}", file=sys.stderr)
        return 2
    status: int = COMMANDS[args.command].run(args)
    return status
