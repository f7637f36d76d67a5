"""Every page kind in a real browser, served under ``/repo/``: it loads with no console
error and no request outside the site, and axe-core finds no WCAG 2.1 AA violation, in the
light and the dark colour scheme."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Watched

PAGE_KINDS = {
    "timeline": "",
    "event": "events/skripal/",
    "people": "people/",
    "person": "people/vladimir-putin/",
    "tags": "tags/",
    "tag": "tags/espionage/",
    "search": "search/?q=Putin",
    "404": "no/such/page/",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => `${v.id}: ${v.help} at `
    + v.nodes.map((n) => n.target.join(" ")).join(", "));
}"""


def open_page(watched: Watched, address: str, kind: str) -> Any:
    """Go to the page of ``kind`` and wait until it has settled."""
    page = watched.page
    response = page.goto(address + PAGE_KINDS[kind], wait_until="load")
    assert response is not None
    assert response.status == (404 if kind == "404" else 200)
    if kind == "search":
        page.wait_for_selector("#search-results li")
    return page


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_kind_is_clean_and_accessible(watched: Watched, address: str, axe_source: str,
                                           kind: str, scheme: str) -> None:
    watched.page.emulate_media(color_scheme=scheme)
    page = open_page(watched, address, kind)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(AXE_RUN, WCAG)
    problems = [p for p in watched.problems
                if not (kind == "404" and ("status of 404" in p
                                           or p == f"status 404: {address}no/such/page/"))]
    assert problems == []
    assert violations == []


def test_the_404_page_works_at_any_depth(watched: Watched, address: str) -> None:
    page = open_page(watched, address, "404")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    page.get_by_role("link", name="the people").click()
    page.wait_for_load_state()
    assert page.url == address + "people/"


def test_every_page_has_one_h1_a_title_and_a_language(watched: Watched,
                                                       address: str) -> None:
    for kind in PAGE_KINDS:
        page = open_page(watched, address, kind)
        assert page.locator("h1").count() == 1, kind
        assert page.title(), kind
        assert page.locator("html").get_attribute("lang") == "en", kind


def test_images_have_alt_text_and_the_portrait_its_credit(watched: Watched,
                                                          address: str) -> None:
    page = open_page(watched, address, "person")
    portrait = page.locator("figure.portrait")
    assert portrait.locator("img").get_attribute("alt") == "Portrait of Vladimir Putin"
    assert portrait.locator(".credit").inner_text() == "Example Agency"
    assert portrait.locator("img").evaluate("img => img.naturalWidth") == 24
    page = open_page(watched, address, "event")
    assert page.locator("figure img").get_attribute("alt") == "A quiet street in Salisbury"
    assert page.locator("figure img").evaluate("img => img.naturalWidth") == 40
