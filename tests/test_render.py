"""A tiny site built in a temporary folder, read the way a visitor would read it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import (
    REPO,
    TEMPLATES,
    build_site,
    event,
    find_all,
    make_site,
    person,
    read_page,
    run_cli,
)

TALKS_SOURCES = ("sources:\n  - url: https://example.org/talks\n    title: Talks held\n"
                 "    outlet: BBC News\n    published: 2017-12-23\n")
BODY = ("Met <script>alert(1)</script> at <b>noon</b>, [click me](javascript:alert(1)) and "
        "[also](JAVASCRIPT:alert(2)), **bold**, [a report](https://example.org/ok).\n")

FILES: dict[str, str | bytes] = {
    "people/sergei-lavrov.md": person("Sergei Lavrov", "aliases: [Сергей Лавров]\n",
                                      "Foreign minister since 2004.\n"),
    "people/theresa-may.md": person("Theresa May"),
    "events/talks.md": event("Talks in Moscow", "2017-12-22", BODY,
                             "summary: Ministers met.\npeople: [Sergei Lavrov, theresa may]\n"
                             "places: [Moscow]\ntags: [Diplomacy]\n", TALKS_SOURCES),
    "events/visit.md": event("A state visit", "1994-10-17/1994-10-20",
                             extra="people: [Сергей Лавров]\n"),
    "events/thaw.md": event("A thaw", "2017"),
    "events/december.md": event("Cold December", "2017-12"),
    "events/sanctions.md": event("Sanctions", "2022-02-24/.."),
    "events/contacts.md": event("Early contacts", "1991~"),
    "events/secret.md": event("A secret meeting", "2017-06-01", extra="draft: true\n"),
}
ORDER = ["contacts", "visit", "thaw", "december", "talks", "sanctions"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run, out = build_site(tmp_path_factory.mktemp("render"), FILES)
    assert run.code == 0, run.err
    return out


def test_every_page_of_the_site_exists(site: Path) -> None:
    expected = {"index.html", "404.html", ".nojekyll", "timeline.json", "static/style.css",
                "people/index.html", "people/sergei-lavrov/index.html",
                "people/theresa-may/index.html"}
    expected |= {f"events/{slug}/index.html" for slug in ORDER}
    found = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert expected <= found
    assert not (site / "events" / "secret").exists()


def test_the_build_says_what_it_built(tmp_path: Path) -> None:
    run, out = build_site(tmp_path, FILES)
    assert re.match(rf"built {re.escape(str(out))}: 6 events, 2 people, \d+ pages \(", run.out)


def test_events_are_grouped_by_year_oldest_first(site: Path) -> None:
    home = read_page(site, "")
    years = [section.attrs["id"] for section in find_all(home, "section", class_="year")]
    assert years == ["y1991", "y1994", "y2017", "y2022"]
    cards = [card.attrs["id"] for card in find_all(home, "article", class_="card")]
    assert cards == ORDER


@pytest.mark.parametrize(("slug", "label", "precision", "iso"), [
    ("thaw", "2017", "year", "2017"),
    ("december", "December 2017", "month", "2017-12"),
    ("talks", "22 December 2017", "day", "2017-12-22"),
    ("visit", "17–20 October 1994", "day", "1994-10-17"),
    ("sanctions", "24 February 2022 – present", "day", "2022-02-24"),
    ("contacts", "c. 1991", "year", "1991"),
])
def test_dates_show_at_their_precision(site: Path, slug: str, label: str, precision: str,
                                       iso: str) -> None:
    for html in (read_page(site, f"events/{slug}/"), read_page(site, "")):
        times = [t for t in find_all(html, "time") if t.text == label]
        assert times, f"no <time> reading {label!r}"
        assert times[0].attrs["datetime"] == iso
        assert f"date-{precision}" in times[0].attrs["class"].split()


def test_a_year_is_never_shown_as_its_first_day(site: Path) -> None:
    assert "1 January 2017" not in read_page(site, "events/thaw/")
    assert "1 January 2017" not in read_page(site, "")


def test_people_are_linked_from_events_and_back(site: Path) -> None:
    talks = read_page(site, "events/talks/")
    links = {a.text: a.attrs["href"] for a in find_all(talks, "a")}
    assert links["Sergei Lavrov"] == "../../people/sergei-lavrov/"
    assert links["Theresa May"] == "../../people/theresa-may/"
    lavrov = read_page(site, "people/sergei-lavrov/")
    assert [c.attrs["id"] for c in find_all(lavrov, "article", class_="card")] == [
        "visit", "talks"]  # the Cyrillic alias found him too; timeline order
    assert "Сергей Лавров" in lavrov
    assert "Foreign minister since 2004." in lavrov
    people = read_page(site, "people/")
    entries = [li.text for li in find_all(people, "li")]
    assert entries == ["Sergei Lavrov 2 events", "Theresa May 1 event"]


def test_previous_and_next_follow_the_timeline(site: Path) -> None:
    for index, slug in enumerate(ORDER):
        html = read_page(site, f"events/{slug}/")
        prev = find_all(html, "a", rel="prev")
        nxt = find_all(html, "a", rel="next")
        if index == 0:
            assert prev == []
        else:
            assert [a.attrs["href"] for a in prev] == [f"../../events/{ORDER[index - 1]}/"]
        if index == len(ORDER) - 1:
            assert nxt == []
        else:
            assert [a.attrs["href"] for a in nxt] == [f"../../events/{ORDER[index + 1]}/"]


def test_sources_show_outlet_date_and_link(site: Path) -> None:
    html = read_page(site, "events/talks/")
    [sources] = find_all(html, "section", class_="sources")
    assert sources.text == "Sources BBC News, 23 December 2017: Talks held"
    [link] = [a for a in find_all(html, "a") if a.text == "Talks held"]
    assert link.attrs["href"] == "https://example.org/talks"


def test_a_source_without_a_title_shows_its_site(site: Path) -> None:
    [sources] = find_all(read_page(site, "events/thaw/"), "section", class_="sources")
    assert sources.text == "Sources Example News: example.org"


def test_markdown_is_rendered_with_raw_html_escaped(site: Path) -> None:
    html = read_page(site, "events/talks/")
    body = html.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;noon&lt;/b&gt;" in body
    assert "<strong>bold</strong>" in body
    assert '<a href="https://example.org/ok">a report</a>' in body


def test_javascript_links_are_not_links(site: Path) -> None:
    html = read_page(site, "events/talks/")
    hrefs = [a.attrs.get("href", "") for a in find_all(html, "a")]
    assert not [h for h in hrefs if "script:" in h.lower()]
    assert "[click me](javascript:alert(1))" in html


def test_timeline_json_has_the_documented_shape(site: Path) -> None:
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert list(data) == ["events", "people"]
    assert [e["id"] for e in data["events"]] == ORDER
    talks = data["events"][ORDER.index("talks")]
    assert talks == {
        "id": "talks",
        "url": "https://example.org/events/talks/",
        "date": "2017-12-22",
        "precision": "day",
        "title": "Talks in Moscow",
        "summary": "Ministers met.",
        "people": [{"id": "sergei-lavrov", "name": "Sergei Lavrov"},
                   {"id": "theresa-may", "name": "Theresa May"}],
        "places": ["Moscow"],
        "tags": ["diplomacy"],
        "sources": [{"url": "https://example.org/talks", "title": "Talks held",
                     "outlet": "BBC News", "published": "2017-12-23"}],
        "extracted": False,
    }
    assert [(e["date"], e["precision"]) for e in data["events"]] == [
        ("1991~", "year"), ("1994-10-17/1994-10-20", "day"), ("2017", "year"),
        ("2017-12", "month"), ("2017-12-22", "day"), ("2022-02-24/..", "day")]
    assert data["people"] == [
        {"id": "sergei-lavrov", "url": "https://example.org/people/sergei-lavrov/",
         "name": "Sergei Lavrov", "aliases": ["Сергей Лавров"]},
        {"id": "theresa-may", "url": "https://example.org/people/theresa-may/",
         "name": "Theresa May", "aliases": []},
    ]


def test_not_found_page_and_nojekyll(site: Path) -> None:
    assert (site / ".nojekyll").read_bytes() == b""
    html = read_page(site, "404.html")
    assert "Page not found" in html
    assert 'href="/static/style.css"' in html


def test_drafts_are_left_out_of_the_build(site: Path) -> None:
    assert not (site / "events" / "secret").exists()
    assert "A secret meeting" not in read_page(site, "")
    data = (site / "timeline.json").read_text(encoding="utf-8")
    assert "secret" not in data


def test_drafts_are_built_with_a_visible_mark_when_asked(tmp_path: Path) -> None:
    run, out = build_site(tmp_path, FILES, "--drafts")
    assert run.code == 0, run.err
    page = read_page(out, "events/secret/")
    assert [b.text for b in find_all(page, "span", class_="badge")] == ["draft"]
    home = read_page(out, "")
    [card] = [c for c in find_all(home, "article", class_="card") if c.attrs["id"] == "secret"]
    assert "draft" in card.text.split()
    assert find_all(read_page(out, "events/talks/"), "span", class_="badge") == []


def _shape(value: object) -> object:
    """The keys of a JSON value, all the way down (a list of objects by its first item)."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value and isinstance(value[0], dict) else "list"
    return "value"


def test_timeline_json_matches_the_readme_example(site: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `/timeline.json`", 1)[1]
    example = json.loads(section.split("```json", 1)[1].split("```", 1)[0])
    built = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    talks = next(e for e in built["events"] if e["id"] == "talks")
    assert _shape(talks) == _shape(example["events"][0])
    assert _shape(built["people"][0]) == _shape(example["people"][0])
    assert list(built) == list(example)


def test_a_theme_may_show_cards_one_by_one_or_by_the_list(tmp_path: Path) -> None:
    """``event_card(event)`` in a loop and ``event_cards(events)`` give the same cards (the
    white space between them aside), with the page's own root in their links (here a tag
    page, two folders down)."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    tag = templates / "tag.html"
    one_by_one = tag.read_text().replace(
        "{{ event_cards(year_events) }}",
        "{% for event in year_events %}{{ event_card(event) }}\n{% endfor %}")
    assert one_by_one != tag.read_text()
    content = make_site(tmp_path, FILES)
    pages = []
    for name, source in (("list", tag.read_text()), ("each", one_by_one)):
        tag.write_text(source)
        run = run_cli("build", "--content", content, "--templates", templates,
                      "--out", tmp_path / name, "--no-search")
        assert run.code == 0, run.err
        pages.append(read_page(tmp_path / name, "tags/diplomacy/"))
    assert pages[0] != pages[1]  # the theme was changed...
    assert re.sub(r"\s+", " ", pages[0]) == re.sub(r"\s+", " ", pages[1])  # ...but not its cards
    cards = find_all(pages[0], "article", class_="card")
    assert [card.attrs["id"] for card in cards] == ["talks"]
    assert 'href="../../events/talks/"' in pages[0]


PASTED = ("Putin begins state visit with royal welcome\n\n"
          "Tuesday, 24 June, 2003, 14:05 GMT 15:05 UK\n\n"
          "Russian President Vladimir Putin has arrived in London for the first state visit "
          "to Britain by a Russian leader in almost 130 years.\n")


def test_an_article_an_entry_claims_is_among_its_sources(tmp_path: Path) -> None:
    """A pasted article with no front matter, from which no event was extracted, is still
    cited by the entry that names it, with the headline and date found in its text."""
    run, site = build_site(tmp_path, {
        "articles/putin-arrives.txt": PASTED,
        "events/state-visit.md": event("A state visit", "2003-06-24",
                                       extra="articles: [putin-arrives]\n", sources=""),
    })
    assert run.code == 0, run.err
    [sources] = find_all(read_page(site, "events/state-visit/"), "section", class_="sources")
    assert sources.text == "Sources 24 June 2003: Putin begins state visit with royal welcome"
    page = read_page(site, "events/state-visit/")
    assert [a.attrs["href"] for a in find_all(page, "a") if a.text.startswith("Putin")] == [
        "../../sources/putin-arrives/"]
    page = read_page(site, "sources/putin-arrives/")
    assert [h.text for h in find_all(page, "h1")] == [
        "Putin begins state visit with royal welcome"]
    assert "A state visit" in page
    [listed] = [li.text for li in find_all(read_page(site, "sources/"), "li")
                if li.text.startswith("Putin begins")]
    assert "24 June 2003 · 1 event" in listed


def test_the_archive_note_shows_where_an_event_cites_the_archive(tmp_path: Path) -> None:
    """Readers of an event page can tell a source from the site's own archive of articles."""
    note = "Our articles are written from public facts."
    content = make_site(tmp_path, {
        "articles/putin-arrives.txt": PASTED,
        "events/state-visit.md": event("A state visit", "2003-06-24",
                                       extra="articles: [putin-arrives]\n"),
        "events/other.md": event("Other", "2004"),
    }, site_yaml=f"title: T\nbase_url: https://e.org/\nextra:\n  sources_note: {note}\n")
    run, site = build_site(tmp_path, content=content)
    assert run.code == 0, run.err
    [cited] = find_all(read_page(site, "events/state-visit/"), "section", class_="sources")
    assert cited.text.endswith(note)
    [plain] = find_all(read_page(site, "events/other/"), "section", class_="sources")
    assert note not in plain.text
