"""Markdown bodies to HTML: safe, each text converted once, and kept on disk for the next build.

The conversion itself is :mod:`dateline.convert` (raw HTML off, a link to anything but the
web, mail or a relative address left as text). A text converted in this process is
remembered by its value, so the preview's rebuilds skip unchanged bodies. A build that has
no earlier build in memory keeps the HTML of its bodies in ``.dateline-cache/markdown.store``,
by a hash of each text and stamped with the converter (markdown-it-py's version and the
source of this file and the converter's), so the next build converts only the bodies that
changed. A missing, unreadable or stale store is simply made again, and it
holds exactly the bodies of the last build.

The file is the stamp, a line of JSON (each key and the length of its HTML), then the HTML
itself. It is read into one block of bytes, which workers forked from the build share
instead of each copying a string per body; a worker decodes what its pages need and hands
back the HTML it had to convert (:func:`record`, :func:`take`, :func:`adopt`), from which
the build writes the next store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import markdown_it
import mdurl
from markupsafe import Markup

from dateline import convert
from dateline.cachedir import remove_leftovers, replace_file, secret
from dateline.memo import by_identity

STORE = "markdown.store"


def markdown(text: str) -> Markup:
    """Markdown to HTML with raw HTML off and unsafe links left as text."""
    return Markup(to_html(text))


@by_identity  # a text counts by its value
def to_html(text: str) -> str:
    """The HTML of a Markdown text (see :func:`markdown`), from the store when it has it."""
    if not (_store.spans or _made or _recording):
        return _render(text)
    key = _key(text)
    found = _store.html(key) if _store.spans else None
    if found is None:
        found = _made.get(key) or _render(text)
        if _recording:
            _made[key] = found
    return found


def _render(text: str) -> str:
    return convert.to_html(text)


@lru_cache(maxsize=1)
def _stamp() -> bytes:
    """What made the stored HTML: an upgraded markdown-it-py or an edit here or in the
    converter makes it stale."""
    sources = b"".join(Path(module).read_bytes() for module in (__file__, convert.__file__))
    source = hashlib.blake2b(sources, digest_size=16).hexdigest()
    return (f"dateline-markdown 2 markdown-it-py {markdown_it.__version__} "
            f"mdurl {mdurl.__version__} {source}").encode()


def _key(text: str) -> str:
    """The text's hash, keyed with this machine's secret: a store made elsewhere never
    matches (see :mod:`dateline.cachedir`)."""
    return hashlib.blake2b(_utf8(text), digest_size=16, key=secret()).hexdigest()


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate is no reason to fail


@dataclass(frozen=True)
class Store:
    """HTML by the hash of its Markdown text, in one block of bytes as the file holds it, so
    that workers forked from the build share it instead of copying a string per body."""

    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    data: bytes = b""

    def html(self, key: str) -> str | None:
        """The HTML stored for ``key``, or None."""
        span = self.spans.get(key)
        return None if span is None else self.data[span[0]:span[1]].decode()

    def encoded(self, key: str) -> bytes:
        """The HTML stored for ``key`` as UTF-8 (the key must be there)."""
        start, end = self.spans[key]
        return self.data[start:end]


# What a miss in ``to_html`` looks at before converting: the store the last build read, and
# the HTML that this process's workers made (a worker records what it converts).
_store = Store()
_made: dict[str, str] = {}
_recording = False


def record() -> None:
    """In a worker: remember each text converted, for :func:`take`."""
    global _recording
    _recording = True
    _made.clear()


def take() -> dict[str, str]:
    """In a worker: the HTML converted since the last call, by key (see :func:`adopt`)."""
    made = dict(_made)
    _made.clear()
    return made


def adopt(made: Mapping[str, str]) -> None:
    """Here: HTML a worker converted, for :meth:`Bodies.save` and later look-ups."""
    _made.update(made)


@dataclass(frozen=True)
class Bodies:
    """A build's Markdown texts by hash, and the store read for them."""

    texts: Mapping[str, str]
    store: Store
    folder: Path | None

    def save(self) -> None:
        """Write a store of exactly these texts' HTML (converting any not converted yet),
        unless the file holds just that already; a store that cannot be written is left as
        it is. The HTML kept for this build is let go (the memo keeps what it needs)."""
        global _store
        if self.folder is not None:
            remove_leftovers(self.folder, STORE)  # of a build killed while writing the store
        if self.folder is not None and self.texts.keys() != self.store.spans.keys():
            keys = sorted(self.texts)
            parts = [self.store.encoded(key) if key in self.store.spans
                     else _utf8(_made.get(key) or to_html(self.texts[key])) for key in keys]
            index = json.dumps([[key, len(part)] for key, part in zip(keys, parts, strict=True)])
            replace_file(self.folder, STORE, b"".join([_stamp(), b"\n", index.encode(), b"\n",
                                                      *parts]))
        _store = Store()
        _made.clear()


def from_store(texts: Iterable[str], folder: Path | None) -> Bodies:
    """``texts`` and the store in ``folder`` (None: no store), which ``to_html`` looks in
    until :meth:`Bodies.save`."""
    global _store
    _store = _read(folder)
    _made.clear()
    return Bodies({_key(text): text for text in texts}, _store, folder)


def _read(folder: Path | None) -> Store:
    """The store in ``folder``: the stamp, the keys and lengths as JSON, then the HTML."""
    try:
        data = (folder / STORE).read_bytes() if folder is not None else b""
        stamp, index, _ = data.split(b"\n", 2)
        entries = json.loads(index) if stamp == _stamp() else []
        start = len(stamp) + len(index) + 2
        spans = {}
        for key, length in entries:
            if not isinstance(key, str) or not isinstance(length, int) or length < 0:
                return Store()
            data[start:start + length].decode()  # each entry whole UTF-8, else damaged
            spans[key] = (start, start + length)
            start += length
    except (OSError, ValueError, TypeError, RecursionError):
        return Store()
    return Store(spans, data) if start == len(data) else Store()
