"""Calendar arithmetic for relative dates: weekdays, months, quarters and weeks near a day."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from dateline.dates import EventDate, Point


def day_value(day: date) -> EventDate:
    """A day-precision date."""
    return EventDate(Point(day.year, day.month, day.day))


def month_value(year: int, month: int) -> EventDate:
    """A month-precision date."""
    return EventDate(Point(year, month))


def year_value(year: int, approximate: bool = False) -> EventDate:
    """A year-precision date."""
    return EventDate(Point(year), approximate=approximate)


def month_range(year: int, first: int, last: int) -> EventDate:
    """A range of whole months in one year (a quarter, a half)."""
    return EventDate(Point(year, first), end=Point(year, last))


def day_range(first: date, last: date) -> EventDate:
    """A range of days; a single day when both ends are the same."""
    if first == last:
        return day_value(first)
    return EventDate(Point(first.year, first.month, first.day),
                     end=Point(last.year, last.month, last.day))


def safe_day(year: int, month: int, day: int) -> date | None:
    """The day, or None when it does not exist (30 February)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def weekday_near(published: date, weekday: int, future: bool, strict: bool = False) -> date:
    """The last ``weekday`` on or before ``published`` (or the next, on or after, if future).

    ``strict`` leaves out the publication day itself ("last Friday", "next Friday").
    """
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if strict else 0))
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if strict else 0))


def month_near(published: date, month: int, tense: str) -> int:
    """The year of a year-less month: last one for past, next for future, else the nearest."""
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    return _nearest_year(published, lambda y: date(y, month, 15))


def day_near(published: date, month: int, day: int, tense: str) -> date | None:
    """A year-less day resolved like :func:`month_near`, or None when it cannot exist."""
    def at(year: int) -> date:
        found = safe_day(year, month, day)
        return found if found is not None else date(year, month, 28)

    if safe_day(2000, month, day) is None:
        return None
    if tense == "past":
        year = published.year if at(published.year) <= published else published.year - 1
    elif tense == "future":
        year = published.year if at(published.year) >= published else published.year + 1
    else:
        year = _nearest_year(published, at)
    return safe_day(year, month, day)


def _nearest_year(published: date, at: Callable[[int], date]) -> int:
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: (abs((at(y) - published).days), -y))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``by`` months."""
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month falls in."""
    return (month - 1) // 3 + 1


def week_of(day: date, by: int) -> EventDate:
    """Monday to Sunday of the week ``by`` weeks from the one holding ``day``."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=by)
    return day_range(monday, monday + timedelta(days=6))
