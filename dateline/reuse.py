"""What a build in the preview takes from the build before, so that it renders again only
what an edit changed: the very objects where the new ones are equal, the renderer while the
templates are the same, and the pages and cards that show no one who changed."""

from __future__ import annotations

import operator
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import jinja2
import jinja2.meta

from dateline.load import Memo
from dateline.model import Event, Person, Theme, Timeline
from dateline.render import (
    CARD,
    PARSER,
    Rendered,
    Renderer,
    changed_people,
    renderer,
    unaffected,
)
from dateline.site import Page


@dataclass(frozen=True)
class Reuse:
    """What one build leaves for the next in the same process (the preview): parsed entries
    by content digest, and rendered pages with the theme they were rendered with."""

    loaded: Memo = field(default_factory=Memo)
    theme: Theme | None = None
    pages: Mapping[str, tuple[Page, Rendered]] = field(default_factory=dict)
    render: Renderer | None = None  # compiled for ``theme``
    timeline: Timeline | None = None


def as_before(timeline: Timeline, before: Timeline) -> Timeline:
    """``timeline`` made of the earlier build's objects wherever they are equal, so that an
    unchanged page's context is found equal at once (by identity) and its cards are reused."""
    earlier = {event.slug: event for event in before.events}
    events = tuple(old if (old := earlier.get(event.slug)) is event or old == event else event
                   for event in timeline.events)  # mostly the same objects: merge remembers
    if len(events) == len(before.events) and all(map(operator.is_, events, before.events)):
        events = before.events
    people = timeline.people
    if before.people == people:
        people = before.people
    else:  # the people who did not change stay the same objects
        people = MappingProxyType({slug: was if (was := before.people.get(slug)) == person
                                   else person for slug, person in people.items()})
    return Timeline(
        before.config if before.config == timeline.config else timeline.config,
        events,
        people,
        before.articles if before.articles == timeline.articles else timeline.articles,
    )


def people_changed(render: Renderer, reuse: Reuse | None, timeline: Timeline,
                    shared: Mapping[str, Any]) -> frozenset[str]:
    """The people added, removed or changed since the build before, whose cards (and those
    only) the new renderer makes again."""
    earlier = reuse.timeline.people if reuse is not None and reuse.timeline else timeline.people
    if earlier is timeline.people:
        return frozenset()
    changed = changed_people(earlier, timeline.people)
    if changed and reuse is not None and reuse.render is not None:
        _carry_cards(render, reuse.render, timeline.events, shared, earlier, changed)
    return changed


def reusable(reuse: Reuse | None, theme: Theme, noting: bool
              ) -> tuple[Renderer, Mapping[str, tuple[Page, Rendered]]]:
    """The renderer for ``theme`` (the earlier one while the templates are the same: a new
    stylesheet renders nothing again) and the earlier pages whose templates did not change
    (with their cards, while the card template did not)."""
    if reuse is None or reuse.theme is None or reuse.render is None:
        return renderer(theme, None, noting), {}
    if reuse.theme.templates == theme.templates:
        return reuse.render, reuse.pages
    kept = unchanged_templates(reuse.theme.templates, theme.templates)
    render = renderer(theme, reuse.render if CARD in kept else None, noting)
    return render, {output: done for output, done in reuse.pages.items()
                    if done[0].template in kept}


def _carry_cards(render: Renderer, earlier_render: Renderer, events: Sequence[Event],
                 shared: Mapping[str, Any], earlier: Mapping[str, Person],
                 changed: frozenset[str]) -> None:
    """After an edit to people, keep the earlier build's cards that show none of the people
    ``changed`` (cards are found by the identity of the mapping of people, so they would
    all be made again)."""
    if render.uses_cards and render.cards_env is earlier_render.cards_env:
        render.carry_cards(events, shared, earlier, changed)


def rendered_again(render: Renderer, pages: list[Page], people: Mapping[str, Person],
                    before: Mapping[str, tuple[Page, Rendered]], changed: frozenset[str]
                    ) -> Generator[Rendered, None, None]:
    """The pages, taken from ``before`` (the build before, with the same templates) where
    the page is equal and looked up none of the people ``changed`` since."""
    for page in pages:
        prior = before.get(page.output)
        if prior is not None and (prior[0] is page or prior[0] == page) and (
                not changed or unaffected(prior[1].seen, changed)):
            yield prior[1]
        else:
            yield render(page, people)


def unchanged_templates(before: Mapping[str, str], now: Mapping[str, str]) -> frozenset[str]:
    """The templates (of ``now``) whose pages come out as before: neither the template nor
    any template it loads, at any depth, changed between the two themes' sources. A template
    that shows cards loads ``_card.html``; one that names a template only at render time, or
    does not parse, counts as loading every template."""
    changed = {name for name in before.keys() | now.keys() if before.get(name) != now.get(name)}
    if not changed:
        return frozenset(now)
    loads = {name: _loads(source) for name, source in now.items()}

    def reaches_change(name: str, seen: set[str]) -> bool:
        if name in changed or loads.get(name) is None:
            return True
        seen.add(name)
        return any(reaches_change(other, seen) for other in loads[name] or ()
                   if other not in seen)

    return frozenset(name for name in now if not reaches_change(name, set()))


def _loads(source: str) -> frozenset[str] | None:
    """The templates that ``source`` extends, includes or imports (None: not known)."""
    try:
        named = list(jinja2.meta.find_referenced_templates(PARSER.parse(source)))
    except jinja2.TemplateSyntaxError:
        return None
    if None in named:
        return None
    known = {name for name in named if name is not None}
    return frozenset(known | ({CARD} if "event_card" in source else set()))
