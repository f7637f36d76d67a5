"""People in article text: the registry's spellings, titled and full names, and surnames.

A mention is found in one of four ways: a spelling from ``content/people`` (name or alias,
Cyrillic included); a title before capitalised words ("Foreign Secretary Boris Johnson",
"Mr Lavrov", "analyst Chris Weafer"); a common given name before a surname ("Laura
Smith-Spark"); or a surname alone, which resolves to the full name used earlier in the article.
Transliterations (Sergei/Sergey) share one key. Credited reporters and photographers are never
participants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.extract.found import Credit, PersonMention
from dateline.extract.lexicon import GIVEN_NAMES, HONORIFICS, MONTHS, TITLE_WORDS, VARIANTS
from dateline.extract.lexicon import WEEKDAYS as WEEKDAY_NAMES
from dateline.extract.places import GAZETTEER, MULTI
from dateline.model import Person
from dateline.people import normal

_WORD = re.compile(r"[^\W\d_][\w'’.-]*(?<![.-])|[^\W\d_]")
_WEAK_TITLES = frozenset("general major chief king queen prince princess lord lady justice "
                         "officer leader director executive founder chair deputy".split())
_PARTICLES = frozenset("de van von der bin al da di du le la".split())
# A middle initial as _WORD reads it ("N" of "Boris N. Yeltsin", "H.W" of "George H.W. Bush"),
# and the gap after one or after an abbreviated title ("Mr. Lavrov").
_INITIAL = re.compile(r"[A-Z](?:\.[A-Z])*")
_AFTER_INITIAL = frozenset({". ", ".\xa0"})


@dataclass(frozen=True)
class _Run:
    """Consecutive capitalised words (particles allowed inside), with offsets."""

    start: int
    words: tuple[tuple[int, int, str], ...]


def _runs(text: str) -> Iterable[_Run]:
    current: list[tuple[int, int, str]] = []
    for found in _WORD.finditer(text):
        word = found.group()
        capital = word[0].isupper()
        gap = text[current[-1][1]:found.start()] if current else ""
        initial = bool(current) and gap in _AFTER_INITIAL and (
            _INITIAL.fullmatch(current[-1][2]) is not None
            or current[-1][2].lower() in TITLE_WORDS)
        joined = bool(current) and (gap in {" ", "\xa0"} or initial)
        if capital and joined:
            current.append((found.start(), found.end(), word))
            continue
        if not capital and joined and word in _PARTICLES:
            current.append((found.start(), found.end(), word))
            continue
        if current:
            yield _trimmed(current)
        current = [(found.start(), found.end(), word)] if capital else []
    if current:
        yield _trimmed(current)


def _trimmed(words: list[tuple[int, int, str]]) -> _Run:
    while words and words[-1][2] in _PARTICLES:
        words = words[:-1]
    return _Run(words[0][0] if words else 0, tuple(words))


_NOT_NAME = frozenset(
    "street station hospital university college square road airport church foundation "
    "institute centre center park hall bridge house office ministry council party group bank "
    "company inc corp ltd plc news times post journal agency court committee force army navy "
    "city county state republic union kingdom government administration airlines stores "
    "democrats democratic republicans socialists conservatives liberals aid science questions "
    "prize award awards cup trophy day week hotel restaurant museum gallery school academy "
    "tower palace castle cathedral abbey memorial bay island islands river lake mountains "
    "valley hill forest garden gardens street avenue lane stadium arena centre theatre "
    "theater".split()
)  # fmt: skip
_FUNCTION = frozenset(
    "the a an and of in on at to for by with from as but or if when while after before since "
    "during under over about i we he she it they his her their its our this that these those "
    "mr mrs ms".split()
)  # fmt: skip
_STOP = _FUNCTION | frozenset(MONTHS) | frozenset(WEEKDAY_NAMES)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The key transliterations of one name share: ``Sergey Lavrov`` → ``sergei lavrov``."""
    words = normal(name).split()
    words = [VARIANTS.get(word, word) for index, word in enumerate(words)
             if len(word) > 1 or index in {0, len(words) - 1}]
    if words:
        last = words[-1]
        last = re.sub(r"(?:iy|yi|ii)$", "y", last).replace("ks", "x")
        words[-1] = last
    return " ".join(words)


@dataclass(frozen=True)
class Known:
    """The registry as extraction needs it: full keys and unique surnames to slug and name."""

    keys: dict[str, str]
    names: dict[str, str]
    surnames: dict[str, str]
    spellings: tuple[str, ...]
    initialled: dict[str, str] = field(default_factory=dict)


def known_people(people: Iterable[Person]) -> Known:
    """Index registered people by every spelling's key and by unambiguous surnames. As in
    :class:`dateline.people.Registry`, a name means its person over anyone's alias, and an
    alias that several people share means none of them."""
    everyone = list(people)
    keys: dict[str, str] = {}
    for person in everyone:
        keys.setdefault(person_key(person.name), person.slug)
    aliased: dict[str, set[str]] = {}
    for person in everyone:
        for alias in person.aliases:
            aliased.setdefault(person_key(alias), set()).add(person.slug)
    keys.update({key: slugs.pop() for key, slugs in aliased.items()
                 if key not in keys and len(slugs) == 1})
    names: dict[str, str] = {}
    surnames: dict[str, list[str]] = {}
    spellings: list[str] = []
    initialled: dict[str, str] = {}
    for person in everyone:
        names[person.slug] = person.name
        for spelling in (person.name, *person.aliases):
            if _initialled_key(spelling) != person_key(spelling):
                initialled.setdefault(_initialled_key(spelling), person.slug)
            spellings.append(spelling)
            if len(spelling.split()) >= 2:
                surnames.setdefault(person_key(spelling.split()[-1]), []).append(person.slug)
    unique = {key: slugs[0] for key, slugs in surnames.items() if len(set(slugs)) == 1}
    return Known(keys, names, unique, tuple(sorted(set(spellings), key=lambda s: -len(s))),
                 initialled)


def _initialled_key(name: str) -> str:
    """Like :func:`person_key` but keeping middle initials, so "George H. W. Bush" and
    "George W. Bush" stay two people when the registry has both."""
    words = normal(name).split()
    if len(words) < 3:
        return person_key(name)
    return " ".join([person_key(words[0]), *words[1:-1], person_key(words[-1])])


@dataclass
class _Seen:
    """People met so far in one article, by key and by surname."""

    full: dict[str, tuple[str, str]] = field(default_factory=dict)
    surnames: dict[str, tuple[str, str]] = field(default_factory=dict)


def find_people(pieces: Sequence[tuple[str, int]], known: Known, credits: Sequence[Credit],
                primers: Sequence[str] = ()) -> list[PersonMention]:
    """Mentions of people in ``pieces`` (text and its offset), in reading order.

    ``primers`` (photo captions) introduce full names for later surnames but give no mentions.
    """
    banned = {person_key(credit.name) for credit in credits}
    banned |= {person_key(credit.name.split()[-1]) for credit in credits}
    seen = _Seen()
    for text in primers:
        for run in _runs(text):
            if run.words:
                _mention(text, run, known, seen, banned)
    mentions: list[PersonMention] = []
    for text, base in pieces:
        for run in _runs(text):
            found = _mention(text, run, known, seen, banned) if run.words else None
            if found is not None:
                start, end, name, slug = found
                mentions.append(PersonMention(text[start:end], base + start, base + end,
                                              name, slug, title=_title_before(text, run, start)))
    return mentions


def _mention(text: str, run: _Run, known: Known, seen: _Seen,
             banned: set[str]) -> tuple[int, int, str, str] | None:
    words = [(a, b - _possessive(w), w[: len(w) - _possessive(w)]) for a, b, w in run.words]
    titled = _after_title(text, run.start, words)
    first = titled if titled is not None else _given_at(words, known)
    if first is None:
        return _surname_only(text, words, known, seen, banned)
    name_words = _name_words(words[first:])
    while name_words and (name_words[-1][2].lower().rstrip(".") in _NOT_NAME | _FUNCTION
                          or name_words[-1][2] in _PARTICLES
                          or (len(name_words) > 1 and _INITIAL.fullmatch(name_words[-1][2]))):
        name_words = name_words[:-1]
    if not name_words or any(w[2].lower().rstrip(".") in _NOT_NAME for w in name_words) or any(
            w[2].lower().rstrip(".") in TITLE_WORDS for w in name_words[:-1]):
        return None
    if " ".join(w[2] for w in name_words) in GAZETTEER | set(MULTI):
        return None
    if len(name_words) == 1 and titled is None:
        return None
    start, end = name_words[0][0], name_words[-1][1]
    spelled = " ".join(text[start:end].split()).rstrip(".")
    key = person_key(spelled)
    if key in banned:
        return None
    name, slug = _resolve(spelled, key, known, seen)
    return start, start + len(spelled) if end > start + len(spelled) else end, name, slug


def _name_words(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Up to three words of a name (four with a particle second); initials are not counted."""
    taken: list[tuple[int, int, str]] = []
    counted: list[str] = []
    for word in words:
        taken.append(word)
        if _INITIAL.fullmatch(word[2]) and counted and word is not words[-1]:
            continue
        counted.append(word[2])
        if len(counted) == 4 or (len(counted) == 3 and counted[1] not in _PARTICLES):
            break
    return taken


def _title_before(text: str, run: _Run, start: int) -> str:
    """The office written right before the name at ``start``: the capitalised words of its own
    run ("Russian Foreign Minister"), else a title word just before the run ("analyst").
    Honorifics and "counterpart" name no office."""
    words = [w for a, _b, w in run.words if a < start]
    while words and (normal(words[0]) in _STOP or normal(words[0]) in {"then", "former"}):
        words = words[1:]
    if not words:
        before = re.search(r"([a-z-]+)\.?\s+$", text[max(0, run.start - 30):run.start])
        words = [before.group(1)] if before and before.group(1) in TITLE_WORDS else []
    if not any(w.lower().rstrip(".") in TITLE_WORDS - HONORIFICS - {"counterpart"}
               for w in words):
        return ""
    return " ".join(words)


def _possessive(word: str) -> int:
    return 2 if word.endswith(("'s", "’s")) else (1 if word.endswith(("'", "’")) else 0)


def _after_title(text: str, run_start: int, words: list[tuple[int, int, str]]) -> int | None:
    """Index in ``words`` where the name starts after a title, or None without a title."""
    last_title = None
    for index, (_a, b, word) in enumerate(words):
        if word.lower().rstrip(".") in TITLE_WORDS and text[b:b + 1] not in {"'", "’"}:
            last_title = index
    if last_title is not None and last_title + 1 < len(words):
        weak = words[last_title][2].lower() in _WEAK_TITLES
        return last_title + 1 if not weak or len(words) - last_title > 2 else None
    if last_title is None:
        before = re.search(r"([a-z-]+)\.?\s+$", text[max(0, run_start - 30):run_start])
        if before and before.group(1) in TITLE_WORDS - _WEAK_TITLES and len(words) >= 2:
            return 0
    return None


def _given_at(words: list[tuple[int, int, str]], known: Known) -> int | None:
    for index, (_a, _b, word) in enumerate(words[:-1]):
        lowered = normal(word)
        if lowered in GIVEN_NAMES or lowered in VARIANTS:
            return index
        pair = person_key(f"{word} {words[index + 1][2]}")
        if pair in known.keys:
            return index
    return None


def _surname_only(text: str, words: list[tuple[int, int, str]], known: Known, seen: _Seen,
                  banned: set[str]) -> tuple[int, int, str, str] | None:
    """A lone capitalised word that is the surname of someone named earlier (or registered)."""
    start, end, word = words[-1]
    key = person_key(word)
    if key in banned or normal(word) in _FUNCTION or (normal(word) in _STOP and (
            re.match(r"\s+\d", text[end:]) or re.search(r"\b(?:in|of|since|until|by|early|late|"
                                                      r"mid|last|next)\s+$", text[:start]))):
        return None
    if key in seen.surnames:
        name, slug = seen.surnames[key]
        return start, end, name, slug
    if key in known.keys and len(word) > 3 and normal(word) not in MONTHS:
        slug = known.keys[key]
        return start, end, known.names[slug], slug
    return None


def _resolve(spelled: str, key: str, known: Known, seen: _Seen) -> tuple[str, str]:
    """The canonical name and slug of a spelling; remember it for later surnames."""
    exact = _initialled_key(spelled)
    if exact in known.initialled:
        slug = known.initialled[exact]
        result = (known.names[slug], slug)
    elif key in known.keys:
        slug = known.keys[key]
        result = (known.names[slug], slug)
    elif exact in seen.full:
        result = seen.full[exact]
    elif key in seen.full and _initialled_key(seen.full[key][0]) in {key, exact}:
        # "Boris Yeltsin" after "Boris N. Yeltsin" is the same man; "George W. Bush" after
        # "George H. W. Bush" is not.
        result = seen.full[key]
    elif len(key.split()) == 1 and key in seen.surnames:
        result = seen.surnames[key]
    elif len(key.split()) == 1 and key in known.surnames:
        slug = known.surnames[key]
        result = (known.names[slug], slug)
    else:
        result = (spelled, "")
    seen.full.setdefault(key, result)
    seen.full.setdefault(exact, result)
    seen.surnames.setdefault(key.split()[-1], result)
    return result
