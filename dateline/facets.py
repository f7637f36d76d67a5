"""Ways into the timeline: tags with their addresses, periods, people who share events.

Pure functions of the events, or of how many events each tag, person or year has;
``site`` puts their results into page contexts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateline.model import Event, Person
from dateline.slugs import make_slug, unique


@dataclass(frozen=True)
class Facet:
    """One choice of a filter: its key (a slug), what readers see, and how many events."""

    key: str
    label: str
    count: int


def tag_slugs(tags: Iterable[str]) -> dict[str, str]:
    """Each tag as written to the slug of its page; tags that slugify alike get ``-2``, ..."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for tag in sorted(set(tags)):
        slug = unique(make_slug(tag, "tag"), taken.__contains__)
        slugs[tag] = slug
        taken.add(slug)
    return slugs


def tag_url(slug: str) -> str:
    """``tags/<slug>/``."""
    return f"tags/{slug}/"


def period_of(year: int) -> str:
    """The decade a year belongs to, as a filter key: ``1990s``."""
    return f"{year // 10 * 10}s"


def tag_facets(counts: Mapping[str, int], slugs: Mapping[str, str]) -> list[Facet]:
    """Every tag with its number of events (``counts``), most used first, then by name."""
    return sorted((Facet(slugs[tag], tag, n) for tag, n in counts.items()),
                  key=lambda f: (-f.count, f.label.casefold(), f.key))


def person_facets(counts: Mapping[str, int], people: Mapping[str, Person]) -> list[Facet]:
    """Everyone named in an event with their number of events (``counts``), by name."""
    return sorted((Facet(slug, people[slug].name, n) for slug, n in counts.items()),
                  key=lambda f: (f.label.casefold(), f.key))


def period_facets(years: Mapping[int, int]) -> list[Facet]:
    """Every decade that has events, oldest first (``years``: the events of each year)."""
    counts: Counter[str] = Counter()
    for year, count in years.items():
        counts[period_of(year)] += count
    return [Facet(key, key, counts[key]) for key in sorted(counts)]


def appears_with(person: str, events: Iterable[Event],
                 people: Mapping[str, Person]) -> list[tuple[Person, int]]:
    """People who share events with ``person`` and how many, most shared first."""
    counts = Counter(other for event in events if person in event.people
                     for other in set(event.people) if other != person)
    return sorted(((people[slug], n) for slug, n in counts.items()),
                  key=lambda item: (-item[1], item[0].name.casefold(), item[0].slug))
