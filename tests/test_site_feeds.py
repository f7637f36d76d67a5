"""Feeds and data for other programs: Atom, sitemap, robots.txt, TimelineJS, CSV, and the
OpenGraph and JSON-LD of event pages."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import build_site, event, find_all, person, read_page

from dateline.dates import parse_date
from dateline.feeds import atom_feed
from dateline.model import Config, Event, Mark, Person, Source, Timeline

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/repo/"
FILES: dict[str, str | bytes] = {
    "people/ann-example.md": person("Ann Example", "aliases: [Анна Пример]\n"),
    "events/talks.md": event("Talks & <tea>", "2017-12-22", "Body with **bold**.",
                             "summary: Both \"sides\" <spoke>.\npeople: [ann-example]\n"
                             "places: [Moscow]\ntags: [diplomacy, Trade talks]\n"),
    "events/crisis.md": event("A crisis", "2014-02-20/2014-03-18",
                              extra="tags: [diplomacy]\n"),
    "events/war.md": event("A war", "2022-02", extra="tags: [war]\n"),
}


def built(tmp_path: Path) -> Path:
    run, site = build_site(tmp_path, FILES, "--base-url", BASE, "--no-search")
    assert run.code == 0, run.err
    return site


def test_the_feed_is_well_formed_whatever_the_content() -> None:
    nasty = "Tea \x00\x07\x0b\x1f & <script>alert(1)</script> ]]> \ud800 \ufffe end"
    item = Event(slug="x", title=nasty, date=parse_date("2018-03-04"), mark=Mark("x.md"),
                 summary=nasty, body=f"{nasty}\n\n<b>raw</b>", tags=(nasty,),
                 people=("p",), sources=(Source(url="https://example.org/"),))
    timeline = Timeline(Config(title=nasty, description=nasty, base_url=BASE, language="en"),
                        (item,), {"p": Person("p", nasty, Mark("p.md"))})
    feed = ET.fromstring(atom_feed(timeline))
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    title = entry.findtext(f"{ATOM}title")
    assert title == "4 March 2018: Tea  & <script>alert(1)</script> ]]>   end"
    assert entry.findtext(f"{ATOM}updated") == "2018-03-04T00:00:00Z"
    assert "&lt;b&gt;raw&lt;/b&gt;" in (entry.findtext(f"{ATOM}content") or "")


def test_the_feed_lists_every_event_latest_first(tmp_path: Path) -> None:
    feed = ET.parse(built(tmp_path) / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2022-02-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{BASE}events/war/", f"{BASE}events/talks/", f"{BASE}events/crisis/"]
    talks = entries[1]
    assert talks.findtext(f"{ATOM}title") == "22 December 2017: Talks & <tea>"
    assert talks.findtext(f"{ATOM}summary") == 'Both "sides" <spoke>.'
    assert [c.get("term") for c in talks.findall(f"{ATOM}category")] == [
        "diplomacy", "trade talks"]
    assert "<strong>bold</strong>" in (talks.findtext(f"{ATOM}content") or "")


def test_the_feed_holds_the_fifty_latest_events(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        f"events/day-{n:03}.md": event(f"Day {n}", f"2020-{1 + n // 28:02}-{1 + n % 28:02}")
        for n in range(60)
    }
    run, site = build_site(tmp_path, files, "--base-url", BASE, "--no-search")
    assert run.code == 0, run.err
    feed = ET.parse(site / "feed.xml").getroot()
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert ids == [f"{BASE}events/day-{n:03}/" for n in range(59, 9, -1)]
    assert (site / "events" / "day-000" / "index.html").is_file()  # still on the site


def test_sitemap_and_robots(tmp_path: Path) -> None:
    site = built(tmp_path)
    root = ET.parse(site / "sitemap.xml").getroot()
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if p.name != "404.html")
    assert sorted(str(loc)[len(BASE):] + ("index.html" if str(loc).endswith("/") else "")
                  for loc in locations) == pages
    assert f"{BASE}tags/trade-talks/" in locations
    assert (site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n")


def test_timelinejs_json_has_the_timelinejs3_shape(tmp_path: Path) -> None:
    data = json.loads((built(tmp_path) / "timelinejs.json").read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "Test timeline"
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert list(slides) == ["crisis", "talks", "war"]
    assert slides["talks"]["start_date"] == {"year": "2017", "month": "12", "day": "22"}
    assert slides["talks"]["text"]["headline"] == "Talks &amp; &lt;tea&gt;"
    assert slides["talks"]["group"] == "diplomacy"
    assert f'href="{BASE}events/talks/"' in slides["talks"]["text"]["text"]
    assert slides["crisis"]["end_date"] == {"year": "2014", "month": "3", "day": "18"}
    assert slides["war"]["start_date"] == {"year": "2022", "month": "2"}
    assert slides["war"]["display_date"] == "February 2022"
    assert "end_date" not in slides["war"]


def test_events_csv_is_one_row_per_event(tmp_path: Path) -> None:
    text = (built(tmp_path) / "events.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == ["id", "date", "precision", "title", "summary", "people",
                             "places", "tags", "source_urls", "url"]
    assert [row["id"] for row in rows] == ["crisis", "talks", "war"]
    talks = rows[1]
    assert talks["date"] == "2017-12-22" and talks["precision"] == "day"
    assert talks["title"] == "Talks & <tea>"
    assert talks["summary"] == 'Both "sides" <spoke>.'
    assert talks["people"] == "Ann Example"
    assert talks["tags"] == "diplomacy; trade talks"
    assert talks["source_urls"] == "https://example.org/report"
    assert talks["url"] == f"{BASE}events/talks/"
    assert rows[0]["date"] == "2014-02-20/2014-03-18"


def test_events_csv_holds_no_spreadsheet_formula(tmp_path: Path) -> None:
    title = """'=HYPERLINK("https://evil.example")'"""
    run, site = build_site(tmp_path, {"events/trap.md": event(
        title, extra="summary: '+cmd|calc!A0'\nplaces: ['@SUM(1)']\n")})
    assert run.code == 0, run.err
    text = (site / "events.csv").read_text(encoding="utf-8")
    [row] = csv.DictReader(io.StringIO(text, newline=""))
    assert row["title"] == """'=HYPERLINK("https://evil.example")"""
    assert row["summary"] == "'+cmd|calc!A0"
    assert row["places"] == "'@SUM(1)"


def test_event_pages_carry_opengraph_and_json_ld(tmp_path: Path) -> None:
    html = read_page(built(tmp_path), "events/talks/")
    meta = {m.attrs.get("property"): m.attrs.get("content") for m in find_all(html, "meta")}
    assert meta["og:title"] == "Talks & <tea>"
    assert meta["og:url"] == f"{BASE}events/talks/"
    assert meta["og:type"] == "article"
    assert meta["og:description"] == 'Both "sides" <spoke>.'
    assert [link.attrs["href"] for link in find_all(html, "link", rel="canonical")] == [
        f"{BASE}events/talks/"]
    scripts = find_all(html, "script", type="application/ld+json")
    assert len(scripts) == 1
    assert "<" not in scripts[0].text  # nothing in it can close the script
    data = json.loads(scripts[0].text)
    assert data["@type"] == "Event" and data["name"] == "Talks & <tea>"
    assert data["startDate"] == "2017-12-22"
    assert data["location"] == [{"@type": "Place", "name": "Moscow"}]
    assert data["about"][0]["url"] == f"{BASE}people/ann-example/"


@pytest.mark.parametrize(("page", "title", "description"), [
    ("", "Test timeline", ""),
    ("people/", "People · Test timeline",
     "1 person of Test timeline, with the events each appears in"),
    ("people/ann-example/", "Ann Example · Test timeline", "Ann Example"),
    ("tags/diplomacy/", "diplomacy · Tags · Test timeline", "Events tagged diplomacy"),
    ("sources/", "Sources · Test timeline",
     "The 0 articles behind the events of Test timeline, each with the events it supports"),
])
def test_every_page_has_its_own_address_and_preview(tmp_path: Path, page: str, title: str,
                                                    description: str) -> None:
    """A shared link to any page, not only an event's, shows its own title and address."""
    html = read_page(built(tmp_path), page)
    meta = {m.attrs.get("property") or m.attrs.get("name"): m.attrs.get("content")
            for m in find_all(html, "meta")}
    assert [link.attrs["href"] for link in find_all(html, "link", rel="canonical")] == [
        BASE + page]
    assert meta["og:url"] == BASE + page and meta["og:type"] == "website"
    assert meta["og:title"] == title
    assert meta.get("og:description", "") == meta["description"] == description


def test_the_not_found_page_names_no_address(tmp_path: Path) -> None:
    html = (built(tmp_path) / "404.html").read_text(encoding="utf-8")
    assert find_all(html, "link", rel="canonical") == []
    assert "og:url" not in html
