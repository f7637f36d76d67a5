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
from datetime import date

from dateline.dates import EventDate, Precision
from dateline.extract.calendar_math import day_value
from dateline.extract.found import Block
from dateline.extract.lexicon import WEEKDAY_RE
from dateline.extract.temporal import find_dates

_PRIORITY = {"updated": 3, "dateline": 2, "caption": 1, "heading": 1}


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
        candidates.extend(_yearless_dateline(dateline_when, body, candidates, weekdays))
    if not candidates:
        return None, None
    _rank, best = max(candidates)
    return day_value(best), "text"


def _weekday_bonus(day: date, weekdays: set[str], text: str) -> int:
    name = day.strftime("%A").lower()
    return 2 if name in text.lower() else (1 if name in weekdays else 0)


def _yearless_dateline(when: str, body: str, candidates: list[tuple[int, date]],
                       weekdays: set[str]) -> list[tuple[int, date]]:
    """``Dec. 23 (UPI)`` with the year of the latest full date or year the story gives."""
    years = [day.year for _rank, day in candidates]
    years += [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", body)]
    if not years:
        return []
    for mention in find_dates(f"{when}, {max(years)}", None):
        if mention.value is not None and mention.value.precision == Precision.DAY:
            day = mention.value.start.first_day()
            return [(2 + _weekday_bonus(day, weekdays, ""), day)]
    return []
