"""The build as a whole: byte-identical output, atomic replacement, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, TEMPLATES, build_site, event, make_site, person, run_cli, write_tree

from dateline import pipeline, write
from dateline.cachedir import CACHE_DIR
from dateline.write import NotReplaceable, UnsafeOutput, staged, write_site

FILES: dict[str, str | bytes] = {
    "people/ann-example.md": person("Ann Example", "aliases: [Анна]\nborn: 1950\n", "A *bio*."),
    "events/one.md": event("One", "2017-12", "Text with [a link](https://example.org/).",
                           "people: [Анна, Bob Unknown]\ntags: [Trade]\n"),
    "events/two.md": event("Two", "2018-03-04/2018-03-09"),
    "events/three.md": event("Three", "1991~"),
    "events/four.md": event("Four", "2022-02-24/.."),
}

BOB_WARNING = ("content/events/one.md:4:16: warning: unknown person 'Bob Unknown' "
               "(add content/people/bob-unknown.md to describe them)")
Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder``: bytes, modification time and inode."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (path.read_bytes(), info.st_mtime_ns,
                                                          info.st_ino)
    return found


def rendered(files: Snapshot) -> Snapshot:
    """The files dateline writes itself: all but the search index."""
    return {name: value for name, value in files.items() if not name.startswith("pagefind/")}


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {name: data for name, (data, _, _) in snapshot(folder).items()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    first, site_a = build_site(tmp_path, None, content=content, out=tmp_path / "a")
    second, site_b = build_site(tmp_path, None, content=content, out=tmp_path / "b")
    assert (first.code, second.code) == (0, 0)
    assert contents(site_a) == contents(site_b)
    assert len(contents(site_a)) > 10


def test_every_file_is_handed_to_the_writer_once_with_the_bytes_built(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    handed: list[tuple[str, bytes]] = []
    result = pipeline.build(pipeline.Settings(content, TEMPLATES),
                            sink=lambda name, data: handed.append((name, data)))
    assert not result.failed and len(handed) > 10
    assert sorted(handed) == sorted(result.files.items())  # each name once, the same bytes


def test_a_rebuild_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    first, site = build_site(tmp_path, None, content=content)
    assert first.code == 0
    before = snapshot(site)
    again, _ = build_site(tmp_path, None, content=content)
    assert "(0 files changed)" in again.out
    # same bytes, same mtimes, same files (the search indexer's output is its own business)
    assert rendered(snapshot(site)) == rendered(before)
    (content / "events" / "two.md").write_text(event("Two, renamed", "2018-03-04"), "utf-8")
    third, _ = build_site(tmp_path, None, content=content)
    assert third.code == 0
    after = snapshot(site)
    assert after["events/two/index.html"][0] != before["events/two/index.html"][0]
    assert after["static/style.css"] == before["static/style.css"]


def _build_in_subprocess(content: Path, out: Path, tz: str, cwd: Path) -> None:
    env = {**os.environ, "TZ": tz, "PYTHONHASHSEED": "random"}
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--content", str(content),
         "--templates", str(TEMPLATES), "--out", str(out)],
        env=env, cwd=cwd, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_time_zone_changes_nothing(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    _build_in_subprocess(content, tmp_path / "utc", "UTC", tmp_path)
    _build_in_subprocess(content, tmp_path / "kiritimati", "Pacific/Kiritimati", content)
    run, in_process = build_site(tmp_path, None, content=content, out=tmp_path / "here")
    assert run.code == 0
    assert contents(tmp_path / "utc") == contents(tmp_path / "kiritimati")
    assert contents(tmp_path / "utc") == contents(in_process)


def test_the_starter_site_builds_the_same_twice(tmp_path: Path, starter_content: Path) -> None:
    first, a = build_site(tmp_path, None, content=starter_content, out=tmp_path / "a")
    second, b = build_site(tmp_path, None, content=starter_content, out=tmp_path / "b")
    assert (first.code, second.code) == (0, 0), first.err
    assert contents(a) == contents(b)


def _beside(tmp_path: Path) -> list[str]:
    """The folders beside the site (a lock file and the cache may stay; temporary folders
    may not)."""
    return sorted(p.name for p in tmp_path.iterdir() if p.is_dir() and p.name != CACHE_DIR)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Snapshot]:
    """A content folder, its site built once, and a snapshot of that site."""
    content = make_site(tmp_path, FILES)
    run, site = build_site(tmp_path, None, content=content)
    assert run.code == 0, run.err
    return content, site, snapshot(site)


TEMPLATE_MISTAKES = [
    ("<h1>{{ event.title }}</h1>", "<h1>{{ event.titel }}</h1>",
     "templates/event.html:{line}:1: template error: 'dateline.model.Event object' has no "
     "attribute 'titel' (fix the template)"),
    ("<h1>{{ event.title }}</h1>", "<h1>{{ evnt.title }}</h1>",
     "templates/event.html:{line}:1: template error: 'evnt' is undefined (fix the template)"),
    ("<h1>{{ event.title }}</h1>", "<h1>{{ event.title }</h1>",
     "templates/event.html:{line}:1: template error: unexpected '}}' (fix the template)"),
    ("<h1>{{ event.title }}</h1>", "<h1>{% if %}</h1>",
     "templates/event.html:{line}:1: template error: Expected an expression, got 'end of "
     "statement block' (fix the template)"),
    ("<h1>{{ event.title }}</h1>", "<h1>{{ event.title | shout }}</h1>",
     "templates/event.html:{line}:1: template error: No filter named 'shout'. "
     "(fix the template)"),
]


def _edited_templates(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the starter templates with ``old`` replaced by ``new`` in ``name``, and the
    line it is on."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    source = (templates / name).read_text(encoding="utf-8")
    assert old in source
    (templates / name).write_text(source.replace(old, new), encoding="utf-8")
    return templates, source[: source.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "message"), TEMPLATE_MISTAKES)
def test_a_template_error_leaves_the_previous_site(
        tmp_path: Path, built: tuple[Path, Path, Snapshot], old: str, new: str,
        message: str) -> None:
    content, site, before = built
    templates, line = _edited_templates(tmp_path, "event.html", old, new)
    run = run_cli("build", "--content", content, "--templates", templates, "--out", site)
    assert run.code == 1
    assert run.problems == [BOB_WARNING, message.format(line=line)]
    assert "build failed: the previous site was left as it was" in run.err
    assert snapshot(site) == before
    assert _beside(tmp_path) == ["content", "site", "templates"]


@pytest.mark.parametrize(("old", "new", "message"), TEMPLATE_MISTAKES)
def test_check_reports_a_template_error_as_build_does_and_writes_nothing(
        tmp_path: Path, old: str, new: str, message: str) -> None:
    content = make_site(tmp_path, FILES)
    templates, line = _edited_templates(tmp_path, "event.html", old, new)
    before = snapshot(tmp_path)
    run = run_cli("check", "--content", content, "--templates", templates)
    assert run.code == 1
    assert run.problems == [BOB_WARNING, message.format(line=line)]
    assert run.err.endswith("checked: 1 error, 1 warning\n")
    assert snapshot(tmp_path) == before


MISSING = "restore it from the starter templates"


@pytest.mark.parametrize(("command", "summary"), [("check", "checked"), ("build", "found")])
@pytest.mark.parametrize(("name", "message"), [
    ("person.html", "templates/person.html:1:1: template not found "
                    f"(2 pages such as /people/ann-example/ need it: {MISSING})"),
    ("base.html", "templates/404.html:1:1: template 'base.html' not found (also named by 9 "
                  f"other templates: {MISSING}, or fix the name)"),
    ("_card.html", "templates/index.html:{line}:1: template '_card.html' not found "
                   f"({MISSING}, or fix the name)"),
])
def test_a_missing_template_is_named_where_it_is_needed(
        tmp_path: Path, command: str, summary: str, name: str, message: str) -> None:
    content = make_site(tmp_path, FILES)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / name).unlink()
    index = (templates / "index.html").read_text(encoding="utf-8")
    line = index[: index.index("{{ event_cards(")].count("\n") + 1
    out = ["--out", tmp_path / "site"] if command == "build" else []
    run = run_cli(command, "--content", content, "--templates", templates, *out)
    assert run.code == 1
    assert run.problems == [BOB_WARNING, message.format(line=line)]
    assert f"{summary}: 1 error, 1 warning" in run.err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("wrong", ["bsae.html", "base.htm"])
def test_a_misspelt_template_name_gets_a_suggestion(tmp_path: Path, wrong: str) -> None:
    content = make_site(tmp_path, FILES)
    templates, _ = _edited_templates(
        tmp_path, "event.html", '{% extends "base.html" %}',
        f'{{% extends "{wrong}" %}}{{% include "x.html" ignore missing %}}')
    run = run_cli("check", "--content", content, "--templates", templates)
    assert run.code == 1
    assert run.problems == [BOB_WARNING, f"templates/event.html:1:1: template '{wrong}' not "
                                         "found (did you mean 'base.html'?)"]


@pytest.mark.parametrize("wrong", ["", ".", "/"])
def test_a_template_name_that_is_no_file_name_is_reported(tmp_path: Path, wrong: str) -> None:
    content = make_site(tmp_path, FILES)
    templates, _ = _edited_templates(tmp_path, "event.html", '{% extends "base.html" %}',
                                     f'{{% extends "base.html" %}}{{% include "{wrong}" %}}')
    run = run_cli("check", "--content", content, "--templates", templates)
    assert run.code == 1
    assert run.problems == [BOB_WARNING, f"templates/event.html:1:1: template '{wrong}' not "
                                         f"found ({MISSING}, or fix the name)"]


def test_a_python_error_inside_a_template_is_reported_not_raised(
        tmp_path: Path, built: tuple[Path, Path, Snapshot]) -> None:
    content, site, before = built
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    source = (templates / "event.html").read_text(encoding="utf-8")
    old = "<h1>{{ event.title }}</h1>"
    (templates / "event.html").write_text(source.replace(old, "<h1>{{ event.title + 1 }}</h1>"),
                                          encoding="utf-8")
    run = run_cli("build", "--content", content, "--templates", templates, "--out", site)
    assert run.code == 1
    assert run.problems[-1].startswith("templates/event.html:")
    assert snapshot(site) == before


def test_a_content_error_leaves_the_previous_site(built: tuple[Path, Path, Snapshot],
                                                  tmp_path: Path) -> None:
    content, site, before = built
    (content / "events" / "bad.md").write_text(event(date="2018-13-01"), encoding="utf-8")
    (content / "events" / "one.md").write_text(event("One changed", "2017"), encoding="utf-8")
    run, _ = build_site(tmp_path, None, content=content)
    assert run.code == 1
    assert run.problems == ["content/events/bad.md:3:12: date '2018-13-01' has month 13 "
                            "(expected YYYY, YYYY-MM or YYYY-MM-DD)"]
    assert snapshot(site) == before
    assert _beside(tmp_path) == ["content", "site"]


def test_a_failed_write_leaves_the_previous_site(built: tuple[Path, Path, Snapshot],
                                                 tmp_path: Path) -> None:
    _, site, before = built
    with pytest.raises(UnsafeOutput):
        # sorted, the bad name comes after a good one, so writing has begun when it fails
        write_site(site, {"index.html": b"new", "zzz/../../escape.html": b"bad"})
    assert snapshot(site) == before
    assert _beside(tmp_path) == ["content", "site"]


def test_a_large_previous_site_is_deleted_in_the_background(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "DETACH_FROM", 1)  # this little site counts as large
    deleters: list[list[str]] = []
    spawn = os.posix_spawn

    def counted(path: str, args: list[str], *rest: Any, **options: Any) -> int:
        deleters.append(list(args))
        return spawn(path, args, *rest, **options)

    monkeypatch.setattr(os, "posix_spawn", counted)
    content = make_site(tmp_path, FILES)
    assert build_site(tmp_path, None, content=content, out=tmp_path / "site")[0].code == 0
    assert deleters == []  # nothing to delete the first time
    (content / "events" / "one.md").write_text(event("One changed", "2017"), encoding="utf-8")
    run, site = build_site(tmp_path, None, content=content)
    assert run.code == 0
    assert "One changed" in (site / "index.html").read_text(encoding="utf-8")
    assert len(deleters) == 1 and Path(deleters[0][-1]).parent == tmp_path
    for _ in range(600):  # the deleting process ends on its own; wait for it, up to a minute
        if _beside(tmp_path) == ["content", "site"]:
            break
        time.sleep(0.1)
    assert _beside(tmp_path) == ["content", "site"]


def test_a_file_handed_twice_is_refused_and_the_previous_site_kept(
        built: tuple[Path, Path, Snapshot], tmp_path: Path) -> None:
    _, site, before = built
    with pytest.raises(UnsafeOutput), staged(site) as stage:
        stage.add("index.html", before["index.html"][0])  # the same bytes: a hard link
        stage.add("index.html", b"changed")  # would write through the link into the site
    assert snapshot(site) == before
    assert _beside(tmp_path) == ["content", "site"]


def test_an_unwritable_output_is_reported_without_a_traceback(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    run, _ = build_site(tmp_path, None, content=content, out=tmp_path / "a-file" / "site")
    assert run.code == 1
    assert f"dateline: cannot write {tmp_path / 'a-file' / 'site'}: " in run.err
    assert "Traceback" not in run.err


@pytest.mark.parametrize("target", ["content", ".", "content/events"])
def test_the_output_may_not_replace_the_content(tmp_path: Path, target: str) -> None:
    content = make_site(tmp_path, FILES)
    before = snapshot(tmp_path)
    out = tmp_path / target
    run, _ = build_site(tmp_path, None, content=content, out=out)
    assert run.code == 2
    assert run.err.startswith(f"dateline: refusing to write the site to {out}: ")
    assert snapshot(tmp_path) == before


def _users_folder(folder: Path) -> Path:
    """A folder of an editor's own files, as ``docs/`` often is (with a ``.nojekyll`` made
    by hand for GitHub Pages)."""
    return write_tree(folder, {"editors.md": "# Editors\n", "screenshots/a.png": b"\x89PNG",
                               ".hidden": "kept", ".nojekyll": ""})


def test_a_folder_of_other_files_is_refused_and_left_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_site(tmp_path, FILES)
    _users_folder(tmp_path / "docs")
    before, beside = snapshot(tmp_path / "docs"), sorted(os.listdir(tmp_path))
    monkeypatch.chdir(tmp_path)
    run = run_cli("build", "--content", content, "--templates", TEMPLATES, "--out", "docs")
    assert run.code == 2
    assert run.err == ("dateline: docs: not replaced: it holds files that no build made "
                       "(choose an empty or new folder, or remove it yourself)\n")
    assert run.out == ""
    assert snapshot(tmp_path / "docs") == before  # bytes, times and inodes
    assert sorted(os.listdir(tmp_path)) == beside  # no lock, no staging folder


def test_a_file_as_the_output_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my notes\n")
    beside = sorted(os.listdir(tmp_path))
    run, _ = build_site(tmp_path, None, content=content, out=notes)
    assert run.code == 2
    assert run.err == (f"dateline: {notes}: not replaced: it is a file, not a folder "
                       "(choose an empty or new folder)\n")
    assert notes.read_bytes() == b"my notes\n"
    assert sorted(os.listdir(tmp_path)) == beside  # no .notes.txt.new-… left behind


def test_a_link_as_the_output_is_refused(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    assert build_site(tmp_path, None, content=content)[0].code == 0
    link = tmp_path / "public"
    link.symlink_to(tmp_path / "site")
    beside, before = sorted(os.listdir(tmp_path)), snapshot(tmp_path / "site")
    run, _ = build_site(tmp_path, None, content=content, out=link)
    assert run.code == 2
    assert run.err == (f"dateline: {link}: not replaced: it is a link (give the folder it "
                       "points to, or a new folder)\n")
    assert link.is_symlink() and snapshot(tmp_path / "site") == before
    assert sorted(os.listdir(tmp_path)) == beside


def test_the_writer_itself_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    docs = _users_folder(tmp_path / "docs")
    before, beside = snapshot(docs), sorted(os.listdir(tmp_path))
    with pytest.raises(NotReplaceable, match="holds files that no build made"):
        write_site(docs, {"index.html": b"new", ".nojekyll": b""})
    assert snapshot(docs) == before
    assert sorted(os.listdir(tmp_path)) == beside


@pytest.mark.parametrize("kind", ["missing", "empty", "earlier site", "earlier site, old files"])
def test_a_missing_or_empty_folder_or_an_earlier_site_is_replaced(tmp_path: Path,
                                                                  kind: str) -> None:
    content = make_site(tmp_path, FILES)
    out = tmp_path / "docs"
    if kind == "empty":
        out.mkdir()
    elif kind == "earlier site":
        assert build_site(tmp_path, None, content=content, out=out)[0].code == 0
    elif kind == "earlier site, old files":  # as an earlier version of dateline left it
        write_tree(out, {".nojekyll": "", "events.csv": "", "timeline.json": "",
                         "index.html": "old", "gone/index.html": "x"})
    run, _ = build_site(tmp_path, None, content=content, out=out)
    assert run.code == 0, run.err
    assert run.out.startswith(f"built {out}: ")
    assert contents(out)["index.html"] != b"old" and not (out / "gone").exists()
    assert (out / ".nojekyll").is_file() and (out / "events" / "one" / "index.html").is_file()
    assert _beside(tmp_path) == ["content", "docs"]


def test_exit_status_zero_when_all_is_well(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES)
    assert run.code == 0
    assert run.out.startswith(f"built {site}: 4 events, 1 people, ")
    assert (site / "index.html").is_file()


def test_exit_status_one_on_content_errors(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {**FILES, "events/bad.md": "no front matter\n"})
    assert run.code == 1
    assert not site.exists()


def test_exit_status_two_without_a_content_folder(tmp_path: Path) -> None:
    for command in (["build", "--out", str(tmp_path / "site")], ["check"]):
        run = run_cli(*command, "--content", tmp_path / "missing", "--templates", TEMPLATES)
        assert run.code == 2
        assert run.err == f"dateline: no content folder at {tmp_path / 'missing'}\n"
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", ["build", "check", "serve"])
def test_exit_status_two_without_a_templates_folder(tmp_path: Path, command: str) -> None:
    content = make_site(tmp_path, FILES)
    before = snapshot(tmp_path)
    options = {"build": ["--out", tmp_path / "site"], "check": [], "serve": ["--port", "0"]}
    run = run_cli(command, "--content", content, "--templates", tmp_path / "nope",
                  *options[command])
    assert run.code == 2
    assert run.err == f"dateline: no templates folder at {tmp_path / 'nope'}\n"
    assert snapshot(tmp_path) == before


def test_exit_status_two_on_an_unknown_option(tmp_path: Path) -> None:
    run = run_cli("build", "--no-such-option")
    assert run.code == 2
    assert "unrecognized arguments: --no-such-option" in run.err


def test_build_is_the_default_command(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    run = run_cli("--content", content, "--templates", TEMPLATES, "--out", tmp_path / "site")
    assert run.code == 0, run.err
    assert (tmp_path / "site" / "index.html").is_file()


def test_check_writes_nothing(tmp_path: Path) -> None:
    content = make_site(tmp_path, FILES)
    before = snapshot(tmp_path)
    run = run_cli("check", "--content", content, "--templates", TEMPLATES)
    assert run.code == 0
    assert snapshot(tmp_path) == before
