"""Close-match hints for what an editor probably meant: people, tags (pure, no I/O).

The same text reaches the terminal, ``check`` and the preview's overlay, because all three
print the Diagnostic these hints end up in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from dateline.diagnostics import Diagnostic, closest, warning
from dateline.model import Content, Event, Mark, Person


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
    uses = Counter(tag for event in written for tag in set(event.tags))
    common = [tag for tag, count in uses.items() if count > 1]
    for event in written:
        for tag in event.tags:
            near = closest(tag, common, 0.8) if uses[tag] == 1 else None
            if near is not None:
                mark = event.at("tags", tag)
                yield warning(mark.path, mark.line, mark.col,
                              f"tag '{tag}' is used by no other event",
                              f"did you mean '{near}'?")


def link_warnings(content: Content) -> Iterator[Diagnostic]:
    """An entry's ``articles:`` or an article's ``event:`` naming a file that does not exist."""
    articles = {article.slug for article in content.articles}
    events = {event.slug for event in content.events}
    for event in content.events:
        for slug in event.articles:
            if slug not in articles:
                yield _dangling(event.at("articles", slug), "article", slug, articles)
    for article in content.articles:
        if article.event and article.event not in events:
            yield _dangling(article.at("event"), "event", article.event, events)


def _dangling(mark: Mark, kind: str, slug: str, known: set[str]) -> Diagnostic:
    folder = "articles" if kind == "article" else "events"
    near = closest(slug, known, 0.6)
    hint = f"did you mean '{near}'?" if near else f"no content/{folder}/{slug}.* exists"
    return warning(mark.path, mark.line, mark.col, f"there is no {kind} '{slug}'", hint)
