"""People references: slug, name or alias, matched case- and accent-insensitively."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from dateline.diagnostics import Diagnostic, error, warning
from dateline.hints import person_hint
from dateline.memo import by_identity, last_few
from dateline.model import Event, Mark, Person, PersonRef, Role, Source
from dateline.slugs import make_slug, unique


@lru_cache(maxsize=1 << 16)
def normal(text: str) -> str:
    """The key two spellings share: no accents, case-folded, hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("-", " ").replace(".", " ").split())


SLUG, NAME, ALIAS = 0, 1, 2  # how a person claims a spelling, strongest first
_WHAT = {SLUG: "the slug of", NAME: "the name of", ALIAS: "an alias of"}
_FIX = {SLUG: "rename this file", NAME: "give this one another name",
        ALIAS: "remove this alias"}


@dataclass(frozen=True)
class Claim:
    """A person's claim on a spelling: as slug, name or alias, as written and where."""

    kind: int
    text: str
    mark: Mark
    strength: int  # the strongest kind among the person's spellings with the same key


@by_identity
def claims(person: Person) -> Mapping[str, Claim]:
    """The person's spellings by their ``normal`` key; one claim per key (the name over an
    alias over the slug, since they are what an editor wrote), so no one clashes with
    themselves."""
    written = [(NAME, person.name, person.at("name")),
               *((ALIAS, alias, person.at("aliases", alias)) for alias in person.aliases),
               (SLUG, person.slug, person.mark)]
    found: dict[str, Claim] = {}
    for kind, text, mark in written:
        key = normal(text)
        if not key:
            continue
        first = found.get(key)
        found[key] = (Claim(kind, text, mark, kind) if first is None
                      else replace(first, strength=min(first.strength, kind)))
    return found


Held = tuple[Person, Mapping[str, Claim]]  # a person with their claims


@dataclass(frozen=True)
class Registry:
    """Every known spelling of every person, mapped to the person's slug; and the aliases
    that several people share, which mean none of them alone."""

    index: Mapping[str, str]
    names: Mapping[str, str]
    shared: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def lookup(self, text: str) -> str | None:
        """The slug a slug, name or alias refers to, or None. A slug always means its own
        person, and a name its own person over anyone's alias; a name two files share (an
        error: see :func:`clashes`) means the one that keeps it."""
        return self.index.get(normal(text))

    def sharing(self, text: str) -> tuple[str, ...]:
        """The slugs of the people who share the alias ``text`` (none when it is not one)."""
        return self.shared.get(normal(text), ())


def build_registry(people: Iterable[Person]) -> Registry:
    """Index people by slug, name and aliases."""
    everyone = list(people)
    names = {person.slug: person.name for person in everyone}
    index: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}
    for key, holders in _holders(everyone).items():
        strong = _strong(key, holders)
        if strong or len(holders) == 1:
            index[key] = _keeper(key, strong or holders)[0].slug
        else:
            shared[key] = tuple(person.slug for person, _ in holders)
    return Registry(MappingProxyType(index), MappingProxyType(names), MappingProxyType(shared))


def _strong(key: str, holders: list[Held]) -> list[Held]:
    """The people who claim ``key`` as their slug or name, not only as an alias."""
    return [held for held in holders if held[1][key].strength <= NAME]


def clashes(people: Iterable[Person]) -> list[Diagnostic]:
    """An error for each slug or name (compared as :func:`normal` does) that a person file
    shares with the one that keeps it, at the value as written, naming the keeper. Two
    people may share an alias (two Skripals, two T. Walshes): only a reference to it is a
    mistake (see :func:`resolve_people`). An alias that is someone else's name or slug is
    warned about: it never means its person."""
    problems: list[Diagnostic] = []
    for key, everyone in _holders(p for p in people if not p.auto).items():
        holders = _strong(key, everyone)
        if holders and len(everyone) > len(holders):
            problems.extend(_dead_aliases(key, holders, everyone))
        if len(holders) < 2:
            continue
        keeper, kept = _keeper(key, holders)
        for _, own in (held for held in holders if held[0] is not keeper):
            claim = own[key]
            problems.append(error(
                claim.mark.path, claim.mark.line, claim.mark.col,
                f"'{claim.text}' is already {_held_as(kept[key])} {keeper.mark.path}",
                f"two files for one person? merge them, or {_FIX[claim.kind]}"))
    return problems


def _dead_aliases(key: str, holders: list[Held], everyone: list[Held]
                  ) -> Iterator[Diagnostic]:
    keeper, kept = _keeper(key, holders)
    for _, own in everyone:
        claim = own[key]
        if claim.strength == ALIAS:
            yield warning(claim.mark.path, claim.mark.line, claim.mark.col,
                          f"alias '{claim.text}' is {_held_as(kept[key])} "
                          f"{keeper.mark.path}, so it never means this person",
                          "remove it")


def _held_as(claim: Claim) -> str:
    """How the keeper holds a spelling, for messages: as written, but as its slug when it
    is only written as an alias (which people may share)."""
    return _WHAT[claim.strength if claim.kind == ALIAS else claim.kind]


def _holders(people: Iterable[Person]) -> dict[str, list[Held]]:
    """Who claims each spelling's key, in the people's order."""
    holders: dict[str, list[Held]] = {}
    for person in people:
        own = claims(person)
        for key in own:
            holders.setdefault(key, []).append((person, own))
    return holders


def _keeper(key: str, holders: list[Held]) -> Held:
    """Of the people claiming the spelling ``key``, the one that keeps it: the strongest
    claim (a slug over a name over an alias), else the file sorting first."""
    return min(holders, key=lambda held: (held[1][key].strength, held[0].mark.path))


def resolve_people(events: Sequence[Event], people: Iterable[Person], quiet_from: int | None = None
                   ) -> tuple[tuple[Event, ...], dict[str, Person], list[Diagnostic]]:
    """Give each event the slugs of its people; unknown names get a page of their own; two
    person files sharing a spelling are errors (:func:`clashes`).

    Unknown names in events from index ``quiet_from`` on (extractions, which editors review
    with ``review``) get their page without a warning.
    """
    known = {person.slug: person for person in people}
    registry = _registry(tuple(known.values()))
    real = tuple(person for person in known.values() if not person.auto)
    problems = list(_clashes(real))
    everyone_real = len(real) == len(known)  # so a spelling the registry knows needs no page
    resolved: list[Event] = []
    for position, event in enumerate(events):
        done = _known_people(event, registry) if everyone_real else None
        if done is not None:  # the usual case, remembered: nothing to warn about or add
            resolved.append(done)
            continue
        quiet = quiet_from is not None and position >= quiet_from
        slugs: list[str] = []
        for ref in event.people_refs:
            sharing = registry.sharing(ref.text)
            if sharing:
                if not quiet:
                    problems.append(error(
                        ref.mark.path, ref.mark.line, ref.mark.col,
                        f"'{ref.text}' could be " + " or ".join(
                            f"'{known[slug].name}' ({slug})" for slug in sharing),
                        "write the slug of the one you mean"))
                continue
            slug = registry.lookup(ref.text) or _auto_slug(ref.text, known)
            if slug not in known:
                known[slug] = Person(slug=slug, name=ref.text.strip(), mark=ref.mark, auto=True)
            if known[slug].auto and not quiet:
                problems.append(_unknown(ref, real, slug))
            if slug not in slugs:
                slugs.append(slug)
        resolved.append(_with_people(event, tuple(slugs)))
    return tuple(resolved), known, problems


def unknown_people(refs: Iterable[PersonRef], people: Iterable[Person]
                   ) -> Iterator[Diagnostic]:
    """The warning :func:`resolve_people` gives for each of ``refs`` that names no one of
    ``people``, with nothing resolved and no page made (for an entry that has errors)."""
    real = {person.slug: person for person in people if not person.auto}
    everyone = tuple(real.values())
    registry = _registry(everyone)
    for ref in refs:
        if registry.lookup(ref.text) is None and not registry.sharing(ref.text):
            yield _unknown(ref, everyone, _auto_slug(ref.text, real))


@last_few(4)  # the preview's next build finds them when no one changed
def _registry(people: tuple[Person, ...]) -> Registry:
    return build_registry(people)


@last_few(4)
def _clashes(people: tuple[Person, ...]) -> tuple[Diagnostic, ...]:
    return tuple(clashes(people))


def _unknown(ref: PersonRef, real: Sequence[Person], slug: str) -> Diagnostic:
    """``unknown person``, with a close spelling or else the file to add as ``slug``."""
    hint = person_hint(ref.text, real, normal) or (
        f"add content/people/{slug}.md to describe them")
    return warning(ref.mark.path, ref.mark.line, ref.mark.col,
                   f"unknown person '{ref.text}'", hint)


@by_identity
def _known_people(event: Event, registry: Registry) -> Event | None:
    """The event with its people's slugs when each reference means one person of the
    registry (everyone in it being a real person), else None (an alias people share is
    never looked up to anyone)."""
    slugs: list[str] = []
    for ref in event.people_refs:
        slug = registry.lookup(ref.text)
        if slug is None:
            return None
        if slug not in slugs:
            slugs.append(slug)
    return _with_people(event, tuple(slugs))


@by_identity
def _with_people(event: Event, slugs: tuple[str, ...]) -> Event:
    return replace(event, people=slugs)


def _auto_slug(name: str, known: Mapping[str, Person]) -> str:
    def taken(slug: str) -> bool:
        return slug in known and not (known[slug].auto and normal(known[slug].name) == normal(name))

    return unique(make_slug(name, "person"), taken)


def check_roles(events: Iterable[Event], people: Mapping[str, Person],
                problems: list[Diagnostic]) -> list[Event]:
    """Note where a source gives someone a title they did not hold on the event's date."""
    checked = []
    for event in events:
        quotes = [s for s in event.sources if s.quote] if event.people else []
        notes = tuple(_role_conflicts(event, quotes, people, problems)) if quotes else ()
        checked.append(replace(event, conflicts=event.conflicts + notes) if notes else event)
    return checked


def _role_conflicts(event: Event, quotes: list[Source], people: Mapping[str, Person],
                    problems: list[Diagnostic]) -> Iterable[str]:
    """The notes of the ``quotes`` (sources of the event that quote it) that give one of its
    people a role not held then."""
    for slug in event.people:
        person = people[slug]
        for title in {role.title for role in person.roles}:
            spans = [r for r in person.roles if r.title == title]
            if any(_role_covers(r, event) for r in spans):
                continue
            key = normal(_short_title(title))
            for source in quotes:
                if key and _titled(normal(source.quote), key, person):
                    note = (f"{source.article or 'a source'} calls {person.name} "
                            f"{_short_title(title)}, a role not held on {event.date.human()}")
                    problems.append(warning(
                        event.mark.path, event.mark.line, event.mark.col, note,
                        f"{person.mark.path} gives the role's dates"))
                    yield note


def _titled(quote: str, title: str, person: Person) -> bool:
    """True when ``quote`` (normalised) puts ``title`` right before a spelling of the
    person's name or surname ("Foreign Secretary Boris Johnson", "Foreign Secretary
    Johnson"), not merely somewhere in the sentence, where it may be someone else's."""
    names = {normal(name) for name in (person.name, *person.aliases)}
    names |= {name.split()[-1] for name in names if name}
    return any(f"{title} {name}" in quote for name in names if name)


def _role_covers(role: Role, event: Event) -> bool:
    start = role.start.start.first_day() if role.start else date.min
    end = (role.end.end or role.end.start).last_day() if role.end else date.max
    return start <= event.date.start.last_day() and event.date.start.first_day() <= end


def _short_title(title: str) -> str:
    """``Foreign Secretary of the United Kingdom`` → ``Foreign Secretary``."""
    return title.split(" of ")[0].split(" to ")[0].strip()
