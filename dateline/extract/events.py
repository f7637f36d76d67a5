"""Sentences that report something on a resolved date → extracted events with provenance.

One event per date an article reports: the first sentence with that date gives the title,
the quote and the place in the file; later sentences with the same date add people and
places. A day within a week before publication is the news itself (confidence 0.7); an older
or coarser date is background ("annexed Crimea in 2014") and becomes a context event at its
precision (confidence 0.4). Plans (dates after publication), bounds and deadlines ("by 2030"),
the age of a thing ("founded in 1874"), quotes and captions are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from dateline.dates import EventDate, Precision
from dateline.extract.found import Block, Dateline, DateMention, PersonMention
from dateline.extract.places import find_places
from dateline.extract.sentences import split_sentences
from dateline.extract.tense import tense_at
from dateline.model import Article, Event, Mark, PersonRef, Source
from dateline.slugs import make_slug, unique

Position = Callable[[int], tuple[int, int]]
NEWS, CONTEXT = 0.7, 0.4
_ANCHORED = re.compile(r"\b(?:in|on|during|from|between|the|last|early|late|mid)[\s-]+$",
                      re.IGNORECASE)
_LEADS = re.compile(r"(?:early|mid|late|the|last|this|spring|summer|autumn|fall|winter)\b",
                    re.IGNORECASE)
# Words just before a date that make it something other than the day a thing happened: a
# bound or a deadline ("since 2014", "by 2030", "by the end of March", "a deadline of March
# 31"), or the age of a thing that is background ("dating back to 1874", "founded in 1874",
# "built in the 1870s"). "since the 2006 poisoning" dates the poisoning, so it stays.
_NOT_HAPPENED = (
    (re.compile(r"\b(?:since|until|till|by|before|no\s+later\s+than)\s+"
                r"(?:the\s+(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?)?"
                r"(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE),
     "a bound or a deadline, not the day it happened"),
    (re.compile(r"\b(?:deadline|ultimatum|cut-?off\s+date)\b[^,;.]{0,30}$", re.IGNORECASE),
     "a deadline, not the day it happened"),
    (re.compile(r"\b(?:(?:dat(?:es|ed|ing)|goes|going|went)\s+back\s+to|dat(?:es|ed|ing)\s+"
                r"from|(?:founded|established|built|constructed|erected|set\s+up|created)"
                r"\s+(?:back\s+)?(?:in|around|circa|c\.))\s+(?:the\s+)?$", re.IGNORECASE),
     "how old something is (background), not an event"),
)
_NOT_HAPPENED_WINDOW = 48


def not_happened(text: str, start: int, at: int) -> str:
    """Why the date at ``at`` is not when something happened, from the words in
    ``text[start:at]`` just before it; empty when nothing says so."""
    before = text[max(start, at - _NOT_HAPPENED_WINDOW):at]
    return next((why for pattern, why in _NOT_HAPPENED if pattern.search(before)), "")
_VERBS = (
    (r"\b(?:met|meet|meets|meeting|talks|held talks)\b", "hold talks", "holds talks"),
    (r"\bvisit(?:s|ed|ing)?\b", "visit", "visits"),
    (r"\bsign(?:s|ed|ing)?\b", "sign an agreement", "signs an agreement"),
    (r"\bexpel(?:s|led|ling)?\b", "expel diplomats", "expels diplomats"),
    (r"\bsanction(?:s|ed)?\b", "impose sanctions", "imposes sanctions"),
    (r"\b(?:spoke|speak|phone call|telephone)\b", "speak by phone", "speaks by phone"),
)


@dataclass(frozen=True)
class Parts:
    """What one article's events are made from."""

    article: Article
    blocks: Sequence[Block]
    dates: Sequence[DateMention]
    people: Sequence[PersonMention]
    dateline: Dateline | None
    published: EventDate | None


def find_events(parts: Parts, position: Position) -> list[Event]:
    """Events reported by the body sentences of one article, in the order they appear."""
    grouped: dict[str, list[tuple[int, int, DateMention]]] = {}
    dated = sorted((d for d in parts.dates if d.accepted and d.value), key=lambda d: d.start)
    starts = [d.start for d in dated]
    for block in parts.blocks:
        if block.kind != "body":
            continue
        for a, b in split_sentences(block.text):
            start, end = block.start + a, block.start + b
            mention = _event_date(parts, dated, starts, start, end)
            if mention is not None and mention.value is not None:
                grouped.setdefault(mention.value.edtf(), []).append((start, end, mention))
    events: list[Event] = []
    used: set[str] = set()
    by_start = sorted((p.start, index) for index, p in enumerate(parts.people))
    for sentences in grouped.values():
        events.append(_event(parts, sentences, position, used, by_start))
    return events


def _event_date(parts: Parts, dated: Sequence[DateMention], starts: Sequence[int], start: int,
                end: int) -> DateMention | None:
    text = parts.article.text[start:end]
    if text.lstrip()[:1] in {'"', "“", "‘", "'"}:
        return None
    inside = list(dated[bisect_left(starts, start):bisect_left(starts, end)])
    inside = [d for d in inside if not _in_quotes(parts.article.text, start, d.start)]
    latest = _published_day(parts.published)
    inside = [d for d in inside if d.value is not None
              and (latest is None or (d.value.end or d.value.start).first_day() <= latest)
              and not not_happened(parts.article.text, start, d.start)
              and tense_at(parts.article.text[start:end], d.start - start, d.end - start)
              != "future"]
    inside = [d for d in inside if d.value is not None and (
        d.value.precision == Precision.DAY or _ANCHORED.search(
            parts.article.text[max(start, d.start - 12):d.start]) or _LEADS.match(d.text))]
    if not inside or len(text.split()) < 5:
        return None
    return max(inside, key=lambda d: (d.value.precision if d.value else 0, -d.start))


def _published_day(published: EventDate | None) -> date | None:
    return published.start.last_day() if published is not None else None


def _in_quotes(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _people_in(people: Sequence[PersonMention], by_start: Sequence[tuple[int, int]], start: int,
               end: int) -> list[PersonMention]:
    """The mentions of ``people`` from offset ``start`` to ``end``, in the order of ``people``;
    ``by_start`` holds (start, index) of each, sorted."""
    found = by_start[bisect_left(by_start, (start, -1)):bisect_left(by_start, (end, -1))]
    return [people[index] for _start, index in sorted(found, key=lambda item: item[1])]


def _event(parts: Parts, sentences: list[tuple[int, int, DateMention]], position: Position,
           used: set[str], by_start: Sequence[tuple[int, int]]) -> Event:
    start, end, mention = sentences[0]
    assert mention.value is not None
    value, article = mention.value, parts.article
    people: list[PersonMention] = []
    places: list[str] = []
    known_places = [parts.dateline.place] if parts.dateline and parts.dateline.place else []
    for a, b, _m in sentences:
        for person in _people_in(parts.people, by_start, a, b):
            if all(p.name != person.name for p in people):
                people.append(person)
        for place in find_places(article.text[a:b], known_places):
            if place not in places:
                places.append(place)
    quote = " ".join(article.text[start:end].split())
    line, col = position(start)
    mark = Mark(article.mark.path, line, col)
    refs = tuple(PersonRef(p.slug or p.name, Mark(article.mark.path, *position(p.start)))
                 for p in people)
    news = _is_news(value, parts.published)
    source = replace(article_source(parts), quote=quote)
    return Event(
        slug=_slug(article.slug, value, people, used),
        title=title_for(article.text[start:end], people, places, start),
        date=value, mark=mark, people_refs=refs, places=tuple(places), sources=(source,),
        extracted=True, confidence=NEWS if news else CONTEXT,
    )


def article_source(parts: Parts) -> Source:
    """The article as a source: its front matter, else its headline and dateline's outlet."""
    article = parts.article
    return Source(url=article.url, title=article.title or headline(parts.blocks),
                  outlet=article.outlet or (parts.dateline.outlet if parts.dateline else ""),
                  published=parts.published, article=article.slug)


def headline(blocks: Sequence[Block]) -> str:
    """The article's headline: its first block, when that is a heading of a few words."""
    first = blocks[0] if blocks else None
    if first is None or first.kind != "heading" or len(first.text.split()) < 3:
        return ""
    return first.text.strip()


def _is_news(value: EventDate, published: EventDate | None) -> bool:
    if published is None or value.precision != Precision.DAY or value.is_range:
        return False
    day, latest = value.start.first_day(), published.start.last_day()
    return 0 <= (latest - day).days <= 7


def _slug(article: str, value: EventDate, people: Sequence[PersonMention],
          used: set[str]) -> str:
    who = "-".join(p.slug or make_slug(p.name, "") for p in people[:2]) or "event"
    slug = unique(make_slug(f"{article}-{value.edtf()}-{who}", "event"), used.__contains__)
    used.add(slug)
    return slug


def title_for(sentence: str, people: Sequence[PersonMention], places: Sequence[str],
              offset: int = 0) -> str:
    """A short title in plain words: who did what, where; else the sentence's first clause."""
    lowered = sentence.lower()
    for pattern, plural, single in _VERBS:
        verb_at = re.search(pattern, lowered)
        names = [p.name for p in people if p.start - offset < (verb_at.start() if verb_at else 0)]
        if verb_at and names:
            verb = plural if len(names[:2]) > 1 else single
            where = f" {places[0]}" if places and plural == "visit" else (
                f" in {places[0]}" if places else "")
            return f"{' and '.join(names[:2])} {verb}{where}"
    clauses = re.split(r",\s+(?:but|and|while|who|which|after|as)\b|;|\s[—–]\s", sentence)
    clause = clauses[0] if len(clauses[0].split()) >= 6 else sentence
    words = clause.rstrip(".").split()
    text = " ".join(words[:14])
    return text + ("…" if len(words) > 14 else "")
