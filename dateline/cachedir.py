"""The cache folder beside the content (``.dateline-cache/``): how a file in it is replaced,
and this machine's secret, which keys what may reach readers unescaped.

A cache is only ever a shortcut: a file that cannot be read or written is worked out again.
The secret lives outside the project (``$XDG_CACHE_HOME/dateline/secret``, else
``~/.cache/dateline/secret``), so a cache file that came with the content, in a pull request
say, never matches anything this machine looks up.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path

CACHE_DIR = ".dateline-cache"
SECRET_BYTES = 32


def replace_file(folder: Path, name: str, data: bytes) -> None:
    """Write ``folder/name`` in one step (a temporary file renamed over it); after any error
    the folder is as it was, without a temporary file. The temporary file ends as ``name``
    does, so one left by a killed build counts as an unused entry, which is pruned (or is
    removed by :func:`remove_leftovers`)."""
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-",
                                             suffix=Path(name).suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


LEFTOVER_SECONDS = 600  # a temporary file this old is no running build's


def remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files that builds killed while replacing ``folder/name`` left
    (not one that another build, a preview say, may be writing now)."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".tmp-*{Path(name).suffix}"):
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > LEFTOVER_SECONDS:
                    leftover.unlink()


@lru_cache(maxsize=1)
def secret() -> bytes:
    """This machine's secret (made on first use); a fresh one for this process alone when it
    cannot be kept, so that nothing cached is trusted then."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(home) / "dateline" / "secret"
    kept = _kept(path)
    if kept is not None:
        return kept
    made = os.urandom(SECRET_BYTES)
    replace_file(path.parent, path.name, made)  # readable by this user alone (mkstemp)
    return _kept(path) or made  # ours, or that of a build that wrote one at the same time


def _kept(path: Path) -> bytes | None:
    """The secret in ``path``, or None when there is none whole."""
    try:
        kept = path.read_bytes()
    except OSError:
        return None
    return kept if len(kept) == SECRET_BYTES else None
