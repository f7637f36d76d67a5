"""Remembering by identity: the same objects give the remembered result, equal copies do not."""

from __future__ import annotations

from dateline.memo import by_identity


def test_results_are_remembered_by_the_identity_of_the_arguments() -> None:
    calls: list[object] = []

    @by_identity
    def size(items: list[int], label: str, count: int, group: tuple[object, ...]) -> int:
        calls.append(items)
        return len(items) + count

    first, other = [1, 2], [1, 2]
    pair = (first, other)
    assert size(first, "a", 3, pair) == 5
    assert size(first, "a", 3, (first, other)) == 5  # a new tuple of the same objects
    assert size(first, "".join("a"), int("3"), pair) == 5  # equal strings and numbers
    assert calls == [first]
    assert size(other, "a", 3, pair) == 5  # equal, but another object: made again
    assert size(first, "a", 3, (other, first)) == 5  # other objects in the tuple
    assert size(first, "b", 3, pair) == 5
    assert len(calls) == 4
