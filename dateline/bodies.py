"""Markdown bodies to HTML: safe, each text converted once, and kept on disk for the next build.

Raw HTML is off, and a link to anything but the web, mail or a relative address is left as
text. A text converted in this process is remembered by its value, so the preview's rebuilds
skip unchanged bodies. A build that has no earlier build in memory keeps the HTML of its
bodies in ``.dateline-cache/markdown.json``, by a hash of each text and stamped with the
converter (markdown-it-py's version and this file's source), so the next build converts only
the bodies that changed. A missing, unreadable or stale store is simply made again, and it
holds exactly the bodies of the last build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown_it
from markdown_it import MarkdownIt
from markupsafe import Markup

from dateline.memo import by_identity

STORE = "markdown.json"
SAFE_LINK_PREFIXES = ("http://", "https://", "mailto:", "#", "/", "./", "../")


def _safe_link(url: str) -> bool:
    """Only web, mail and relative links: ``javascript:``, ``data:`` and the like are dropped."""
    lowered = "".join(url.split()).lower()
    if lowered.startswith(SAFE_LINK_PREFIXES):
        return not lowered.startswith("//")
    head = lowered.split("/", 1)[0]
    return ":" not in head and "&" not in head


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def markdown(text: str) -> Markup:
    """Markdown to HTML with raw HTML off and unsafe links left as text."""
    return Markup(to_html(text))


@by_identity  # a text counts by its value
def to_html(text: str) -> str:
    """The HTML of a Markdown text (see :func:`markdown`)."""
    html: str = _markdown().render(text)
    return html


@lru_cache(maxsize=1)
def _stamp() -> str:
    """What made the stored HTML: an upgraded markdown-it-py or an edit here makes it stale."""
    source = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()
    return f"markdown-it-py {markdown_it.__version__} {source}"


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Bodies:
    """A build's Markdown texts (by hash) and the store's HTML for them (see :func:`from_store`)."""

    texts: Mapping[str, str]
    stored: Mapping[str, str]
    folder: Path | None

    @property
    def missing(self) -> list[str]:
        """The texts the store did not have: each is converted once, by whoever needs it first."""
        return [text for key, text in self.texts.items() if key not in self.stored]

    def save(self) -> None:
        """Store the HTML of exactly these texts (converting those not converted yet), unless
        the store holds just that already; a store that cannot be written is left as it is."""
        if self.folder is None or self.texts.keys() == self.stored.keys():
            return
        html = {key: to_html(text) for key, text in sorted(self.texts.items())}
        data = json.dumps({"stamp": _stamp(), "html": html}).encode("ascii")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.folder / STORE)
        except OSError:
            return


def from_store(texts: Iterable[str], folder: Path | None) -> Bodies:
    """``texts`` and what the store in ``folder`` (None: no store) has for them; the HTML
    found is taken as theirs in this process."""
    wanted = {_key(text): text for text in texts}
    found = _read(folder)
    stored: dict[str, str] = {}
    for key, text in wanted.items():
        html = found.get(key)
        if isinstance(html, str):
            stored[key] = html
            to_html.keep(html, text)
    return Bodies(wanted, stored, folder)


def _read(folder: Path | None) -> dict[str, object]:
    if folder is None:
        return {}
    try:
        data = json.loads((folder / STORE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("stamp") != _stamp():
        return {}
    html = data.get("html")
    return html if isinstance(html, dict) else {}
