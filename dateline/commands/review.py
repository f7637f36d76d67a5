"""``dateline review``: the events that come only from articles, for an editor to judge."""

from __future__ import annotations

import argparse
import json

from dateline import pipeline
from dateline.commands.common import add_content_options, report, settings_from
from dateline.model import Event

HELP = "list events found only in articles, with confidence and sentence"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``review``."""
    add_content_options(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


def unreviewed(result: pipeline.Result) -> list[Event]:
    """Extracted events that no hand-written entry took over, most doubtful first."""
    events = result.timeline.events if result.timeline else ()
    return sorted((e for e in events if e.extracted),
                  key=lambda e: (e.confidence, e.date.sort_key(), e.slug))


def run(args: argparse.Namespace) -> int:
    """Print one block per extracted event: id, confidence, date, title, where, sentence."""
    result = pipeline.gather(settings_from(args))
    if result.failed:
        return report(result.diagnostics, args.strict, "checked")
    events = unreviewed(result)
    if args.json:
        print(json.dumps([_as_json(e) for e in events], ensure_ascii=False, indent=2))
        return 0
    for event in events:
        print(f"{event.slug}  confidence {event.confidence:.2f}  {event.date.human()}")
        print(f"  {event.title}")
        for source in event.sources:
            print(f"  {event.mark.path}:{event.mark.line}:{event.mark.col}: {source.quote}")
        print()
    print(f"{len(events)} extracted event{'s' if len(events) != 1 else ''} to review; "
          "take one over with: python build.py accept ID")
    return 0


def _as_json(event: Event) -> dict[str, object]:
    return {"id": event.slug, "confidence": round(event.confidence, 3),
            "date": event.date.edtf(), "title": event.title, "people": list(event.people),
            "path": event.mark.path, "line": event.mark.line,
            "quotes": [s.quote for s in event.sources if s.quote]}
