"""``dateline accept ID``: an editor takes over an extracted event as a hand-written entry."""

from __future__ import annotations

import argparse
import json
import sys

from dateline import pipeline
from dateline.commands.common import add_content_options, report, settings_from
from dateline.commands.entryfile import Refused, create_entry, entry_slug
from dateline.commands.review import unreviewed
from dateline.diagnostics import did_you_mean
from dateline.model import Event

HELP = "write content/events/<slug>.md from an extracted event, keeping its articles linked"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``accept``."""
    parser.add_argument("id", help="an id printed by 'review'")
    add_content_options(parser)


def run(args: argparse.Namespace) -> int:
    """Write the entry; refuse to overwrite anything."""
    result = pipeline.gather(settings_from(args))
    if result.failed:
        return report(result.diagnostics, args.strict, "checked")
    found = {event.slug: event for event in unreviewed(result)}
    event = found.get(args.id)
    if event is None:
        hint = did_you_mean(args.id, found, 0.6) or "run 'python build.py review' for the ids"
        print(f"dateline: no extracted event '{args.id}' ({hint})", file=sys.stderr)
        return 1
    try:
        path = create_entry(args.content / "events", [entry_slug(event.title)], None,
                            entry_text(event))
    except Refused as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}: edit it, then run 'python build.py check'")
    return 0


def entry_text(event: Event) -> str:
    """A commented event entry pre-filled from an extraction."""
    quote = json.dumps
    articles = sorted({s.article for s in event.sources if s.article})
    lines = [
        "---",
        f"# Taken over from the extracted event {event.slug}.",
        "# Every field here wins over what the articles say; they stay linked as sources.",
        f"title: {quote(event.title, ensure_ascii=False)}",
        f"date: {event.date.edtf()}",
        f"summary: {quote(event.summary or event.title, ensure_ascii=False)}",
        f"people: [{', '.join(event.people)}]",
        f"places: [{', '.join(quote(p, ensure_ascii=False) for p in event.places)}]",
        "tags: []",
        f"articles: [{', '.join(articles)}]",
    ]
    web = [s for s in event.sources if s.url]
    if web:
        lines.append("sources:")
        for source in web:
            lines.append(f"  - url: {quote(source.url)}")
            if source.title:
                lines.append(f"    title: {quote(source.title, ensure_ascii=False)}")
            if source.outlet:
                lines.append(f"    outlet: {quote(source.outlet, ensure_ascii=False)}")
            if source.published:
                lines.append(f"    published: {source.published.edtf()}")
    lines += ["---", *(s.quote for s in event.sources if s.quote), ""]
    return "\n".join(lines)
