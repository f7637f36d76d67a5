"""Timeline to the list of pages, each with its template and a documented context.

Every HTML page's context holds ``site`` (Config), ``root`` (the relative path from the page
to the site root, e.g. ``../../``, so links work at ``/`` and under any sub-path),
``page_url`` (the page's own path), ``people`` (slug to Person) and ``tag_slugs`` (each tag as
written to its slug: its page is ``tags/<slug>/``). ``people`` is put in when the page is
rendered (:mod:`dateline.render`), so that a page is the same object, and equal, whatever
happened to people it does not show. Page kinds add:

- ``index.html``: ``years`` (list of (year, events), oldest first), ``events``, ``overview``
  (:class:`dateline.charts.Overview`: events per year) and ``filters`` (``people``, ``tags``
  and ``periods``, each a list of :class:`dateline.facets.Facet`).
- ``event.html``: ``event``, ``event_people`` (Persons), ``previous``, ``next`` (Event or None),
  ``canonical`` (the page's absolute URL), ``image_url`` (absolute, or empty) and
  ``structured`` (the schema.org JSON-LD object).
- ``people.html``: ``entries`` (list of (Person, number of events)), by name.
- ``person.html``: ``person``, ``events`` (their events in timeline order), ``roles``
  (:class:`dateline.charts.RolesChart` or None) and ``appears_with`` (list of (Person, number
  of shared events), most shared first).
- ``tags.html``: ``entries`` (list of Facet: every tag with its number of events).
- ``tag.html``: ``tag`` (as written), ``events`` (its events in timeline order) and
  ``years`` (as on the timeline, of these events only).
- ``sources.html``: ``entries`` (list of (SourceView, number of events it supports)).
- ``source.html``: ``source`` (:class:`SourceView`: the article, its outlet, date and text
  as paragraphs) and ``events`` (the events it supports, in timeline order).
- ``search.html``: nothing more (the search runs in the browser).
- ``404.html``: like the others, but ``root`` is the absolute base path, since the page is
  served at any address.

Any template may call ``event_card(event)``, or ``event_cards(events)`` for a list (each card
on a line of its own): ``_card.html`` rendered with ``event``, ``root``, ``site``, ``people``
and ``tag_slugs`` only, once per event, and reused on every page that lists the event (the
timeline, person, tag and source pages); ``root`` is a mark there that each page replaces
with its own, so a card uses it only at the start of a link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

from dateline import charts, facets
from dateline.dates import EventDate
from dateline.jsondata import DataFile, Lines, lines
from dateline.memo import by_identity
from dateline.model import Article, Config, Event, Image, Person, Source, Timeline
from dateline.runs import event_runs


@dataclass(frozen=True)
class Page:
    """One output file: its URL path, its template and its context."""

    url: str
    template: str
    context: Mapping[str, Any]

    @cached_property  # asked for several times per page by every build
    def output(self) -> str:
        """The file the page is written to, relative to the site root."""
        return self.url + "index.html" if self.url.endswith("/") or not self.url else self.url


def event_url(event: Event) -> str:
    """``events/<slug>/``."""
    return f"events/{event.slug}/"


def person_url(person: Person) -> str:
    """``people/<slug>/``."""
    return f"people/{person.slug}/"


def source_url(article: str) -> str:
    """``sources/<article slug>/``."""
    return f"sources/{article}/"


@dataclass(frozen=True)
class SourceView:
    """An article as its source page shows it: what its front matter or its text told."""

    article: Article
    title: str
    outlet: str
    published: EventDate | None
    paragraphs: tuple[str, ...]


def source_views(timeline: Timeline) -> list[tuple[SourceView, list[Event]]]:
    """Every article with the events it supports, oldest first."""
    supported = _grouped(timeline.events, "articles")
    views = []
    for article in sorted(timeline.articles, key=lambda a: a.slug):
        outlet, published = article.outlet, article.published
        title = article.title or " · ".join(
            part for part in (outlet, published.human() if published else "") if part
        ) or article.slug
        paragraphs = tuple(" ".join(line.split()) for line in article.text.splitlines()
                           if line.strip())
        views.append((SourceView(article, title, outlet, published, paragraphs),
                      supported.get(article.slug, [])))
    return sorted(views, key=lambda item: _newest_last(item[0]))


def _newest_last(view: SourceView) -> tuple[object, ...]:
    dated = view.published.sort_key() if view.published else (date.max,)
    return (dated, view.title.casefold(), view.article.slug)


def root_for(url: str) -> str:
    """The relative path from a page at ``url`` back to the site root."""
    return "../" * url.count("/")


def plan(timeline: Timeline, shared: Mapping[str, Any]) -> tuple[list[Page], list[DataFile]]:
    """Every page and data file of the site, in a stable order; ``shared`` is the timeline's
    :func:`shared_context` (the cards made with it are the pages')."""
    by_person = _grouped(timeline.events, "people")
    named = {slug: len(events) for slug, events in by_person.items()}
    people_listed = sorted(
        (p for p in timeline.people.values() if by_person[p.slug] or not p.auto),
        key=lambda p: (p.name.casefold(), p.slug),
    )
    tag_slugs = shared["tag_slugs"]

    def page(url: str, template: str, **context: Any) -> Page:
        return _page(shared, url, template, **context)

    events = timeline.events
    by_tag = _grouped(events, "tags")
    tags = facets.tag_facets({tag: len(group) for tag, group in by_tag.items()}, tag_slugs)
    years = _by_year(events)
    counts = {year: len(group) for year, group in years}
    filters = {"people": facets.person_facets(named, timeline.people), "tags": tags,
               "periods": facets.period_facets(counts)}
    pages = [page("", "index.html", years=years, events=events,
                  overview=charts.overview(counts), filters=filters)]
    pages.extend(_event_pages(timeline.config, tag_slugs, timeline.people, events))
    pages.append(page("people/", "people.html",
                      entries=[(p, len(by_person[p.slug])) for p in people_listed]))
    horizon = max(counts, default=0)
    pages.extend(page(person_url(p), "person.html", person=p, events=by_person[p.slug],
                      **_person_parts(p, tuple(by_person[p.slug]), horizon, timeline.people))
                 for p in people_listed)
    pages.append(page("tags/", "tags.html", entries=tags))
    pages.extend(page(facets.tag_url(slug), "tag.html", tag=tag, events=by_tag[tag],
                      years=_by_year(by_tag[tag])) for tag, slug in tag_slugs.items())
    sources = source_views(timeline)
    pages.append(page("sources/", "sources.html",
                      entries=[(view, len(supported)) for view, supported in sources]))
    pages.extend(page(source_url(view.article.slug), "source.html", source=view,
                      events=supported) for view, supported in sources)
    pages.append(page("search/", "search.html"))
    not_found = {**_unpeopled(shared), "root": timeline.config.base_path,
                 "page_url": "404.html"}
    pages.append(Page("404.html", "404.html", MappingProxyType(not_found)))
    return pages, [DataFile("timeline.json", timeline_data(timeline, people_listed))]


@lru_cache(maxsize=2)
def _same_mapping(items: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """A read-only mapping of ``items``, the very same object while they are the same, so
    that what is remembered by identity (cards) outlives a rebuild."""
    return MappingProxyType(dict(items))


def absolute_image(base_url: str, image: Image | None) -> str:
    """An image's absolute address (for OpenGraph), or empty when there is none."""
    if image is None:
        return ""
    return image.src if image.src.startswith(("http://", "https://")) else base_url + image.src


def shared_context(timeline: Timeline) -> dict[str, Any]:
    """What every page sees (``site``, ``people``, ``tag_slugs``), the same objects as in
    the pages that :func:`plan` makes of this timeline, and what every card sees."""
    tags = (tag for run in event_runs(timeline.events) for tag, _ in _groups_of(run, "tags"))
    tag_slugs = _same_mapping(tuple(facets.tag_slugs(tags).items()))
    return {"site": timeline.config, "people": timeline.people, "tag_slugs": tag_slugs}


def _unpeopled(shared: Mapping[str, Any]) -> dict[str, Any]:
    """What a page's context holds of what every page sees: all but ``people``."""
    return {"site": shared["site"], "tag_slugs": shared["tag_slugs"]}


def _page(shared: Mapping[str, Any], url: str, template: str, **context: Any) -> Page:
    return Page(url, template, MappingProxyType(
        {**_unpeopled(shared), "root": root_for(url), "page_url": url, **context}))


def people_of(people: Mapping[str, Person], event: Event) -> tuple[Person, ...]:
    """The event's people in its order: as an argument of what is remembered by identity, it
    counts as the same while they are, whatever happened to other people."""
    return tuple(map(people.__getitem__, event.people))


def _event_pages(config: Config, tag_slugs: Mapping[str, str], people: Mapping[str, Person],
                 events: tuple[Event, ...]) -> Iterator[Page]:
    """The event pages, run by run (see :mod:`dateline.runs`)."""
    start = 0
    for run in event_runs(events):
        end = start + len(run)
        yield from _run_pages(config, tag_slugs, people, run,
                              events[start - 1] if start > 0 else None,
                              events[end] if end < len(events) else None)
        start = end


@by_identity
def _run_pages(config: Config, tag_slugs: Mapping[str, str], people: Mapping[str, Person],
               run: tuple[Event, ...], previous: Event | None, following: Event | None
               ) -> tuple[Page, ...]:
    """The pages of a run of events, between the events ``previous`` and ``following``."""
    around = (previous, *run, following)
    return tuple(_event_page(config, tag_slugs, event, people_of(people, event),
                             around[index], around[index + 2])
                 for index, event in enumerate(run))


@by_identity
def _event_page(config: Config, tag_slugs: Mapping[str, str], event: Event,
                event_people: tuple[Person, ...], previous: Event | None,
                following: Event | None) -> Page:
    """An event's page: the very same object while the event, its people, its neighbours and
    what every page shares are, so that the preview finds it unchanged at once."""
    return _page({"site": config, "tag_slugs": tag_slugs}, event_url(event), "event.html",
                 event=event, event_people=list(event_people), previous=previous,
                 next=following, **event_meta(config, event_people, event))


def event_meta(config: Config, event_people: tuple[Person, ...], event: Event
               ) -> dict[str, Any]:
    """``canonical``, ``image_url`` and ``structured`` (JSON-LD) of an event page."""
    canonical = config.base_url + event_url(event)
    image = absolute_image(config.base_url, event.image)
    structured: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": event.title,
        "url": canonical, "startDate": event.date.start.iso(),
    }
    if event.date.end is not None:
        structured["endDate"] = event.date.end.iso()
    if event.summary:
        structured["description"] = event.summary
    if event.places:
        structured["location"] = [{"@type": "Place", "name": p} for p in event.places]
    if event_people:
        structured["about"] = [{"@type": "Person", "name": person.name,
                                "url": config.base_url + person_url(person)}
                               for person in event_people]
    if image:
        structured["image"] = image
    if event.sources:
        structured["subjectOf"] = [{"@type": "CreativeWork", "url": s.url,
                                    **({"name": s.title} if s.title else {})}
                                   for s in event.sources if s.url]
    return {"canonical": canonical, "image_url": image, "structured": structured}


@by_identity
def _person_parts(person: Person, events: tuple[Event, ...], horizon: int,
                  people: Mapping[str, Person]) -> dict[str, Any]:
    """``roles`` and ``appears_with`` of a person page."""
    return {"roles": charts.roles_chart(person.roles, events, horizon),
            "appears_with": facets.appears_with(person.slug, events, people)}


def _by_year(events: Sequence[Event]) -> list[tuple[int, list[Event]]]:
    """The events of each year, in order."""
    return list(_grouped(events, "year").items())


def _grouped(events: Sequence[Event], keys: str) -> defaultdict[Any, list[Event]]:
    """The events under each of their ``keys`` (``year``, ``tags``, ``people`` or the
    ``articles`` of their sources), in order, grouped run by run (see :mod:`dateline.runs`)."""
    found: defaultdict[Any, list[Event]] = defaultdict(list)
    for run in event_runs(events):
        for key, group in _groups_of(run, keys):
            found[key].extend(group)
    return found


@by_identity
def _groups_of(run: tuple[Event, ...], keys: str) -> tuple[tuple[Any, tuple[Event, ...]], ...]:
    found: dict[Any, list[Event]] = {}
    for event in run:
        for key in _KEYS[keys](event):
            found.setdefault(key, []).append(event)
    return tuple((key, tuple(group)) for key, group in found.items())


_KEYS: Mapping[str, Callable[[Event], Iterable[Any]]] = {
    "year": lambda event: (event.date.year,),
    "tags": lambda event: event.tags,
    "people": lambda event: event.people,
    "articles": lambda event: dict.fromkeys(s.article for s in event.sources if s.article),
}


def source_data(source: Source) -> dict[str, Any]:
    """A source in ``timeline.json``; ``article`` and ``quote`` only for extracted ones."""
    data: dict[str, Any] = {
        "url": source.url, "title": source.title, "outlet": source.outlet,
        "published": source.published.edtf() if source.published else None,
    }
    if source.article:
        data |= {"article": source.article, "quote": source.quote}
    return data


def timeline_data(timeline: Timeline, people: list[Person]) -> dict[str, Any]:
    """The ``/timeline.json`` document (its shape is documented in the README), for
    :func:`dateline.jsondata.render_data`: its events are written already, run by run."""
    base = timeline.config.base_url
    return {
        "events": [_event_lines(base, timeline.people, run)
                   for run in event_runs(timeline.events)],
        "people": [_person_data(base, person) for person in people],
    }


@by_identity
def _person_data(base: str, person: Person) -> dict[str, Any]:
    """One person in ``/timeline.json``."""
    return {"id": person.slug, "url": base + person_url(person), "name": person.name,
            "aliases": list(person.aliases)}


@by_identity
def _event_lines(base: str, people: Mapping[str, Person], run: tuple[Event, ...]) -> Lines:
    return lines(event_data(base, people_of(people, event), event) for event in run)


@by_identity
def event_data(base: str, event_people: tuple[Person, ...], event: Event) -> dict[str, Any]:
    """One event in ``/timeline.json`` (``event_people``: see :func:`people_of`)."""
    return {
        "id": event.slug,
        "url": base + event_url(event),
        "date": event.date.edtf(),
        "precision": event.date.precision.label,
        "title": event.title,
        "summary": event.summary,
        "people": [{"id": slug, "name": person.name}
                   for slug, person in zip(event.people, event_people, strict=True)],
        "places": list(event.places),
        "tags": list(event.tags),
        "sources": [source_data(s) for s in event.sources],
        "extracted": event.extracted,
    }
