"""Close-match hints for what an editor probably meant: people, tags (pure, no I/O).

The same text reaches the terminal, ``check`` and the preview's overlay, because all three
print the Diagnostic these hints end up in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter

from dateline.diagnostics import Diagnostic, closest, warning
from dateline.model import Article, Content, Event, Mark, Partial, Person


def person_hint(text: str, people: Sequence[Person], normal: Callable[[str], str]) -> str:
    """``did you mean …?`` for an unknown name: a near spelling, the same words in another
    order, or a surname alone; empty when nothing fits. ``normal`` is how names compare."""
    spellings = {spelling: person for person in people
                 for spelling in (person.slug, person.name, *person.aliases)}
    near = closest(text, spellings, 0.75)
    if near is not None:
        return f"did you mean '{near}'?"
    words = sorted(normal(text).split())
    for spelling in spellings:
        if len(words) > 1 and sorted(normal(spelling).split()) == words:
            return f"did you mean '{spelling}'?"
    if len(words) == 1:
        named = sorted({p.name for s, p in spellings.items()
                        if normal(s).split()[-1:] == words})
        if named:
            return "did you mean " + " or ".join(f"'{name}'" for name in named[:3]) + "?"
    return ""


def tag_warnings(events: Iterable[Event]) -> Iterator[Diagnostic]:
    """A tag only one entry uses that is close to a tag others use is probably a typo."""
    written = [event for event in events if not event.extracted]
    uses = Counter(chain.from_iterable(map(attrgetter("tags"), written)))  # each once
    common = [tag for tag, count in uses.items() if count > 1]
    lone = {tag for tag, count in uses.items() if count == 1}
    for event in written:
        if not lone.isdisjoint(event.tags):  # only such an event can have a warning
            yield from _lone_tags(event, uses, common)


def partial_tag_warnings(events: Iterable[Event], partial: Iterable[Partial]
                         ) -> Iterator[Diagnostic]:
    """:func:`tag_warnings` for each entry with errors as if it alone were fixed: its tags
    counted with those of the written ``events``, so no other entry's warnings change."""
    uses = Counter(tag for event in events if not event.extracted for tag in event.tags)
    for entry in partial:
        own = uses + Counter(entry.tags)
        yield from _lone_tags(entry, own, [tag for tag, count in own.items() if count > 1])


def _lone_tags(entry: Event | Partial, uses: Counter[str], common: list[str]
               ) -> Iterator[Diagnostic]:
    for tag in entry.tags:
        near = closest(tag, common, 0.8) if uses[tag] == 1 else None
        if near is not None:
            mark = entry.at("tags", tag)
            yield warning(mark.path, mark.line, mark.col,
                          f"tag '{tag}' is used by no other event", f"did you mean '{near}'?")


def link_warnings(content: Content) -> Iterator[Diagnostic]:
    """An entry's ``articles:`` or an article's ``event:`` naming no file; those of the
    entries with errors (``content.partial``) are checked too, and an entry with errors is
    there (its own errors say what is wrong with it)."""
    broken = {(entry.folder, entry.slug) for entry in content.partial}
    articles = {article.slug for article in content.articles} | {
        slug for folder, slug in broken if folder == "articles"}
    events = {event.slug for event in content.events} | {
        slug for folder, slug in broken if folder == "events"}
    claiming: tuple[Event | Partial, ...] = (*content.events, *content.partial)
    for entry in claiming:
        for slug in entry.articles:
            if slug not in articles:
                yield _dangling(entry.at("articles", slug), "article", slug, articles)
    reporting: tuple[Article | Partial, ...] = (*content.articles, *content.partial)
    for item in reporting:
        if item.event and item.event not in events:
            yield _dangling(item.at("event"), "event", item.event, events)


def _dangling(mark: Mark, kind: str, slug: str, known: set[str]) -> Diagnostic:
    folder = "articles" if kind == "article" else "events"
    near = closest(slug, known, 0.6)
    hint = f"did you mean '{near}'?" if near else f"no content/{folder}/{slug}.* exists"
    return warning(mark.path, mark.line, mark.col, f"there is no {kind} '{slug}'", hint)
