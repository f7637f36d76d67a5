"""Validated front-matter fields to frozen values (pure: no I/O)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from dateline.model import (
    Article,
    Config,
    Event,
    Image,
    Link,
    Mark,
    Marks,
    Partial,
    Person,
    PersonRef,
    Role,
    Source,
)
from dateline.yamlread import Document


def _marks(path: str, fields: dict[str, Any], *keys: str) -> Marks | None:
    """Where the front matter gives the values of ``keys`` and the items of those that are
    lists of words (``image.src`` is the ``src`` of ``image``); None when it gives none."""
    places: list[tuple[str, str, int, int]] = []
    for key in keys:
        if "." in key:
            name, sub = key.split(".", 1)
            value = fields.get(name)
            mark = value.get(f"{sub}@") if isinstance(value, dict) else None
        elif key in fields:
            value, mark = fields[key], fields.get(f"{key}@")
        else:
            continue
        if isinstance(mark, Mark):
            places.append((key, "", mark.line, mark.col))
        if type(value) is list:
            places.extend((key, text, item.line, item.col) for text, item in
                          zip(value, fields.get(f"{key}@items", ()), strict=False)
                          if type(text) is str)
    return Marks(path, tuple(places)) if places else None


def _words(fields: dict[str, Any], key: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in fields.get(key) or ():
        if item:
            seen.setdefault(item, None)
    return tuple(seen)


def _tags(fields: dict[str, Any]) -> tuple[str, ...]:
    """The tags in lower case, each once ("War, war" is one tag)."""
    return tuple(dict.fromkeys(tag.lower() for tag in _words(fields, "tags")))


def _image(fields: dict[str, Any]) -> Image | None:
    data = fields.get("image")
    if not data:
        return None
    return Image(src=data["src"], alt=data.get("alt", ""), caption=data.get("caption", ""),
                 credit=data.get("credit", ""))


def _marked(fields: dict[str, Any], key: str) -> dict[str, Mark]:
    """Each distinct item of the list ``key``, in order, with where it is first written."""
    marks: dict[str, Mark] = {}
    for text, mark in zip(fields.get(key) or (), fields.get(f"{key}@items", ()), strict=False):
        if text:
            marks.setdefault(text, mark)
    return marks


def _people_refs(fields: dict[str, Any]) -> tuple[PersonRef, ...]:
    return tuple(PersonRef(text, mark) for text, mark in _marked(fields, "people").items())


def event_from(slug: str, path: str, document: Document, fields: dict[str, Any]) -> Event:
    """An Event from an entry's validated fields."""
    sources = tuple(
        Source(url=s["url"], title=s.get("title", ""), outlet=s.get("outlet", ""),
               published=s.get("published"))
        for s in fields.get("sources") or ()
    )
    return Event(
        slug=slug,
        title=fields["title"],
        date=fields["date"],
        mark=Mark(path, 1, 1),
        summary=fields.get("summary", ""),
        people_refs=_people_refs(fields),
        places=_words(fields, "places"),
        tags=_tags(fields),
        sources=sources,
        image=_image(fields),
        draft=bool(fields.get("draft", False)),
        body=document.body,
        articles=_words(fields, "articles"),
        marks=_marks(path, fields, "tags", "articles", "image", "image.src"),
    )


def person_from(slug: str, path: str, document: Document, fields: dict[str, Any]) -> Person:
    """A Person from an entry's validated fields."""
    roles = tuple(
        Role(title=r["title"], start=r.get("from"), end=r.get("to"))
        for r in fields.get("roles") or ()
    )
    links = tuple(Link(url=link["url"], title=link.get("title", ""))
                  for link in fields.get("links") or ())
    aliases = _marked(fields, "aliases")
    return Person(
        slug=slug,
        name=fields["name"],
        mark=Mark(path, 1, 1),
        aliases=tuple(aliases),
        born=fields.get("born"),
        died=fields.get("died"),
        nationality=fields.get("nationality", ""),
        roles=roles,
        image=_image(fields),
        links=links,
        body=document.body,
        marks=_marks(path, fields, "name", "aliases", "image", "image.src"),
    )


def article_from(slug: str, path: str, document: Document, fields: dict[str, Any]) -> Article:
    """An Article: the pasted text and what its optional front matter says."""
    return Article(
        slug=slug,
        mark=Mark(path, 1, 1),
        text=document.body,
        text_line=document.body_line,
        title=fields.get("title", ""),
        url=fields.get("url", ""),
        outlet=fields.get("outlet", ""),
        published=fields.get("published"),
        authors=_words(fields, "authors"),
        event=fields.get("event", ""),
        exclude=_words(fields, "exclude"),
        marks=_marks(path, fields, "event", "exclude"),
    )


def partial_from(folder: str, slug: str, path: str, fields: Any) -> Partial | None:
    """What validated of an event or article whose fields have errors (a field with an error
    is left out or None, an item with one is None), for the checks that need nothing else;
    None for a person, or when the front matter is not even a mapping."""
    if folder not in ("events", "articles") or not isinstance(fields, dict):
        return None
    event = fields.get("event")
    return Partial(
        folder=folder,
        slug=slug,
        mark=Mark(path, 1, 1),
        people_refs=_people_refs(fields),
        tags=_tags(fields),
        articles=_words(fields, "articles"),
        event=event if isinstance(event, str) else "",
        draft=fields.get("draft") is True,
        marks=_marks(path, fields, "tags", "articles", "event"),
    )


def config_from(fields: dict[str, Any]) -> Config:
    """Site settings; ``base_url`` always ends in ``/``."""
    base = fields["base_url"]
    return Config(
        title=fields["title"],
        description=fields.get("description", ""),
        base_url=base if base.endswith("/") else base + "/",
        language=fields.get("language", "en"),
        extra=MappingProxyType(dict(fields.get("extra") or {})),
    )
