"""The search index is part of ``build``, written before the swap; without Pagefind the build
still succeeds, with a warning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import TEMPLATES, build_site, event, make_site, person, run_cli

from dateline import search

FILES: dict[str, str | bytes] = {
    "people/vladimir-putin.md": person("Vladimir Putin", "aliases: [Владимир Путин]\n"),
    "events/visit.md": event("A state visit", "2003-06-24", extra="people: [Владимир Путин]\n"),
}


def test_build_writes_a_search_index_over_events_and_people(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES)
    assert run.code == 0, run.err
    assert "search index not built" not in run.err
    assert _pages_indexed(site) == 2
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not list(tmp_path.glob(".site.new-*"))


def _pages_indexed(site: Path) -> int:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    return sum(lang["page_count"] for lang in entry["languages"].values())


@pytest.mark.parametrize(("template", "marked"), [
    ("tags.html", 3),  # a page in another folder: that folder is read too
    ("index.html", 3),  # the timeline, at the top: the whole site is read
])
def test_pages_a_theme_marks_anywhere_are_indexed(tmp_path: Path, template: str,
                                                  marked: int) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    source = (templates / template).read_text(encoding="utf-8")
    (templates / template).write_text(source.replace(
        "{% block main %}\n", "{% block main %}\n<div data-pagefind-body>Marked too</div>\n", 1),
        encoding="utf-8")
    content = make_site(tmp_path, FILES)
    run = run_cli("build", "--content", content, "--templates", templates, "--out",
                  tmp_path / "site")
    assert run.code == 0, run.err
    assert _pages_indexed(tmp_path / "site") == marked


def test_the_index_is_the_same_on_every_build(tmp_path: Path) -> None:
    _, first = build_site(tmp_path, FILES, out=tmp_path / "a")
    _, second = build_site(tmp_path, None, content=tmp_path / "content", out=tmp_path / "b")
    files = sorted(p.relative_to(first).as_posix() for p in (first / "pagefind").rglob("*"))
    assert files == sorted(p.relative_to(second).as_posix()
                           for p in (second / "pagefind").rglob("*"))
    for name in files:
        if (first / "pagefind" / name).is_file():
            assert (first / "pagefind" / name).read_bytes() == (
                second / "pagefind" / name).read_bytes()


def test_without_pagefind_the_build_succeeds_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "indexer", lambda: None)
    run, site = build_site(tmp_path, FILES)
    assert run.code == 0
    assert "dateline: warning: search index not built: Pagefind is not installed" in run.err
    assert (site / "search" / "index.html").is_file()
    assert not (site / "pagefind").exists()


def test_a_failing_pagefind_is_a_warning_too(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'index exploded' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search, "indexer", lambda: broken)
    run, site = build_site(tmp_path, FILES)
    assert run.code == 0
    assert "Pagefind failed (index exploded)" in run.err
    assert (site / "index.html").is_file()


def test_no_search_skips_the_index(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES, "--no-search")
    assert run.code == 0 and run.err == ""
    assert not (site / "pagefind").exists()


def test_an_index_made_from_the_same_pages_is_reused_and_a_changed_page_remakes_it(
        tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES)
    assert run.code == 0, run.err
    entry = site / "pagefind" / "pagefind-entry.json"
    made_from = (site / "pagefind" / search.STAMP).read_text()
    first = entry.stat().st_ino
    run, site = build_site(tmp_path, None, content=tmp_path / "content")
    assert run.code == 0, run.err
    assert entry.stat().st_ino == first  # hard-linked from the previous site, not remade
    (tmp_path / "content" / "events" / "visit.md").write_text(
        event("A state visit to Windsor", "2003-06-24"), encoding="utf-8")
    run, site = build_site(tmp_path, None, content=tmp_path / "content")
    assert run.code == 0, run.err
    assert (site / "pagefind" / search.STAMP).read_text() != made_from
    assert entry.stat().st_ino != first


def test_a_change_to_a_page_the_index_leaves_out_keeps_the_index(tmp_path: Path) -> None:
    """Pagefind reads only the folders whose pages carry its mark, and the index is made
    from those pages alone: editing the timeline page reuses the index as it was."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    content = make_site(tmp_path, FILES)

    def build() -> Path:
        run = run_cli("build", "--content", content, "--templates", templates, "--out",
                      tmp_path / "site")
        assert run.code == 0, run.err
        return tmp_path / "site" / "pagefind" / "pagefind-entry.json"

    before = build().stat().st_ino
    timeline = templates / "index.html"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(
        "{% block main %}\n", "{% block main %}\n<p>Edited.</p>\n", 1), encoding="utf-8")
    entry = build()
    assert "<p>Edited.</p>" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert entry.stat().st_ino == before  # the same file, linked from the previous site
    (content / "events" / "visit.md").write_text(event("A state visit, revised", "2003-06-24"))
    assert build().stat().st_ino != before  # an indexed page changed: indexed again
