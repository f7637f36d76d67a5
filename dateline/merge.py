"""Written and extracted events into one sorted Timeline, each happening once with every source.

Precedence, in this order (tested as one table in ``tests/test_merge.py``):

1. **Explicit links win.** An entry's ``articles: [slug]`` or an article's ``event: slug``
   joins that article's extractions to the entry when their dates are compatible.
2. **Hand-written beats extracted.** Every field of an entry is kept; an extraction joined to
   it only adds its source (with the article and the sentence it came from).
3. **The same happening** is recognised when the dates are compatible at the coarser of the two
   precisions (a day's slack for "yesterday" and next-day datelines), the people overlap (or
   the places, when either names no people) and the wording is similar. Two different things
   on the same day with the same people stay apart.
4. **Stable ids.** An extracted event keeps the id extraction gave it (article slug, date and
   people), so its URL does not move when other content changes.
5. **Exclusions.** ``exclude: [id]`` in an article's front matter drops that extraction.

Drafts are left out unless asked for. Events are ordered by date (``dateline.dates``), then
title, then slug, so the order never depends on the file system.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from types import MappingProxyType

from dateline.dates import EventDate
from dateline.diagnostics import Diagnostic, warning
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


def event_order(event: Event) -> tuple[object, ...]:
    """The timeline's total order."""
    return (event.date.sort_key(), event.title.casefold(), event.slug)


def build_timeline(content: Content, extracted: Iterable[Event] = (), drafts: bool = False
                   ) -> tuple[Timeline, list[Diagnostic]]:
    """Merge entries and extractions into one Timeline (precedence in the module docstring)."""
    written = [e for e in content.events if drafts or not e.draft]
    excluded = {eid for article in content.articles for eid in article.exclude}
    candidates = sorted((e for e in extracted if e.slug not in excluded), key=lambda e: e.slug)
    resolved, people, problems = resolve_people([*written, *candidates], content.people,
                                                quiet_from=len(written))
    links = _explicit_links(content, resolved[: len(written)])
    merged = _merge(list(resolved[: len(written)]), resolved[len(written):], links, problems)
    merged = check_roles(merged, people, problems)
    timeline = Timeline(
        config=content.config,
        events=tuple(sorted(merged, key=event_order)),
        people=MappingProxyType(dict(sorted(people.items()))),
        articles=content.articles,
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
    by_slug = {event.slug: index for index, event in enumerate(written)}
    kept: list[Event] = []
    for event in extracted:
        claimed = [by_slug[slug] for slug in links.get(_article_of(event), ()) if slug in by_slug]
        index = _linked_match(written, claimed, event)
        if index is None:
            index = _best_match(written, event)
        if index is not None:
            written[index] = _absorb(written[index], event, problems)
            continue
        index = _best_match(kept, event)
        if index is not None:
            kept[index] = _absorb(kept[index], event, problems)
        else:
            kept.append(event)
    return written + kept


def _linked_match(written: Sequence[Event], claimed: list[int], event: Event) -> int | None:
    """Of the entries that claim the event's article, the likeliest with a compatible date."""
    fitting = [i for i in claimed if dates_compatible(written[i].date, event.date)]
    if not fitting:
        return None
    return max(fitting, key=lambda i: (same_happening(written[i], event), -fitting.index(i)))


def _article_of(event: Event) -> str:
    return next((s.article for s in event.sources if s.article), "")


def _best_match(pool: Sequence[Event], event: Event) -> int | None:
    best, best_score = None, 0.0
    for index, other in enumerate(pool):
        score = same_happening(other, event)
        if score > best_score:
            best, best_score = index, score
    return best


def same_happening(a: Event, b: Event) -> float:
    """A similarity above zero when ``a`` and ``b`` report one happening, else 0."""
    if not dates_compatible(a.date, b.date):
        return 0.0
    if a.people and b.people:
        if not set(a.people) & set(b.people):
            return 0.0
    elif not {p.casefold() for p in a.places} & {p.casefold() for p in b.places}:
        return 0.0
    score = wording_similarity(a, b)
    return score if score >= SIMILAR else 0.0


def dates_compatible(a: EventDate, b: EventDate) -> bool:
    """True when the spans overlap, allowing a day's slack between day-precision dates."""
    a_first, a_last = a.start.first_day(), _last(a)
    b_first, b_last = b.start.first_day(), _last(b)
    return a_first - SLACK <= b_last and b_first - SLACK <= a_last


def _last(value: EventDate) -> date:
    return date.max if value.open_end else (value.end or value.start).last_day()


def _words(texts: Iterable[str], names: set[str]) -> set[str]:
    words = (word.casefold() for text in texts for word in _WORD.findall(text))
    return {word[:5] for word in words if word not in _STOP and word not in names}


def _names(*events: Event) -> set[str]:
    found: set[str] = set()
    for event in events:
        for text in (*event.people, *event.places):
            found.update(_WORD.findall(text.casefold().replace("-", " ")))
    return found


def _overlap(left: set[str], right: set[str]) -> float:
    return len(left & right) / min(len(left), len(right)) if left and right else 0.0


def wording_similarity(a: Event, b: Event) -> float:
    """Overlap of content-word stems (people and places left out), from 0 to 1: of the
    titles alone, or of everything each says (title, summary, quotes), whichever is higher."""
    names = _names(a, b)
    titles = _overlap(_words([a.title], names), _words([b.title], names))
    everything = [_words((e.title, e.summary, *(s.quote for s in e.sources)), names)
                  for e in (a, b)]
    return max(titles, _overlap(*everything))


def _absorb(into: Event, other: Event, problems: list[Diagnostic]) -> Event:
    """``into`` keeps its fields and gains ``other``'s sources (and people if extracted)."""
    sources = into.sources
    for source in other.sources:
        sources = _add_source(sources, source)
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


def _add_source(sources: tuple[Source, ...], new: Source) -> tuple[Source, ...]:
    """Add ``new`` unless it is there; a plain source with its address gains its quote."""
    for index, source in enumerate(sources):
        if (source.url, source.article, source.quote) == (new.url, new.article, new.quote):
            return sources
        if new.url and source.url == new.url and not source.article:
            merged = replace(source, article=new.article, quote=new.quote,
                             outlet=source.outlet or new.outlet,
                             published=source.published or new.published)
            return (*sources[:index], merged, *sources[index + 1:])
    return (*sources, new)


def _date_conflict(into: Event, other: Event) -> str:
    article = _article_of(other) or other.slug
    return (f"sources disagree on the date: {article} says {other.date.human()}, "
            f"this entry says {into.date.human()}")
