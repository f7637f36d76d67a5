"""Tense of the clause around a date expression: does it look back or ahead?"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|"
    r"going|planning|poised)\s+to|plans?\s+to|intends?\s+to|upcoming|(?:is|are)\s+to|"
    r"to\s+be\s+held|to\s+take\s+place|to\s+be|ends|begins|starts|opens|closes|resumes|"
    r"continues|takes\s+place|is\s+due|are\s+due|falls|(?:is|are)\s+(?=on\s))\b",
    re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|took|made|came|went|saw|gave|began|left|won|"
    r"lost|spoke|wrote|fell|rose|sold|bought|paid|sent|ran|led|hit|set|put|shut|cut|"
    r"announced|\w{3,}ed)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (from the last stop before to the next after)."""
    left = 0
    for stop in _CLAUSE_END.finditer(text, 0, start):
        left = stop.end()
    after = _CLAUSE_END.search(text, end)
    return left, after.start() + 1 if after else len(text)


def tense_at(text: str, start: int, end: int) -> str:
    """``future``, ``past`` or ``unknown`` from the nearest tense marker in the clause.

    The comma-bounded part around the date is asked first ("Whitcombe, who took office in
    July, is due to travel"), then the whole sentence.
    """
    left, right = clause_bounds(text, start, end)
    comma = text.rfind(",", left, start)
    after = text.find(",", end, right)
    inner = _nearest(text, comma + 1 if comma >= 0 else left, after if after >= 0 else right,
                     start, end)
    return inner if inner != "unknown" else _nearest(text, left, right, start, end)


def _nearest(text: str, left: int, right: int, start: int, end: int) -> str:
    best: tuple[int, str] | None = None
    future_spans = []
    for found in _FUTURE.finditer(text, left, right):
        future_spans.append((found.start(), found.end()))
        best = _closer(best, _distance(found.start(), found.end(), start, end), "future")
    for found in _PAST.finditer(text, left, right):
        if any(a <= found.start() < b for a, b in future_spans):
            continue
        if found.group().lower() in {"expected", "scheduled", "planned", "need"}:
            continue
        best = _closer(best, _distance(found.start(), found.end(), start, end), "past")
    return best[1] if best else "unknown"


def _distance(a: int, b: int, start: int, end: int) -> int:
    return start - b if b <= start else (a - end if a >= end else 0)


def _closer(best: tuple[int, str] | None, distance: int, kind: str) -> tuple[int, str]:
    if best is None or distance < best[0]:
        return distance, kind
    return best
