"""The preview under load: many readers while the site rebuilds, and never a half-built page."""

from __future__ import annotations

import http.client
import re
import threading
import time
from pathlib import Path

import pytest
from helpers import TEMPLATES, event, make_site

from dateline.serve import Preview

EVENTS = 30
VERSIONS = 20
THREADS = 20
REQUESTS = 100  # per thread: 2,000 in all
DEADLINE = 120.0
VERSION = re.compile(r"Version (\d+) of the site")


def write_version(content: Path, number: int) -> None:
    """One file changes, so every build is of one whole version; each page names it."""
    (content / "site.yaml").write_text(
        f"title: Version {number} of the site\nbase_url: https://example.org/\n",
        encoding="utf-8")


def fetch(port: int, path: str) -> tuple[int, str]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request("GET", path)
        response = client.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        client.close()


def reader(port: int, seed: int, problems: list[str], seen: set[int]) -> None:
    for number in range(REQUESTS):
        index = (seed * 7 + number) % (EVENTS + 1)
        path = "/" if index == EVENTS else f"/events/e-{index:02d}/"
        try:
            status, body = fetch(port, path)
        except OSError as exc:
            problems.append(f"{path}: {exc!r}")
            continue
        versions = set(VERSION.findall(body))
        if status != 200 or "</html>" not in body:
            problems.append(f"{path}: status {status}, complete={'</html>' in body}")
        elif len(versions) != 1:
            problems.append(f"{path}: a page mixing versions {sorted(versions)}")
        else:
            seen.update(int(v) for v in versions)


def test_two_thousand_requests_while_the_site_rebuilds_twenty_times(tmp_path: Path) -> None:
    content = make_site(tmp_path, {
        f"events/e-{index:02d}.md": event(f"Event {index}", f"{1990 + index}-01-01")
        for index in range(EVENTS)})
    write_version(content, 0)
    problems: list[str] = []
    seen: set[int] = set()
    with Preview(content, TEMPLATES, port=0, say=lambda _line: None) as preview:
        port = preview.server.server_address[1]
        readers = [threading.Thread(target=reader, args=(port, n, problems, seen))
                   for n in range(THREADS)]
        for thread in readers:
            thread.start()
        end = time.monotonic() + DEADLINE
        for number in range(1, VERSIONS + 1):
            write_version(content, number)
            while f"Version {number} of the site" not in fetch(port, "/")[1]:
                if time.monotonic() > end:
                    pytest.fail(f"version {number} was never served")
                time.sleep(0.02)
        for thread in readers:
            thread.join(timeout=DEADLINE)
    assert problems == []
    assert len(seen) > 1  # the readers did see the site change under them
