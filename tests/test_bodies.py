"""Markdown bodies are kept on disk by their text's hash: the next build converts only what
changed, and a stale or damaged store is never trusted.

Each build runs in a fresh process, as a user's does (a process remembers what it converted).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

from helpers import REPO, TEMPLATES, event, make_site, person, read_page

from dateline.bodies import STORE
from dateline.cachedir import CACHE_DIR, replace_file

FILES = {
    "events/talks.md": event("Talks", extra="people: [ann-lee]\n",
                             body="Talks *began* in [Geneva](/g/)."),
    "people/ann-lee.md": person("Ann Lee", body="A **diplomat**."),
}
TALKS = '<p>Talks <em>began</em> in <a href="/g/">Geneva</a>.</p>'


def _build(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--no-search",
                           "--content", str(tmp_path / "content"), "--templates",
                           str(TEMPLATES), "--out", str(site)],
                          capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    return site


def _store(tmp_path: Path) -> tuple[bytes, dict[str, str]]:
    """The store's stamp and its HTML by key, as the file holds them."""
    stamp, index, data = (tmp_path / CACHE_DIR / STORE).read_bytes().split(b"\n", 2)
    html, start = {}, 0
    for key, length in json.loads(index):
        html[key] = data[start:start + length].decode()
        start += length
    assert start == len(data)
    return stamp, html


def _put(tmp_path: Path, stamp: bytes, html: dict[str, str]) -> None:
    index = json.dumps([[key, len(value.encode())] for key, value in html.items()]).encode()
    data = "".join(html.values()).encode()
    (tmp_path / CACHE_DIR / STORE).write_bytes(stamp + b"\n" + index + b"\n" + data)


def test_the_next_build_takes_each_body_from_the_store(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    site = _build(tmp_path)
    assert TALKS in read_page(site, "events/talks/")
    stamp, html = _store(tmp_path)
    assert sorted(html.values()) == ["<p>A <strong>diplomat</strong>.</p>\n", TALKS + "\n"]
    _put(tmp_path, stamp, {key: "<p>from the store</p>\n" if value.startswith("<p>Talks")
                           else value for key, value in html.items()})
    site = _build(tmp_path)
    assert "<p>from the store</p>" in read_page(site, "events/talks/")
    assert "<p>A <strong>diplomat</strong>.</p>" in read_page(site, "people/ann-lee/")


def test_an_edited_body_is_converted_again_and_the_old_one_forgotten(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    _build(tmp_path)
    (content / "events/talks.md").write_text(event("Talks", body="Talks *ended*."))
    site = _build(tmp_path)
    assert "<p>Talks <em>ended</em>.</p>" in read_page(site, "events/talks/")
    assert sorted(_store(tmp_path)[1].values()) == ["<p>A <strong>diplomat</strong>.</p>\n",
                                                    "<p>Talks <em>ended</em>.</p>\n"]


def test_a_stale_or_damaged_store_is_made_again(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    _build(tmp_path)
    stamp, html = _store(tmp_path)
    good = (tmp_path / CACHE_DIR / STORE).read_bytes()
    script = dict.fromkeys(html, "<script>alert(1)</script>")
    _put(tmp_path, b"dateline-markdown 0 an older converter", script)
    stale = (tmp_path / CACHE_DIR / STORE).read_bytes()
    for damaged in (stale, good[:-5], good + b"<script>alert(1)</script>", b"{not a store",
                    good.replace(b"Talks <em>", b"Talks\xff<em>"), b"",
                    stamp + b"\n[[1, -1]]\n", stamp + b"\n" + b"[" * 100_000 + b"\n",
                    stamp + b'\n{"a": 1}\n', stamp + b"\n[]\n<p>left over</p>"):
        (tmp_path / CACHE_DIR / STORE).write_bytes(damaged)
        site = _build(tmp_path)
        page = read_page(site, "events/talks/")
        assert TALKS in page and "alert(1)" not in page and "\ufffd" not in page
        assert (tmp_path / CACHE_DIR / STORE).read_bytes() == good  # made again, as it was


def test_a_store_made_elsewhere_is_never_used(tmp_path: Path) -> None:
    """A store that came with the content (a pull request, say) cannot put HTML into pages:
    entries are keyed with a secret kept outside the project."""
    content = make_site(tmp_path, FILES)
    _build(tmp_path)
    stamp, _ = _store(tmp_path)
    bodies = [text.split("---\n", 2)[2] for text in FILES.values()]
    for key in (lambda text: hashlib.blake2b(text.encode(), digest_size=16).hexdigest(),
                lambda text: hashlib.sha256(text.encode()).hexdigest()[:32]):
        _put(tmp_path, stamp, {key(text): "<script>alert(1)</script>" for text in bodies})
        (content / "events/talks.md").touch()
        page = read_page(_build(tmp_path), "events/talks/")
        assert TALKS in page and "alert(1)" not in page


def test_a_store_left_half_written_by_a_killed_build_is_removed(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    _build(tmp_path)
    folder = tmp_path / CACHE_DIR
    stored = (folder / STORE).read_bytes()
    with mock.patch("os.replace", side_effect=SystemExit), contextlib.suppress(SystemExit):
        replace_file(folder, STORE, b"half a store")  # a build killed before its rename
    [left] = [path for path in folder.iterdir() if path.name != STORE]
    _build(tmp_path)  # a file this recent may be another build's, being written now
    assert left.exists()
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    _build(tmp_path)  # the same bodies: the store is kept, the leftover removed
    assert sorted(path.name for path in folder.iterdir()) == [STORE]
    assert (folder / STORE).read_bytes() == stored
