"""The values that flow through the pipeline: frozen dataclasses, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from dateline.dates import EventDate

EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Mark:
    """Where something is in a content file (1-based line and column)."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Marks:
    """Where an entry's front matter gives the values that messages point at: a key's value
    (item ``""``) or an item of a list, as (key, item as written, line, column); plain
    tuples, since a large timeline keeps one per entry."""

    path: str
    places: tuple[tuple[str, str, int, int], ...] = ()

    def of(self, key: str, item: str = "") -> Mark:
        """Where ``item`` of ``key`` is, else ``key``'s value, else the file's start."""
        mine = [(text, line, col) for name, text, line, col in self.places if name == key]
        exact = [(line, col) for text, line, col in mine if item and text.casefold() ==
                 item.casefold()]
        whole = [(line, col) for text, line, col in mine if not text]
        return Mark(self.path, *(exact or whole)[0]) if exact or whole else Mark(self.path)


class Placed:
    """An entry that knows where its fields are (:class:`Marks`), for messages."""

    mark: Mark
    marks: Marks | None

    def at(self, key: str, item: str = "") -> Mark:
        """Where the entry gives ``key`` (or one ``item`` of it); the entry's mark when its
        fields' places are not known (an extracted event)."""
        return self.mark if self.marks is None else self.marks.of(key, item)


@dataclass(frozen=True)
class Source:
    """Where a fact comes from; ``article`` and ``quote`` are set for extracted events."""

    url: str = ""
    title: str = ""
    outlet: str = ""
    published: EventDate | None = None
    article: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Image:
    """A picture with what a reader needs to know about it."""

    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Link:
    """A titled external link."""

    url: str
    title: str = ""


@dataclass(frozen=True)
class Role:
    """A position a person held, with optional start and end."""

    title: str
    start: EventDate | None = None
    end: EventDate | None = None


@dataclass(frozen=True)
class PersonRef:
    """A person as an entry names them (slug, name or alias) and where."""

    text: str
    mark: Mark


@dataclass(frozen=True)
class Person(Placed):
    """A person of the timeline; ``auto`` marks one made from an unknown name."""

    slug: str
    name: str
    mark: Mark
    aliases: tuple[str, ...] = ()
    born: EventDate | None = None
    died: EventDate | None = None
    nationality: str = ""
    roles: tuple[Role, ...] = ()
    image: Image | None = None
    links: tuple[Link, ...] = ()
    body: str = ""
    auto: bool = False
    marks: Marks | None = field(default=None, compare=False)  # where, not what


@dataclass(frozen=True)
class Event(Placed):
    """A dated happening. ``people`` holds person slugs once references are resolved.

    ``extracted`` marks an event that comes only from articles (with its ``confidence``);
    ``articles`` are article slugs the entry explicitly claims; ``conflicts`` are notes for
    readers where sources disagree.
    """

    slug: str
    title: str
    date: EventDate
    mark: Mark
    summary: str = ""
    people_refs: tuple[PersonRef, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    image: Image | None = None
    draft: bool = False
    body: str = ""
    extracted: bool = False
    confidence: float = 1.0
    articles: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    marks: Marks | None = field(default=None, compare=False)  # where, not what


@dataclass(frozen=True)
class Article(Placed):
    """A news article as pasted, with the metadata its front matter gave."""

    slug: str
    mark: Mark
    text: str
    text_line: int = 1
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: EventDate | None = None
    authors: tuple[str, ...] = ()
    event: str = ""
    exclude: tuple[str, ...] = ()
    marks: Marks | None = field(default=None, compare=False)  # where, not what


@dataclass(frozen=True)
class Partial(Placed):
    """What validated of an event or article whose front matter has errors. It is never
    built or shown: it is only looked at as the later checks would look at the entry, so
    their warnings about its valid fields come in the same run as its errors."""

    folder: str  # "events" or "articles"
    slug: str
    mark: Mark
    people_refs: tuple[PersonRef, ...] = ()
    tags: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # an event's claimed articles
    event: str = ""  # the event an article reports
    draft: bool = False
    marks: Marks | None = field(default=None, compare=False)  # where, not what


@dataclass(frozen=True)
class Config:
    """Site settings from ``content/site.yaml``."""

    title: str = "Timeline"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    language: str = "en"
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)

    @property
    def base_path(self) -> str:
        """The path part of ``base_url``, always ending in ``/`` (``/repo/`` or ``/``)."""
        rest = self.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class Asset:
    """A static file to copy into the site as it is."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Theme:
    """Templates (name to source) and static files, as read by ``load``."""

    templates: Mapping[str, str]
    assets: tuple[Asset, ...] = ()


@dataclass(frozen=True)
class Content:
    """Everything ``load`` read from ``content/``."""

    config: Config
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    articles: tuple[Article, ...] = ()
    partial: tuple[Partial, ...] = ()  # entries with errors: see :class:`Partial`


@dataclass(frozen=True)
class Timeline:
    """One sorted, deduplicated set of events and the people they name."""

    config: Config
    events: tuple[Event, ...]
    people: Mapping[str, Person]
    articles: tuple[Article, ...] = ()
