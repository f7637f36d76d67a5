"""Judges for absolute dates: day, month and year written out, numeric and ISO dates.

dateparser reads the calendar dates these patterns find; it is imported on first use, so
nothing pays for it until an article is extracted.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateline.extract import calendar_math as cm
from dateline.extract.lexicon import MONTH_RE, MONTHS
from dateline.extract.rules import Ctx, Judged
from dateline.extract.tense import tense_at


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


@lru_cache(maxsize=4096)
def _calendar(text: str, order: str) -> date | None:
    """dateparser's reading of an absolute date; None when it is not a real day."""
    import dateparser

    settings = {"STRICT_PARSING": True, "DATE_ORDER": order,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found is not None else None


def _weekday_note(m: re.Match[str], day: date) -> str:
    said = (m.group("wd") or "").lower()
    if said and said != day.strftime("%A").lower():
        return f"; the text says {m.group('wd')} but it was a {day.strftime('%A')}"
    return ""


def full_date(m: re.Match[str], ctx: Ctx) -> Judged:
    """``22 December 2017``, ``Dec. 22, 2017``, ``Friday, December 22`` (year from publication)."""
    year = m.group("y")
    if year is None:
        return _yearless_day(m, ctx)
    clean = f"{int(m.group('d'))} {_month(m.group('mon'))} {year}"
    day = _calendar(clean, "DMY")
    if day is None:
        return None, False, "not a day of the calendar"
    return cm.day_value(day), True, "day, month and year written out" + _weekday_note(m, day)


def _yearless_day(m: re.Match[str], ctx: Ctx) -> Judged:
    if ctx.published is None:
        return None, False, "day and month without a year, and no publication date"
    wd = (m.group("wd") or "").lower()
    month, number = _month(m.group("mon")), int(m.group("d"))
    if (month, number) == (9, 11) and re.match(r"(?:th)?\s+(?:terror\w*\s+)?(?:attacks?|hijack\w*|"
                                               r"commission|anniversary|era)\b",
                                               ctx.text[m.end():]):
        return cm.day_value(date(2001, 9, 11)), True, "the 11 September 2001 attacks"
    tense = tense_at(ctx.text, m.start(), m.end())
    day = cm.day_near(ctx.published, month, number, tense)
    if day is None:
        return None, False, "not a day of the calendar"
    if wd and day.strftime("%A").lower() != wd:
        for year in (day.year - 1, day.year + 1):
            other = cm.safe_day(year, month, number)
            if other and other.strftime("%A").lower() == wd:
                day = other
    return cm.day_value(day), True, f"day and month; year from the publication date ({tense})"


def day_range(m: re.Match[str], ctx: Ctx) -> Judged:
    """``17-20 October 1994``, ``October 17-20``."""
    first, value = m.group("d"), None
    month = _month(m.group("mon"))
    year = int(m.group("y")) if m.group("y") else None
    if year is None and ctx.published is not None:
        year = cm.month_near(ctx.published, month, "unknown")
    if year is None:
        return None, False, "day range without a year, and no publication date"
    a, b = cm.safe_day(year, month, int(first)), cm.safe_day(year, month, int(m.group("d2")))
    if a is None or b is None or b < a:
        return None, False, "not a range of calendar days"
    value = cm.day_range(a, b)
    return value, True, "range of days in one month"


def iso_date(m: re.Match[str], ctx: Ctx) -> Judged:
    """``2017-12-22``."""
    day = cm.safe_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None:
        return None, False, "not a day of the calendar"
    return cm.day_value(day), True, "ISO date"


def numeric_date(m: re.Match[str], ctx: Ctx) -> Judged:
    """``22/12/2017`` or ``12/22/2017``: the order the numbers or the article's style allow."""
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
    full = int(year) + (2000 if int(year) < 50 else 1900) if len(year) == 2 else int(year)
    if a > 12 and b <= 12:
        order = "DMY"
    elif b > 12 and a <= 12:
        order = "MDY"
    else:
        order = "MDY" if m.group("sep") == "/" and _american(ctx.text) else "DMY"
    text = f"{a}/{b}/{full}"
    day = _calendar(text, order)
    if day is None:
        return None, False, "numbers that are not a calendar date"
    return cm.day_value(day), True, f"numeric date read as {order}"


def _american(text: str) -> bool:
    """True when the article writes "December 22" more than "22 December"."""
    us = len(re.findall(rf"{MONTH_RE}\s+\d{{1,2}}\b", text))
    uk = len(re.findall(rf"\b\d{{1,2}}\s+{MONTH_RE}", text))
    return us > uk


def month_year(m: re.Match[str], ctx: Ctx) -> Judged:
    """``December 2017``, ``early March 2014``."""
    year, month = int(m.group("y")), _month(m.group("mon"))
    if not 1000 <= year <= 2100:
        return None, False, "month with a number that is not a year"
    part = m.group("part")
    return cm.month_value(year, month), True, "month and year" + (f" ({part})" if part else "")


def iso_month(m: re.Match[str], ctx: Ctx) -> Judged:
    """``2017-12``."""
    return cm.month_value(int(m.group("y")), int(m.group("m"))), True, "ISO month"
