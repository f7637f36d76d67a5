"""Sources across files: what an article says of itself, the entries that cite the articles
they claim, and exclusions that match nothing. Used by :mod:`dateline.merge`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from dateline.diagnostics import Diagnostic, closest, warning
from dateline.model import Article, Event, Source


def unknown_exclusions(articles: Iterable[Article], extracted: Iterable[Event]
                       ) -> Iterator[Diagnostic]:
    """An ``exclude:`` id that no event extracted from its article has (a typo would let
    the event the editor rejected through)."""
    ids: dict[str, list[str]] = {}
    for event in extracted:
        ids.setdefault(article_of(event), []).append(event.slug)
    for article in articles:
        found = ids.get(article.slug, [])
        for eid in article.exclude:
            if eid not in found:
                near = closest(eid, found, 0.6)
                mark = article.at("exclude", eid)
                yield warning(mark.path, mark.line, mark.col,
                              f"no event '{eid}' is extracted from this article",
                              f"did you mean '{near}'?" if near else
                              "'dateline review' lists the ids of extracted events")


def as_told(article: Article, told: Source | None) -> Article:
    """``article`` with the headline, outlet and date its extraction found, where its front
    matter gives none."""
    if told is None:
        return article
    told_of = (article.title or told.title, article.outlet or told.outlet,
               article.published or told.published)
    if told_of == (article.title, article.outlet, article.published):
        return article
    return replace(article, title=told_of[0], outlet=told_of[1], published=told_of[2])


def citing_claimed(events: Iterable[Event], links: Mapping[str, list[str]],
                   articles: Sequence[Article]) -> list[Event]:
    """Each entry with the articles it claims (or that claim it) among its sources, also when
    no event was extracted from them."""
    known = {article.slug: article for article in articles}
    claimed: dict[str, list[Article]] = {}
    for slug, entries in links.items():
        if slug in known:
            for entry in entries:
                claimed.setdefault(entry, []).append(known[slug])
    return [_citing(event, claimed[event.slug])
            if event.slug in claimed and not event.extracted else event for event in events]


def _citing(event: Event, articles: Iterable[Article]) -> Event:
    sources = event.sources
    for article in articles:
        if all(source.article != article.slug for source in sources):
            sources = add_source(sources, Source(
                url=article.url, title=article.title, outlet=article.outlet,
                published=article.published, article=article.slug))
    return event if sources is event.sources else replace(event, sources=sources)


def article_of(event: Event) -> str:
    return next((s.article for s in event.sources if s.article), "")


def add_source(sources: tuple[Source, ...], new: Source) -> tuple[Source, ...]:
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
