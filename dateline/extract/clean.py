"""Tell body text from what surrounds it: captions, credits, video blurbs, datelines, bylines.

Each line of the article becomes a :class:`Block` of one kind. A dateline at the start of a
paragraph ("MOSCOW (AP) — The ...") is split off, and the rest of the line stays body text.
Captions and credits are kept as data (the photographer becomes a credit), never as events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.extract.found import Block, Credit, Dateline
from dateline.extract.lexicon import MONTH_RE

OUTLETS = ("CNN|AP|AFP|Reuters|REUTERS|UPI|BBC|Bloomberg|dpa|DPA|Xinhua|TASS|Tass|RIA|Interfax|"
           "PA|NPR|ABC|NBC|CBS|CBC|AAP|CP|RFE/RL|Al Jazeera|Sky News|ANSA|EFE|Kyodo|Yonhap|AA")
_DASH = r"\s*(?:—|–|--|-)\s*"
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*)"
_ANY_PLACE = r"(?P<place>[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}?)"
_WHEN = rf"(?P<when>{MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
DATELINES = tuple(re.compile(p) for p in (
    rf"^{_ANY_PLACE},?\s+(?:\((?P<outlet>[A-Za-z][\w/&. ]{{1,20}})\)|(?P<known>{OUTLETS}))"
    rf"{_DASH}",
    rf"^{_CAPS_PLACE},?\s+{_WHEN}\s*(?:\((?P<outlet>[A-Za-z][\w/&. ]{{1,20}})\))?{_DASH}",
    rf"^{_WHEN}\s*\((?P<outlet>[A-Za-z][\w/&. ]{{1,20}})\){_DASH}",
    rf"^{_CAPS_PLACE}{_DASH}(?=[A-Z\"“‘'])",
    rf"^\((?P<outlet>{OUTLETS})\){_DASH}",
))
_CAPTION = re.compile(
    r"\((?:R|L|C|2nd [RL]|3rd [RL]|centre|center|left|right|top|bottom|front|back)\)|"
    r",\s*(?:second |third |far |2nd |3rd |centre |center |top |bottom )?(?:left|right|centre|"
    r"center)(?:,|\s+and\b|\s*$)|\b(?:pictured|in this (?:file )?(?:photo|picture|image)|"
    r"file photo|photo taken)\b|(?:AFP|AP|EPA|REUTERS|Reuters|Getty) (?:PHOTO|Photo|Images)|"
    r"Photo credit|\(Photo(?:graph)?:|\((?:AP )?Photo(?: by|/)|Photograph:|/Getty Images|"
    r"REUTERS/|Image caption|Image copyright|Image source")
_CREDIT_NAMES = tuple(re.compile(p) for p in (
    r"[Pp]hoto credit should read\s+(?P<name>[A-Za-z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){1,3})\s*/",
    r"(?:AFP|AP|EPA) PHOTO\s*/\s*(?P<name>[A-Za-z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){1,3})",
    r"\((?:AP )?Photo(?:graph)?(?: by|:|/)\s*(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})",
    r"(?:Photograph|Photo|Picture|Image)(?: by|:)\s*(?P<name>[A-Z][\w'’.-]*"
    r"(?: [A-Z][\w'’.-]*){1,3})\s*(?:/|for\b|,|\)|$)",
    r"\b(?:REUTERS|Reuters|EPA|Getty Images)/(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})",
))
_VIDEO_LENGTH = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*(?:-|–|—)?\s*(?:Source:.*)?$|"
                           r"^\s*(?:Video|Watch|Now playing|Source: \w+)\b.*$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w'’-]+ [A-Z]|(?:Additional )?[Rr]eporting by\b|Writing by\b|Editing by\b|"
    r"\((?:Reporting|Writing|Editing)\b)|\b(?:contributed to this report|contributed reporting|"
    r"reported from|wrote from|reporting from|wrote this story|is a correspondent)\b")
_BOILERPLATE = re.compile(
    r"^\s*(?:Read more|Read More|READ MORE|Related|Share|Share this|Share on|Comments?|"
    r"Join the conversation|Have your say|Sign up|Subscribe|Click here|Follow us|Follow\b|"
    r"Advertisement|Copyright|©|All rights reserved|Email|Facebook|Twitter|WhatsApp|Print|"
    r"Story highlights|Most read|More on this story|Top stories|Listen|Skip to|Image caption|"
    r"What do you think|Tell us|Leave a comment|Download|Log in|\d+ min(?:ute)? read)\b",
    re.IGNORECASE)
_PUBLISHED = re.compile(r"^\s*(?:Published|Posted|First published)\b", re.IGNORECASE)
_UPDATED = re.compile(r"^\s*(?:Updated|Last updated|Last modified)\b", re.IGNORECASE)
_SHORT_BYLINE = re.compile(r"^\s*[A-Z][a-z]+ [A-Z][\w'’-]+(?: and [A-Z][a-z]+ [A-Z][\w'’-]+)? in "
                           r"[A-Z][a-z]+\s*$")
_JOB = re.compile(r"\b(?:Editor|Correspondent|Reporter|Staff|Writer|Desk|Team|Bureau|Press|News|"
                  r"Agency|Service|Associated|Broadcasting|Corporation|Times|Post)\b")
_NAME = re.compile(r"\b[A-Z][a-zà-ÿ'’]+(?:[ -][A-Z][a-zà-ÿ'’]+){1,2}\b")


@dataclass(frozen=True)
class Cleaned:
    """The article cut into blocks, with its dateline and credits."""

    blocks: tuple[Block, ...]
    dateline: Dateline | None
    dateline_when: str
    credits: tuple[Credit, ...]


def clean(text: str) -> Cleaned:
    """Cut ``text`` into classified blocks and collect the dateline and credits."""
    lines = list(_lines(text))
    blocks: list[Block] = []
    credits: list[Credit] = []
    dateline: Dateline | None = None
    when = ""
    for index, (start, line) in enumerate(lines):
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        kind = _kind(line, following)
        if kind == "caption":
            credits.extend(Credit(name, "photographer") for name in _photographers(line))
        elif kind == "byline":
            credits.extend(_reporters(line))
        elif kind in {"body", "heading"} and dateline is None:
            found = _dateline(line)
            if found is not None:
                dateline, when, cut = found
                blocks.append(Block("dateline", start, start + cut, line[:cut]))
                start, line = start + cut, line[cut:]
                if not line.strip():
                    continue
                kind = _kind(line, following)
                kind = "body" if kind == "heading" else kind
        blocks.append(Block(kind, start, start + len(line), line))
    return Cleaned(tuple(blocks), dateline, when, tuple(_unique(credits)))


def _lines(text: str) -> list[tuple[int, str]]:
    found, offset = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            found.append((offset, raw.rstrip("\r")))
        offset += len(raw) + 1
    return found


def _kind(line: str, following: str) -> str:
    """What one line of an article is."""
    if _VIDEO_LENGTH.match(line):
        return "video"
    if _VIDEO_LENGTH.match(following) and len(line.split()) <= 14 and not line.rstrip().endswith(
            (".", '"', "”")):
        return "video"
    if _CAPTION.search(line):
        return "caption"
    if _PUBLISHED.match(line):
        return "published"
    if _UPDATED.match(line):
        return "updated"
    if (_BYLINE.search(line) and len(line.split()) <= 40) or _SHORT_BYLINE.match(line):
        return "byline"
    if _BOILERPLATE.match(line) and len(line.split()) <= 16:
        return "boilerplate"
    stripped = line.strip()
    if len(stripped.split()) <= 14 and not stripped.endswith((".", '"', "”", "’", "?", "!", ":",
                                                              "—", "–", "-")):
        return "heading"
    return "body"


def _dateline(line: str) -> tuple[Dateline, str, int] | None:
    """``(dateline, date text, length)`` when ``line`` starts with a dateline."""
    for pattern in DATELINES:
        found = pattern.match(line)
        if found is None:
            continue
        groups = found.groupdict()
        place = _title(groups.get("place") or "").strip(" ,")
        outlet = groups.get("outlet") or groups.get("known") or ""
        if "," in place:
            place = place.split(",")[0].strip()
        return Dateline(place, outlet.strip()), groups.get("when") or "", found.end()
    return None


def _title(text: str) -> str:
    """``YURI KADOBNOV`` → ``Yuri Kadobnov``; mixed case is kept."""
    words = []
    for word in text.split(" "):
        words.append(word.capitalize() if word.isupper() and len(word) > 1 else word)
    return " ".join(words)


def _photographers(line: str) -> list[str]:
    return [_title(found.group("name").strip()) for pattern in _CREDIT_NAMES
            for found in pattern.finditer(line)]


def _reporters(line: str) -> list[Credit]:
    credits = []
    line = re.sub(r"\b[\w.]+['’]s\b", "", line)
    for match in re.finditer(r"\s*(?P<role>[Ee]diting by|[Ww]riting by|[Rr]eporting by|By)?\s*"
                             r"(?P<names>[^;()]+)", line):
        role = "editor" if (match.group("role") or "").lower().startswith("editing") else \
            "reporter"
        for name in _NAME.finditer(match.group("names")):
            words = name.group().replace("’s", "").replace("'s", "")
            if _is_person_like(words, match.group("names"), name.end()):
                credits.append(Credit(words, role))
    return credits


def _is_person_like(name: str, text: str, end: int) -> bool:
    """A credited name is two or three words and not the place after ``from``."""
    before = text[: end - len(name)].rstrip()
    return not before.endswith(("from", "in")) and name.split()[0] not in {"The", "CNN", "BBC"}


def _unique(credits: list[Credit]) -> list[Credit]:
    seen: set[str] = set()
    kept = []
    for credit in credits:
        key = credit.name.casefold()
        if key not in seen and len(credit.name.split()) >= 2 and not _JOB.search(credit.name):
            seen.add(key)
            kept.append(credit)
    return kept
