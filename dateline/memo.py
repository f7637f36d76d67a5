"""Remembering pure functions of frozen values by the values' identity.

The preview's rebuild hands unchanged events, people and settings back as the very objects
of the build before (``reuse.as_before``), so a function of them need not run again: its
earlier result is found by the arguments' identity, which costs nothing to check, instead of
by equality or a hash, which costs a walk through the value. The arguments are kept with the
result, so they stay alive and no other object can have the same identity meanwhile. The
functions remembered must be pure and their results never changed by their callers. A
tuple argument, made afresh by each build, counts as the same when it holds the same objects
in the same order; a string or a whole number counts by its value. When more than ``LIMIT``
results are kept, the oldest made is forgotten first (a hit does not move it: that costs more
on every look-up than it saves on the rare result made again).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
LIMIT = 60_000  # all that one build of 25,000 events uses (two JSON lines per event)


class Remembered(Protocol[P, R]):
    """A function that remembers its results (see :func:`by_identity`)."""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def keep(self, value: R, *args: P.args, **kwargs: P.kwargs) -> None:
        """Remember ``value`` as the result for ``args``, made elsewhere (a worker process)."""

    def find(self, *args: P.args, **kwargs: P.kwargs) -> R | None:
        """The result remembered for ``args``, or None (nothing is made)."""


def by_identity(function: Callable[P, R]) -> Remembered[P, R]:
    """``function`` remembering the ``LIMIT`` results it made last, by the identity of its
    (positional) arguments."""
    return _remembering(function, LIMIT)


def last_few(limit: int) -> Callable[[Callable[P, R]], Remembered[P, R]]:
    """As :func:`by_identity`, remembering only the ``limit`` results made last: for a
    function of a whole build's values (every person), whose results are large and of use
    only to the next build."""
    return functools.partial(_remembering, limit=limit)


def _remembering(function: Callable[P, R], limit: int) -> Remembered[P, R]:
    made: dict[tuple[object, ...], tuple[tuple[object, ...], R]] = {}

    @functools.wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        key = _args_key(function, args, kwargs)
        found = made.get(key)
        if found is not None:
            return found[1]
        value = function(*args, **kwargs)  # no keywords: refused by _args_key
        _put(key, args, value)
        return value

    def keep(value: R, *args: P.args, **kwargs: P.kwargs) -> None:
        _put(_args_key(function, args, kwargs), args, value)

    def find(*args: P.args, **kwargs: P.kwargs) -> R | None:
        found = made.get(_args_key(function, args, kwargs))
        return None if found is None else found[1]

    def _put(key: tuple[object, ...], args: tuple[object, ...], value: R) -> None:
        made[key] = (args, value)
        if len(made) > limit:
            drop_oldest(made)

    remembered.keep = keep  # type: ignore[attr-defined]
    remembered.find = find  # type: ignore[attr-defined]
    return remembered  # type: ignore[return-value]


def _args_key(function: Callable[..., object], args: tuple[object, ...],
              kwargs: dict[str, object]) -> tuple[object, ...]:
    if kwargs:
        raise TypeError(f"{function.__name__}: arguments are remembered by position only")
    return tuple([id(a) if type(a) not in _BY_VALUE else _key(a) for a in args])


_BY_VALUE = frozenset({tuple, str, int})


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
