"""The date value of a timeline: a subset of EDTF with its precision kept everywhere.

Accepted forms: ``2017``, ``2017-12``, ``2017-12-22``, a range ``2014-02-20/2014-03-18``,
an open end ``2022-02-24/..``, and a trailing ``~`` (approximate) or ``?`` (uncertain),
e.g. ``1991~``.

Sort order (documented in the README): by the first day a date can mean; on a tie the coarser
precision comes first (``2017`` before ``2017-01`` before ``2017-01-01``); then a single date
before a range, and shorter ranges before longer ones (on the same last day, the coarser end
first); open ranges last; finally exact before approximate (``~``) before uncertain (``?``)
before both (``%``), so no two different dates tie.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

EXPECTED = "expected YYYY, YYYY-MM or YYYY-MM-DD"
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?P<q>[~?%]?)")


class Precision(IntEnum):
    """How much of a date is known; a lower value is coarser."""

    YEAR = 1
    MONTH = 2
    DAY = 3

    @property
    def label(self) -> str:
        """The lower-case name used in JSON and CSS classes."""
        return self.name.lower()


class DateError(ValueError):
    """A date that cannot be parsed; ``offset`` is the 0-based column inside the text."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, order=False)
class Point:
    """A calendar point at year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        """The finest part that is known."""
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def first_day(self) -> date:
        """The earliest day this point can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this point can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def human(self) -> str:
        """``2017``, ``December 2017`` or ``22 December 2017``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class EventDate:
    """A point or a range, possibly open-ended, approximate or uncertain."""

    start: Point
    end: Point | None = None
    open_end: bool = False
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> Precision:
        """The precision of the start."""
        return self.start.precision

    @property
    def is_range(self) -> bool:
        """True for ``START/END`` and ``START/..``."""
        return self.end is not None or self.open_end

    @property
    def year(self) -> int:
        """The year the timeline files this date under."""
        return self.start.year

    def sort_key(self) -> tuple[date, int, int, date, int, int]:
        """The documented total order (see the module docstring)."""
        last = date.max if self.open_end else (self.end or self.start).last_day()
        kind = 2 if self.open_end else (1 if self.end is not None else 0)
        end_precision = int(self.end.precision) if self.end is not None else 0
        qualifier = int(self.approximate) + 2 * int(self.uncertain)
        return (self.start.first_day(), int(self.precision), kind, last, end_precision, qualifier)

    def __lt__(self, other: EventDate) -> bool:
        return self.sort_key() < other.sort_key()

    def edtf(self) -> str:
        """The canonical text form, which :func:`parse_date` reads back."""
        qualifier = "%" if self.approximate and self.uncertain else (
            "~" if self.approximate else ("?" if self.uncertain else "")
        )
        text = self.start.iso() + qualifier
        if self.open_end:
            return text + "/.."
        if self.end is not None:
            return f"{text}/{self.end.iso()}"
        return text

    def __str__(self) -> str:
        return self.edtf()

    def human(self) -> str:
        """A reader's label at the date's precision: ``2017``, ``17–20 October 1994``, ..."""
        text = self.start.human()
        if self.open_end:
            text = f"{text} – present"
        elif self.end is not None:
            text = _human_range(self.start, self.end)
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text} (uncertain)"
        return text

    def contains(self, day: date) -> bool:
        """True when ``day`` falls within the span this date can mean."""
        last = date.max if self.open_end else (self.end or self.start).last_day()
        return self.start.first_day() <= day <= last


def _human_range(start: Point, end: Point) -> str:
    """Compact range labels: ``17–20 October 1994``, ``March – May 2014``, ``1991–1995``."""
    if start == end:
        return start.human()
    same_precision = start.precision == end.precision
    if same_precision and start.precision == Precision.DAY and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.human()}"
        return f"{start.day} {MONTHS[(start.month or 1) - 1]} – {end.human()}"
    if same_precision and start.precision == Precision.MONTH and start.year == end.year:
        return f"{MONTHS[(start.month or 1) - 1]} – {end.human()}"
    if same_precision and start.precision == Precision.YEAR:
        return f"{start.year}–{end.year}"
    return f"{start.human()} – {end.human()}"


def parse_point(text: str, offset: int = 0) -> tuple[Point, str]:
    """Parse ``YYYY[-MM[-DD]]`` with an optional qualifier; return the point and qualifier."""
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(f"date '{text}' is not a date ({EXPECTED})", offset)
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year == 0:
        raise DateError(f"date '{text}' has year 0 ({EXPECTED})", offset)
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"date '{text}' has month {month} ({EXPECTED})", offset + 5)
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            month_name = MONTHS[month - 1]
            raise DateError(
                f"date '{text}' has day {day} but {month_name} {year} has {last} days "
                f"({EXPECTED})",
                offset + 8,
            )
    return Point(year, month, day), match["q"]


def parse_date(text: str) -> EventDate:
    """Parse the EDTF subset; raise :class:`DateError` with the column of the problem."""
    raw = text.strip()
    if not raw:
        raise DateError(f"date is empty ({EXPECTED})")
    try:
        return _parse_edtf(raw)
    except DateError:
        hint = _miswritten(raw)
        if hint is None:
            raise
        raise DateError(f"date '{raw}' is not a date ({hint})") from None


_ISO = r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?[~?%]?"
_SPAN = re.compile(rf"({_ISO})(?:\s*(?:\.\.|-|\u2013|\u2014)\s*|\s+to\s+)({_ISO})")
_SLASHED = re.compile(r"(\d{1,4})([/.])(\d{1,2})\2(\d{1,4})")


def _miswritten(raw: str) -> str | None:
    """A hint for a date written another common way (``2018/03/04``, ``04/03/2018``,
    ``2018-03-04 - 2018-03-06``); None for anything else."""
    span = _SPAN.fullmatch(raw)
    if span is not None:
        return f"write {span[1]}/{span[2]} for a range"
    slashed = _SLASHED.fullmatch(raw)
    if slashed is None:
        return None
    first, sep, middle, last = slashed.groups()
    if len(first) == 4 and len(last) <= 2:
        days = [_iso(first, middle, last)]
    elif len(last) == 4 and len(first) <= 2:
        days = [_iso(last, middle, first), _iso(last, first, middle)]
    else:
        days = []
    found = list(dict.fromkeys(day for day in days if day))
    if not found:
        return "write YYYY-MM-DD"
    if len(found) > 1:
        return "write YYYY-MM-DD: " + " or ".join(found)
    return f"write {found[0]}" + ("; a range is START/END" if sep == "/" else "")


def _iso(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real day, else None."""
    y, m, d = int(year), int(month), int(day)
    if y == 0 or not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _parse_edtf(raw: str) -> EventDate:
    start_text, sep, end_text = raw.partition("/")
    if sep and not (start_text and end_text):
        raise DateError(f"date '{raw}' has an empty side (write START/END, or START/.. for an "
                        "open end)", len(start_text) + 1 if start_text else 0)
    start, qualifier = parse_point(start_text)
    approximate = bool(qualifier) and qualifier in "~%"
    uncertain = bool(qualifier) and qualifier in "?%"
    if not sep:
        return EventDate(start, approximate=approximate, uncertain=uncertain)
    if end_text == "..":
        return EventDate(start, open_end=True, approximate=approximate, uncertain=uncertain)
    end_offset = len(start_text) + 1
    end, end_qualifier = parse_point(end_text, end_offset)
    if end_qualifier:
        raise DateError(
            f"date '{raw}' has a qualifier on its end (put '~' or '?' after the start)",
            end_offset + len(end_text) - 1,
        )
    if end.first_day() < start.first_day():
        raise DateError(f"date '{raw}' ends before it starts (write START/END)", end_offset)
    return EventDate(start, end=end, approximate=approximate, uncertain=uncertain)
