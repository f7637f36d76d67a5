"""schema/*.json agrees with the tables that validate, and those tables with the models."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from helpers import REPO, run_cli

from dateline import schema
from dateline.commands.schema import SPECS, documents
from dateline.model import Article, Config, Event, Person

# Front-matter keys whose model attribute has another name.
RENAMED = {("event", "people"): "people_refs"}
MODELS = {"event": Event, "person": Person, "article": Article, "site": Config}


def test_the_schema_files_match_the_models() -> None:
    folder = REPO / "schema"
    for name, text in documents().items():
        path = folder / name
        assert path.is_file(), f"{path} is missing: run 'python build.py schema'"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} differs from dateline/schema.py: run 'python build.py schema'")
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(documents())


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_key_of_a_table_reaches_its_model(kind: str) -> None:
    attributes = {f.name for f in dataclasses.fields(MODELS[kind])}
    for key in SPECS[kind].fields:
        attribute = RENAMED.get((kind, key), key)
        assert attribute in attributes, f"'{key}' of {kind} has no attribute in the model"


def test_the_json_schema_describes_each_key() -> None:
    event = json.loads(documents()["event.json"])
    assert event["$schema"].endswith("/2020-12/schema")
    assert event["required"] == ["title", "date"]
    assert event["additionalProperties"] is False
    assert set(event["properties"]) == set(schema.EVENT.fields)
    assert event["properties"]["draft"]["type"] == "boolean"
    # a list of mappings is a list, as check wants it; a list of words may be one word
    assert event["properties"]["sources"]["type"] == "array"
    assert event["properties"]["sources"]["items"]["required"] == ["url"]
    assert event["properties"]["tags"]["anyOf"][0]["type"] == "array"
    site = json.loads(documents()["site.json"])
    assert site["required"] == ["title", "base_url"]
    assert all(spec.description for spec in _all_specs())


def _all_specs() -> list[schema.Spec]:
    found: list[schema.Spec] = []
    todo = list(SPECS.values())
    while todo:
        spec = todo.pop()
        found.append(spec)
        todo.extend(spec.fields.values())
        if spec.items is not None:
            todo.append(spec.items)
    return found


def test_the_command_writes_and_checks(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert run_cli("schema", "--out", out, "--check").code == 1
    run = run_cli("schema", "--out", out)
    assert run.code == 0 and "4 of 4 schema files written" in run.out
    assert run_cli("schema", "--out", out, "--check").code == 0
    (out / "event.json").write_text("{}\n", encoding="utf-8")
    run = run_cli("schema", "--out", out, "--check")
    assert run.code == 1 and "event.json: out of date" in run.err
