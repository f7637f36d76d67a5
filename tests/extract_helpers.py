"""Helpers for the extraction tests: a small registry and one-call extraction of text."""

from __future__ import annotations

from datetime import date

from dateline.extract.article import extract_article
from dateline.extract.found import Extraction
from dateline.extract.people import Known, known_people
from dateline.extract.temporal import find_dates
from dateline.model import Article, Mark, Person

REGISTRY: Known = known_people([
    Person("sergei-lavrov", "Sergei Lavrov", Mark("content/people/sergei-lavrov.md")),
    Person("boris-johnson", "Boris Johnson", Mark("content/people/boris-johnson.md")),
    Person("theresa-may", "Theresa May", Mark("content/people/theresa-may.md")),
    Person("dmitry-peskov", "Dmitry Peskov", Mark("content/people/dmitry-peskov.md")),
])


def extract(text: str, published: date | None = None) -> Extraction:
    """Extract ``text`` as an article called ``story``."""
    return extract_article(Article("story", Mark("content/articles/story.txt"), text),
                           REGISTRY, published)


def value_of(text: str, phrase: str, published: date | None = date(2017, 12, 22)) -> str | None:
    """The EDTF value found for ``phrase`` in ``text`` (None when rejected or not found)."""
    for mention in find_dates(text, published):
        if mention.text == phrase:
            return mention.value.edtf() if mention.value else None
    return "not found"


def reason_of(text: str, phrase: str, published: date | None = date(2017, 12, 22)) -> str:
    """Why ``phrase`` in ``text`` was accepted or rejected."""
    return next((m.reason for m in find_dates(text, published) if m.text == phrase), "not found")


def names(found: Extraction) -> set[str]:
    """The canonical names of every person mention."""
    return {mention.name for mention in found.people}
