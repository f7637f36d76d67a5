"""Which files of a content folder are entries: their names, slugs and stamps (part of
loading, the only reader of content), and which of them a watcher's report leaves as they
were."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Set
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from dateline.diagnostics import Diagnostic, error, warning
from dateline.slugs import is_slug, make_slug

Stamp = tuple[int, int, int, int]  # a file's inode, size, modification and change times (ns)
MARKDOWNISH = (".md", ".markdown", ".mdown", ".txt")  # names that look like entries


def rel(root: Path, path: Path) -> str:
    """The path an editor knows: relative to the content folder's parent."""
    return (Path(root.name) / path.relative_to(root)).as_posix()


class EntryFile(NamedTuple):
    """An entry file as :func:`entry_files` finds it."""

    path: str  # as the system knows it
    stem: str  # the name without its suffix: the slug, if it is one
    shown: str  # as an editor knows it
    stamp: Stamp


def entry_files(root: Path, directory: Path, suffixes: tuple[str, ...],
                problems: list[Diagnostic], stamps: Mapping[str, tuple[Stamp, bytes]],
                touched: Set[str] | None) -> list[EntryFile]:
    """The entry files of a folder, each with the path an editor knows and its stamp; a
    sub-folder or a misnamed entry is warned about. With ``touched`` (see
    :func:`as_they_were`), a file not in it takes its stamp from ``stamps`` when there,
    unless it is a link (a watcher does not see its target change)."""
    found: list[EntryFile] = []
    shown_folder = rel(root, directory)
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=attrgetter("name"))
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        shown = f"{shown_folder}/{name}"
        stem, dot, extension = name.rpartition(".")  # as os.path.splitext, quicker
        stem, suffix = (stem, dot + extension) if dot else (name, "")
        if entry.is_dir():
            problems.append(warning(shown, 1, 1, "folder is not read",
                                    f"put its files directly in {shown_folder}/"))
        elif suffix in suffixes and entry.is_file():
            was = stamps.get(shown) if touched is not None and shown not in touched \
                and not entry.is_symlink() else None
            found.append(EntryFile(entry.path, stem, shown,
                                   was[0] if was is not None else stamp_of(entry.stat())))
        elif suffix.lower() in MARKDOWNISH:
            problems.append(warning(shown, 1, 1, "file is not read",
                                    f"rename it to '{stem}{suffixes[0]}'"))
    return found


def stamp_of(facts: os.stat_result) -> Stamp:
    """What tells a file's versions apart without reading it."""
    return facts.st_ino, facts.st_size, facts.st_mtime_ns, facts.st_ctime_ns


Listing = tuple[list[EntryFile], list[Diagnostic]]  # a folder's entry files; what listing found


def check_slug(stem: str, shown: str, seen: dict[str, str],
               problems: list[Diagnostic]) -> str | None:
    """The file name is the slug: lower-case ASCII words joined by hyphens, unique."""
    normal = slug_of(stem)
    if normal is None:
        suggestion = make_slug(unicodedata.normalize("NFC", stem), "event")
        problems.append(error(shown, 1, 1, f"file name '{stem}' is not a valid slug",
                              f"rename it to '{suggestion}' with lower-case letters, digits "
                              "and hyphens"))
        return None
    if normal in seen:
        problems.append(error(shown, 1, 1, f"slug '{normal}' is used twice",
                              f"also {seen[normal]}"))
        return None
    seen[normal] = shown
    return normal


@lru_cache(maxsize=1 << 16)  # the preview asks for the same names at every rebuild
def slug_of(stem: str) -> str | None:
    """A file name (without its suffix) as the slug it is, in NFC; None if it is none."""
    normal = unicodedata.normalize("NFC", stem)
    return normal if is_slug(normal) else None


def as_they_were(root: Path, folders: Iterable[str], changed: Collection[str] | None
                 ) -> frozenset[str] | None:
    """The entry files (paths shown) among the paths ``changed`` that a watcher reported:
    every other entry file is taken to be as it was. None when there is no report, or when
    something changed in ``root`` but a file directly in one of its entry ``folders`` or
    ``site.yaml`` (read at every build): a folder moved, a file elsewhere; then every file's
    stamp is looked at. Paths outside ``root`` (the theme) change no entry."""
    if changed is None:
        return None
    inside = os.path.realpath(root) + os.sep
    shown = {os.path.realpath(root / folder): rel(root, root / folder) for folder in folders}
    config = inside + "site.yaml"
    touched = set()
    for path in changed:
        name = os.path.basename(path)
        parent = os.path.realpath(os.path.dirname(path))  # the folder may be a link
        folder = shown.get(parent)
        if folder is not None:
            touched.add(f"{folder}/{name}")
        elif (real := os.path.join(parent, name)).startswith(inside) and real != config:
            return None
    return frozenset(touched)
