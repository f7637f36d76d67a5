"""Full-text search: a Pagefind index over the event and person pages.

Pagefind (the ``pagefind[bin]`` package, whose binary ships inside the wheel) reads the built
HTML and writes ``pagefind/`` beside it. :func:`index_site` runs it on the staging folder that
``write`` hands over before the swap, so ``site/`` is never seen without its index. Pages mark
what is indexed with ``data-pagefind-body``: event pages, and person pages with their aliases,
so a name is found in any spelling the site knows (Latin or Cyrillic). Search is a help, not a
requirement: when Pagefind is missing or fails, the build goes on with a warning.

Indexing is the slowest step of a large build. Pagefind is pointed at the folders whose
pages carry the mark (``events/`` and ``people/`` with our theme), so it does not parse the
timeline, tag and source pages only to leave them out. And an index is reused when nothing
it is made from changed: ``pagefind/`` keeps a digest of every HTML page it read and of the
indexer itself, and a build whose pages give the same digest hard-links the previous
site's index instead of running Pagefind again.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

TIMEOUT_SECONDS = 300
INDEX = "pagefind"
STAMP = ".made-from"  # in the index folder: the digest of what it was made from
MARK = b"data-pagefind-body"


def indexer() -> Path | None:
    """The Pagefind executable, or None when it is not installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found is not None and found.is_file() else None


def _die_with_parent() -> None:
    """In the indexer's process: end it if the build is killed, so that it does not go on
    writing into a staging folder that the next build has removed (Linux only)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _in_background() -> None:
    """As :func:`_die_with_parent`, at a low priority: the preview's next rebuild comes first."""
    _die_with_parent()
    os.nice(10)


def index_site(folder: Path, files: Mapping[str, bytes], previous: Path | None = None,
               background: bool = False) -> list[str]:
    """Write the search index into ``folder``, which holds ``files``, or take ``previous``'s
    (an earlier site) when it was made from the same pages; return warnings (empty when all
    went well). In the ``background`` (the preview) the indexer runs at a low priority."""
    program = indexer()
    if program is None:
        return ["search index not built: Pagefind is not installed "
                "(pip install 'pagefind[bin]'); the site has no search"]
    pages = _read_by_indexer(files)
    digest = _digest(files, pages, program)
    if previous is not None and _take_earlier(previous / INDEX, folder / INDEX, digest):
        return []
    glob = [] if pages is None else ["--glob", _glob(pages)]
    try:
        done = subprocess.run(
            [str(program), "--site", str(folder), "--silent", *glob],
            capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
            preexec_fn=_in_background if background else _die_with_parent,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"search index not built: Pagefind could not run ({exc}); "
                "the site has no search"]
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit status {done.returncode}"
        return [f"search index not built: Pagefind failed ({reason}); the site has no search"]
    (folder / INDEX / STAMP).write_text(digest + "\n", encoding="ascii")
    return []


def _read_by_indexer(files: Mapping[str, bytes]) -> list[str] | None:
    """The top folders whose pages Pagefind needs to read: those holding a page that marks
    what is indexed (``data-pagefind-body``), for Pagefind leaves out every page without
    the mark once one has it. None when it must read everything: no page is marked, or a
    page at the top of the site is."""
    folders = {name.partition("/")[0] if "/" in name else "" for name, data in files.items()
               if name.endswith(".html") and MARK in data}
    return None if not folders or "" in folders else sorted(folders)


def _glob(folders: list[str]) -> str:
    """Pagefind's ``--glob`` for the HTML pages under ``folders``."""
    return f"{folders[0]}/**/*.html" if len(folders) == 1 else \
        "{" + ",".join(folders) + "}/**/*.html"


def _digest(files: Mapping[str, bytes], folders: list[str] | None, program: Path) -> str:
    """What an index is made from: every HTML page Pagefind reads (path and bytes) and the
    indexer. The pages are hashed as they are in memory, not read back from the folder."""
    made = hashlib.blake2b(digest_size=20)
    facts = program.stat()
    made.update(f"{program}\0{facts.st_size}\0{facts.st_mtime_ns}\0{folders}\0".encode())
    read = None if folders is None else tuple(folder + "/" for folder in folders)
    for name in sorted(name for name in files if name.endswith(".html")
                       and (read is None or name.startswith(read))):
        made.update(name.encode() + b"\0")
        made.update(files[name])
    return made.hexdigest()


def _take_earlier(earlier: Path, index: Path, digest: str) -> bool:
    """Hard-link ``earlier`` (an index folder) to ``index`` when its digest is ``digest``."""
    try:
        if (earlier / STAMP).read_text(encoding="ascii").strip() != digest:
            return False
        shutil.copytree(earlier, index, copy_function=os.link)
    except OSError:
        shutil.rmtree(index, ignore_errors=True)
        return False
    return True
