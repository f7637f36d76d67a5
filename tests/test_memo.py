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
    assert size(first, "a", 300_000, pair) == 300_002
    assert size(first, "a", 300_000, (first, other)) == 300_002  # a new tuple of the same objects
    assert size(first, "".join("a"), int("300000"), pair) == 300_002  # equal strings and numbers
    assert calls == [first]
    assert size(other, "a", 300_000, pair) == 300_002  # equal, but another object: made again
    assert size(first, "a", 300_000, (other, first)) == 300_002  # other objects in the tuple
    assert size(first, "b", 300_000, pair) == 300_002
    assert len(calls) == 4
