"""What extraction finds in one article: frozen values that the cache can store as JSON."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.dates import EventDate
from dateline.model import Event, Source


@dataclass(frozen=True)
class Block:
    """A stretch of the article text and what it is (``body``, ``caption``, ``credit`` ...).

    ``start`` and ``end`` are offsets into ``Article.text``; ``text`` is that slice.
    """

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateMention:
    """A date expression with its span, its value (when accepted) and why."""

    text: str
    start: int
    end: int
    value: EventDate | None
    accepted: bool
    reason: str
    line: int = 0
    col: int = 0
    end_col: int = 0


@dataclass(frozen=True)
class PersonMention:
    """A mention of a person and the person it refers to (``slug`` set when registered).

    ``title`` is the office the text puts right before this name ("Foreign Secretary" of
    "Foreign Secretary Boris Johnson"), empty when there is none.
    """

    text: str
    start: int
    end: int
    name: str
    slug: str = ""
    line: int = 0
    col: int = 0
    end_col: int = 0
    title: str = ""


@dataclass(frozen=True)
class Credit:
    """Someone the article credits: a ``reporter``, ``photographer`` or ``editor``."""

    name: str
    role: str


@dataclass(frozen=True)
class Dateline:
    """Where the story was filed from and for whom (``Moscow``, ``CNN``)."""

    place: str
    outlet: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: str
    published: EventDate | None
    published_from: str | None
    dateline: Dateline | None
    credits: tuple[Credit, ...]
    events: tuple[Event, ...]
    dates: tuple[DateMention, ...]
    people: tuple[PersonMention, ...]
    source: Source  # the article as a source: address, headline, outlet, date
