"""The timeline for other tools: ``timelinejs.json`` (TimelineJS3) and ``events.csv``."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Mapping
from typing import Any

from dateline.dates import Point
from dateline.jsondata import DataFile, Lines, lines, render_data
from dateline.memo import by_identity
from dateline.model import Event, Person, Timeline
from dateline.runs import event_runs
from dateline.site import event_url, people_of

CSV_COLUMNS = ("id", "date", "precision", "title", "summary", "people", "places", "tags",
               "source_urls", "url")
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell


def _cell(text: str) -> str:
    """Text a spreadsheet shows as written: a leading ``'`` keeps it from being a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _date(point: Point) -> dict[str, str]:
    """A TimelineJS date object, with only the parts the date has."""
    parts = {"year": str(point.year)}
    if point.month is not None:
        parts["month"] = str(point.month)
    if point.day is not None:
        parts["day"] = str(point.day)
    return parts


@by_identity
def _slide(base: str, event: Event) -> dict[str, Any]:
    url = base + event_url(event)
    text = f"<p>{html.escape(event.summary)}</p>" if event.summary else ""
    text += f'<p><a href="{html.escape(url)}">Read more</a></p>'
    slide: dict[str, Any] = {
        "start_date": _date(event.date.start),
        "display_date": event.date.human(),
        "text": {"headline": html.escape(event.title), "text": text},
        "unique_id": event.slug,
    }
    if event.date.end is not None:
        slide["end_date"] = _date(event.date.end)
    if event.tags:
        slide["group"] = event.tags[0]
    if event.image is not None:
        src = event.image.src
        slide["media"] = {
            "url": src if src.startswith(("http://", "https://")) else base + src,
            "caption": html.escape(event.image.caption or event.image.alt),
            "credit": html.escape(event.image.credit),
        }
    return slide


def timelinejs_data(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS3 JSON document: a title slide and one slide per event, for
    :func:`dateline.jsondata.render_data` (the slides are written already, run by run)."""
    config = timeline.config
    return {
        "title": {"text": {"headline": html.escape(config.title),
                           "text": html.escape(config.description)}},
        "events": [_slides(config.base_url, run) for run in event_runs(timeline.events)],
    }


@by_identity
def _slides(base: str, run: tuple[Event, ...]) -> Lines:
    return lines(_slide(base, event) for event in run)


def events_csv(timeline: Timeline) -> bytes:
    """``events.csv``: one row per event; lists are joined with ``; ``."""
    return b"".join([_csv_row(CSV_COLUMNS).encode(), *(
        _rows(timeline.config.base_url, timeline.people, run)
        for run in event_runs(timeline.events))])


@by_identity
def _rows(base: str, people: Mapping[str, Person], run: tuple[Event, ...]) -> bytes:
    return "".join([_row(base, people_of(people, event), event) for event in run]).encode()


@by_identity
def _row(base: str, event_people: tuple[Person, ...], event: Event) -> str:
    return _csv_row([
        event.slug, event.date.edtf(), event.date.precision.label, _cell(event.title),
        _cell(event.summary), _cell(LIST_SEPARATOR.join(person.name for person in event_people)),
        _cell(LIST_SEPARATOR.join(event.places)), _cell(LIST_SEPARATOR.join(event.tags)),
        LIST_SEPARATOR.join(s.url for s in event.sources if s.url),
        base + event_url(event),
    ])


def _csv_row(cells: Iterable[str]) -> str:
    """One line of ``events.csv``, quoted where the cells need it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def export_files(timeline: Timeline) -> dict[str, bytes]:
    """``timelinejs.json`` and ``events.csv`` by their paths in the site."""
    data = DataFile("timelinejs.json", timelinejs_data(timeline))
    return {data.url: render_data(data), "events.csv": events_csv(timeline)}
