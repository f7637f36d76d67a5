"""Loading and rendering on several cores give the same site, byte for byte, and the same
errors.

Worker processes only take over from 1,000 files or pages, so these builds lower the
threshold to one and the chunk size to a few, in a fresh process as a user's build runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, STARTER_CONTENT, TEMPLATES, event, make_site, person

from dateline import parallel
from dateline.cachedir import CACHE_DIR
from dateline.feeds import FEED_ENTRIES

pytestmark = pytest.mark.skipif(parallel.cores() < 2, reason="needs two cores")

FORCED = """
import contextlib
import sys
import dateline.parallel as parallel
from dateline.cli import main
parallel.MIN_PAGES, parallel.CHUNK = 1, 3
real = parallel.forked_imap
def counted(function, items, *rest):
    chunks = real(function, items, *rest)  # the workers start now, as they do unwrapped
    what = {"_render_chunk": "pages", "_cards_chunk": "cards"}.get(function.__name__, "files")
    def counting():
        made = bodies = 0
        with contextlib.closing(chunks):
            for chunk in chunks:
                if what == "pages":  # pages, and the Markdown they converted
                    made, bodies = made + len(chunk[0]), bodies + len(chunk[1])
                else:
                    made += len(chunk) if isinstance(chunk, list) else 1
                yield chunk
        print(f"workers made {made} {what}", file=sys.stderr)
        if what == "pages":
            print(f"workers made {bodies} bodies", file=sys.stderr)
    return counting()
parallel.forked_imap = counted
from dateline import load
real_map = load.forked_map
def parsed(function, items):
    done = real_map(function, items)
    print(f"workers parsed {len(done or ())} of {len(items)} files", file=sys.stderr)
    return done
load.forked_map = parsed
from dateline import bodies
real_render, converted = bodies._render, []
def rendering(text):
    converted.append(text)
    return real_render(text)
bodies._render = rendering
code = main(sys.argv[1:])
print(f"this process converted {len(converted)} bodies", file=sys.stderr)
sys.exit(code)
"""


def _build(out: Path, templates: Path, forced: bool, content: Path = STARTER_CONTENT
           ) -> subprocess.CompletedProcess[str]:
    head = ["-c", FORCED] if forced else [str(REPO / "build.py")]
    return subprocess.run([sys.executable, *head, "build", "--content", str(content),
                           "--templates", str(templates), "--out", str(out)],
                          capture_output=True, text=True, cwd=REPO, check=False)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "pagefind" not in p.parts}


def test_workers_make_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    for name in ("one", "many"):  # each with its own cache, empty
        shutil.copytree(STARTER_CONTENT, tmp_path / name / "content")
    one = _build(tmp_path / "one" / "site", TEMPLATES, False, tmp_path / "one" / "content")
    many = _build(tmp_path / "many" / "site", TEMPLATES, True, tmp_path / "many" / "content")
    assert one.returncode == 0 and many.returncode == 0, one.stderr + many.stderr
    made = {line.split()[3]: int(line.split()[2]) for line in many.stderr.splitlines()
            if line.startswith("workers made")}
    assert f" {made['pages']} pages (" in many.stdout and made["pages"] > 50  # all of them
    assert f": {made['cards']} events, " in many.stdout  # a card for each event
    stored = (tmp_path / "many" / CACHE_DIR / "markdown.store").read_bytes().split(b"\n")[1]
    assert made["bodies"] == len(json.loads(stored)) > 50  # every body, converted once
    assert f"this process converted {FEED_ENTRIES} bodies" in many.stderr  # the feed's
    entries = sum(1 for folder in ("events", "people", "articles")
                  for path in (STARTER_CONTENT / folder).iterdir()
                  if path.suffix in (".md", ".txt"))
    assert f"workers parsed {entries} of {entries} files" in many.stderr  # in one go
    assert _files(tmp_path / "one" / "site") == _files(tmp_path / "many" / "site")
    again = _build(tmp_path / "many" / "site", TEMPLATES, True, tmp_path / "many" / "content")
    assert "workers made 0 bodies" in again.stderr  # all from the store
    assert "this process converted 0 bodies" in again.stderr
    assert _files(tmp_path / "one" / "site") == _files(tmp_path / "many" / "site")


def test_mistakes_found_by_workers_are_the_same_messages_in_the_same_order(
        tmp_path: Path) -> None:
    content = make_site(tmp_path, {
        "events/fine.md": event("Fine"),
        "events/bad-yaml.md": "---\ntitle: [unclosed\ndate: 2018\n---\n",
        "events/not-utf8.md": b"---\ntitle: caf\xe9\ndate: 2018\n---\n",
        "events/Bad_Slug.md": event("Badly named"),
        "events/no-date.md": "---\ntitle: No date\n---\n",
        "people/ann-lee.md": person("Ann Lee", "born: 1990-13-01\n"),
    })
    one = _build(tmp_path / "one", TEMPLATES, forced=False, content=content)
    many = _build(tmp_path / "many", TEMPLATES, forced=True, content=content)
    assert "workers parsed 5 of 5 files" in many.stderr  # all folders; Bad_Slug.md is no slug
    assert one.returncode == many.returncode == 1
    shown = [line for line in many.stderr.splitlines()
             if not line.startswith(("workers ", "this process "))]
    assert shown == one.stderr.splitlines()
    assert "found: 5 errors, 0 warnings" in shown


def test_a_template_error_still_names_the_template_and_line(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    person = templates / "person.html"
    lines = person.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "{{ person.name }}</h1>" in text)
    lines[line - 1] = lines[line - 1].replace("</h1>", "{{ person.no_such_field.deeper }}</h1>")
    person.write_text("".join(lines), encoding="utf-8")
    done = _build(tmp_path / "site", templates, forced=True)
    assert done.returncode == 1
    assert f"templates/person.html:{line}:" in done.stderr and "no_such_field" in done.stderr
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == ["templates"]  # no staging
