"""The publication date: front matter first, else the text, cross-checked with weekdays.

From the text, candidates are full dates in "Updated"/"Published" lines, the dateline and
photo captions (a wire photo is captioned with the day it was taken). A candidate whose
weekday the story mentions, or that a "Friday, December 22" pairing confirms, is preferred;
then the latest, since a story is published on or after what it reports. Without a
candidate there is no date: never today's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from dateline.dates import EventDate, Precision
from dateline.extract.calendar_math import day_value
from dateline.extract.found import Block
from dateline.extract.lexicon import WEEKDAY_RE
from dateline.extract.temporal import find_dates

_PRIORITY = {"published": 4, "updated": 3, "dateline": 2, "caption": 1, "heading": 1}


def find_published(front: EventDate | None, blocks: Sequence[Block],
                   dateline_when: str) -> tuple[EventDate | None, str | None]:
    """``(date, "front-matter" | "text")``, or ``(None, None)`` when nothing says."""
    if front is not None:
        return front, "front-matter"
    body = " ".join(block.text for block in blocks if block.kind == "body")
    weekdays = {word.lower() for word in re.findall(WEEKDAY_RE, body)}
    candidates: list[tuple[int, date]] = []
    for block in blocks:
        rank = _PRIORITY.get(block.kind)
        if rank is None:
            continue
        for mention in find_dates(block.text, None):
            value = mention.value
            if value is None or value.precision != Precision.DAY or value.is_range:
                continue
            day = value.start.first_day()
            candidates.append((rank + _weekday_bonus(day, weekdays, mention.text), day))
    if dateline_when and not any(rank >= 2 for rank, _ in candidates):
        lead = next((block.text for block in blocks if block.kind == "body"), "")
        lead_days = {word.lower() for word in re.findall(WEEKDAY_RE, lead)}
        candidates.extend(_yearless_dateline(dateline_when, body, candidates, lead_days))
    if not candidates:
        return None, None
    _rank, best = max(candidates)
    return day_value(best), "text"


def _weekday_bonus(day: date, weekdays: set[str], text: str) -> int:
    name = day.strftime("%A").lower()
    return 2 if name in text.lower() else (1 if name in weekdays else 0)


def _yearless_dateline(when: str, body: str, candidates: list[tuple[int, date]],
                       lead: set[str]) -> list[tuple[int, date]]:
    """``Dec. 23 (UPI)``: the year the story gives that fits the weekdays of its lead.

    Only a year whose calendar puts a weekday the lead names on that day (or the day
    before, for next-day wires) is taken; otherwise there is no date at all: a year the
    story mentions may be history ("the first visit since 1908").
    """
    years = {day.year for _rank, day in candidates}
    years |= {int(y) for y in re.findall(r"\b(?:1[89]|20)\d\d\b", body)}
    best: tuple[int, int, date] | None = None
    for year in sorted(years):
        for mention in find_dates(f"{when}, {year}", None):
            if mention.value is None or mention.value.precision != Precision.DAY:
                continue
            day = mention.value.start.first_day()
            fit = _fits(day, lead)
            if fit > 0 and (best is None or (fit, year) > best[:2]):
                best = (fit, year, day)
    return [(2, best[2])] if best else []


def _fits(day: date, lead: set[str]) -> int:
    """2 when the lead names the day's weekday, 1 for the day before (next-day wires)."""
    if day.strftime("%A").lower() in lead:
        return 2
    return 1 if (day - timedelta(days=1)).strftime("%A").lower() in lead else 0
