"""Long sequences cut into short runs, for remembering work on a whole timeline run by run.

What is made of every event (its line in a data file, its card on the timeline, its page) is
remembered per event (:mod:`dateline.memo`), yet after an edit to one event of 10,000 the
preview would still look up the 9,999 others one by one. Work remembered per run of about
``AVERAGE`` events is found with one look-up per run instead: every run but the one holding
the edit is the same tuple of the same objects as before.

A run ends after an item whose name hashes to a multiple of ``AVERAGE``, so where runs end
depends on the items there, not on their positions: an event added, removed or moved
changes the runs it leaves and joins, not every run after it. Python randomises the hash of
a string per process, so runs differ from process to process; what is made of them never
depends on where they end (each output is the runs' parts put together in order).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TypeVar

from dateline.memo import last_few
from dateline.model import Event

T = TypeVar("T")
AVERAGE = 32  # items per run, on average


def runs(items: Sequence[T], name: str) -> list[tuple[T, ...]]:
    """``items`` in order, cut into runs after each item whose attribute ``name`` (a string:
    an event's slug, a page's address) says so."""
    named = operator.attrgetter(name)
    cut: list[tuple[T, ...]] = []
    start = 0
    for end, item in enumerate(items, 1):
        if hash(named(item)) % AVERAGE == 0:
            cut.append(tuple(items[start:end]))
            start = end
    if start < len(items):
        cut.append(tuple(items[start:]))
    return cut


def event_runs(events: Sequence[Event]) -> list[tuple[Event, ...]]:
    """The runs of ``events``, remembered by the events' identities: every build, and
    several steps of one, ask for those of the same events (the timeline's, a year's, a
    tag's), and looking them up is a tenth of the cost of cutting them."""
    return _event_runs(tuple(events))


@last_few(4096)  # a build of 10,000 events asks for about 1,500 sequences, mostly the same
def _event_runs(events: tuple[Event, ...]) -> list[tuple[Event, ...]]:
    return runs(events, "slug")
