"""Remembering by identity: the same objects give the remembered result, equal copies do not."""

from __future__ import annotations

import pytest

from dateline.memo import by_identity, last_few


def test_results_are_remembered_by_the_identity_of_the_arguments() -> None:
    calls: list[object] = []

    @by_identity
    def size(items: list[int], label: str, count: int, group: tuple[object, ...]) -> int:
        calls.append(items)
        return len(items) + count

    first, other = [1, 2], [1, 2]
    pair = (first, other)
    assert size(first, "a", 300_000, pair) == 300_002
    assert size(first, "a", 300_000, (first, other)) == 300_002  # a new tuple of the same objects
    assert size(first, "".join("a"), int("300000"), pair) == 300_002  # equal strings and numbers
    assert calls == [first]
    assert size(other, "a", 300_000, pair) == 300_002  # equal, but another object: made again
    assert size(first, "a", 300_000, (other, first)) == 300_002  # other objects in the tuple
    assert size(first, "b", 300_000, pair) == 300_002
    assert len(calls) == 4


def test_a_result_kept_from_elsewhere_is_found_and_keywords_are_refused() -> None:
    @by_identity
    def double(items: list[int]) -> int:
        return 2 * len(items)

    items = [1, 2, 3]
    assert double.find(items) is None  # nothing made yet, and find makes nothing
    double.keep(99, items)  # made by a worker process, say
    assert double.find(items) == 99
    assert double(items) == 99
    assert double([1, 2, 3]) == 6
    for call in (double, double.find, lambda **given: double.keep(1, **given)):
        with pytest.raises(TypeError, match="by position only"):
            call(items=items)


def test_last_few_remembers_only_the_results_made_last() -> None:
    calls: list[object] = []

    @last_few(2)
    def size(items: list[int]) -> int:
        calls.append(items)
        return len(items)

    first, second, third = [1], [1, 2], [1, 2, 3]
    assert [size(first), size(second), size(first)] == [1, 2, 1]
    assert calls == [first, second]
    size(third)  # three made: the first is forgotten
    assert (size(second), size(first)) == (2, 1)
    assert calls == [first, second, third, first]
