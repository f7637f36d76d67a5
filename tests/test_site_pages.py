"""Pages readers use to find their way: the overview, filters, tag pages, people with their
roles over time and the people they appear with."""

from __future__ import annotations

from pathlib import Path

from helpers import build_site, event, find_all, person, read_page

from dateline.charts import overview, roles_chart
from dateline.dates import parse_date
from dateline.facets import tag_slugs
from dateline.model import Event, Mark, Role

FILES: dict[str, str | bytes] = {
    "people/ann.md": person("Ann Example", "roles:\n  - title: Minister\n    from: 2010\n"
                            "    to: 2015\n  - title: Envoy\n    from: 2016-07\n"),
    "people/bob.md": person("Bob Example"),
    "people/cy.md": person("Cy Example"),
    "events/a.md": event("A", "2010-05-01", extra="people: [ann, bob]\ntags: [Trade]\n"),
    "events/b.md": event("B", "2010-06-01", extra="people: [ann, bob, cy]\ntags: [war]\n"),
    "events/c.md": event("C", "2013", extra="people: [ann, cy]\ntags: [trade, war]\n"),
    "events/d.md": event("D", "2018-02-03", extra="people: [ann, bob]\n"),
}


def _event(slug: str, date: str) -> Event:
    return Event(slug=slug, title=slug, date=parse_date(date), mark=Mark(slug))


def test_overview_has_a_bar_for_every_year_and_links_only_where_there_are_events() -> None:
    chart = overview({2010: 2, 2012: 1})
    assert [(bar.year, bar.count, bar.height) for bar in chart.bars] == [
        (2010, 2, 80), (2011, 0, 0), (2012, 1, 40)]
    assert chart.bars[0].label == "2010: 2 events"
    assert chart.bars[2].label == "2012: 1 event"
    assert overview({}).bars == ()


def test_roles_run_in_order_and_an_open_role_reaches_the_last_year() -> None:
    roles = (Role("Envoy", parse_date("2016-07")),
             Role("Minister", parse_date("2010"), parse_date("2015")))
    chart = roles_chart(roles, [_event("a", "2012-07-02")], horizon=2019)
    assert chart is not None
    assert chart.events == (250,)  # half-way through 2012 of 2010–2019
    assert (chart.first, chart.last) == (2010, 2019)
    minister, envoy = chart.spans
    assert minister.role.title == "Minister" and minister.x == 0
    assert minister.width == 600 and not minister.open_end  # 2010 to 2015 of 2010–2019
    assert envoy.open_end and envoy.x + envoy.width == 1000
    assert roles_chart((Role("Undated"),), [], horizon=2019) is None


def test_tags_that_slugify_alike_get_their_own_pages() -> None:
    assert tag_slugs(["Trade", "trade", "war crimes", "trade"]) == {
        "Trade": "trade", "trade": "trade-2", "war crimes": "war-crimes"}


def test_tag_pages_and_the_tag_index(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES, "--no-search")
    assert run.code == 0, run.err
    index = read_page(site, "tags/")
    links = [(a.attrs["href"], a.text) for a in find_all(index, "a", class_="tag")]
    assert links == [("../tags/trade/", "trade"), ("../tags/war/", "war")]
    assert "2 events" in index
    war = read_page(site, "tags/war/")
    assert [h.text for h in find_all(war, "h3", class_="card-title")] == ["B", "C"]
    assert [h.text for h in find_all(war, "h2")] == ["2010", "2013"]
    event_page = read_page(site, "events/c/")
    assert [a.attrs["href"] for a in find_all(event_page, "a", class_="tag")] == [
        "../../tags/trade/", "../../tags/war/"]


def test_person_page_shows_roles_and_who_they_appear_with(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES, "--no-search")
    assert run.code == 0, run.err
    ann = read_page(site, "people/ann/")
    assert [s.text for s in find_all(ann, "span", class_="role-title")] == [
        "Minister", "Envoy", "Events on this timeline"]
    assert [s.text for s in find_all(ann, "span", class_="role-dates")] == [
        "2010 – 2015", "July 2016 – present", "4"]
    together = [(li.text.split()[0:2], li.text.split()[-2]) for li in
                find_all(ann, "li") if "event" in li.text and "Example" in li.text]
    assert together == [(["Bob", "Example"], "3"), (["Cy", "Example"], "2")]
    assert [h.text for h in find_all(ann, "h3", class_="card-title")] == ["A", "B", "C", "D"]
    people = read_page(site, "people/")
    assert "Ann Example</a> <span class=\"count\">4 events</span>" in people


def test_timeline_cards_carry_what_the_filters_need(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, FILES, "--no-search")
    assert run.code == 0, run.err
    home = read_page(site, "")
    cards = {c.attrs["id"]: c.attrs for c in find_all(home, "article", class_="card")}
    assert cards["c"]["data-people"] == "ann cy"
    assert cards["c"]["data-tags"] == "trade war"
    assert cards["c"]["data-period"] == "2010s"
    assert find_all(home, "form", id="filters")[0].attrs.get("hidden") == ""
    options = [o.attrs["value"] for o in find_all(home, "option")]
    assert options == ["", "ann", "bob", "cy", "", "trade", "war", "", "2010s"]
    bars = [a.attrs["href"] for a in find_all(home, "a") if a.attrs.get("href", "")
            .startswith("#y")]
    assert bars == ["#y2010", "#y2013", "#y2018"] * 2  # the chart's bars, then the year list
    assert all(find_all(home, "section", id=href[1:]) for href in bars)


def test_a_tag_written_twice_in_two_cases_is_one_tag_counted_once(tmp_path: Path) -> None:
    files = {"events/a.md": event("A", "2010-05-01", extra="tags: [War, war]\n"),
             "events/b.md": event("B", "2011-05-01", extra="tags: [war]\n")}
    run, site = build_site(tmp_path, files, "--no-search")
    assert run.code == 0, run.err
    assert "2 events</span>" in read_page(site, "tags/")  # not 3
    home = read_page(site, "")
    assert ">war (2)</option>" in home
    assert [a.text for a in find_all(read_page(site, "events/a/"), "a", class_="tag")] == ["war"]
