"""Read ``content/`` and the theme: the only package that reads content files (which files
of a folder are entries, and which changed, is :mod:`dateline.load.listing`).

Files are walked in sorted order; each becomes a frozen value, or diagnostics and what
validated of it (a Partial, which is only ever checked, never built). A mistake in one file
never stops the others from being read.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Collection, Mapping, Set
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dateline import schema
from dateline.diagnostics import Diagnostic, error
from dateline.entries import article_from, config_from, event_from, partial_from, person_from
from dateline.load.listing import (
    Listing,
    Stamp,
    as_they_were,
    check_slug,
    entry_files,
    rel,
    slug_of,
)
from dateline.model import Article, Asset, Config, Content, Event, Partial, Person, Theme
from dateline.parallel import forked_map, worth_it
from dateline.yamlread import CONTROL, Document, YamlProblem, parse_yaml, split_front_matter

MAX_BYTES = 2_000_000


# an entry (on errors, what validated of it as a Partial, or None) and its problems
Parsed = tuple[Any, tuple[Diagnostic, ...]]


SETTLED_NS = 2_000_000_000  # a file untouched this long before a load is known by its stamp


@dataclass(frozen=True)
class Memo:
    """Entries parsed by an earlier load, keyed by path and a digest of the bytes, so a file
    whose bytes did not change is not parsed again (the preview's incremental rebuild); and
    the stamp and digest of each file that had settled when it was read, so such a file whose
    stamp is the same is not even read again. A file changed within ``SETTLED_NS`` of a load
    is always read: its next change could keep the same stamp on a coarse clock."""

    entries: Mapping[tuple[str, bytes], Parsed] = field(default_factory=dict)
    stamps: Mapping[str, tuple[Stamp, bytes]] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """What was read, every problem found while reading, and the parses to reuse next time."""

    content: Content
    diagnostics: tuple[Diagnostic, ...]
    memo: Memo = field(default_factory=Memo)


class _Reuse:
    """One load's view of the memo: earlier parses in, this load's parses out."""

    def __init__(self, memo: Memo | None) -> None:
        self.old = memo or Memo()
        self.new: dict[tuple[str, bytes], Parsed] = {}
        self.stamps: dict[str, tuple[Stamp, bytes]] = {}
        self.now = time.time_ns()

    def unchanged(self, shown: str, stamp: Stamp) -> Parsed | None:
        """The earlier parse of a file whose stamp says it was not touched since, or None."""
        known = self.old.stamps.get(shown)
        found = self.old.entries.get((shown, known[1])) if known and known[0] == stamp else None
        if known is not None and found is not None:
            self.new[(shown, known[1])] = found
            self.stamps[shown] = known
        return found

    def parse(self, shown: str, digest: bytes, stamp: Stamp,
              make: Callable[[], Parsed]) -> Parsed:
        """The earlier parse of the bytes with this digest at this path, or ``make()``'s."""
        key = (shown, digest)
        found = self.old.entries.get(key)
        self.new[key] = found if found is not None else make()
        if self.now - max(stamp[2], stamp[3]) > SETTLED_NS:
            self.stamps[shown] = (stamp, key[1])
        return self.new[key]


def load_content(root: Path, memo: Memo | None = None,
                 changed: Collection[str] | None = None) -> Loaded:
    """Read ``site.yaml``, events, people and articles under ``root``.

    With the ``memo`` of an earlier load, files whose text did not change are not parsed
    again; the result is the same as without it. ``changed``, the paths a watcher saw
    change since that load (the preview), spares every other entry file that had settled
    when it was read (see :class:`Memo`) even a look at its stamp (see
    :func:`dateline.load.listing.as_they_were`).
    """
    problems: list[Diagnostic] = []
    reuse = _Reuse(memo)
    config = _load_config(root, problems)
    touched = as_they_were(root, _KINDS, changed)
    listed = {folder: _listing(root, folder, reuse.old.stamps, touched) for folder in _KINDS}
    ready = _parsed_on_every_core(listed) if not reuse.old.entries else {}
    events = _load_dir("events", listed["events"], ready, problems, reuse)
    people = _load_dir("people", listed["people"], ready, problems, reuse)
    articles = _load_dir("articles", listed["articles"], ready, problems, reuse)
    content = Content(config, _whole(events), _whole(people), _whole(articles),
                      tuple(item for item in (*events, *articles) if isinstance(item, Partial)))
    return Loaded(content, tuple(problems),
                  Memo(MappingProxyType(reuse.new), MappingProxyType(reuse.stamps)))


def _whole(items: list[Any]) -> tuple[Any, ...]:
    """The entries without errors."""
    return tuple(item for item in items if not isinstance(item, Partial))


def load_theme(templates: Path) -> Theme:
    """Read every template and every file under ``templates/static/``."""
    sources = {
        path.relative_to(templates).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(templates.rglob("*.html")) + sorted(templates.rglob("*.xml"))
        if "static" not in path.relative_to(templates).parts
    }
    static = templates / "static"
    assets = tuple(
        Asset("static/" + path.relative_to(static).as_posix(), path.read_bytes())
        for path in sorted(static.rglob("*")) if path.is_file() and _inside(path, static)
    ) if static.is_dir() else ()
    return Theme(sources, assets)


def _inside(path: Path, folder: Path) -> bool:
    """False for a symlink that leads out of ``folder``: its target is not part of the site."""
    return path.resolve().is_relative_to(folder.resolve())


def load_media(root: Path) -> tuple[Asset, ...]:
    """Read the files under ``content/media/`` that pages may show."""
    media = root / "media"
    if not media.is_dir():
        return ()
    return tuple(
        Asset("media/" + path.relative_to(media).as_posix(), path.read_bytes())
        for path in sorted(media.rglob("*"))
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".")
    )


def _load_config(root: Path, problems: list[Diagnostic]) -> Config:
    path = root / "site.yaml"
    shown = rel(root, path)
    if not path.is_file():
        problems.append(error(shown, 1, 1, "site.yaml is missing",
                              "create it with at least 'title:' and 'base_url:'"))
        return Config()
    text = _read_text(path, shown, problems)
    if text is None:
        return Config()
    try:
        node = parse_yaml(text)
    except YamlProblem as problem:
        problems.append(error(shown, problem.line, problem.col, problem.message, problem.hint))
        return Config()
    fields, found = schema.validate(node, schema.SITE, shown)
    problems.extend(found)
    return config_from(fields) if not found else Config()


# Each folder of entries: the schema its front matter follows, what makes the entry, and the
# file names it reads.
_KINDS: dict[str, tuple[schema.Spec, Callable[[str, str, Document, dict[str, Any]], Any],
                        tuple[str, ...]]] = {
    "events": (schema.EVENT, event_from, (".md",)),
    "people": (schema.PERSON, person_from, (".md",)),
    "articles": (schema.ARTICLE, article_from, (".txt", ".md")),
}


def _listing(root: Path, folder: str, stamps: Mapping[str, tuple[Stamp, bytes]],
             touched: Set[str] | None) -> Listing:
    """The entry files of ``root/folder`` (none when it is missing) and the warnings about
    what else it holds."""
    directory = root / folder
    found: list[Diagnostic] = []
    if not directory.is_dir():
        return [], found
    return entry_files(root, directory, _KINDS[folder][2], found, stamps, touched), found


def _load_dir(folder: str, listing: Listing, ready: Mapping[str, Ready],
              problems: list[Diagnostic], reuse: _Reuse) -> list[Any]:
    files, listed = listing
    problems.extend(listed)
    items: list[Any] = []
    seen: dict[str, str] = {}
    for path, stem, shown, stamp in files:
        slug = check_slug(stem, shown, seen, problems)
        parsed = reuse.unchanged(shown, stamp) if slug is not None else None
        early = ready.get(shown) if slug is not None and parsed is None else None
        if early is not None:
            unread, digest, made = early
            problems.extend(unread)
            if made is None:
                continue
            parsed = reuse.parse(shown, digest, stamp, partial(_given, made))
        elif parsed is None:
            data = _read_bytes(path, shown, problems)
            if slug is None or data is None:
                continue
            parsed = reuse.parse(shown, _digest(data), stamp,
                                 partial(_parse_entry, folder, slug, shown, data))
        item, found = parsed
        problems.extend(found)
        if item is not None:
            items.append(item)
    return items


Ready = tuple[list[Diagnostic], bytes, Parsed | None]  # read problems, digest, the parse


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _given(parsed: Parsed) -> Parsed:
    return parsed


def _parsed_on_every_core(listed: Mapping[str, Listing]) -> dict[str, Ready]:
    """The entries of every folder read and parsed by forked workers, by path shown; empty
    when that would not pay (few files, one core, other threads) or failed."""
    named = ((folder, path, slug_of(stem), shown)
             for folder, (files, _) in listed.items() for path, stem, shown, _ in files)
    jobs = [(folder, path, slug, shown) for folder, path, slug, shown in named if slug]
    done = forked_map(_read_and_parse, jobs) if worth_it(len(jobs)) else None
    return {} if done is None else {job[3]: found for job, found in zip(jobs, done, strict=True)}


def _read_and_parse(job: tuple[str, str, str, str]) -> Ready:
    """In a worker: one entry file read and parsed as :func:`_load_dir` would; the bytes stay
    here, only their digest goes back."""
    folder, path, slug, shown = job
    problems: list[Diagnostic] = []
    data = _read_bytes(path, shown, problems)
    if data is None:
        return problems, b"", None
    return problems, _digest(data), _parse_entry(folder, slug, shown, data)


def _parse_entry(folder: str, slug: str, shown: str, data: bytes) -> Parsed:
    """One entry's bytes to its value and its problems; on errors, what validated of it
    (:func:`partial_from`), if anything."""
    spec, build, _ = _KINDS[folder]
    text = _decode(data, shown)
    if isinstance(text, Diagnostic):
        return None, (text,)
    try:
        document = split_front_matter(text)
    except YamlProblem as problem:
        return None, (error(shown, problem.line, problem.col, problem.message, problem.hint),)
    if document.meta is None and folder != "articles":
        return None, (error(shown, 1, 1, "no front matter",
                            "start the file with '---', the fields, then '---'"),)
    fields, found = schema.validate(document.meta, spec, shown)
    if any(d.is_error for d in found):
        return partial_from(folder, slug, shown, fields), tuple(found)
    return build(slug, shown, document, fields), tuple(found)


def _read_text(path: Path, shown: str, problems: list[Diagnostic]) -> str | None:
    data = _read_bytes(path, shown, problems)
    text = _decode(data, shown) if data is not None else None
    if isinstance(text, Diagnostic):
        problems.append(text)
        return None
    return text


def _read_bytes(path: Path | str, shown: str, problems: list[Diagnostic]) -> bytes | None:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        problems.append(error(shown, 1, 1, f"cannot read file: {exc.strerror}"))
        return None
    if len(data) > MAX_BYTES:
        problems.append(error(shown, 1, 1, f"file is {len(data):,} bytes, more than the "
                              f"{MAX_BYTES:,} allowed", "split it or trim it"))
        return None
    return data


def _decode(data: bytes, shown: str) -> str | Diagnostic:
    """The text of a file, or what is wrong with it (not UTF-8, a control character)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(shown, line, col, "file is not valid UTF-8", "save it as UTF-8")
    found = CONTROL.search(text)
    if found is not None:
        bad = found.start()
        line = text.count("\n", 0, bad) + 1
        col = bad - (text.rfind("\n", 0, bad) + 1) + 1
        return error(shown, line, col, f"control character U+{ord(text[bad]):04X}", "remove it")
    return text


__all__ = ["Article", "Event", "Loaded", "Person", "load_content", "load_media", "load_theme"]
