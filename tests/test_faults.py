"""Faults while writing: killed builds, concurrent builds, full disks, dangerous folders, a
reader of the output that goes away."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from helpers import REPO, TEMPLATES, build_site, event, make_site, run_cli

from dateline import cli, parallel, write


def tree_hash(folder: Path) -> str:
    """A hash of every file's path and bytes under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site.") and p.is_dir())


def many_events(count: int) -> dict[str, str | bytes]:
    return {f"events/event-{i:05d}.md": event(title=f"Event {i}", date=f"{1900 + i % 120}",
                                              body="Some words. " * 40)
            for i in range(count)}


def build_command(content: Path, out: Path) -> list[str]:
    return [sys.executable, str(REPO / "build.py"), "build", "--content", str(content),
            "--templates", str(TEMPLATES), "--out", str(out)]


def test_killed_build_leaves_previous_site_and_next_build_cleans_up(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event()})
    assert run.code == 0
    before = tree_hash(site)
    content = make_site(tmp_path / "big", many_events(1500))
    for delay in (0.3, 0.8, 1.5):
        process = subprocess.Popen(build_command(content, site), cwd=tmp_path,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree_hash(site)
        if now != before:  # the kill came after the swap: the new site is whole
            assert (site / "index.html").is_file() and (site / "events").is_dir()
            break
    run, _ = build_site(tmp_path, {"events/a.md": event()})
    assert run.code == 0
    assert leftovers(tmp_path) == []


def test_second_build_waits_for_the_first(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(title="First")})
    assert run.code == 0
    (tmp_path / "content/events/a.md").write_text(event(title="Second"))
    fd = os.open(tmp_path / ".site.lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another build is writing
    process = subprocess.Popen(build_command(tmp_path / "content", site), cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=3)
        assert "First" in (site / "events/a/index.html").read_text()
    finally:
        os.close(fd)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Second" in (site / "events/a/index.html").read_text()


def disk_fills_after(files: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing files fails with 'No space left on device' after ``files`` were written."""
    calls = {"n": 0}
    real = write._write_bytes

    def failing(path: str, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > files:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        real(path, data)

    monkeypatch.setattr(write, "_write_bytes", failing)


def test_disk_full_keeps_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(title="Old")})
    before = tree_hash(site)
    (tmp_path / "content/events/a.md").write_text(event(title="New"))
    disk_fills_after(2, monkeypatch)
    run, _ = build_site(tmp_path, content=tmp_path / "content")
    monkeypatch.undo()
    assert run.code == 1
    assert "No space left on device" in run.err
    assert "previous site was left as it was" in run.err
    assert tree_hash(site) == before
    assert leftovers(tmp_path) == []


FILLS_WHILE_WORKERS_RENDER = """
import errno, multiprocessing, os, sys
import dateline.parallel as parallel
import dateline.write as output
from dateline.cli import main
parallel.MIN_PAGES, parallel.CHUNK = 1, 4  # workers from the first page, many small chunks
started, written, imap, write = [], [0], parallel.forked_imap, output._write_bytes
def watched(function, *rest):
    started.append(function.__name__)
    return imap(function, *rest)
def failing(path, data):
    written[0] += 1
    if written[0] > 20:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
    write(path, data)
parallel.forked_imap, output._write_bytes = watched, failing
code = main(sys.argv[1:])
print("workers rendered:", "_render_chunk" in started,
      "workers left:", len(multiprocessing.active_children()), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.skipif(parallel.cores() < 2, reason="needs two cores: one core never forks")
def test_disk_full_while_workers_render_stops_them_and_keeps_previous_site(
        tmp_path: Path) -> None:
    run, site = build_site(tmp_path, many_events(200))
    assert run.code == 0, run.err
    before = tree_hash(site)
    (tmp_path / "content/site.yaml").write_text(  # a new title: every page changes
        "title: Another timeline\nbase_url: https://example.org/\n")
    done = subprocess.run([sys.executable, "-c", FILLS_WHILE_WORKERS_RENDER,
                           *build_command(tmp_path / "content", site)[2:]],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 1 and "No space left on device" in done.stderr
    assert "workers rendered: True workers left: 0" in done.stderr  # stopped, not left going
    assert tree_hash(site) == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("target", ["content", ".", "content/events", ".."])
def test_output_over_content_or_repo_is_refused(tmp_path: Path, target: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_site(tmp_path / "project", {"events/a.md": event()})
    monkeypatch.chdir(tmp_path / "project")
    before = tree_hash(content)
    run = run_cli("build", "--content", content, "--templates", TEMPLATES,
                  "--out", tmp_path / "project" / target)
    assert run.code == 2
    assert "refusing to write the site" in run.err
    assert tree_hash(content) == before


ARTICLES = sorted(str(path) for path in (REPO / "content" / "articles").glob("*.txt"))[:3]


def closed_early(args: list[str], unbuffered: bool, **streams: int) -> tuple[int, str]:
    """Run ``build.py ARGS`` with its standard output a pipe whose reader is gone before
    anything is written (``| head`` that has seen enough); its status and what it said on
    standard error, when that is not the same pipe."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), *args], env=env,
                               stdout=subprocess.PIPE, **streams)
    assert process.stdout is not None
    process.stdout.close()
    said = process.stderr.read().decode() if process.stderr is not None else ""
    status = process.wait(timeout=120)
    if process.stderr is not None:
        process.stderr.close()
    return status, said


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("args", [["extract", *ARTICLES], ["extract", "--json", *ARTICLES],
                                  ["review"]], ids=["extract", "extract-json", "review"])
def test_a_reader_gone_ends_a_command_quietly(tmp_path: Path, args: list[str],
                                              unbuffered: bool) -> None:
    content = make_site(tmp_path, {"events/a.md": event()})
    status, said = closed_early([*args, "--content", str(content)], unbuffered,
                                stderr=subprocess.PIPE)
    assert (status, said) == (141, "")


def test_a_reader_gone_from_checks_report_ends_it_quietly(tmp_path: Path) -> None:
    content = make_site(tmp_path, {f"events/e{i}.md": event(sources="") for i in range(50)})
    status, _ = closed_early(["check", "--content", str(content), "--templates",
                              str(TEMPLATES)], unbuffered=False, stderr=subprocess.STDOUT)
    assert status == 141  # the report goes to the closed pipe too, as with `2>&1 | head`


def test_a_pipe_that_breaks_elsewhere_is_not_taken_for_the_reader_gone(tmp_path: Path) -> None:
    """Only a closed standard output or error ends quietly; another broken pipe (a
    subprocess's, say) is a failure and is not hidden."""
    with mock.patch.object(cli.COMMANDS["check"], "run", side_effect=BrokenPipeError), \
            pytest.raises(BrokenPipeError):
        cli.main(["check", "--content", str(make_site(tmp_path, {}))])
