"""Pages to HTML: one Jinja2 environment (autoescape, StrictUndefined, safe Markdown)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from dateline.bodies import markdown
from dateline.dates import EventDate
from dateline.memo import by_identity
from dateline.model import Event, Theme
from dateline.runs import event_runs
from dateline.site import Page, event_url, person_url, source_url


def human_date(value: EventDate | None) -> str:
    """A date at its precision, for readers."""
    return value.human() if value is not None else ""


def host(url: str) -> str:
    """The site a web address is on, for readers (``smh.com.au``); the address itself when it
    names no host (check lets through only addresses the standard library can read)."""
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or url


class _Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals in a plain mapping of their own.

    Jinja chains a template's globals to the environment's, and every render and every
    import of macros goes through that chain key by key in Python (3 % of a build's
    instructions). Ours are all set before the first template is loaded and never changed.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """The environment's globals and the template's own, in a mapping of their own."""
        return {**self.globals, **(d or {})}


def make_environment(theme: Theme, cards: jinja2.Environment | None = None,
                     by_runs: bool = False) -> jinja2.Environment:
    """The environment every page is rendered with; templates are compiled once. Cards are
    rendered with ``cards`` when given (an earlier environment with the same card template),
    whose cards are then reused, else with this environment. With ``by_runs`` (the
    preview), lists of cards are also remembered run by run (see :mod:`dateline.runs`),
    each with a page's root put in: a copy of every card per root that only a next build
    can use."""
    env = _Environment(
        loader=jinja2.FunctionLoader(lambda name: _source(theme, name)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        cache_size=-1,  # a plain dict: a theme's few templates are compiled once and kept
        auto_reload=False,  # its sources are the theme's, read once; a new theme, a new one
    )
    env.filters["markdown"] = markdown
    env.filters["human"] = human_date
    env.filters["host"] = host
    env.globals["event_url"] = event_url
    env.globals["person_url"] = person_url
    env.globals["source_url"] = source_url
    env.globals.update(_card_functions(cards or env, by_runs))
    return env


CARD = "_card.html"
PARSER = jinja2.Environment()  # only parses: our templates' syntax is Jinja's default
ROOT_MARK = "<dateline-root>"  # never in rendered content, where every "<" is escaped


Seen = frozenset[str] | None  # the people a page or card looked up; None: all of them


class Rendered(NamedTuple):
    """A page's HTML, and whom it looked up in ``people``."""

    html: bytes
    seen: Seen


class Looked(Mapping[str, Any]):
    """``people`` as one page or card sees it: it notes whom the template looks up (everyone,
    once it goes through, counts or prints the whole mapping), so that the preview can tell
    which pages an edit to a person may change. Its own methods start with ``_``, which no
    slug does, so that ``people.name_of_someone`` still finds that person."""

    __slots__ = ("_everyone", "_people", "_slugs")

    def __init__(self, people: Mapping[str, Any]) -> None:
        self._people = people
        self._slugs: set[str] = set()
        self._everyone = False

    def __getitem__(self, slug: str) -> Any:
        self._slugs.add(slug)
        return self._people[slug]

    def __contains__(self, slug: object) -> bool:
        if isinstance(slug, str):
            self._slugs.add(slug)
        return slug in self._people

    def __iter__(self) -> Iterator[str]:
        self._everyone = True
        return iter(self._people)

    def __len__(self) -> int:
        self._everyone = True
        return len(self._people)

    def __repr__(self) -> str:
        self._everyone = True
        return repr(self._people)

    def __str__(self) -> str:
        self._everyone = True
        return str(self._people)

    def __or__(self, other: Mapping[str, Any]) -> dict[str, Any]:
        self._everyone = True
        return {**self._people, **other}

    def __ror__(self, other: Mapping[str, Any]) -> dict[str, Any]:
        self._everyone = True
        return {**other, **self._people}

    def copy(self) -> dict[str, Any]:
        """A plain copy, as a mapping's ``copy()`` gives."""
        self._everyone = True
        return dict(self._people)

    def _note(self, seen: Sequence[Seen]) -> None:
        """Count whom the cards shown on the page looked up as looked up by the page."""
        slugs = _all_seen(seen)
        if slugs is None:
            self._everyone = True
        else:
            self._slugs.update(slugs)

    def _seen(self) -> Seen:
        """Whom the template looked up so far."""
        return None if self._everyone else frozenset(self._slugs)


def _all_seen(seen: Sequence[Seen]) -> Seen:
    """Whom several pages or cards looked up, together (None: everyone, if any did)."""
    known = [slugs for slugs in seen if slugs is not None]
    return frozenset[str]().union(*known) if len(known) == len(seen) else None


def changed_people(before: Mapping[str, Any], now: Mapping[str, Any]) -> frozenset[str]:
    """The people added, removed or changed between two mappings of people: those that are
    not the same object in both (the preview keeps a person who did not change as the same
    object, ``reuse.as_before``, which has compared them already)."""
    return frozenset(slug for slug in before.keys() | now.keys()
                     if before.get(slug) is not now.get(slug))


def unaffected(seen: Seen, changed: frozenset[str]) -> bool:
    """True when a page or card that looked up ``seen`` looked up none of ``changed``."""
    return seen is not None and seen.isdisjoint(changed)


@dataclass(frozen=True, slots=True)
class Card:
    """An event's card before a page puts its ``root`` in, and whom it looked up."""

    html: str
    seen: Seen


def _card_functions(env: jinja2.Environment, by_runs: bool
                    ) -> dict[str, Callable[..., Markup]]:
    """``event_card(event)`` for templates: ``_card.html`` rendered once per event, then
    reused (the timeline, person, tag and source pages show the same cards) with the page's
    ``root`` put in; and ``event_cards(events)``, the cards of many events, each on a line
    of its own (the timeline's 10,000 cards at the cost of one call). A card sees only
    ``event``, ``root``, ``site``, ``people`` and ``tag_slugs`` (nothing else of the page it
    appears on)."""

    def shown(context: jinja2.runtime.Context, make: Callable[..., Card],
              items: Iterable[Any]) -> list[Card]:
        site, people, tag_slugs = context["site"], context["people"], context["tag_slugs"]
        if not isinstance(people, Looked):
            return [make(env, item, site, people, tag_slugs) for item in items]
        made = [make(env, item, site, people._people, tag_slugs) for item in items]
        people._note([card.seen for card in made])
        return made

    def with_root(context: jinja2.runtime.Context, made: str) -> Markup:
        return Markup(_put_root(made, context["root"]))

    @jinja2.pass_context
    def event_card(context: jinja2.runtime.Context, event: Event) -> Markup:
        return with_root(context, shown(context, _card, [event])[0].html)

    @jinja2.pass_context
    def event_cards(context: jinja2.runtime.Context, events: Sequence[Event]) -> Markup:
        if not by_runs:
            return with_root(context, "".join([card.html + "\n"
                                               for card in shown(context, _card, events)]))
        root = context["root"]
        return Markup("".join([_rooted(card, root)
                               for card in shown(context, _cards, event_runs(events))]))

    return {"event_card": event_card, "event_cards": event_cards}


def _put_root(made: str, root: str) -> str:
    """Cards made with the mark, with a page's ``root`` put in, as ``{{ root }}`` would."""
    return made.replace(ROOT_MARK, escape(root))


@by_identity
def _rooted(card: Card, root: str) -> str:
    """A run's cards with a page's ``root`` put in, remembered (the preview)."""
    return _put_root(card.html, root)


@by_identity
def _cards(env: jinja2.Environment, events: tuple[Event, ...], site: object,
           people: Mapping[str, Any], tag_slugs: object) -> Card:
    """The cards of a run of events, each on a line of its own, and whom they looked up."""
    made = [_card(env, event, site, people, tag_slugs) for event in events]
    return Card("".join([card.html + "\n" for card in made]),
                _all_seen([card.seen for card in made]))


@by_identity
def _card(env: jinja2.Environment, event: Event, site: object, people: Mapping[str, Any],
          tag_slugs: object) -> Card:
    """An event's card; it always notes whom it looks up (it is made once per event, so
    that costs little), for the preview to keep it after an edit to someone else."""
    looked = Looked(people)
    html = env.get_template(CARD).render(event=event, root=Markup(ROOT_MARK), site=site,
                                         people=looked, tag_slugs=tag_slugs)
    return Card(html.rstrip("\n"), looked._seen())


def _source(theme: Theme, name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A template's source, named so that errors point at the template file."""
    if name not in theme.templates:
        return None
    return theme.templates[name], name, lambda: True


def render_page(env: jinja2.Environment, page: Page, people: Mapping[str, Any],
                noting: bool = False) -> Rendered:
    """One page's HTML, with ``people`` put in its context, and, when ``noting``, whom it
    looked up there (its cards included; else None, as if it had looked up everyone)."""
    template = env.get_template(page.template)
    if not noting:
        return Rendered(template.render({**page.context, "people": people}).encode(), None)
    looked = Looked(people)
    html = template.render({**page.context, "people": looked})
    return Rendered(html.encode(), looked._seen())


@dataclass(frozen=True, eq=False)
class Renderer:
    """Renders pages with a theme's templates, compiled once."""

    env: jinja2.Environment
    uses_cards: bool  # some template calls ``event_card`` or ``event_cards``
    uses_markdown: bool  # some template uses the ``markdown`` filter
    cards_env: jinja2.Environment  # what the cards are rendered with
    noting: bool  # pages note whom they look up in ``people`` (see :class:`Looked`)

    def __call__(self, page: Page, people: Mapping[str, Any]) -> Rendered:
        return render_page(self.env, page, people, self.noting)

    def cards(self, events: Sequence[Event], shared: Mapping[str, Any]) -> list[Card]:
        """The cards of ``events`` as the pages show them (``shared``: what every page's
        context holds, :func:`dateline.site.shared_context`), before each page puts its
        ``root`` in."""
        return [_card(self.cards_env, event, shared["site"], shared["people"],
                      shared["tag_slugs"]) for event in events]

    def keep_cards(self, events: Sequence[Event], shared: Mapping[str, Any],
                   cards: Sequence[Card]) -> None:
        """Take ``cards`` (made by :meth:`cards` in another process) as these events' cards."""
        for event, card in zip(events, cards, strict=True):
            _card.keep(card, self.cards_env, event, shared["site"], shared["people"],
                       shared["tag_slugs"])

    def carry_cards(self, events: Sequence[Event], shared: Mapping[str, Any],
                    earlier: Mapping[str, Any], changed: frozenset[str]) -> None:
        """Keep for the ``shared`` people the cards made for ``earlier`` people (with the
        same site and tags) that looked up none of the people ``changed`` since."""
        site, people, tag_slugs = shared["site"], shared["people"], shared["tag_slugs"]
        for event in events:
            card = _card.find(self.cards_env, event, site, earlier, tag_slugs)
            if card is not None and unaffected(card.seen, changed):
                _card.keep(card, self.cards_env, event, site, people, tag_slugs)


def renderer(theme: Theme, cards_from: Renderer | None = None, noting: bool = False
             ) -> Renderer:
    """A renderer of pages with the theme's templates; it reuses the cards of ``cards_from``,
    an earlier renderer whose card template, and all it loads, is the same as this theme's.
    With ``noting``, each page notes whom it looks up in ``people``, so that a later build
    renders again only the pages that show a person who changed."""
    def used(name: str) -> bool:
        return any(name in source for source in theme.templates.values())

    cards = cards_from.cards_env if cards_from is not None else None
    env = make_environment(theme, cards, by_runs=noting)
    return Renderer(env, used("event_card"), used("markdown"), cards or env, noting)
