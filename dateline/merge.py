"""Written (and, later, extracted) events into one sorted Timeline.

Precedence so far: drafts are left out unless asked for; people references are resolved
against ``content/people``; events are ordered by date (see ``dateline.dates``), then title,
then slug, so the order never depends on the file system.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from dateline.diagnostics import Diagnostic
from dateline.model import Content, Event, Timeline
from dateline.people import resolve_people


def event_order(event: Event) -> tuple[object, ...]:
    """The timeline's total order."""
    return (event.date.sort_key(), event.title.casefold(), event.slug)


def build_timeline(content: Content, extracted: Iterable[Event] = (), drafts: bool = False
                   ) -> tuple[Timeline, list[Diagnostic]]:
    """Merge entries into one Timeline; drafts are kept only when ``drafts`` is true."""
    events = [e for e in (*content.events, *extracted) if drafts or not e.draft]
    resolved, people, problems = resolve_people(events, content.people)
    ordered = tuple(sorted(resolved, key=event_order))
    timeline = Timeline(
        config=content.config,
        events=ordered,
        people=MappingProxyType(dict(sorted(people.items()))),
        articles=content.articles,
    )
    return timeline, problems
