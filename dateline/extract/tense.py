"""Tense of the clause around a date expression: does it look back or ahead?"""

from __future__ import annotations

import re

# A future marker takes in what follows it up to the main verb, so the participle of
# "will be joined" or "is due to be received" reads as part of the plan, not as a past tense.
_FUTURE = re.compile(
    r"\b(?:(?:will|won't|shall|'ll)(?:\s+not)?(?:\s+(?:be|have\s+been)\s+\w+)?|"
    r"(?:is|are|was|were)\s+(?:now\s+|still\s+|also\s+)?(?:due|set|scheduled|slated|expected|"
    r"going|planning|poised)\s+to(?:\s+be\s+\w+)?|"
    r"(?:is|are)\s+(?:now\s+|still\s+|also\s+)?(?:due|set|scheduled|slated|expected)|"
    r"plans?\s+(?:to|on)|intends?\s+to|upcoming|(?:is|are)\s+to(?:\s+be\s+\w+)?|"
    r"to\s+be\s+held|to\s+take\s+place|to\s+be(?:\s+\w+ed)?|ends|begins|starts|opens|closes|"
    r"resumes|continues|takes\s+place|falls|(?:is|are)\s+(?=on\s))\b",
    re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|took|made|came|went|saw|gave|began|left|won|"
    r"lost|spoke|wrote|fell|rose|sold|bought|paid|sent|ran|led|hit|set|put|shut|cut|"
    r"announced|\w{3,}ed)\b", re.IGNORECASE)
_NOT_PAST = frozenset({"expected", "scheduled", "planned", "need"})
_CLAUSE_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")
# Words that open another clause: a tense marker beyond one belongs to that clause.
_CLAUSE_WORD = re.compile(
    r"\s(?:and|but|while|whereas|after|before|when|because|although|though|as|which|who|whom|"
    r"whose|where|that)\s", re.IGNORECASE)
# ", which he visited in 2012," and the like: an aside with its own tense.
_ASIDE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,]*,")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (from the last stop before to the next after)."""
    left = 0
    for stop in _CLAUSE_END.finditer(text, 0, start):
        left = stop.end()
    after = _CLAUSE_END.search(text, end)
    return left, after.start() + 1 if after else len(text)


def tense_at(text: str, start: int, end: int) -> str:
    """``future``, ``past`` or ``unknown`` from the nearest tense marker in the clause.

    The narrowest stretch with a marker decides: first the words between the clause openers
    ("and", "after", "which" ...) and commas around the date, then the comma-bounded part
    ("Whitcombe, who took office in July, is due to travel"), then the whole sentence without
    its asides.
    """
    left, right = clause_bounds(text, start, end)
    comma = text.rfind(",", left, start)
    after = text.find(",", end, right)
    outer = (comma + 1 if comma >= 0 else left, after if after >= 0 else right)
    inner_left = outer[0]
    for opener in _CLAUSE_WORD.finditer(text, outer[0], start):
        inner_left = opener.start()
    closer = _CLAUSE_WORD.search(text, end, outer[1])
    inner = (inner_left, closer.start() if closer else outer[1])
    for a, b in (inner, outer):
        found = _nearest(text, a, b, start, end, ())
        if found != "unknown":
            return found
    asides = [m.span() for m in _ASIDE.finditer(text, left, right)
              if not m.start() <= start < m.end()]
    return _nearest(text, left, right, start, end, asides)


def _nearest(text: str, left: int, right: int, start: int, end: int,
             skip: list[tuple[int, int]] | tuple[()]) -> str:
    best: tuple[int, str] | None = None
    future_spans = []
    for found in _FUTURE.finditer(text, left, right):
        future_spans.append((found.start(), found.end()))
        if not any(a <= found.start() < b for a, b in skip):
            best = _closer(best, _distance(found.start(), found.end(), start, end), "future")
    for found in _PAST.finditer(text, left, right):
        if any(a <= found.start() < b for a, b in [*future_spans, *skip]):
            continue
        if found.group().lower() in _NOT_PAST:
            continue
        best = _closer(best, _distance(found.start(), found.end(), start, end), "past")
    return best[1] if best else "unknown"


def _distance(a: int, b: int, start: int, end: int) -> int:
    return start - b if b <= start else (a - end if a >= end else 0)


def _closer(best: tuple[int, str] | None, distance: int, kind: str) -> tuple[int, str]:
    if best is None or distance < best[0]:
        return distance, kind
    return best
