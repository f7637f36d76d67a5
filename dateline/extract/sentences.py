"""Sentences of a paragraph, with offsets, not fooled by "Mr.", "Dec." or "U.S."."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

_END = re.compile(r"[.!?]+[\"”’')]*(?=\s+[\"“‘'(]?[A-Z0-9]|\s*$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt capt sgt prof rev jan feb mar apr jun jul aug sep "
    "sept oct nov dec no vs etc inc corp ltd co jr sr u.s u.k u.n e.u a.m p.m".split()
)  # fmt: skip


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for stop in _END.finditer(text):
        word = re.search(r"([\w.]+)\.$", text[max(start, stop.start() - 12):stop.start() + 1])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        end = stop.end()
        if text[start:end].strip():
            spans.append((start + _lead(text[start:end]), end))
        start = end
    if text[start:].strip():
        spans.append((start + _lead(text[start:]), len(text.rstrip())))
    return spans


def sentence_start(spans: Sequence[tuple[int, int]], at: int) -> int:
    """Start of the sentence of ``spans`` (from :func:`split_sentences`) holding offset ``at``;
    0 when ``at`` falls between sentences."""
    index = bisect_right(spans, at, key=lambda span: span[0]) - 1
    return spans[index][0] if index >= 0 and at < spans[index][1] else 0


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())
