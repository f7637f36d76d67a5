"""Remembering pure functions of frozen values by the values' identity.

The preview's rebuild hands unchanged events, people and settings back as the very objects
of the build before (``pipeline._as_before``), so a function of them need not run again: its
earlier result is found by the arguments' identity, which costs nothing to check, instead of
by equality or a hash, which costs a walk through the value. The arguments are kept with the
result, so an identity is never taken for another object's after the first is collected. The
functions remembered must be pure and their results never changed by their callers.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
LIMIT = 50_000


def by_identity(function: F) -> F:
    """``function`` remembering its last ``LIMIT`` results by the identity of its arguments."""
    made: dict[tuple[int, ...], tuple[tuple[object, ...], Any]] = {}

    @functools.wraps(function)
    def remembered(*args: object) -> Any:
        key = tuple(map(id, args))
        found = made.get(key)
        if found is not None and all(map(operator.is_, found[0], args)):
            return found[1]
        value = function(*args)
        made[key] = (args, value)
        if len(made) > LIMIT:
            del made[next(iter(made))]
        return value

    return remembered  # type: ignore[return-value]
