"""The preview server, end to end: a real server on a free port, real files, real sockets.

Every wait polls with a deadline; nothing asserts how long anything took.
"""

from __future__ import annotations

import gzip
import http.client
import json
import shutil
import socket
import time
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
from helpers import TEMPLATES, event, make_site, read_page, run_cli

from dateline import load, pipeline
from dateline.search import indexer
from dateline.serve import Preview
from dateline.serve.http import BadPath, Redirect, host_name, site_path

DEADLINE = 20.0


def wait_for(what: str, probe: Callable[[], object]) -> object:
    """Poll ``probe`` until it returns something truthy, or fail after the deadline."""
    end = time.monotonic() + DEADLINE
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def get(preview: Preview, path: str, host: str | None = None) -> tuple[int, str]:
    """Status and text of one GET with an ordinary client."""
    port = preview.server.server_address[1]
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    try:
        client.putrequest("GET", path, skip_host=True)
        client.putheader("Host", host or f"127.0.0.1:{port}")
        client.endheaders()
        response = client.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        client.close()


def raw(preview: Preview, request: bytes) -> bytes:
    """Send bytes over a plain socket and return everything the server answers."""
    port = preview.server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=DEADLINE) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_site(tmp_path, {
        "events/treaty.md": event("Treaty signed", "1994-05-06", "The **treaty** text."),
        "events/secret-talks.md": event("Secret talks", "1995-01-02", extra="draft: true\n"),
        "media/.keep": "",
    })


@pytest.fixture
def preview(content: Path) -> Iterator[Preview]:
    said: list[str] = []
    with Preview(content, TEMPLATES, port=0, say=said.append) as running:
        yield running


def test_serves_the_site_with_drafts_marked_and_the_reload_script(preview: Preview) -> None:
    status, home = get(preview, "/")
    assert status == 200
    assert "Treaty signed" in home and "Secret talks" in home
    assert '<span class="badge">draft</span>' in home
    assert 'src="/_dateline/reload.js"' in home
    status, page = get(preview, "/events/secret-talks/")
    assert status == 200 and "draft" in page
    assert get(preview, "/events/treaty")[0] == 301
    assert get(preview, "/_dateline/worker.js")[0] == 200
    status, missing = get(preview, "/no/such/page/")
    assert status == 404 and "reload.js" in missing


def test_build_output_has_no_drafts_and_no_preview_script(tmp_path: Path, content: Path
                                                          ) -> None:
    out = tmp_path / "site"
    run = run_cli("build", "--content", content, "--templates", TEMPLATES, "--out", out)
    assert run.code == 0, run.err
    every = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "Treaty signed" in every
    assert "Secret talks" not in every and not (out / "events" / "secret-talks").exists()
    assert "_dateline" not in every and "EventSource" not in every
    assert "Secret talks" in read_page(
        _built(tmp_path, content, "--drafts"), "events/secret-talks/")


def _built(tmp_path: Path, content: Path, *args: str) -> Path:
    out = tmp_path / "with-drafts"
    run = run_cli("build", "--content", content, "--templates", TEMPLATES, "--out", out, *args)
    assert run.code == 0, run.err
    return out


def test_edit_break_and_fix_a_file(content: Path) -> None:
    said: list[str] = []
    with Preview(content, TEMPLATES, port=0, say=said.append) as preview:
        _edit_break_and_fix(preview, content, said)


def test_each_edit_the_watcher_names_reaches_the_preview(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "SETTLED_NS", 0)  # files count as untouched for long at once
    told: list[Collection[str] | None] = []
    build = pipeline.build

    def noted(settings: pipeline.Settings, reuse: Any = None, sink: Any = None,
              changed: Collection[str] | None = None) -> pipeline.Result:
        told.append(changed)
        return build(settings, reuse, sink, changed=changed)

    monkeypatch.setattr(pipeline, "build", noted)
    entry = content / "events" / "treaty.md"
    with Preview(content, TEMPLATES, port=0, say=[].append) as preview:
        for title in ("Treaty ratified", "Treaty amended", "Treaty renewed"):  # batch by batch
            entry.write_text(event(title, "1994-05-06"), encoding="utf-8")
            wait_for(title, lambda title=title: title in get(preview, "/")[1])
    assert told[0] is None  # the first build, and the first batch, look at every file
    assert any(paths and str(entry) in paths for paths in told[2:])  # later ones are told


def test_after_a_failed_rebuild_every_file_is_looked_at_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What changed while a rebuild crashed is in no later batch of the watcher."""
    monkeypatch.setattr(load, "SETTLED_NS", 0)
    first, second = content / "events" / "treaty.md", content / "events" / "summit.md"
    build = pipeline.build
    with Preview(content, TEMPLATES, port=0, say=[].append) as preview:
        preview.rebuild()
        preview.rebuild({str(first)})  # told from now on
        first.write_text(event("Treaty amended", "1994-05-06"), encoding="utf-8")
        monkeypatch.setattr(pipeline, "build", Mock(side_effect=RuntimeError("a bug")))
        assert preview.rebuild({str(first)}).failed
        monkeypatch.setattr(pipeline, "build", build)
        second.write_text(event("Summit held", "1995-01-02"), encoding="utf-8")
        home = preview.rebuild({str(second)}).file("index.html") or b""
    assert b"Treaty amended" in home and b"Summit held" in home


def _edit_break_and_fix(preview: Preview, content: Path, said: list[str]) -> None:
    entry = content / "events" / "treaty.md"
    entry.write_text(event("Treaty ratified", "1994-05-06"), encoding="utf-8")
    wait_for("the new title", lambda: "Treaty ratified" in get(preview, "/")[1])

    entry.write_text(event("Treaty broken", "1994-13-06"), encoding="utf-8")
    problem = run_cli("check", "--content", content, "--templates", TEMPLATES).problems
    assert problem and problem[0].startswith("content/events/treaty.md:3:")
    home = str(wait_for("the overlay", lambda: _with_overlay(get(preview, "/")[1])))
    assert problem[0] in home.replace("&#x27;", "'")
    assert problem[0] in said  # the terminal says the same
    assert "Treaty ratified" in home and "Treaty broken" not in home  # the last good site

    entry.write_text(event("Treaty mended", "1994-05-06"), encoding="utf-8")
    home = str(wait_for("recovery", lambda: _mended(get(preview, "/")[1])))
    assert 'id="dateline-overlay"' not in home


def test_warnings_show_in_a_smaller_panel_with_the_text_check_prints(preview: Preview,
                                                                     content: Path) -> None:
    (content / "events" / "treaty.md").write_text(
        event("Treaty signed", "1994-05-06", extra="people: [Boris Yeltsn]\n"), encoding="utf-8")
    page = str(wait_for("the warning", lambda: _with_overlay(get(preview, "/")[1])))
    lines = run_cli("check", "--content", content, "--templates", TEMPLATES).problems
    assert len(lines) == 1 and "unknown person 'Boris Yeltsn'" in lines[0]
    assert 'class="dateline-warned"' in page and lines[0] in page.replace("&#x27;", "'")
    assert get(preview, "/events/treaty/")[0] == 200  # warnings never block the site


def test_strict_keeps_the_last_good_site_on_warnings_too(content: Path) -> None:
    with Preview(content, TEMPLATES, port=0, say=lambda _: None, strict=True) as preview:
        (content / "events" / "treaty.md").write_text(
            event("Treaty changed", "1994-05-06", extra="people: [Nobody Known]\n"),
            encoding="utf-8")
        page = str(wait_for("the overlay", lambda: _with_overlay(get(preview, "/")[1])))
        assert 'class="dateline-failed"' in page and "unknown person" in page
        assert "Treaty signed" in page and "Treaty changed" not in page


def _with_overlay(page: str) -> str:
    return page if 'id="dateline-overlay"' in page else ""


def _mended(page: str) -> str:
    return page if "Treaty mended" in page else ""


def test_a_first_build_that_fails_serves_an_error_page_until_fixed(tmp_path: Path) -> None:
    content = make_site(tmp_path, {"events/a.md": event("Alpha")},
                        site_yaml="title: T\nbase_url: https://example.org/\ntitel: x\n")
    with Preview(content, TEMPLATES, port=0, say=lambda _: None) as preview:
        status, page = get(preview, "/")
        assert status == 500
        assert "content/site.yaml:3:1: unknown key &#x27;titel&#x27;" in page
        assert "did you mean &#x27;title&#x27;?" in page
        (content / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n",
                                           encoding="utf-8")
        wait_for("the first good build", lambda: get(preview, "/")[0] == 200)
        assert "Alpha" in get(preview, "/")[1]


def read_events(sock: socket.socket, count: int) -> list[dict[str, object]]:
    """The next ``count`` ``build`` events of a stream."""
    found: list[dict[str, object]] = []
    buffer = b""
    while len(found) < count:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buffer += chunk
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            for line in block.decode().splitlines():
                if line.startswith("data: "):
                    found.append(json.loads(line[6:]))
    return found


def test_ten_event_streams_all_hear_about_a_rebuild(preview: Preview, content: Path) -> None:
    port = preview.server.server_address[1]
    request = f"GET /_dateline/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n".encode()
    streams = [socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
               for _ in range(10)]
    try:
        first = []
        for sock in streams:
            sock.sendall(request)
            first.append(read_events(sock, 1)[0])
        assert all(item == first[0] and item["failed"] is False for item in first)
        (content / "events" / "treaty.md").write_text(event("Treaty again", "1994-05-06"),
                                                      encoding="utf-8")
        later = [read_events(sock, 1)[0] for sock in streams]
        assert all(item["site"] != first[0]["site"] for item in later)
    finally:
        for sock in streams:
            sock.close()


PROBES = [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/events/..%2f..%2f..%2fetc/passwd",
    "/static/..%5c..%5c..%5cetc%5cpasswd",
    "/..\\..\\etc\\passwd",
    "//etc/passwd",
    "/static/%00../style.css",
    "http://127.0.0.1/../../etc/passwd",
    "/media/outside.txt",
    "/%c0%ae%c0%ae/etc/passwd",
]


@pytest.mark.parametrize("target", PROBES)
def test_nothing_outside_the_site_is_served(preview: Preview, content: Path,
                                            target: str) -> None:
    secret = content.parent / "outside.txt"
    secret.write_text("root:x:0:0 secret", encoding="utf-8")
    (content / "media" / "outside.txt").symlink_to(secret)
    port = preview.server.server_address[1]
    answer = raw(preview, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                          "Connection: close\r\n\r\n".encode())
    assert status_of(answer) in (400, 404)
    assert b"root:" not in answer and b"secret" not in answer


@pytest.mark.parametrize(("host", "status"), [
    ("evil.example", 403),
    ("127.0.0.1.evil.example", 403),
    ("localhost.evil.example:80", 403),
    ("10.0.0.1", 403),
    ("", 400),
    ("local host", 400),
    ("[::1", 400),
    ("localhost:{port}", 200),
    ("[::1]:{port}", 200),
    ("LOCALHOST", 200),
])
def test_only_local_host_names_are_answered(preview: Preview, host: str, status: int) -> None:
    port = preview.server.server_address[1]
    for path in ("/", "/_dateline/reload.js", "/events/treaty/"):
        line = f"Host: {host.format(port=port)}\r\n" if host else ""
        answer = raw(preview, f"GET {path} HTTP/1.1\r\n{line}Connection: close\r\n\r\n".encode())
        assert status_of(answer) == status, (path, answer[:200])
    if status != 200:
        answer = raw(preview, f"GET /_dateline/events HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        assert status_of(answer) == status and b"event:" not in answer


def test_a_request_without_host_is_refused(preview: Preview) -> None:
    assert status_of(raw(preview, b"GET / HTTP/1.0\r\n\r\n")) == 400


def test_site_path_maps_requests_to_files() -> None:
    files = frozenset({"index.html", "events/a/index.html", "static/style.css"})
    assert site_path("/", "/", files) == "index.html"
    assert site_path("/events/a/", "/", files) == "events/a/index.html"
    assert site_path("/events/a?x=1", "/", files) == Redirect("/events/a/")
    assert site_path("/static/style.css", "/", files) == "static/style.css"
    assert site_path("/", "/repo/", files) == Redirect("/repo/")
    assert site_path("/repo/static/style.css", "/repo/", files) == "static/style.css"
    assert site_path("/other/x", "/repo/", files) not in files
    assert site_path("/static/style.css?q=a%2Fb%5C", "/", files) == "static/style.css"
    for bad in ("/a/../b", "/./a", "/a//b", "/%2e%2e/x", "/x%2fy", "x", "/\\x"):
        with pytest.raises(BadPath):
            site_path(bad, "/", files)


def test_host_name_reads_host_headers() -> None:
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    for bad in (None, "", ":80", "a:b", "::1", "[::1]x", "a:99999999"):
        assert host_name(bad) is None


def test_bad_content_never_stops_the_server(preview: Preview, content: Path) -> None:
    (content / "events" / "broken.md").write_bytes(b"---\ntitle: [\n\xff\x00---\n")
    (content / "people").mkdir()
    (content / "people" / "x.md").write_text("no front matter", encoding="utf-8")
    page = str(wait_for("the overlay", lambda: _with_overlay(get(preview, "/")[1])))
    assert "content/events/broken.md:" in page and "content/people/x.md:1:1:" in page
    assert preview.server.live.current().site  # the last good site is still there


def test_a_static_symlink_leading_out_of_the_theme_is_neither_served_nor_built(
        tmp_path: Path, content: Path) -> None:
    templates = tmp_path / "theme"
    shutil.copytree(TEMPLATES, templates)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 secret", encoding="utf-8")
    (templates / "static" / "leak.txt").symlink_to(secret)
    with Preview(content, templates, port=0, say=lambda _: None) as preview:
        status, body = get(preview, "/static/leak.txt")
        assert status == 404 and "secret" not in body
        assert get(preview, "/static/style.css")[0] == 200
    run = run_cli("build", "--content", content, "--templates", templates,
                  "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert not (tmp_path / "out" / "static" / "leak.txt").exists()



@pytest.mark.skipif(indexer() is None, reason="Pagefind is not installed")
def test_search_works_in_the_preview_and_follows_edits(preview: Preview, content: Path) -> None:
    wait_for("the search index", lambda: get(preview, "/pagefind/pagefind.js")[0] == 200)
    assert _indexed(preview, "Treaty signed")
    (content / "events" / "treaty.md").write_text(event("Treaty of Zanzibar", "1994-05-06"),
                                                  encoding="utf-8")
    wait_for("the rebuilt index", lambda: _indexed(preview, "Treaty of Zanzibar"))
    assert "_dateline" not in get(preview, "/pagefind/pagefind.js")[1]


def _indexed(preview: Preview, text: str) -> bool:
    """True when a page fragment of the served search index holds ``text``."""
    search = preview.live.current().search
    return any(text.encode() in gzip.decompress(data)
               for name, data in search.items() if name.startswith("pagefind/fragment/"))
