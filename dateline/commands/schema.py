"""``dateline schema``: JSON Schema files for editors, generated from the tables that validate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dateline import schema

HELP = "write schema/*.json (JSON Schema of front matter and site.yaml) for editors"
SPECS = {"event": schema.EVENT, "person": schema.PERSON, "article": schema.ARTICLE,
         "site": schema.SITE}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?[~?%]?(/(\.\.|\d{4}(-\d{1,2}(-\d{1,2})?)?))?$"


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``schema``."""
    parser.add_argument("--out", type=Path, default=Path("schema"),
                        help="folder for the .json files (default: schema)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the files differ from the models")


def documents() -> dict[str, str]:
    """File name to text of every schema file, exactly as ``schema`` writes it."""
    return {f"{name}.json": _text(name, spec) for name, spec in SPECS.items()}


def _text(name: str, spec: schema.Spec) -> str:
    body: dict[str, Any] = {"$schema": DRAFT, "$id": f"{name}.json",
                            "title": f"dateline {name}", **json_schema(spec)}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    """Write (or with ``--check`` compare) the schema files."""
    out: Path = args.out
    stale = [name for name, text in documents().items() if _read(out / name) != text]
    if args.check:
        for name in stale:
            print(f"{out / name}: out of date (run 'python build.py schema')", file=sys.stderr)
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (out / name).write_text(documents()[name], encoding="utf-8")
    print(f"{out}: {len(stale)} of {len(SPECS)} schema files written")
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def json_schema(spec: schema.Spec) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a spec, for editors' completion and checks."""
    if spec.kind == "object":
        return {
            "type": "object",
            "description": spec.description,
            "properties": {name: json_schema(sub) for name, sub in spec.fields.items()},
            "required": [name for name, sub in spec.fields.items() if sub.required],
            "additionalProperties": False,
        }
    if spec.kind == "list":
        assert spec.items is not None
        item = json_schema(spec.items)
        if spec.items.kind == "object":  # a list of mappings is a list (schema._not_a_list)
            return {"description": spec.description, "type": "array", "items": item}
        return {"description": spec.description,
                "anyOf": [{"type": "array", "items": item}, item]}
    base: dict[str, Any] = {"description": spec.description}
    if spec.kind == "bool":
        return base | {"type": "boolean"}
    if spec.kind == "date":
        return base | {"type": ["string", "integer"], "pattern": DATE_PATTERN}
    if spec.kind == "url":
        return base | {"type": "string", "pattern": "^https?://"}
    if spec.kind == "mapping":
        return base | {"type": "object"}
    if spec.kind == "any":
        return base
    return base | {"type": "string"}
