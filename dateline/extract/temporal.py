"""Date expressions in article text, normalised against the publication date.

Every candidate keeps its span and the reason it was accepted or rejected. Rules live in
:data:`RULES` (pattern → judge), tried together; where spans overlap the longest wins.
dateparser reads the absolute calendar dates the patterns find (imported on first use).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateline.dates import EventDate, parse_date
from dateline.extract import calendar_math as cm
from dateline.extract.found import DateMention
from dateline.extract.lexicon import MONTH_RE, MONTHS, NUMBER_RE, UNIT_RE, WEEKDAY_RE
from dateline.extract.rules import (
    Judged,
    judge_ago,
    judge_clock,
    judge_decade,
    judge_duration,
    judge_half,
    judge_month,
    judge_plural,
    judge_quarter,
    judge_relative_unit,
    judge_relative_word,
    judge_weekday,
    judge_year,
    judge_year_part,
    judge_year_range,
)


@dataclass(frozen=True)
class Context:
    """What judging a match needs: the block's text and the publication day."""

    text: str
    published: date | None


Judge = Callable[[re.Match[str], Context], Judged]


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


def _full_date(m: re.Match[str], ctx: Context) -> Judged:
    year = m.group("y")
    if year is None:
        return _yearless_day(m, ctx)
    clean = f"{int(m.group('d'))} {_month(m.group('mon'))} {year}"
    day = _calendar(clean, "DMY")
    if day is None:
        return None, False, "not a day of the calendar"
    return cm.day_value(day), True, "day, month and year written out" + _weekday_note(m, day)


def _yearless_day(m: re.Match[str], ctx: Context) -> Judged:
    if ctx.published is None:
        return None, False, "day and month without a year, and no publication date"
    wd = (m.group("wd") or "").lower()
    month, number = _month(m.group("mon")), int(m.group("d"))
    if (month, number) == (9, 11) and re.match(r"(?:th)?\s+(?:terror\w*\s+)?(?:attacks?|hijack\w*|"
                                               r"commission|anniversary|era)\b",
                                               ctx.text[m.end():]):
        return cm.day_value(date(2001, 9, 11)), True, "the 11 September 2001 attacks"
    from dateline.extract.tense import tense_at

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


def _day_range(m: re.Match[str], ctx: Context) -> Judged:
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


def _iso(m: re.Match[str], ctx: Context) -> Judged:
    day = cm.safe_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None:
        return None, False, "not a day of the calendar"
    return cm.day_value(day), True, "ISO date"


def _numeric(m: re.Match[str], ctx: Context) -> Judged:
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


def _month_year(m: re.Match[str], ctx: Context) -> Judged:
    year, month = int(m.group("y")), _month(m.group("mon"))
    if not 1000 <= year <= 2100:
        return None, False, "month with a number that is not a year"
    part = m.group("part")
    return cm.month_value(year, month), True, "month and year" + (f" ({part})" if part else "")


def _iso_month(m: re.Match[str], ctx: Context) -> Judged:
    return cm.month_value(int(m.group("y")), int(m.group("m"))), True, "ISO month"


WD = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?)?"
M = rf"(?P<mon>{MONTH_RE})(?![A-Za-z])"
RULES: tuple[tuple[re.Pattern[str], Judge], ...] = tuple(
    (re.compile(pattern, flags), judge) for pattern, flags, judge in (
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", 0, _iso),
        (r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![/.]\d)",
         0, _numeric),
        (rf"\b{WD}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{M}(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, _full_date),
        (rf"\b{WD}{M}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:%]|,\d|\.\d)"
         rf"(?:,?\s+(?P<y>\d{{4}})\b(?!,\d))?", 0, _full_date),
        (rf"\b(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+{M}(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, _day_range),
        (rf"\b{M}\s+(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, _day_range),
        (rf"\b(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|"
         rf"the middle of)[\s-]+)?{M}\s+(?:of\s+)?(?P<y>\d{{4}})\b(?!,\d)", 0, _month_year),
        (r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])\b(?![-/]\d)", 0, _iso_month),
        (r"\b(?P<y>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<y2>\d{4}|\d{2})\b(?![-–/.]\d)", 0,
         judge_year_range),
        (r"\b(?:(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Tt]hrough|[Dd]uring|"
         r"[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate|of|on|between|"
         r"and|or|to|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
         r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
         r"November|December)\b", 0, judge_month),
        (r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
         r"(?P<k>quarter)(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year|the\s+year))?",
         re.IGNORECASE, judge_quarter),
        (r"\bQ(?P<qn>[1-4])(?:\s+(?P<y>\d{4}))?\b", 0, judge_quarter),
        (r"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+(?P<k>half)\s+of\s+(?:(?P<y>\d{4})|"
         r"(?P<rel>this|last|next)\s+year)", re.IGNORECASE, judge_half),
        (r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<y>1\d\d0|20\d0)'?s\b", 0,
         judge_decade),
        (r"\b(?P<n>\d{3,4})s\b", 0, judge_plural),
        (r"(?:\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|the end of|the beginning of|the start of|"
         r"the middle of|(?:the\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
         r"(?:\s+of)?)[\s-]+)?(?<![\d,.$£€#])\b(?P<y>\d{4})\b(?![,.]\d)", 0, judge_year),
        (r"\b(?:the\s+)?(?P<edge>start|beginning|end|middle)\s+of\s+(?:the|(?P<rel>this|last|next))"
         r"\s+(?P<k>year)\b", re.IGNORECASE, judge_year_part),
        (r"\b(?P<w>the day before yesterday|yesterday|today|tonight|tomorrow|last night|"
         r"(?:earlier|later) today|this (?:morning|afternoon|evening))\b", re.IGNORECASE,
         judge_relative_word),
        (r"\b(?:(?P<edge>earlier|later)\s+)?(?P<rel>this|last|next)\s+"
         r"(?P<u>week|weekend|month|year)\b", re.IGNORECASE, judge_relative_unit),
        (rf"\b(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})s?\s+(?P<dir>ago|earlier|before|later)\b",
         re.IGNORECASE, judge_ago),
        (rf"\b(?:(?:the\s+)?(?:past|last|next|previous|coming|following|first|final)\s+)?"
         rf"(?:(?P<n>{NUMBER_RE})[\s-]+)(?P<u>{UNIT_RE})s?\b", re.IGNORECASE, judge_duration),
        (r"\b(?:the\s+)?(?:past|last|next|previous|coming)\s+(?:few\s+)?(?P<u>decade|century|"
         r"fortnight)s?\b", re.IGNORECASE, judge_duration),
        (r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:a\.m\.|p\.m\.|(?:am|pm|GMT|UTC|BST|"
         r"CET|EST|EDT|ET|PT|MSK|HKT|local time)\b))?(?:\s+(?:ET|GMT|UTC|BST|CET|EST|EDT|MSK)\b)?"
         r"|\b\d{1,2}(?:\.\d\d)?\s*(?:a\.m\.|p\.m\.|"
         r"am\b|pm\b)|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|BST|HKT|ET|EST|EDT|MSK)\b", 0,
         judge_clock),
        (rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Ee]arly|[Ll]ate|until|till)\s+)?"
         rf"(?P<wd>{WEEKDAY_RE})(?P<pl>s)?\b(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?",
         0, judge_weekday),
    )
)


_MONTH_ANCHOR = (re.compile(rf"{MONTH_RE}(?![A-Za-z])"), "mon")
_UNIT_ANCHOR = (re.compile(rf"\b{UNIT_RE}", re.IGNORECASE), "u")
_ANCHOR_OF: tuple[tuple[tuple[Judge, ...], tuple[re.Pattern[str], str]], ...] = (
    ((_full_date, _day_range, _month_year, judge_month), _MONTH_ANCHOR),
    ((judge_quarter, judge_half, judge_year_part), (re.compile(r"quarter|half|year",
                                                               re.IGNORECASE), "k")),
    ((judge_decade,), (re.compile(r"\d{3}0'?s"), "y")),
    ((judge_year,), (re.compile(r"\d{4}"), "y")),
    ((judge_relative_word,), (re.compile(
        r"the day before|yesterday|(?:earlier |later )?today|tonight|tomorrow|last night|"
        r"this (?:morning|afternoon|evening)", re.IGNORECASE), "w")),
    ((judge_relative_unit, judge_ago, judge_duration), _UNIT_ANCHOR),
    ((judge_weekday,), (re.compile(WEEKDAY_RE), "wd")),
)
# Rule index → (a fast pattern, the rule's group that starts where it matches): such a rule is
# only tried in a window around each hit instead of at every position of the text.
_ANCHORS: dict[int, tuple[re.Pattern[str], str]] = {
    rank: anchor for rank, (pattern, judge) in enumerate(RULES)
    for judges, anchor in _ANCHOR_OF if judge in judges and anchor[1] in pattern.groupindex
}
_BEFORE, _AFTER = 60, 40


def _matches(rank: int, text: str) -> Iterator[re.Match[str]]:
    """Every match of rule ``rank``, found near its anchor's hits when it has one."""
    pattern = RULES[rank][0]
    anchor = _ANCHORS.get(rank)
    if anchor is None:
        yield from pattern.finditer(text)
        return
    hits, group = anchor
    seen: set[tuple[int, int]] = set()
    for hit in hits.finditer(text):
        window = (max(0, hit.start() - _BEFORE), min(len(text), hit.end() + _AFTER))
        for found in pattern.finditer(text, *window):
            if found.start(group) == hit.start() and found.span() not in seen:
                seen.add(found.span())
                yield found


def find_dates(text: str, published: date | None, base: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` with its value and reason; spans offset by ``base``."""
    ctx = Context(text, published)
    matches: list[tuple[int, int, int, re.Match[str]]] = []
    for rank in range(len(RULES)):
        for found in _matches(rank, text):
            start, end = _span(found)
            if end > start:
                matches.append((start - end, start, rank, found))
    matches.sort(key=lambda item: item[:3])
    kept: list[tuple[int, int, DateMention]] = []
    taken = bytearray(len(text))
    for length, start, rank, found in matches:
        end = start - length
        if taken.find(1, start, end) != -1:
            continue
        try:
            value, accepted, reason = RULES[rank][1](found, ctx)
            if value is not None and not _valid(value):
                raise ValueError(value)
        except (ValueError, OverflowError):
            value, accepted, reason = None, False, "outside the calendar dateline can show"
        if not reason:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, DateMention(text[start:end], base + start, base + end,
                                             value if accepted else None, accepted, reason)))
    return [mention for _a, _b, mention in sorted(kept, key=lambda item: item[0])]


def _valid(value: EventDate) -> bool:
    """True when the value reads back as itself and its first and last days exist."""
    try:
        value.start.first_day()
        (value.end or value.start).last_day()
        return parse_date(value.edtf()) == value
    except ValueError:
        return False


def _span(found: re.Match[str]) -> tuple[int, int]:
    """The words a match dates: a preposition before a lone month is context, not span."""
    if "pre" in found.re.groupindex:
        return found.start("mon"), found.end("mon")
    return found.start(), found.end()


def relative_day(published: date, days: int) -> EventDate:
    """The day ``days`` after the publication day (negative for before)."""
    return cm.day_value(published + timedelta(days=days))
