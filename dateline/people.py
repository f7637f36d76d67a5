"""People references: slug, name or alias, matched case- and accent-insensitively."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from slugify import slugify

from dateline.diagnostics import Diagnostic, did_you_mean, warning
from dateline.model import Event, Person


def normal(text: str) -> str:
    """The key two spellings share: no accents, case-folded, hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("-", " ").replace(".", " ").split())


@dataclass(frozen=True)
class Registry:
    """Every known spelling of every person, mapped to the person's slug."""

    index: Mapping[str, str]
    names: Mapping[str, str]

    def lookup(self, text: str) -> str | None:
        """The slug a name, alias or slug refers to, or None."""
        return self.index.get(normal(text))


def build_registry(people: Iterable[Person]) -> Registry:
    """Index people by slug, name and aliases."""
    index: dict[str, str] = {}
    names: dict[str, str] = {}
    for person in people:
        names[person.slug] = person.name
        for spelling in (person.slug, person.name, *person.aliases):
            index.setdefault(normal(spelling), person.slug)
    return Registry(MappingProxyType(index), MappingProxyType(names))


def resolve_people(events: Iterable[Event], people: Iterable[Person]
                   ) -> tuple[tuple[Event, ...], dict[str, Person], list[Diagnostic]]:
    """Give each event the slugs of its people; unknown names get a page of their own."""
    known = {person.slug: person for person in people}
    registry = build_registry(known.values())
    spellings = sorted({*registry.names, *registry.names.values()})
    problems: list[Diagnostic] = []
    resolved: list[Event] = []
    for event in events:
        slugs: list[str] = []
        for ref in event.people_refs:
            slug = registry.lookup(ref.text) or _auto_slug(ref.text, known)
            if slug not in known:
                known[slug] = Person(slug=slug, name=ref.text.strip(), mark=ref.mark, auto=True)
            if known[slug].auto:
                hint = did_you_mean(ref.text, spellings) or (
                    f"add content/people/{slug}.md to describe them")
                problems.append(warning(ref.mark.path, ref.mark.line, ref.mark.col,
                                        f"unknown person '{ref.text}'", hint))
            if slug not in slugs:
                slugs.append(slug)
        resolved.append(replace(event, people=tuple(slugs)))
    return tuple(resolved), known, problems


def _auto_slug(name: str, known: Mapping[str, Person]) -> str:
    base = slugify(name) or "person"
    slug, counter = base, 2
    while slug in known and not (known[slug].auto and normal(known[slug].name) == normal(name)):
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
