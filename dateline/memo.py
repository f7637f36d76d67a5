"""Remembering pure functions of frozen values by the values' identity.

The preview's rebuild hands unchanged events, people and settings back as the very objects
of the build before (``pipeline._as_before``), so a function of them need not run again: its
earlier result is found by the arguments' identity, which costs nothing to check, instead of
by equality or a hash, which costs a walk through the value. The arguments are kept with the
result, so they stay alive and no other object can have the same identity meanwhile. The
functions remembered must be pure and their results never changed by their callers. A
tuple argument, made afresh by each build, counts as the same when it holds the same objects
in the same order; a string or a whole number counts by its value.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
LIMIT = 60_000  # all that one build of 25,000 events uses (two JSON lines per event)


class Remembered(Generic[P, R]):
    """A function remembering its ``LIMIT`` most recently used results by the identity of
    its (positional) arguments."""

    def __init__(self, function: Callable[P, R]) -> None:
        self._function = function
        self._made: dict[tuple[object, ...], tuple[tuple[object, ...], R]] = {}
        functools.update_wrapper(self, function)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = tuple([_key(a) for a in args])
        found = self._made.pop(key, None)
        if found is not None:
            self._made[key] = found  # the most recently used last: the oldest are dropped first
            return found[1]
        value = self._function(*args, **kwargs)
        self.keep(value, *args, **kwargs)
        return value

    def keep(self, value: R, *args: P.args, **kwargs: P.kwargs) -> None:
        """Remember ``value`` as the result for ``args``, made elsewhere (a worker process)."""
        assert not kwargs, "arguments are remembered by position only"
        self._made[tuple([_key(a) for a in args])] = (args, value)
        if len(self._made) > LIMIT:
            drop_oldest(self._made)


def by_identity(function: Callable[P, R]) -> Remembered[P, R]:
    """``function`` remembering its most recently used results by its arguments' identity."""
    return Remembered(function)


def _key(value: object) -> object:
    kind = type(value)
    if kind is tuple:
        return tuple(map(id, value))  # type: ignore[call-overload]
    if kind is str or kind is int:
        return kind, value  # never equal to an identity or a tuple of them
    return id(value)


def drop_oldest(memo: dict[Any, Any]) -> None:
    """Forget the oldest entry of ``memo``; another thread may have just changed it (two
    previews in one process), and then there is nothing to do."""
    with contextlib.suppress(KeyError, RuntimeError, StopIteration):
        del memo[next(iter(memo))]
