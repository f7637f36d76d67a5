"""The repository's own timeline (content/) in a real browser under ``/repo/``: every kind of
page, the source pages among them, loads cleanly and passes axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Watched
from harness import DESKTOP, serve
from helpers import STARTER_CONTENT, build_site
from test_browser_pages import AXE_RUN, WCAG


@pytest.fixture(scope="module")
def starter_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not any((STARTER_CONTENT / "events").glob("*.md")):
        pytest.skip("content/events/ is empty: there is no timeline to load")
    run, site = build_site(tmp_path_factory.mktemp("starter"), None,
                           "--base-url", "https://example.org/repo/", content=STARTER_CONTENT)
    assert run.code == 0, run.err
    with serve(site) as url:
        yield url


@pytest.fixture
def starter_page(browser: Any, starter_address: str) -> Iterator[Watched]:
    context = browser.new_context(viewport=DESKTOP)
    yield Watched(context.new_page(), starter_address)
    context.close()


def first_link(page: Any, prefix: str) -> str:
    href: str = page.eval_on_selector(f'a[href^="{prefix}"]', "a => a.getAttribute('href')")
    return href


@pytest.mark.parametrize("path", ["", "people/", "tags/", "sources/", "search/?q=Лавров",
                                  "no/such/page/", "event", "person", "tag", "source"])
def test_every_page_kind_of_the_timeline_is_clean(starter_page: Watched, starter_address: str,
                                                   axe_source: str, path: str) -> None:
    page = starter_page.page
    if path in ("event", "person", "tag", "source"):
        index = {"event": "", "person": "people/", "tag": "tags/", "source": "sources/"}[path]
        page.goto(starter_address + index)
        prefix = {"event": "events/", "person": "../people/", "tag": "../tags/",
                  "source": "../sources/"}[path]
        path = index + first_link(page, prefix)
        page.wait_for_load_state("networkidle")
        starter_page.problems.clear()
    response = page.goto(starter_address + path, wait_until="load")
    assert response is not None
    assert response.status == (404 if path.startswith("no/") else 200)
    if path.startswith("search/"):
        page.wait_for_selector("#search-results li")
        assert "Sergei Lavrov" in page.inner_text("#search-results")
    page.add_script_tag(content=axe_source)
    assert page.evaluate(AXE_RUN, WCAG) == []
    assert [p for p in starter_page.problems if "404" not in p] == []
