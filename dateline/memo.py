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
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
LIMIT = 60_000  # all that one build of 25,000 events uses (two JSON lines per event)


def by_identity(function: F) -> F:
    """``function`` remembering its ``LIMIT`` most recently used results by the identity of
    its arguments."""
    made: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = {}

    @functools.wraps(function)
    def remembered(*args: object) -> Any:
        key = tuple([_key(a) for a in args])
        found = made.pop(key, None)
        if found is not None:
            made[key] = found  # the most recently used last: the oldest are dropped first
            return found[1]
        value = function(*args)
        made[key] = (args, value)
        if len(made) > LIMIT:
            drop_oldest(made)
        return value

    return remembered  # type: ignore[return-value]


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
