"""Date expressions in article text, normalised against the publication date.

Every candidate keeps its span and the reason it was accepted or rejected. Rules live in
:data:`RULES` (pattern → judge), tried together; where spans overlap the longest wins.
:mod:`absolute` judges dates written out (dateparser reads them, imported on first use);
:mod:`rules` judges relative dates and the rejections.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.dates import EventDate, parse_date
from dateline.extract import calendar_math as cm
from dateline.extract.absolute import (
    day_range,
    full_date,
    iso_date,
    iso_month,
    month_year,
    numeric_date,
)
from dateline.extract.found import DateMention
from dateline.extract.lexicon import MONTH_RE, NUMBER_RE, UNIT_RE, WEEKDAY_RE
from dateline.extract.rules import (
    Judged,
    judge_ago,
    judge_anaphora,
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


WD = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?)?"
M = rf"(?P<mon>{MONTH_RE})(?![A-Za-z])"
RULES: tuple[tuple[re.Pattern[str], Judge], ...] = tuple(
    (re.compile(pattern, flags), judge) for pattern, flags, judge in (
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", 0, iso_date),
        (r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![/.]\d)",
         0, numeric_date),
        (rf"\b{WD}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{M}(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, full_date),
        (rf"\b{WD}{M}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:%]|,\d|\.\d)"
         rf"(?:,?\s+(?P<y>\d{{4}})\b(?!,\d))?", 0, full_date),
        (rf"\b(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+{M}(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, day_range),
        (rf"\b{M}\s+(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y>\d{{4}})\b)?",
         0, day_range),
        (rf"\b(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|"
         rf"the middle of)[\s-]+)?{M}\s+(?:of\s+)?(?P<y>\d{{4}})\b(?!,\d)", 0, month_year),
        (r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])\b(?![-/]\d)", 0, iso_month),
        (r"\b(?P<y>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<y2>\d{4}|\d{2})\b(?![-–/.]\d)", 0,
         judge_year_range),
        (r"\b(?:(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Tt]hrough|[Dd]uring|"
         r"[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate|of|on|between|"
         r"and|or|to|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
         r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
         r"November|December)\b", 0, judge_month),
        (r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th|current|this|"
         r"next|coming|previous)[\s-]+"
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
        (r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+(?:next|following|previous)"
         r"\s+day|the\s+day\s+(?:before|after)(?=\s*(?:[.,;:!?)]|[—–]|$)))\b",
         re.IGNORECASE, judge_anaphora),
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
    ((full_date, day_range, month_year, judge_month), _MONTH_ANCHOR),
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
