"""Markdown bodies are kept on disk by their text's hash: the next build converts only what
changed, and a stale or damaged store is never trusted.

Each build runs in a fresh process, as a user's does (a process remembers what it converted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import REPO, TEMPLATES, event, make_site, person, read_page

from dateline.extract.cache import CACHE_DIR

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


def _store(tmp_path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((tmp_path / CACHE_DIR / "markdown.json").read_bytes())
    return data


def _html(tmp_path: Path) -> list[str]:
    html = _store(tmp_path)["html"]
    assert isinstance(html, dict)
    return sorted(html.values())


def test_the_next_build_takes_each_body_from_the_store(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    site = _build(tmp_path)
    assert TALKS in read_page(site, "events/talks/")
    assert _html(tmp_path) == ["<p>A <strong>diplomat</strong>.</p>\n", TALKS + "\n"]
    store = _store(tmp_path)
    html = store["html"]
    assert isinstance(html, dict)
    for key, value in html.items():
        if value.startswith("<p>Talks"):
            html[key] = "<p>from the store</p>\n"
    (tmp_path / CACHE_DIR / "markdown.json").write_text(json.dumps(store))
    site = _build(tmp_path)
    assert "<p>from the store</p>" in read_page(site, "events/talks/")
    assert "<p>A <strong>diplomat</strong>.</p>" in read_page(site, "people/ann-lee/")


def test_an_edited_body_is_converted_again_and_the_old_one_forgotten(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    _build(tmp_path)
    (content / "events/talks.md").write_text(event("Talks", body="Talks *ended*."))
    site = _build(tmp_path)
    assert "<p>Talks <em>ended</em>.</p>" in read_page(site, "events/talks/")
    assert _html(tmp_path) == ["<p>A <strong>diplomat</strong>.</p>\n",
                               "<p>Talks <em>ended</em>.</p>\n"]


def test_a_stale_or_damaged_store_is_made_again(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    _build(tmp_path)
    store = _store(tmp_path)
    html = store["html"]
    assert isinstance(html, dict)
    stale = {"stamp": "markdown-it-py 0.0 an older converter",
             "html": {key: "<script>alert(1)</script>" for key in html}}
    for damaged in (json.dumps(stale), "{not json", '{"stamp": 1, "html": []}', "\x00\xff"):
        (tmp_path / CACHE_DIR / "markdown.json").write_text(damaged)
        site = _build(tmp_path)
        page = read_page(site, "events/talks/")
        assert TALKS in page and "alert(1)" not in page
        assert _store(tmp_path) == store  # made again, as it was
