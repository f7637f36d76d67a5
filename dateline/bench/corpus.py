"""A deterministic synthetic timeline: events, people, tags, sources and articles.

The same seed and size always give the same corpus, byte for byte. Words are drawn from a
small invented vocabulary, so bodies look like prose to a Markdown parser without being
anybody's text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = ("Anna Boris Clara Dmitri Elena Fyodor Galina Henry Irina James Kate Leonid Maria "
         "Nikolai Olga Pavel Rachel Sergei Tatiana Victor Yulia Alan Bridget Colin Diana "
         "Edward Fiona George Helen Ivan Joan Keith Lydia Martin Nora Oleg Peter Rosa Simon "
         "Tamara").split()
LAST = ("Abbott Belov Carter Dawson Egorov Fraser Gromov Hughes Ivanov Jarvis Kozlov Lawson "
        "Morozov Norris Orlov Parker Quinn Romanov Sokolov Turner Usmanov Volkov Walsh Yates "
        "Zaitsev Ashby Bykov Crane Denisov Ellis Frolov Grant Harlow Isaev Jenkins Klimov "
        "Lowell Markov Nash Osipov").split()
WORDS = ("talks embassy minister treaty sanctions summit delegation statement parliament "
         "visit envoy council agreement dispute trade gas pipeline inquiry report meeting "
         "London Moscow officials spokesman agency crisis accord relations cabinet foreign "
         "office defence ministry expelled diplomats press conference response warning "
         "charges investigation court ruling vote session letter protest border security "
         "intelligence service cooperation exchange programme energy bank assets freeze "
         "the a of in and to on with for by after before during while against between "
         "said announced confirmed denied agreed rejected signed opened closed met called "
         "new former senior British Russian joint public formal annual second final").split()
TAGS = ("diplomacy espionage sanctions trade energy culture law sport military media "
        "finance science").split()
OUTLETS = ("Daily Ledger", "Evening Courier", "World Wire", "North Star Radio", "Capital Times")
PLACES = ("London", "Moscow", "Salisbury", "St Petersburg", "Brussels", "Geneva", "Kyiv")


@dataclass(frozen=True)
class Person:
    """A synthetic person."""

    slug: str
    name: str
    alias: str
    born: int
    role: str
    body: str


@dataclass(frozen=True)
class Event:
    """A synthetic event; ``date`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    slug: str
    title: str
    date: str
    summary: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[tuple[str, str, str], ...]  # url, title, outlet
    body: str

    @property
    def full_date(self) -> str:
        """The date padded to a day, for tools that need one."""
        parts = self.date.split("-")
        return "-".join([*parts, *["01"] * (3 - len(parts))])


@dataclass(frozen=True)
class Article:
    """A synthetic news article of a few kilobytes."""

    slug: str
    title: str
    outlet: str
    published: str
    text: str


@dataclass(frozen=True)
class Corpus:
    """Everything one benchmark site is made of."""

    events: tuple[Event, ...]
    people: tuple[Person, ...]
    articles: tuple[Article, ...]


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, words: int, names: list[str]) -> str:
    """Markdown paragraphs of about ``words`` words, with some emphasis and a link."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 5))]
        if names and rng.random() < 0.5:
            sentences.insert(1, f"{rng.choice(names)} {rng.choice(WORDS)} the "
                                f"**{rng.choice(WORDS)}** on *{rng.choice(WORDS)}*.")
        if rng.random() < 0.3:
            sentences.append(f"See [the {rng.choice(WORDS)} record]"
                             f"(https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)}).")
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    return "\n\n".join(paragraphs) + "\n"


def _people(rng: random.Random, count: int) -> list[Person]:
    people = []
    for index in range(count):
        first, last = FIRST[index % len(FIRST)], LAST[(index // len(FIRST)) % len(LAST)]
        round_ = index // (len(FIRST) * len(LAST))
        name = f"{first} {last}" + (f" {_roman(round_ + 1)}" if round_ else "")
        slug = name.lower().replace(" ", "-")
        people.append(Person(slug, name, f"{first[0]}. {last}" + (f" {round_}" if round_ else ""),
                             rng.randint(1930, 1985), f"{rng.choice(WORDS).capitalize()} envoy",
                             _paragraphs(rng, rng.randint(60, 120), [])))
    return people


def _roman(number: int) -> str:
    return {2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII"}.get(number, str(number))


def _date(rng: random.Random, index: int, total: int) -> str:
    year = 1991 + index * 35 // max(total, 1)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.8:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}" if roll < 0.95 else f"{year}"


def _events(rng: random.Random, count: int, people: list[Person]) -> list[Event]:
    events = []
    for index in range(count):
        title_words = [rng.choice(WORDS) for _ in range(rng.randint(4, 8))]
        involved = tuple(sorted({rng.choice(people).slug for _ in range(rng.randint(1, 3))}))
        names = [p.name for p in people if p.slug in involved]
        sources = tuple(
            (f"https://example.org/news/{index}-{n}", _sentence(rng, 4, 8).rstrip("."),
             rng.choice(OUTLETS)) for n in range(rng.randint(1, 2)))
        events.append(Event(
            f"{'-'.join(title_words[:3]).lower()}-{index:05d}",
            " ".join(title_words).capitalize(), _date(rng, index, count), _sentence(rng),
            involved, (rng.choice(PLACES),), tuple(sorted(set(rng.sample(TAGS, 2)))),
            sources, _paragraphs(rng, rng.randint(150, 300), names)))
    return events


def _articles(rng: random.Random, count: int, people: list[Person]) -> list[Article]:
    articles = []
    months = ("January February March April May June July August September October "
              "November December").split()
    for index in range(count):
        year, month, day = rng.randint(1992, 2025), rng.randint(1, 12), rng.randint(1, 28)
        lines = [f"LONDON, {months[month - 1]} {day} —"]
        size = rng.randint(3000, 10000)
        while sum(len(line) for line in lines) < size:
            who = rng.choice(people).name
            when = f"on {rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1991, year)}"
            lines.append(f"{who} {rng.choice(WORDS)} the {rng.choice(WORDS)} {when}. "
                         + " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
        articles.append(Article(f"article-{index:03d}", _sentence(rng, 5, 9).rstrip("."),
                                rng.choice(OUTLETS), f"{year}-{month:02d}-{day:02d}",
                                "\n\n".join(lines) + "\n"))
    return articles


def make_corpus(events: int, articles: int = 200, seed: int = 2018) -> Corpus:
    """The corpus for ``events`` events, with one person for every ten events."""
    rng = random.Random(f"{seed}-{events}")
    people = _people(rng, max(events // 10, 5))
    return Corpus(tuple(_events(rng, events, people)), tuple(people),
                  tuple(_articles(rng, articles, people)))
