"""Work remembered run by run (:mod:`dateline.runs`): where the runs end changes no byte of
the site, and the preview's rebuild after events are edited, moved, added or removed gives
what a fresh build gives."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import TEMPLATES, event, make_site, person

from dateline import pipeline, runs


def test_runs_keep_every_item_in_order_and_end_where_the_names_say() -> None:
    items = [SimpleNamespace(slug=f"event-{n}") for n in range(500)]
    cut = runs.runs(items, "slug")
    assert [item for run in cut for item in run] == items
    assert all(cut) and 1 < len(cut) < len(items)
    assert all(hash(run[-1].slug) % runs.AVERAGE == 0 for run in cut[:-1])
    assert runs.runs([], "slug") == []


def _content(tmp_path: Path, chance: random.Random) -> Path:
    names = ["Ann Lee", "Bo Ray", "Cy Wu"]
    events = {f"events/e{n}.md": _event(chance, n, names) for n in range(40)}
    people = {f"people/{name.lower().replace(' ', '-')}.md": person(name) for name in names}
    return make_site(tmp_path, {**events, **people})


def _event(chance: random.Random, n: int, names: list[str]) -> str:
    shown = ", ".join(chance.sample(names, chance.randint(0, 2)))
    tags = ", ".join(chance.sample("abcd", chance.randint(0, 2)))
    return event(f"Event {n} {chance.randint(0, 9)}",
                 f"{chance.randint(1990, 1996)}-{chance.randint(1, 12):02d}",
                 extra=f"people: [{shown}]\ntags: [{tags}]\n")


def _settings(content: Path) -> pipeline.Settings:
    return pipeline.Settings(content=content, templates=TEMPLATES, drafts=True,
                             incremental=True)


def test_where_runs_end_changes_no_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    settings = _settings(_content(tmp_path, random.Random(3)))
    built = []
    for average in (1, 2, 7, 10**9):  # every event a run of its own, ..., one run
        monkeypatch.setattr(runs, "AVERAGE", average)
        built.append(pipeline.build(settings).files)
    assert all(files == built[0] for files in built)
    assert len(built[0]) > 40
    plain = pipeline.build(replace(settings, incremental=False))  # cards per page, not by run
    assert plain.files == built[0]


def test_rebuilds_after_events_move_come_and_go_equal_fresh_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runs, "AVERAGE", 3)  # many short runs, so edits cross their ends
    chance = random.Random(8)
    content = _content(tmp_path, chance)
    settings = _settings(content)
    previous = pipeline.build(settings)
    for step in range(30):
        n = chance.randrange(45)  # up to 44: events are added as well as edited
        path = content / "events" / f"e{n}.md"
        kind = chance.choice(["edit", "edit", "remove", "person"])
        if kind == "remove" and path.exists():
            path.unlink()
        elif kind == "person":
            (content / "people" / "bo-ray.md").write_text(
                person(f"Bo Ray {step}", "aliases: [Bo Ray]\n"), encoding="utf-8")
        else:  # a new date moves the event; a new title, tag or person changes its card
            path.write_text(_event(chance, n, ["Ann Lee", "Bo Ray", "Cy Wu"]),
                            encoding="utf-8")
        reused = pipeline.build(settings, previous.reuse)
        assert not reused.failed, reused.diagnostics
        assert reused.files == pipeline.build(settings).files, f"step {step}: {kind}"
        previous = reused
