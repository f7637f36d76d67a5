"""Judges of :mod:`dateline.extract.temporal` for relative dates and rejections.

A judge returns ``(value, accepted, reason)``; an empty reason means "not a date expression at
all", so a shorter pattern may claim the text instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from dateline.dates import MONTHS as MONTHS_SHOWN
from dateline.dates import EventDate, Point
from dateline.extract import calendar_math as cm
from dateline.extract.lexicon import (
    COUNT_AFTER,
    MONTHS,
    NOT_YEAR_BEFORE,
    NUMBERS,
    ORDINAL_QUARTER,
    WEEKDAYS,
)
from dateline.extract.tense import tense_at

Judged = tuple[EventDate | None, bool, str]
NO_DATE = "relative date and no publication date to count from"
_AMBIGUOUS_MONTHS = {"May", "March"}
_MONTH_PREPOSITIONS = {"in", "since", "until", "till", "by", "during", "before", "after",
                       "last", "next", "this", "early", "mid", "late", "of", "through"}
_NAME_VERBS = re.compile(
    r"\s+(?:said|says|told|has|had|was|is|will|would|could|should|did|does|and|who|herself|"
    r"insisted|added|argued|warned|announced|wrote|spoke|met|made|faces|faced|\w+ed\b|"
    r"(?:[A-Z][a-z]+))", re.ASCII)
_RATIO = re.compile(r"(?:\d|\b(?:one|two|three|four|five|ten))\s+(?:in|out of)\s+$",
                    re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:Theresa|Mrs|Ms|Mr|Brian|Prime Minister|Minister)\.?\s+$")


class Ctx(Protocol):
    """The part of the temporal context the judges read."""

    @property
    def text(self) -> str: ...

    @property
    def published(self) -> date | None: ...


def _word_before(text: str, start: int) -> str:
    found = re.search(r"([\w$£€#]+)[.\s]*$", text[max(0, start - 30):start])
    return found.group(1).lower() if found else ""


def _word_after(text: str, end: int) -> str:
    found = re.match(r"\s*([\w%]+)", text[end:end + 30])
    return found.group(1).lower() if found else ""


def judge_month(m: re.Match[str], ctx: Ctx) -> Judged:
    """A month name alone: a month unless the word is a name or a verb."""
    name, pre = m.group("mon"), (m.group("pre") or "").lower()
    if name in _AMBIGUOUS_MONTHS:
        before = ctx.text[max(0, m.start("mon") - 30):m.start("mon")]
        follows = _NAME_VERBS.match(ctx.text, m.end())
        if pre not in _MONTH_PREPOSITIONS or _NAME_BEFORE.search(before) or (
                follows and not re.match(r"\s+(?:and|of)\b", ctx.text[m.end():])):
            return None, False, f"'{name}' here is a name or a verb, not a month"
    elif re.match(r"\s+[A-Z][a-z]+", ctx.text[m.end():]) and not pre:
        return None, False, f"'{name}' followed by a capitalised word is a name"
    if ctx.published is None:
        return None, False, "month without a year, and no publication date"
    month = MONTHS[name.lower()]
    tense = {"last": "past", "next": "future"}.get(pre) or tense_at(ctx.text, m.start(), m.end())
    year = cm.month_near(ctx.published, month, tense)
    if pre == "last" and year == ctx.published.year and month >= ctx.published.month:
        year -= 1
    return cm.month_value(year, month), True, f"month; year from the publication date ({tense})"


def judge_quarter(m: re.Match[str], ctx: Ctx) -> Judged:
    """``the third quarter of 2009``, ``Q4``, ``the last quarter``."""
    groups = m.groupdict()
    word = (groups.get("q") or "").lower()
    if ctx.published is None and not groups.get("y"):
        return None, False, NO_DATE
    shift = {"last": -3, "previous": -3, "current": 0, "this": 0, "next": 3, "coming": 3}
    if word in shift and not groups.get("y") and not groups.get("rel"):
        assert ctx.published is not None
        year, month = cm.shift_month(ctx.published.year, ctx.published.month, shift[word])
        quarter = cm.quarter_of(month)
    else:
        quarter = int(groups["qn"]) if groups.get("qn") else ORDINAL_QUARTER.get(word, 4)
        year = _year_of(groups, ctx, lambda y: date(y, quarter * 3 - 2, 1))
    first = quarter * 3 - 2
    return cm.month_range(year, first, first + 2), True, f"quarter {quarter} of {year}"


def _year_of(groups: dict[str, str | None], ctx: Ctx,
             starts: Callable[[int], date] | None) -> int:
    if groups.get("y"):
        return int(groups["y"] or 0)
    assert ctx.published is not None
    rel = (groups.get("rel") or "").lower()
    if rel:
        return ctx.published.year + {"this": 0, "last": -1, "next": 1}[rel]
    begin = starts(ctx.published.year) if starts is not None else ctx.published
    return ctx.published.year if begin <= ctx.published else ctx.published.year - 1


def judge_half(m: re.Match[str], ctx: Ctx) -> Judged:
    """``the first half of 2014``."""
    if ctx.published is None and not m.group("y"):
        return None, False, NO_DATE
    year = _year_of(m.groupdict(), ctx, None)
    first = 1 if m.group("h").lower() in {"first", "1st"} else 7
    return cm.month_range(year, first, first + 5), True, "half year"


def judge_decade(m: re.Match[str], ctx: Ctx) -> Judged:
    """``the 1990s``, ``the early 2000s``: a range of years."""
    start = int(m.group("y"))
    span = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(m.group("part") or "", (0, 9))
    value = EventDate(Point(start + span[0]), end=Point(start + span[1]),
                      approximate=bool(m.group("part")))
    return value, True, "decade"


def judge_plural(m: re.Match[str], ctx: Ctx) -> Judged:
    """``737s``: a plural number, not a decade."""
    return None, False, "a plural number (a model or a count), not a decade"


def judge_year_range(m: re.Match[str], ctx: Ctx) -> Judged:
    """``2014-2016``, ``2014–16``; ``2017-12`` is a month."""
    first, second = int(m.group("y")), m.group("y2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if len(second) == 2 and last <= first and int(second) <= 12:
        return cm.month_value(first, int(second)), True, "year and month"
    if last <= first or last - first > 100:
        return None, False, "two numbers that are not a range of years"
    return EventDate(Point(first), end=Point(last)), True, "range of years"


def judge_year(m: re.Match[str], ctx: Ctx) -> Judged:
    """A four-digit number: a year unless it names or counts something."""
    year, part = int(m.group("y")), m.group("part")
    before, after = _word_before(ctx.text, m.start("y")), _word_after(ctx.text, m.end())
    if not 1000 <= year <= 2100:
        return None, False, f"{year} is not a plausible year (a number in a name or a count)"
    if not part and (before in NOT_YEAR_BEFORE or before[:1] in {"$", "£", "€", "#"}):
        return None, False, f"'{before} {year}' is a name or an amount, not a year"
    if _RATIO.search(ctx.text[max(0, m.start("y") - 12):m.start("y")]):
        return None, False, f"'{year}' is part of a ratio, not a year"
    if after in COUNT_AFTER or after.startswith("%"):
        return None, False, f"'{year} {after}' is a count, not a year"
    if not part and before[:1].isalpha() and _capitalised_before(ctx.text, m.start("y")) and \
            re.match(r"\s+[A-Z]", ctx.text[m.end():]):
        return None, False, f"'{year}' is part of a name"
    if year < 1800 and not part and before not in {"in", "since", "of", "from", "by", "until"}:
        return None, False, "a number that is not clearly a year"
    lowered = (part or "").lower()
    season = _SEASON.search(lowered)
    if season:
        return _season_of(season.group(), year)
    approximate = bool(lowered) and not lowered.startswith("the end of")
    reason = "year" + (f" ({lowered})" if lowered else "")
    return cm.year_value(year, approximate=approximate), True, reason


_SEASON = re.compile(r"spring|summer|autumn|fall|winter")
# Northern-hemisphere meteorological seasons as (first month, last month) of one year.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season_of(name: str, year: int) -> Judged:
    """``summer 2018`` → June to August 2018; winter straddles two years, so only the year."""
    if name == "winter":
        return cm.year_value(year, approximate=True), True, \
            f"year (winter {year}: could be the start or the end of {year}, so the year only)"
    first, last = _SEASON_MONTHS[name]
    return cm.month_range(year, first, last), True, \
        f"season: {name} {year} ({MONTHS_SHOWN[first - 1]} to {MONTHS_SHOWN[last - 1]})"


def judge_year_part(m: re.Match[str], ctx: Ctx) -> Judged:
    """``the start of this year``, ``the end of last year``: the year, approximately."""
    if ctx.published is None:
        return None, False, NO_DATE
    by = {"this": 0, "last": -1, "next": 1}.get((m.group("rel") or "this").lower(), 0)
    return cm.year_value(ctx.published.year + by, approximate=True), True, \
        "part of a year counted from the publication date"


def _capitalised_before(text: str, start: int) -> bool:
    found = re.search(r"(\S+)\s+(\w+)\s+$", text[max(0, start - 40):start])
    if found is None:
        return False
    return found.group(2)[:1].isupper() and not found.group(1).endswith(
        (".", "!", "?")) and found.group(2).lower() not in MONTHS


def judge_relative_word(m: re.Match[str], ctx: Ctx) -> Judged:
    """``today``, ``yesterday``, ``tomorrow``, ``last night``, ``this morning``."""
    if ctx.published is None:
        return None, False, NO_DATE
    word = " ".join(m.group("w").lower().split())
    if word == "today" and m.group("w")[0] == "T" and _word_after(ctx.text, m.end()) in {
            "programme", "show", "program"}:
        return None, False, "the name of a programme"
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1,
             "the day before yesterday": -2}.get(word, 0)
    return cm.day_value(ctx.published + timedelta(days=shift)), True, \
        f"'{word}' counted from the publication date"


def judge_relative_unit(m: re.Match[str], ctx: Ctx) -> Judged:
    """``last week``, ``this month``, ``next year``."""
    if ctx.published is None:
        return None, False, NO_DATE
    by = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    unit, pub = m.group("u").lower(), ctx.published
    if unit == "weekend":
        return None, False, "a weekend is not a day, month or year"
    if unit == "week":
        return cm.week_of(pub, by), True, "week counted from the publication date"
    if unit == "month":
        year, month = cm.shift_month(pub.year, pub.month, by)
        return cm.month_value(year, month), True, "month counted from the publication date"
    return cm.year_value(pub.year + by), True, "year counted from the publication date"


def _number(text: str) -> int | None:
    word = " ".join(text.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


# The reason of a day counted from the day an earlier sentence names ("the next day"): the
# article-wide pass of :mod:`dateline.extract` replaces it when such a day exists.
ANAPHORA = "counted from a day named earlier in the story, and no earlier sentence names one"
_ANAPHORA_COUNT = re.compile(
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<u>day|night|week|fortnight)s?\s+(?P<dir>later|earlier|before)$")
_ANAPHORA_DAYS = {"the same day": 0, "that day": 0, "that same day": 0, "the next day": 1,
                  "the following day": 1, "the day after": 1, "the previous day": -1,
                  "the day before": -1}
_STANDS_ALONE = re.compile(r"\s*(?:[.,;:!?)—–]|$)")


def anaphora_shift(phrase: str) -> int | None:
    """Days from the day named earlier to the day ``phrase`` means; None when it is not one."""
    words = " ".join(phrase.lower().replace("-", " ").split())
    counted = _ANAPHORA_COUNT.match(words)
    if counted is None:
        return _ANAPHORA_DAYS.get(words)
    number = _number(counted.group("n"))
    if number is None:
        return None
    days = number * {"day": 1, "night": 1, "week": 7, "fortnight": 14}[counted.group("u")]
    return days if counted.group("dir") == "later" else -days


def judge_anaphora(m: re.Match[str], ctx: Ctx) -> Judged:
    """``the next day``, ``that day``, ``the day before``: dated from an earlier sentence."""
    if re.match(r"\s+(?:has|had|will|would|may|might)?\s*(?:come|came|comes|arrived?)\b",
                ctx.text[m.end():]):
        return None, False, f"'{m.group()}' is a day longed for or feared, not a date"
    return None, False, ANAPHORA


def judge_ago(m: re.Match[str], ctx: Ctx) -> Judged:
    """``three days ago``; ``two days later`` counts from another date, so it waits for one."""
    if m.group("dir").lower() != "ago":
        # "two days before the vote" counts from the vote; only "two days before." stands alone
        alone = m.group("dir").lower() != "before" or _STANDS_ALONE.match(ctx.text, m.end())
        if alone and anaphora_shift(m.group()) is not None:
            return None, False, ANAPHORA
        return None, False, "counted from another date in the story, not from publication"
    count, unit = _number(m.group("n")), m.group("u").lower()
    if ctx.published is None or count is None:
        return None, False, NO_DATE if count is not None else "an inexact amount of time ago"
    pub = ctx.published
    if unit in {"day", "week", "fortnight", "night"}:
        days = count * {"day": 1, "night": 1, "week": 7, "fortnight": 14}[unit]
        return cm.day_value(pub - timedelta(days=days)), True, f"{unit}s before publication"
    if unit == "month":
        year, month = cm.shift_month(pub.year, pub.month, -count)
        return cm.month_value(year, month), True, "months before publication"
    if unit in {"year", "decade"}:
        years = count * (10 if unit == "decade" else 1)
        return cm.year_value(pub.year - years), True, "years before publication"
    return None, False, "too fine or too coarse to date"


def judge_duration(m: re.Match[str], ctx: Ctx) -> Judged:
    """``five years``, ``10 years in prison``: a length of time, not a date."""
    groups = m.groupdict()
    if (groups.get("u") or "").lower() == "second" and (groups.get("n") or "").lower() in {
            "a", "an"}:
        return None, False, ""
    return None, False, "a duration, not a date"


def judge_clock(m: re.Match[str], ctx: Ctx) -> Judged:
    """``04:19``, ``10 a.m.``, ``1600 GMT``: a time of day or a length, without a date."""
    return None, False, "a clock time or a video length without a date"


def judge_weekday(m: re.Match[str], ctx: Ctx) -> Judged:
    """A weekday: tense and ``last``/``next`` decide which one."""
    if m.group("pl"):
        return None, False, "a recurring weekday, not one date"
    if ctx.published is None:
        return None, False, NO_DATE
    rel = (m.group("rel") or "").lower()
    weekday = WEEKDAYS[m.group("wd").lower()]
    if not rel and re.search(r"\b(?:Black|Good|Holy|Easter|Ash|Bloody|Cyber|Super|Blue|Maundy|"
                             r"Palm|Whit|Shrove)\s+$", ctx.text[max(0, m.start() - 10):m.start()]):
        return None, False, f"'{m.group('wd')}' is part of a name (like Black Monday)"
    if not rel and re.match(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Observer|Mail|"
                            r"People|Sport|Night Football|Independent|Club)\b", ctx.text[m.end():]):
        return None, False, f"'{m.group('wd')}' is part of the name of a newspaper or show"
    if re.search(r"\bMail on\s+$", ctx.text[max(0, m.start() - 10):m.start()]):
        return None, False, "the name of a newspaper"
    if rel in {"next", "coming", "until", "till"}:
        tense, strict = "future", True
    elif rel in {"last", "past"}:
        tense, strict = "past", True
    else:
        tense = tense_at(ctx.text, m.start(), m.end())
        strict = tense == "future"
    day = cm.weekday_near(ctx.published, weekday, tense == "future", strict)
    which = "next" if tense == "future" else "last"
    edge = "after" if tense == "future" else "before"
    reason = f"weekday in a {tense if tense != 'unknown' else 'past'}-tense clause: the {which} " \
        f"{m.group('wd')} {'' if strict else 'on or '}{edge} publication"
    return cm.day_value(day), True, reason
