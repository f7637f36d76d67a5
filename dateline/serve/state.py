"""The preview's one piece of mutable state: the latest snapshot, swapped whole under a lock.

A snapshot is a frozen value: the last good site (bytes by path) and what the latest build
found. Builds publish a new snapshot; request threads read the current one and event
streams wait for the next. Nothing ever sees a half-built site.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from dateline.diagnostics import Diagnostic
from dateline.model import EMPTY


@dataclass(frozen=True)
class Snapshot:
    """The last good site and the latest build's problems.

    ``site`` names the files' version ("" before the first good build); ``build`` counts
    every build, good or not, so event streams can tell a new state from an old one.
    """

    files: Mapping[str, bytes] = field(default_factory=lambda: EMPTY)
    problems: tuple[Diagnostic, ...] = ()
    failed: bool = False
    site: str = ""
    build: int = 0
    search: Mapping[str, bytes] = field(default_factory=lambda: EMPTY)

    def file(self, name: str) -> bytes | None:
        """A file of the site or of its search index."""
        found = self.files.get(name)
        return found if found is not None else self.search.get(name)

    def lines(self) -> list[str]:
        """Every problem as ``path:line:col: message (hint)``, as ``check`` prints it."""
        return [problem.format() for problem in self.problems]

    def as_event(self) -> dict[str, object]:
        """What the reload script needs to know."""
        return {"site": self.site, "failed": self.failed, "problems": self.lines(),
                "errors": sum(p.is_error for p in self.problems)}


def next_snapshot(previous: Snapshot, files: Mapping[str, bytes] | None,
                  problems: list[Diagnostic], run: str) -> Snapshot:
    """The state after a build: new files when it succeeded, the previous ones otherwise.

    The previous search index stays until the new site's index is attached."""
    build = previous.build + 1
    if files is None:
        return replace(previous, problems=tuple(problems), failed=True, build=build)
    return Snapshot(MappingProxyType(dict(files)), tuple(problems), False, f"{run}-{build}",
                    build, previous.search)


class Live:
    """Holds the current snapshot; readers never block writers for long."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._snapshot = Snapshot()
        self._closed = False
        self.run = secrets.token_hex(4)

    def current(self) -> Snapshot:
        """The snapshot to serve now."""
        with self._changed:
            return self._snapshot

    def publish(self, files: Mapping[str, bytes] | None, problems: list[Diagnostic]
                ) -> Snapshot:
        """Swap in the result of a build (``files`` None when it failed) and wake waiters."""
        with self._changed:
            self._snapshot = next_snapshot(self._snapshot, files, problems, self.run)
            self._changed.notify_all()
            return self._snapshot

    def attach_search(self, site: str, search: Mapping[str, bytes]) -> None:
        """Add the search index of ``site`` if it is still the site being served."""
        with self._changed:
            if self._snapshot.site == site and search:
                self._snapshot = replace(self._snapshot, search=MappingProxyType(dict(search)))

    def wait_newer(self, build: int, timeout: float) -> Snapshot | None:
        """A snapshot newer than ``build``, or None on timeout or when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._snapshot.build > build,
                                   timeout)
            if self._closed or self._snapshot.build <= build:
                return None
            return self._snapshot

    @property
    def closed(self) -> bool:
        """True once the server is shutting down."""
        return self._closed

    def close(self) -> None:
        """Wake every waiting event stream so it can end."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
