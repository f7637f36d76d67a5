"""Data files (``timeline.json``, ``timelinejs.json``) as stable JSON that reads and diffs
well: each top-level field on its own line, and a list's items one per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dateline.memo import by_identity


@dataclass(frozen=True)
class DataFile:
    """A machine-readable file (JSON) with its data: plain JSON values, but for lists that
    may hold :class:`Lines` (items written already), which only :func:`render_data` reads."""

    url: str
    data: Mapping[str, Any]


class Lines(bytes):
    """Items of a list already written as they are in a data file, one per line, in UTF-8:
    a run of them, remembered as a whole (see :mod:`dateline.runs`), so that a file of
    10,000 items is put together from a few hundred runs without encoding them again."""


def lines(items: Iterable[object]) -> Lines:
    """``items`` written as :func:`render_data` writes a list's items."""
    return Lines(_ITEM_SEPARATOR.join([_json_line(item) for item in items]).encode())


def render_data(data: DataFile) -> bytes:
    """A data file's bytes; a list may hold :class:`Lines` among its items (never empty)."""
    fields = []
    for key, value in data.data.items():
        if isinstance(value, list) and value:
            items = _ITEM_SEPARATOR.encode().join(
                item if isinstance(item, Lines) else _json_line(item).encode() for item in value)
            fields.append(b" %s: [\n  %s\n ]" % (_json_line(key).encode(), items))
        else:
            fields.append(f" {_json_line(key)}: {_json_line(value)}".encode())
    return b"{\n" + b",\n".join(fields) + b"\n}\n"


_ITEM_SEPARATOR = ",\n  "


@by_identity
def _json_line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
