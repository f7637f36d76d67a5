"""What readers do in a browser, under ``/repo/``: filter the timeline, jump from the
overview, search in any spelling, use the keyboard, and read it all without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import Watched
from fixture_site import EVENT_SLUGS
from harness import DESKTOP, serve
from helpers import build_site, check_links, event


def visible_cards(page: Any) -> list[str]:
    """The ids of the timeline's event cards a reader can see."""
    return [str(i) for i in page.locator(".timeline .card:visible").evaluate_all(
        "cards => cards.map(c => c.id)")]


def test_filters_act_at_once_and_are_kept_in_the_address(watched: Watched,
                                                         address: str) -> None:
    page = watched.page
    page.goto(address)
    assert visible_cards(page) == list(EVENT_SLUGS)
    page.select_option("#filter-person", "vladimir-putin")
    assert visible_cards(page) == ["putin-state-visit", "litvinenko", "skripal", "sanctions"]
    assert page.locator("#filter-status").inner_text() == "Showing 4 of 6 events."
    assert page.url == address + "?person=vladimir-putin"
    page.select_option("#filter-tag", "espionage")
    assert visible_cards(page) == ["litvinenko", "skripal"]
    page.select_option("#filter-period", "2010s")
    assert visible_cards(page) == ["skripal"]
    assert page.locator("#y2006").is_hidden()
    page.select_option("#filter-tag", "trade")
    assert visible_cards(page) == []
    assert page.locator("#no-match").is_visible()
    page.get_by_role("button", name="Show all events").click()
    assert visible_cards(page) == list(EVENT_SLUGS)
    page.goto(address + "?tag=trade")
    assert visible_cards(page) == ["putin-state-visit"]
    assert page.locator("#filter-tag").input_value() == "trade"
    assert watched.problems == []


def test_overview_bars_link_to_their_year(watched: Watched, address: str) -> None:
    page = watched.page
    page.goto(address)
    bars = page.locator(".overview a")
    assert bars.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "#y1992", "#y2003", "#y2006", "#y2018", "#y2022"]
    assert bars.nth(3).get_attribute("aria-label") == "2018: 2 events"
    page.select_option("#filter-tag", "trade")
    bars.nth(3).click()
    assert page.url.endswith("#y2018")
    # the filter gives way to the link (in the page's hashchange handler, so wait for it)
    page.wait_for_selector("#h2018", state="visible", timeout=5000)
    assert page.locator("#h2018").evaluate("h => h.getBoundingClientRect().top") < 200


def test_an_event_deep_link_lands_on_its_card(watched: Watched, address: str) -> None:
    page = watched.page
    page.goto(address + "events/skripal/")
    page.get_by_role("link", name="See it on the timeline").click()
    page.wait_for_load_state()
    assert page.url == address + "#skripal"
    card = page.locator("#skripal")
    assert card.evaluate("c => c.matches(':target')")
    assert card.evaluate("c => c.getBoundingClientRect().top") < 200


def test_search_finds_a_name_in_latin_and_cyrillic(watched: Watched, address: str) -> None:
    page = watched.page
    for query in ("Путин", "Wladimir", "putin", "Лавров"):
        page.goto(address + "search/?q=" + query)
        page.wait_for_selector("#search-results li")
        hrefs = page.locator("#search-results a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")
        wanted = "people/sergei-lavrov/" if query == "Лавров" else "people/vladimir-putin/"
        assert hrefs[0] == "/repo/" + wanted, (query, hrefs)
    page.locator("#q").fill("Salisbury nerve")
    page.wait_for_function(
        "() => document.querySelector('#search-status').textContent.includes('Salisbury')")
    assert "/repo/events/skripal/" in page.locator("#search-results a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    page.locator("#search-results a").first.click()
    page.wait_for_load_state()
    assert page.url == address + "events/skripal/"
    assert watched.problems == []


def test_the_header_search_box_works_from_the_keyboard(watched: Watched,
                                                       address: str) -> None:
    page = watched.page
    page.goto(address + "people/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.locator("#site-q").focus()
    page.keyboard.type("Lavrov")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-results li")
    assert page.url == address + "search/?q=Lavrov"
    assert page.locator("#q").input_value() == "Lavrov"
    assert page.locator("#search-results a").first.get_attribute("href") == (
        "/repo/people/sergei-lavrov/")


def test_filters_work_from_the_keyboard(watched: Watched, address: str) -> None:
    page = watched.page
    page.goto(address)
    page.locator("#filter-period").focus()
    page.keyboard.press("ArrowDown")  # 1990s
    assert visible_cards(page) == ["yeltsin-visit"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show all"
    page.keyboard.press("Enter")
    assert visible_cards(page) == list(EVENT_SLUGS)


def test_without_javascript_every_event_shows_and_filters_stay_hidden(
        browser: Any, address: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(address)
    assert visible_cards(page) == list(EVENT_SLUGS)
    assert page.locator("#filters").is_hidden()
    assert page.locator(".overview a").count() == 5
    page.goto(address + "search/")
    assert "Search needs JavaScript" in page.locator("#search-status").inner_text()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, address: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for url in ("", "events/skripal/", "people/vladimir-putin/", "tags/", "search/?q=putin"):
        page.goto(address + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    context.close()


def test_every_internal_link_and_fragment_of_the_site_resolves(built_site: Path) -> None:
    assert check_links(built_site, "/repo/") == []


def test_search_shows_twenty_results_then_more_on_request(browser: Any,
                                                          tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        f"events/summit-{n:02d}.md": event(f"Summit number {n}", f"2001-01-{n:02d}")
        for n in range(1, 26)}
    run, site = build_site(tmp_path, files, "--base-url", "https://example.org/repo/")
    assert run.code == 0, run.err
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    with serve(site) as address:
        page.goto(address + "search/?q=summit")
        page.wait_for_selector("#search-results li")
        assert page.locator("#search-results li").count() == 20
        assert page.locator("#search-status").inner_text() == (
            "25 results for “summit”, the first 20 shown.")
        page.get_by_role("button", name="More results").click()
        page.wait_for_function("document.querySelectorAll('#search-results li').length == 25")
        assert page.locator("#search-status").inner_text() == "25 results for “summit”."
        assert page.locator("#search-more").is_hidden()
        assert page.evaluate("document.activeElement.closest('li') === "
                             "document.querySelectorAll('#search-results li')[20]")
    context.close()


def test_a_phone_reader_can_tap_every_year_and_event_link(browser: Any, address: str) -> None:
    """A bar of the overview is a few pixels wide on a phone: the years are also links big
    enough for a finger (WCAG 2.5.8: 24 by 24 px at least), as is each card's '#' link."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(address)
    page.get_by_text("Jump to a year").click()
    years = page.locator(".year-jump a")
    assert years.all_inner_texts() == ["1992", "2003", "2006", "2018", "2022"]
    sizes = page.locator(".year-jump a, .timeline .anchor").evaluate_all(
        "links => links.map(a => [a.getBoundingClientRect().width,"
        " a.getBoundingClientRect().height])")
    assert len(sizes) == 5 + len(EVENT_SLUGS)
    assert all(width >= 24 and height >= 24 for width, height in sizes), sizes
    years.nth(3).click()
    page.wait_for_selector("#h2018", state="visible", timeout=5000)
    assert page.url.endswith("#y2018")
    context.close()
