"""``dateline extract FILE...``: what extraction finds in articles, and why."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dateline import schema
from dateline.diagnostics import Diagnostic, error
from dateline.entries import article_from
from dateline.extract.found import Extraction
from dateline.model import Article, Person
from dateline.yamlread import YamlProblem, split_front_matter

HELP = "show the dates, people and events found in article files, and why"
_ORIGINS = {"option": "--published"}  # where the publication date came from, as printed


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``extract``."""
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article files")
    parser.add_argument("--published", type=_day, metavar="YYYY-MM-DD",
                        help="publication date to count relative dates from")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="content folder whose people/ are matched (default: content)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (expected YYYY-MM-DD)") from None


def read_article(path: Path) -> tuple[Article | None, list[Diagnostic]]:
    """An article file as ``load`` would read it, named by the path as given."""
    shown = path.as_posix()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [error(shown, 1, 1, f"cannot read article: {exc}")]
    try:
        document = split_front_matter(text)
    except YamlProblem as problem:
        return None, [error(shown, problem.line, problem.col, problem.message, problem.hint)]
    fields, found = schema.validate(document.meta, schema.ARTICLE, shown)
    if any(d.is_error for d in found):
        return None, list(found)
    slug = "".join(c if c.isalnum() else "-" for c in path.stem.lower()).strip("-") or "article"
    return article_from(slug, shown, document, fields), list(found)


def _people(content: Path) -> tuple[Person, ...]:
    if not (content / "people").is_dir():
        return ()
    from dateline.load import load_content

    return load_content(content).content.people


def run(args: argparse.Namespace) -> int:
    """Print each article's findings (text or ``--json``); 1 if a file cannot be read."""
    from dateline.extract.article import extract_article
    from dateline.extract.people import known_people

    known = known_people(_people(args.content))
    results, status = [], 0
    for path in args.files:
        article, problems = read_article(path)
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        if article is None:
            status = 1
            continue
        results.append((article, extract_article(article, known, args.published)))
    if args.json:
        print(json.dumps({"articles": [as_json(a, x) for a, x in results]},
                         ensure_ascii=False, indent=2))
    else:
        for article, extraction in results:
            _print_text(article, extraction)
    return status


def as_json(article: Article, found: Extraction) -> dict[str, Any]:
    """The documented JSON shape of one article's extraction."""
    named = _named(found)
    return {
        "path": article.mark.path,
        "published": found.published.edtf() if found.published else None,
        "published_from": found.published_from,
        "dateline": {"place": found.dateline.place, "outlet": found.dateline.outlet}
        if found.dateline else None,
        "credits": [{"name": c.name, "role": c.role} for c in found.credits],
        "events": [{"date": e.date.edtf(), "precision": e.date.precision.label,
                    "title": e.title, "people": _names(e.people_refs, named),
                    "places": list(e.places), "line": e.mark.line,
                    "quote": e.sources[0].quote if e.sources else ""} for e in found.events],
        "dates": [{"text": d.text, "line": d.line, "col": d.col, "end_col": d.end_col,
                   "value": d.value.edtf() if d.value else None,
                   "precision": d.value.precision.label if d.value else None,
                   "accepted": d.accepted, "reason": d.reason} for d in found.dates],
        "people": [{"text": p.text, "line": p.line, "col": p.col, "end_col": p.end_col,
                    "name": p.name} for p in found.people],
    }


def _named(found: Extraction) -> dict[str, str]:
    """Each person reference of the article's events → the name it stands for."""
    return {p.slug or p.name: p.name for p in found.people}


def _names(refs: Sequence[Any], named: dict[str, str]) -> list[str]:
    return [named.get(ref.text, ref.text) for ref in refs]


def _print_text(article: Article, found: Extraction) -> None:
    published = found.published.edtf() if found.published else "unknown"
    origin = found.published_from or "-"
    origin = _ORIGINS.get(origin, origin)
    print(f"{article.mark.path}: published {published} (from {origin})")
    if found.dateline:
        print(f"  dateline: {found.dateline.place or '-'} ({found.dateline.outlet or '-'})")
    for credit in found.credits:
        print(f"  credit: {credit.name} ({credit.role})")
    named = _named(found)
    for event in found.events:
        people = ", ".join(_names(event.people_refs, named)) or "no one named"
        print(f"  event {event.date.edtf()} [{event.date.precision.label}] {event.title}")
        print(f"    line {event.mark.line}; people: {people}; "
              f"places: {', '.join(event.places) or '-'}")
    for mention in found.dates:
        verdict = f"= {mention.value.edtf()}" if mention.value else "rejected"
        print(f"  date {mention.line}:{mention.col} '{mention.text}' {verdict}: {mention.reason}")
    for person in found.people:
        print(f"  person {person.line}:{person.col} '{person.text}' → {person.name}")
