"""The floor of our stack: the featureless pipeline issue 8 measures, for the bench.

PyYAML's C loader, markdown-it-py and Jinja2 on every core, and nothing else: no validation,
no positions, no merging, no cards, tags, feeds, data files or search. It reads our content
folder and writes a page per event (title, date, Markdown body, people), a page per person
(bio and the titles of their events) and the timeline (every event's date and title).
``python -m dateline.bench.minimal CONTENT OUT``.
"""

from __future__ import annotations

import os
import sys
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

Entry = tuple[str, dict[str, Any], str]  # slug, front matter, body

ENV = jinja2.Environment(autoescape=True)
EVENT = ENV.from_string(
    "<!doctype html><title>{{ meta.title }}</title><h1>{{ meta.title }}</h1>"
    "<p>{{ meta.date }}</p>{{ body }}<ul>{% for slug in meta.people %}"
    "<li><a href=\"/people/{{ slug }}/\">{{ slug }}</a></li>{% endfor %}</ul>\n")
PERSON = ENV.from_string(
    "<!doctype html><title>{{ meta.name }}</title><h1>{{ meta.name }}</h1>{{ body }}"
    "<ul>{% for slug, title in events %}<li><a href=\"/events/{{ slug }}/\">{{ title }}</a>"
    "</li>{% endfor %}</ul>\n")
TIMELINE = ENV.from_string(
    "<!doctype html><title>Timeline</title><ol>{% for slug, meta in events %}"
    "<li>{{ meta.date }} <a href=\"/events/{{ slug }}/\">{{ meta.title }}</a></li>"
    "{% endfor %}</ol>\n")
MARKDOWN = MarkdownIt("commonmark")


def _read(path: str) -> Entry:
    _, head, body = Path(path).read_text(encoding="utf-8").split("---\n", 2)
    return Path(path).stem, yaml.load(head, Loader=yaml.CSafeLoader), body


def _write(out: Path, folder: str, html: str) -> None:
    (out / folder).mkdir(parents=True, exist_ok=True)
    (out / folder / "index.html").write_text(html, encoding="utf-8")


def _event(job: tuple[Path, Entry]) -> None:
    out, (slug, meta, body) = job
    _write(out, f"events/{slug}", EVENT.render(meta=meta, body=Markup(MARKDOWN.render(body))))


def _person(job: tuple[Path, Entry, list[tuple[str, str]]]) -> None:
    out, (slug, meta, body), events = job
    _write(out, f"people/{slug}",
           PERSON.render(meta=meta, body=Markup(MARKDOWN.render(body)), events=events))


def main(content: Path, out: Path) -> None:
    """Build ``content`` into ``out`` on every core."""
    with get_context("fork").Pool(os.cpu_count()) as pool:
        events, people = (pool.map(_read, sorted(str(p) for p in (content / kind).glob("*.md")),
                                   100) for kind in ("events", "people"))
        events.sort(key=lambda entry: str(entry[1]["date"]))
        named: dict[str, list[tuple[str, str]]] = {}
        for slug, meta, _ in events:
            for person in meta.get("people", ()):
                named.setdefault(person, []).append((slug, meta["title"]))
        pool.map(_event, [(out, entry) for entry in events], 100)
        pool.map(_person, [(out, entry, named.get(entry[0], [])) for entry in people], 100)
    _write(out, "", TIMELINE.render(events=[(slug, meta) for slug, meta, _ in events]))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
