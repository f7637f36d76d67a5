"""Written and extracted events into one sorted Timeline, each happening once with every source.

Precedence, in this order (tested as one table in ``tests/test_merge.py``):

1. **Explicit links win.** An entry's ``articles: [slug]`` or an article's ``event: slug``
   joins that article's extractions to the entry when their dates are compatible, and the
   entry cites the article even when nothing was extracted from it.
2. **Hand-written beats extracted.** Every field of an entry is kept; an extraction joined to
   it only adds its source (with the article and the sentence it came from).
3. **The same happening** is recognised when the dates are compatible at the coarser of the two
   precisions (a day's slack between two day dates, for "yesterday" and next-day datelines),
   the people overlap (or the places, when either names no people) and the wording is
   similar. Two different things on the same day with the same people stay apart.
4. **Stable ids.** An extracted event keeps the id extraction gave it (article slug, date and
   people), so its URL does not move when other content changes.
5. **Exclusions.** ``exclude: [id]`` in an article's front matter drops that extraction.

Drafts are left out unless asked for. Events are ordered by date (``dateline.dates``), then
title, then slug, so the order never depends on the file system.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

from dateline.citing import add_source, article_of, as_told, citing_claimed, unknown_exclusions
from dateline.dates import EventDate, Precision
from dateline.diagnostics import Diagnostic, warning
from dateline.memo import by_identity
from dateline.model import Content, Event, Source, Timeline
from dateline.people import check_roles, resolve_people

SLACK = timedelta(days=1)
SIMILAR = 0.25
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    "the and for with from that this was were has have had his her their its into over after "
    "before about says said will would also been not but are who which while when where than "
    "them they she him more most other some such only what there then these those being two "
    "three first last new old again amid against between during under week month year day "
    "today yesterday monday tuesday wednesday thursday friday saturday sunday russia russian "
    "britain british kingdom united minister secretary president prime foreign".split()
)


@by_identity
def event_order(event: Event) -> tuple[object, ...]:
    """The timeline's total order."""
    return (event.date.sort_key(), event.title.casefold(), event.slug)


def build_timeline(content: Content, extracted: Iterable[Event] = (), drafts: bool = False,
                   told: Mapping[str, Source] = MappingProxyType({})
                   ) -> tuple[Timeline, list[Diagnostic]]:
    """Merge entries and extractions into one Timeline (precedence in the module docstring);
    ``told`` is each article as a source, as extraction found it (headline, outlet, date)."""
    articles = tuple(as_told(article, told.get(article.slug)) for article in content.articles)
    written = [e for e in content.events if drafts or not e.draft]
    extracted = tuple(extracted)
    excluded = {eid for article in content.articles for eid in article.exclude}
    candidates = sorted((e for e in extracted if e.slug not in excluded), key=lambda e: e.slug)
    resolved, people, problems = resolve_people([*written, *candidates], content.people,
                                                quiet_from=len(written))
    problems.extend(unknown_exclusions(content.articles, extracted))
    links = _explicit_links(content, resolved[: len(written)])
    merged = _merge(list(resolved[: len(written)]), resolved[len(written):], links, problems)
    merged = citing_claimed(check_roles(merged, people, problems), links, articles)
    timeline = Timeline(
        config=content.config,
        events=tuple(sorted(merged, key=event_order)),
        people=MappingProxyType(dict(sorted(people.items()))),
        articles=articles,
    )
    return timeline, problems


def _explicit_links(content: Content, written: Sequence[Event]) -> dict[str, list[str]]:
    """Article slug to the slugs of the entries that claim it."""
    links: dict[str, list[str]] = {}
    for article in content.articles:
        if article.event:
            links.setdefault(article.slug, []).append(article.event)
    for event in written:
        for slug in event.articles:
            links.setdefault(slug, []).append(event.slug)
    return links


def _merge(written: list[Event], extracted: Sequence[Event], links: Mapping[str, list[str]],
           problems: list[Diagnostic]) -> list[Event]:
    if not extracted:
        return written
    by_slug = {event.slug: index for index, event in enumerate(written)}
    entries, kept = _Pool(written), _Pool()
    for event in extracted:
        claimed = [by_slug[slug] for slug in links.get(article_of(event), ()) if slug in by_slug]
        traits = _traits(event)
        index = _linked_match(entries, claimed, traits)
        if index is None:
            index = entries.best_match(traits)
        if index is not None:
            entries.absorb(index, event, problems)
            continue
        index = kept.best_match(traits)
        if index is not None:
            kept.absorb(index, event, problems)
        else:
            kept.add(event, traits)
    return entries.events + kept.events


def _linked_match(entries: _Pool, claimed: list[int], traits: _Traits) -> int | None:
    """Of the entries that claim the event's article, the likeliest with a compatible date."""
    fitting = [i for i in claimed if entries.traits[i].overlaps(traits)]
    # the first of equal scores: max keeps the first
    return max(fitting, key=lambda i: _score(entries.traits[i], traits)) if fitting else None


@dataclass(frozen=True, slots=True)
class _Traits:
    """What ``same_happening`` compares, worked out once per event."""

    first: int  # ordinal of the first day the date can mean
    last: int  # ... and of the last
    day: bool  # the date is given to the day (a day's slack is allowed between two such)
    people: frozenset[str]
    places: frozenset[str]  # casefolded
    names: frozenset[str]  # words of people and places, left out of the wording
    title: frozenset[str]  # casefolded content words (not yet stems: names go first)
    text: frozenset[str]  # the same of title, summary and quotes

    def overlaps(self, other: _Traits) -> bool:
        """The dates can mean the same days (see :func:`dates_compatible`)."""
        return _overlapping(self.first, self.last, other.first, other.last,
                            self.day and other.day)


def _traits(event: Event) -> _Traits:
    first, last = _span(event.date)
    names = (word for text in (*event.people, *event.places)
             for word in _WORD.findall(text.casefold().replace("-", " ")))
    return _Traits(first, last, event.date.precision == Precision.DAY, frozenset(event.people),
                   frozenset(p.casefold() for p in event.places), frozenset(names),
                   _words([event.title]),
                   _words((event.title, event.summary, *(s.quote for s in event.sources))))


class _Pool:
    """Events with their traits, filed by first day in buckets of similar span length, so that
    a match is scored only against events whose dates can be compatible."""

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: list[Event] = []
        self.traits: list[_Traits] = []
        self._starts: dict[int, list[tuple[int, int]]] = {}  # span bit length: (first, index)
        for event in events:
            self.add(event, _traits(event))

    def add(self, event: Event, traits: _Traits) -> None:
        insort(self._starts.setdefault((traits.last - traits.first).bit_length(), []),
               (traits.first, len(self.events)))
        self.events.append(event)
        self.traits.append(traits)

    def absorb(self, index: int, other: Event, problems: list[Diagnostic]) -> None:
        """``_absorb`` in place; the date, hence the filing, does not change."""
        self.events[index] = _absorb(self.events[index], other, problems)
        self.traits[index] = _traits(self.events[index])

    def best_match(self, traits: _Traits) -> int | None:
        """The index of the highest ``same_happening`` score above 0, the first on a tie."""
        slack = SLACK.days
        found: list[int] = []
        for bits, starts in self._starts.items():
            low = bisect_left(starts, (traits.first - slack - (1 << bits) + 1, -1))
            high = bisect_left(starts, (traits.last + slack + 1, -1))
            found.extend(index for _, index in starts[low:high])
        best, best_score = None, 0.0
        for index in sorted(found):
            score = _score(self.traits[index], traits)
            if score > best_score:
                best, best_score = index, score
        return best


def same_happening(a: Event, b: Event) -> float:
    """A similarity above zero when ``a`` and ``b`` report one happening, else 0."""
    return _score(_traits(a), _traits(b))


def _score(a: _Traits, b: _Traits) -> float:
    if not a.overlaps(b):
        return 0.0
    if a.people and b.people:
        if a.people.isdisjoint(b.people):
            return 0.0
    elif a.places.isdisjoint(b.places):
        return 0.0
    score = _similarity(a, b)
    return score if score >= SIMILAR else 0.0


def dates_compatible(a: EventDate, b: EventDate) -> bool:
    """True when the spans overlap, allowing a day's slack between day-precision dates."""
    return _overlapping(*_span(a), *_span(b),
                        a.precision == Precision.DAY and b.precision == Precision.DAY)


def _overlapping(a_first: int, a_last: int, b_first: int, b_last: int, slack: bool) -> bool:
    """The spans overlap, or lie a day apart when ``slack`` (for "yesterday" and next-day
    datelines: a month or a year has no such edge)."""
    days = SLACK.days if slack else 0
    return a_first - days <= b_last and b_first - days <= a_last


def _span(value: EventDate) -> tuple[int, int]:
    """The ordinals of the first and last day ``value`` can mean."""
    return value.start.first_day().toordinal(), _last(value).toordinal()


def _last(value: EventDate) -> date:
    return date.max if value.open_end else (value.end or value.start).last_day()


def _words(texts: Iterable[str]) -> frozenset[str]:
    words = (word.casefold() for text in texts for word in _WORD.findall(text))
    return frozenset(word for word in words if word not in _STOP)


def _stems(words: frozenset[str], names: frozenset[str]) -> set[str]:
    return {word[:5] for word in words if word not in names}


def _overlap(left: set[str], right: set[str]) -> float:
    return len(left & right) / min(len(left), len(right)) if left and right else 0.0


def _similarity(a: _Traits, b: _Traits) -> float:
    names = a.names | b.names
    titles = _overlap(_stems(a.title, names), _stems(b.title, names))
    return max(titles, _overlap(_stems(a.text, names), _stems(b.text, names)))


def _absorb(into: Event, other: Event, problems: list[Diagnostic]) -> Event:
    """``into`` keeps its fields and gains ``other``'s sources (and people if extracted)."""
    sources = into.sources
    for source in other.sources:
        sources = add_source(sources, source)
    conflicts = into.conflicts
    if not _within(other.date, into.date) and into.date.precision == other.date.precision:
        note = _date_conflict(into, other)
        conflicts += (note,)
        mark = other.mark
        problems.append(warning(mark.path, mark.line, mark.col, note,
                                f"{into.mark.path} gives {into.date}; that date is kept"))
    people = into.people
    if into.extracted:
        people += tuple(p for p in other.people if p not in people)
    return replace(into, sources=sources, people=people, conflicts=conflicts)


def _within(inner: EventDate, outer: EventDate) -> bool:
    """True when every day ``inner`` can mean lies within ``outer``."""
    return (outer.start.first_day() <= inner.start.first_day()
            and _last(inner) <= _last(outer))


def _date_conflict(into: Event, other: Event) -> str:
    article = article_of(other) or other.slug
    return (f"sources disagree on the date: {article} says {other.date.human()}, "
            f"this entry says {into.date.human()}")
