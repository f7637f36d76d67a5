"""Files to the output folder: the only module that writes.

The new site is written to a temporary folder beside the output and swapped in with one
atomic exchange (two renames where the system has none), so readers and the preview server
never see a half-written site and a failed build leaves the previous one as it was. A file
whose bytes did not change is hard-linked from the previous site, keeping its modification
time. A :class:`Stage` takes files one by one, so the build writes pages while its workers
are still rendering others. After the swap the previous site is deleted; the build command
leaves a large one to a background process, and any build removes what such a process (or a
killed build) left behind. An optional ``finish`` step (the search indexer) may add files to
the staging folder before the swap, so it too is never seen half-done. Since the swap deletes
whatever was in the output folder, only a missing or empty folder or an earlier site may be
replaced: anything else is refused before a byte is written.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


class UnsafeOutput(ValueError):
    """An output path or folder that would write outside the site or over content."""


class NotReplaceable(UnsafeOutput):
    """An output that is not a folder, or a folder holding files that no build made."""


def check_output_dir(out: Path, sources: list[Path], project: Path) -> None:
    """Refuse an output folder that is, holds or lies inside a source folder, or holds the
    project folder: the swap replaces the whole output folder."""
    target = out.resolve()
    for path in [*sources, project]:
        guarded = path.resolve()
        inside = path in sources and target.is_relative_to(guarded)
        if inside or guarded.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site to {out}: it would replace {path}")


# what every build writes at the site's root; .nojekyll alone is often made by hand
SITE_MARKS = (".nojekyll", "events.csv", "timeline.json")


def check_replaceable(out: Path) -> None:
    """Refuse an output that is not a folder, or a folder holding files that no build made:
    the swap deletes everything in it. Missing, empty and earlier sites (``SITE_MARKS`` at
    their root) pass."""
    if out.is_symlink():
        raise NotReplaceable(f"{out}: not replaced: it is a link (give the folder it points "
                             "to, or a new folder)")
    if not out.exists():
        return
    if not out.is_dir():
        raise NotReplaceable(f"{out}: not replaced: it is a file, not a folder "
                             "(choose an empty or new folder)")
    if all((out / mark).is_file() for mark in SITE_MARKS) or next(out.iterdir(), None) is None:
        return
    raise NotReplaceable(f"{out}: not replaced: it holds files that no build made "
                         "(choose an empty or new folder, or remove it yourself)")


def _safe_parts(name: str) -> list[str]:
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise UnsafeOutput(f"refusing to write '{name}': not a path inside the site")
    return parts


def write_site(out: Path, files: Mapping[str, bytes],
               finish: Callable[[Path], None] | None = None) -> int:
    """Replace ``out`` by a folder holding ``files``; return how many changed.

    ``finish``, when given, is called with the staging folder once ``files`` are in it and
    before the swap; it may only add new files there (those in it may be hard links to the
    previous site).
    """
    with staged(out) as stage:
        for name in sorted(files):
            stage.add(name, files[name])
        if finish is not None:
            finish(stage.folder())
        stage.swap()
    return stage.changed


DETACH_FROM = 5_000  # files: deleting 10,000 folders and 11,000 files took 1.3-3.2 s


class Stage:
    """A new site being written beside ``out``, file by file, while the build goes on.

    The first file checks that ``out`` may be replaced (:func:`check_replaceable`), takes
    the lock (one build at a time writes to ``out``; a second one waits), removes folders
    left behind by a build that was killed and makes the staging folder. :meth:`swap` puts
    the new site in place; a stage left without a swap is removed with everything in it, so
    the previous site stays as it was.
    """

    def __init__(self, out: Path) -> None:
        self.out = out.absolute()
        self.changed = 0
        self._folder: Path | None = None
        self._names: set[str] = set()
        self._made: set[str] = set()
        self._previous: Path | None = None
        self._lock: int | None = None

    def folder(self) -> Path:
        """The staging folder (made on first use)."""
        if self._folder is None:
            check_replaceable(self.out)
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(self.out)
            _remove_leftovers(self.out)
            self._folder = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.new-",
                                                 dir=self.out.parent))
            self._folder.chmod(0o755)
            self._previous = self.out if self.out.is_dir() else None
        return self._folder

    def add(self, name: str, data: bytes) -> None:
        """Write one file of the new site (a hard link to the previous site's file when its
        bytes are the same); each name once."""
        parts = _safe_parts(name)
        if name in self._names:
            raise UnsafeOutput(f"refusing to write '{name}' twice")
        self._names.add(name)
        root = os.fspath(self.folder())
        self._make_folder(root, parts[:-1])
        target = os.path.join(root, *parts)
        if self._previous is not None:
            old = os.path.join(self._previous, *parts)
            if _same_bytes(old, data):
                try:
                    os.link(old, target)
                    return
                except OSError:
                    pass
        _write_bytes(target, data)
        self.changed += 1

    def _make_folder(self, root: str, parts: list[str]) -> None:
        """Make the staging folder's ``parts`` folder and those above it, once each."""
        if not parts or (relative := "/".join(parts)) in self._made:
            return
        self._make_folder(root, parts[:-1])
        folder = os.path.join(root, *parts)
        try:
            os.mkdir(folder)
        except FileExistsError:  # made under another case of the name (macOS): a folder too
            if not os.path.isdir(folder):
                raise
        self._made.add(relative)

    def swap(self, detach: bool = False) -> None:
        """Put the new site in the place of the old one, and delete the old one; with
        ``detach``, a large old site (``DETACH_FROM`` files or more: seconds of work for the
        file system) is deleted in the background, so the command can end at once."""
        retired = _swap(self.folder(), self.out)
        self._folder = None
        if retired is not None:
            _discard(retired, detach and len(self._names) >= DETACH_FROM)

    def close(self) -> None:
        """Remove an unswapped staging folder and release the lock."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


@contextmanager
def staged(out: Path) -> Iterator[Stage]:
    """A :class:`Stage` for ``out``, closed on the way out (removed unless swapped)."""
    stage = Stage(out)
    try:
        yield stage
    finally:
        stage.close()


def _lock(out: Path) -> int:
    """An exclusive lock on ``.<out>.lock`` beside the output, released when its descriptor
    is closed (by the system too, when the build is killed)."""
    fd = os.open(out.parent / f".{out.name}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _remove_leftovers(out: Path) -> None:
    """Remove what a killed build left; if it died between two renames, restore the site."""
    retired = sorted(out.parent.glob(f".{out.name}.old-*"))
    if not out.exists() and retired:
        retired[-1].rename(out)
    for pattern in (f".{out.name}.new-*", f".{out.name}.old-*"):
        for path in out.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _write_bytes(path: str, data: bytes) -> None:
    """``data`` as a new file at ``path``, straight through the system's calls: a page is
    written in one call, without a buffered file object's checks of the descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # not inherited
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _swap(staging: Path, out: Path) -> Path | None:
    """Put ``staging`` in the place of ``out`` in one step where the system allows it; return
    the folder that now holds the previous site, if there was one."""
    if not out.exists():
        staging.rename(out)
        return None
    if _exchange(staging, out):
        return staging
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except OSError:
        retired.rename(out)
        raise
    return retired


def _discard(folder: Path, detached: bool) -> None:
    """Delete a retired site, here or, when ``detached``, by a process of its own that the
    command does not wait for; whatever it leaves, the next build removes."""
    if detached and sys.executable:
        quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
        try:
            os.posix_spawn(sys.executable, [sys.executable, "-c", _DELETE, str(folder)],
                           os.environ, file_actions=quiet, setsid=True)
            return
        except (OSError, NotImplementedError, AttributeError):
            pass  # no such call here: delete it now
    shutil.rmtree(folder, ignore_errors=True)


_DELETE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


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
