"""Fixtures of the browser tests: the fixture site built once, served under ``/repo/``,
Debian's Chromium, and axe-core fetched from the npm registry at test time (never committed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixture_site import build
from harness import DESKTOP, launch, missing_browser, npm_file, serve

AXE_VERSION = "4"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture timeline, built once for every browser test."""
    return build(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def address(built_site: Path) -> Iterator[str]:
    """``http://127.0.0.1:PORT/repo/``, serving the built site."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, or a skip that says why there is none."""
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


class Watched:
    """A page with every console error, page error and failed or foreign request kept."""

    def __init__(self, page: Any, allowed_prefix: str) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED"  # left
                else self.problems.append(f"failed: {r.url}"))  # behind by a navigation
        page.on("response", lambda r: self.problems.append(f"status {r.status}: {r.url}")
                if r.status >= 400 else None)
        page.on("request", lambda r: None if r.url.startswith(allowed_prefix)
                else self.problems.append(f"request outside the site: {r.url}"))


@pytest.fixture
def watched(browser: Any, address: str) -> Iterator[Watched]:
    """A fresh desktop page whose problems the test can assert on."""
    context = browser.new_context(viewport=DESKTOP)
    yield Watched(context.new_page(), address)
    context.close()


@pytest.fixture(scope="session")
def axe_source(pytestconfig: pytest.Config) -> str:
    """The text of ``axe.min.js`` (fetched with npm, cached), or a skip with the reason."""
    script = npm_file(pytestconfig, f"axe-core@{AXE_VERSION}", "package/axe.min.js", 120)
    return script.read_text(encoding="utf-8")
