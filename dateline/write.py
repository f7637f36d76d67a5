"""Files to the output folder: the only module that writes.

The new site is written to a temporary folder beside the output and swapped in with one
atomic exchange (two renames where the system has none), so readers and the preview server
never see a half-written site and a failed build leaves the previous one as it was. A file
whose bytes did not change is hard-linked from the previous site, keeping its modification
time. An optional ``finish`` step (the search indexer) may add files to the staging folder
before the swap, so it too is never seen half-done.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath


class UnsafeOutput(ValueError):
    """An output path or folder that would write outside the site or over content."""


def check_output_dir(out: Path, sources: list[Path], project: Path) -> None:
    """Refuse an output folder that is, holds or lies inside a source folder, or holds the
    project folder: the swap replaces the whole output folder."""
    target = out.resolve()
    for path in [*sources, project]:
        guarded = path.resolve()
        inside = path in sources and target.is_relative_to(guarded)
        if inside or guarded.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site to {out}: it would replace {path}")


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(p in ("", ".", "..") for p in path.parts):
        raise UnsafeOutput(f"refusing to write '{name}': not a path inside the site")
    return path


def write_site(out: Path, files: Mapping[str, bytes],
               finish: Callable[[Path], None] | None = None) -> int:
    """Replace ``out`` by a folder holding ``files``; return how many changed.

    One build at a time writes to ``out`` (a second one waits for the lock), and folders
    left behind by a build that was killed are removed first. ``finish``, when given, is
    called with the staging folder once ``files`` are in it and before the swap; it may only
    add new files there (those in it may be hard links to the previous site).
    """
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        _remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        staging.chmod(0o755)
        try:
            changed = _fill(staging, out, files)
            if finish is not None:
                finish(staging)
            _swap(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return changed


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """An exclusive lock on ``.<out>.lock`` beside the output, released even on a crash."""
    fd = os.open(out.parent / f".{out.name}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove_leftovers(out: Path) -> None:
    """Remove what a killed build left; if it died between two renames, restore the site."""
    retired = sorted(out.parent.glob(f".{out.name}.old-*"))
    if not out.exists() and retired:
        retired[-1].rename(out)
    for pattern in (f".{out.name}.new-*", f".{out.name}.old-*"):
        for path in out.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


def _fill(staging: Path, previous: Path, files: Mapping[str, bytes]) -> int:
    changed = 0
    made: set[Path] = set()
    for name in sorted(files):
        relative = _safe_relative(name)
        target = staging.joinpath(*relative.parts)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        data = files[name]
        old = previous.joinpath(*relative.parts)
        if _same_bytes(old, data):
            try:
                os.link(old, target)
                continue
            except OSError:
                pass
        target.write_bytes(data)
        changed += 1
    return changed


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out`` in one step where the system allows it."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except OSError:
        retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``)."""
    rename = getattr(_LIBC, "renameat2", None) if _LIBC is not None else None
    if rename is None:
        return False
    at_fdcwd, exchange = -100, 2
    return int(rename(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                      exchange)) == 0


def _load_libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()
