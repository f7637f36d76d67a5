"""``dateline new event|person|article``: write a commented entry an editor fills in.

This is the one place, beside ``accept``, where dateline writes into ``content/``: the editor
asked for the file by name. It never overwrites; the new file is checked straight away.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from dateline import pipeline, schema
from dateline.commands.common import add_content_options, settings_from
from dateline.commands.entryfile import Refused, create_entry, entry_slug
from dateline.dates import DateError, parse_date
from dateline.load import load_content
from dateline.people import build_registry, normal

HELP = "write a new commented event, person or article file with a unique slug"
FOLDERS = {"event": "events", "person": "people", "article": "articles"}


def configure(parser: argparse.ArgumentParser) -> None:
    """``new event TITLE --date …``, ``new person NAME``, ``new article --url … --outlet …``."""
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    ev = kinds.add_parser("event", help="content/events/<slug>.md")
    ev.add_argument("title")
    ev.add_argument("--date", required=True, help="YYYY, YYYY-MM, YYYY-MM-DD or a range")
    ev.add_argument("--people", nargs="+", action="extend", default=[], metavar="NAME",
                    help="people by slug, name or alias")
    ev.add_argument("--tags", nargs="+", action="extend", default=[], metavar="TAG")
    ev.add_argument("--source", help="address of a source (http or https)")
    ev.add_argument("--summary", default="", help="one or two sentences")
    ev.add_argument("--draft", action="store_true", help="mark it 'draft: true'")
    pe = kinds.add_parser("person", help="content/people/<slug>.md")
    pe.add_argument("name")
    pe.add_argument("--aliases", nargs="+", action="extend", default=[], metavar="SPELLING")
    ar = kinds.add_parser("article", help="content/articles/<slug>.txt")
    ar.add_argument("--url", required=True)
    ar.add_argument("--outlet", required=True)
    ar.add_argument("--title", default="")
    ar.add_argument("--published", help="publication date, e.g. 2018-03-05")
    ar.add_argument("--text", type=Path, help="file holding the article text ('-': stdin)")
    for sub in (ev, pe, ar):
        sub.add_argument("--slug", help="file name to use instead of one made from the title")
        add_content_options(sub)


def run(args: argparse.Namespace) -> int:
    """Write the file, then report what ``check`` says about it."""
    try:
        names, text = _entry(args)
        path = create_entry(args.content / FOLDERS[args.kind], names, args.slug, text)
    except Refused as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    shown = (Path(args.content.name) / path.relative_to(args.content)).as_posix()
    print(f"wrote {shown}")
    settings = replace(settings_from(args), drafts=True)  # a new draft is checked too
    found = [d for d in pipeline.gather(settings).diagnostics if d.path == shown]
    for problem in found:
        print(problem.format(), file=sys.stderr)
    return 1 if any(d.is_error for d in found) or (args.strict and found) else 0


def _entry(args: argparse.Namespace) -> tuple[list[str], str]:
    """The slugs to try, best first, and the file's text."""
    if args.kind == "event":
        _refuse_blank(args.title, "title", 'new event "Talks in Moscow" --date 2017-12-22')
        date = _date(args.date)
        _refuse_bad_url(args.source)
        base = entry_slug(args.title)
        return [base, f"{base}-{date[:4]}"], event_text(
            args.title, date, _people(args), args.tags, args.source, args.summary, args.draft)
    if args.kind == "person":
        _refuse_blank(args.name, "name", 'new person "Sergei Lavrov"')
        _refuse_known(args.content, args.name, args.aliases, args.slug or entry_slug(args.name))
        return [entry_slug(args.name)], person_text(args.name, args.aliases)
    published = _date(args.published) if args.published else ""
    body = _article_body(args.text)
    _refuse_bad_url(args.url)  # before its words are taken for the file name
    name = args.title or _url_words(args.url) or args.outlet
    return [entry_slug(name)], article_text(args.url, args.outlet, args.title, published, body)


def _refuse_blank(text: str, what: str, example: str) -> None:
    if not text.strip():
        raise Refused(f"the {what} is empty (for example: dateline {example})")


def _date(text: str) -> str:
    try:
        return parse_date(text).edtf()
    except DateError as exc:
        raise Refused(exc.message) from exc


def _people(args: argparse.Namespace) -> list[str]:
    """Known people by their slug; unknown names as typed (``check`` then says why)."""
    registry = build_registry(load_content(args.content).content.people)
    return [registry.lookup(name) or name for name in args.people]


def _refuse_known(content: Path, name: str, aliases: list[str], slug: str) -> None:
    """Refuse a name that is already someone's spelling, and an alias that is already
    someone's name or slug (it would never mean this person); people may share an alias.
    A taken file name is left to :func:`create_entry`."""
    people = load_content(content).content.people
    registry = build_registry(people)
    owner = registry.lookup(name)
    if owner is not None:
        raise Refused(f"'{name}' is already content/people/{owner}.md; "
                      "add another spelling to its 'aliases' instead")
    named = {normal(spelling): person.slug for person in people
             for spelling in (person.slug, person.name)}
    for alias in aliases:
        owner = named.get(normal(alias))
        if owner is not None:
            raise Refused(f"'{alias}' is already content/people/{owner}.md; "
                          "one spelling names one person, so leave it out of --aliases")
    owner = registry.lookup(slug)
    if owner not in (None, slug):
        raise Refused(f"the file name '{slug}' is already a spelling of "
                      f"content/people/{owner}.md; choose another with --slug")


def _article_body(source: Path | None) -> str:
    if source is None:
        return ""
    try:
        text = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(f"cannot read the article text from {source}: {exc}") from exc
    return text.strip() + "\n"


def _url_words(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1].rsplit(".", 1)[0] if parts else ""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid ones)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_q(item) for item in items) + "]"


def event_text(title: str, date: str, people: list[str], tags: list[str], source: str | None,
               summary: str, draft: bool) -> str:
    """A commented event entry."""
    lines = [
        "---",
        "# An event of the timeline; 'python build.py check' checks every field.",
        "# Dates: YYYY, YYYY-MM or YYYY-MM-DD; a range is START/END (START/.. while it lasts);",
        "# add ~ for 'about' or ? for 'uncertain', e.g. 1991~.",
        f"title: {_q(title)}",
        f"date: {date}",
        f"summary: {_q(summary)}" if summary else "# summary: One or two sentences for the "
        "timeline.",
        "# People by slug, name or alias (content/people/<slug>.md).",
        f"people: {_flow(people)}",
        "places: []",
        f"tags: {_flow(tags)}",
        "# Where the facts come from: at least one source with a url.",
        *_source_lines(source),
        "draft: true" if draft else "# draft: true keeps it out of the published site "
        "(serve shows it).",
        "---",
        "",
    ]
    return "\n".join(lines)


def _source_lines(url: str | None) -> list[str]:
    if url:
        return ["sources:", f"  - url: {_q(url)}", "    # title: …", "    # outlet: …",
                "    # published: YYYY-MM-DD"]
    return ["# sources:", "#   - url: https://…", "#     title: …", "#     outlet: …",
            "#     published: YYYY-MM-DD"]


def _refuse_bad_url(url: str | None) -> None:
    wrong = schema.web_address_problem(url) if url is not None else None
    if wrong is not None:
        raise Refused(f"the address {wrong[0]}" + (f" ({wrong[1]})" if wrong[1] else ""))


def person_text(name: str, aliases: list[str]) -> str:
    """A commented person entry."""
    lines = [
        "---",
        "# A person of the timeline; events name them by slug, name or alias.",
        f"name: {_q(name)}",
        "# Other spellings, e.g. in Cyrillic.",
        f"aliases: {_flow(aliases)}",
        "# born: YYYY-MM-DD",
        "# nationality: …",
        "# roles:",
        "#   - title: Foreign Secretary",
        "#     from: YYYY-MM-DD",
        "#     to: YYYY-MM-DD",
        "---",
        "",
    ]
    return "\n".join(lines)


def article_text(url: str, outlet: str, title: str, published: str, body: str) -> str:
    """A commented article file; the pasted text goes below the front matter."""
    lines = [
        "---",
        "# A news article as published; dateline finds dated events in the text below.",
        f"url: {_q(url)}",
        f"outlet: {_q(outlet)}",
        f"title: {_q(title)}" if title else "# title: …",
        f"published: {published}" if published else "# published: YYYY-MM-DD",
        "# authors: [\"…\"]",
        "# event: slug of the hand-written event it reports",
        "---",
        body or "",
    ]
    return "\n".join(lines)
