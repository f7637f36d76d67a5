"""One article's extraction: clean, publication date, dates, people, events.

Bump :data:`dateline.extract.EXTRACTOR_VERSION` whenever a change here (or in the modules
this uses) can change what is found, so cached results are not reused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from dateline.dates import EventDate, Precision
from dateline.extract.calendar_math import day_value
from dateline.extract.clean import clean
from dateline.extract.events import Parts, article_source, find_events, not_happened
from dateline.extract.found import Block, Credit, DateMention, Extraction, PersonMention
from dateline.extract.people import Known, find_people
from dateline.extract.published import find_published
from dateline.extract.rules import ANAPHORA, anaphora_shift
from dateline.extract.sentences import sentence_start, split_sentences
from dateline.extract.temporal import find_dates
from dateline.model import Article

TEXT_KINDS = frozenset({"body"})
_LABELS = {"caption": "a photo caption", "video": "a video blurb", "heading": "a heading",
           "updated": "an 'Updated' line", "published": "a 'Published' line",
           "dateline": "the dateline", "byline": "a byline",
           "boilerplate": "page furniture"}


def positions(article: Article) -> Callable[[int], tuple[int, int]]:
    """Offset in ``article.text`` → 1-based (line, col) in the file."""
    starts = [0]
    for index, char in enumerate(article.text):
        if char == "\n":
            starts.append(index + 1)

    def position(offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(starts, offset) - 1
        return article.text_line + line, offset - starts[line] + 1

    return position


def extract_article(article: Article, known: Known, published: date | None = None) -> Extraction:
    """Everything found in one article; ``published`` overrides its publication date (which
    then comes from ``"option"``)."""
    cleaned = clean(article.text)
    when: EventDate | None
    source: str | None
    if published is not None:
        when, source = day_value(published), "option"
    else:
        when, source = find_published(article.published, cleaned.blocks, cleaned.dateline_when)
    anchor = when.start.first_day() if when and when.precision == Precision.DAY else None
    body = [block for block in cleaned.blocks if block.kind in TEXT_KINDS]
    dates = sorted(_article_dates(cleaned.blocks, anchor), key=lambda d: d.start)
    credits = _unique_credits([*cleaned.credits,
                               *(Credit(name, "reporter") for name in article.authors)])
    captions = [block.text for block in cleaned.blocks if block.kind == "caption"]
    people = find_people([(b.text, b.start) for b in body], known, credits, captions)
    position = positions(article)
    dates = [_placed_date(d, position) for d in dates]
    people = [_placed_person(p, position) for p in people]
    parts = Parts(article, cleaned.blocks, dates, people, cleaned.dateline, when)
    events = find_events(parts, position)
    return Extraction(article.slug, when, source, cleaned.dateline, credits,
                      tuple(events), tuple(dates), tuple(people), article_source(parts))


def _unique_credits(credits: list[Credit]) -> tuple[Credit, ...]:
    seen: set[str] = set()
    kept = []
    for credit in credits:
        if credit.name.casefold() not in seen:
            seen.add(credit.name.casefold())
            kept.append(credit)
    return tuple(kept)


def _article_dates(blocks: Sequence[Block], anchor: date | None) -> list[DateMention]:
    """Every block's dates; "the next day" in the story counts from the day named before it."""
    dates: list[DateMention] = []
    last: date | None = None
    for block in sorted(blocks, key=lambda b: b.start):
        found = find_dates(block.text, anchor, block.start)
        if block.kind in TEXT_KINDS:  # found is in the order of the text
            for index, mention in enumerate(found):
                found[index] = mention = _from_earlier(mention, last)
                value = mention.value
                if mention.accepted and value is not None and not value.is_range and \
                        value.precision == Precision.DAY:
                    last = value.start.first_day()
        dates.extend(_block_dates(block, found))
    return dates


def _from_earlier(mention: DateMention, last: date | None) -> DateMention:
    """``the next day`` dated from ``last``, the latest day the story named before it."""
    if mention.accepted or mention.reason != ANAPHORA or last is None:
        return mention
    shift = anaphora_shift(mention.text)
    if shift is None:
        return mention
    day = last + timedelta(days=shift)
    return replace(mention, value=day_value(day), accepted=True,
                   reason=f"'{' '.join(mention.text.split())}' counted from "
                          f"{last.isoformat()}, the day named before it in the story")


def _block_dates(block: Block, found: list[DateMention]) -> list[DateMention]:
    """Dates of the story; those of captions, blurbs and headings are shown but never used."""
    if block.kind in TEXT_KINDS:
        spans = split_sentences(block.text)  # once per block: a long paragraph has many dates
        return [_noted(d, block, spans) for d in found]
    label = _LABELS.get(block.kind, block.kind)
    return [replace(d, value=None, accepted=False,
                    reason=f"in {label}, not the story" + ("" if d.accepted else f": {d.reason}"))
            for d in found]


def _noted(mention: DateMention, block: Block, spans: Sequence[tuple[int, int]]
           ) -> DateMention:
    """An accepted date that is a deadline or background says so in its reason."""
    if not mention.accepted:
        return mention
    at = mention.start - block.start
    start = sentence_start(spans, at)
    why = not_happened(block.text, start, at)
    return replace(mention, reason=f"{mention.reason}; {why}") if why else mention


def _placed_date(mention: DateMention, position: Callable[[int], tuple[int, int]]
                 ) -> DateMention:
    line, col = position(mention.start)
    return replace(mention, line=line, col=col, end_col=col + mention.end - mention.start)


def _placed_person(mention: PersonMention, position: Callable[[int], tuple[int, int]]
                   ) -> PersonMention:
    line, col = position(mention.start)
    return replace(mention, line=line, col=col, end_col=col + mention.end - mention.start)
