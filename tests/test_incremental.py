"""The preview's incremental rebuild: reusing an earlier build never changes a byte, and an
unchanged file is neither parsed nor rendered again."""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
import pytest
from helpers import TEMPLATES, event, make_site, person

from dateline import load, pipeline, reuse
from dateline.load.listing import EntryFile
from dateline.model import Theme
from dateline.render import Rendered
from dateline.reuse import unchanged_templates
from dateline.site import Page


def settings(content: Path, templates: Path = TEMPLATES) -> pipeline.Settings:
    return pipeline.Settings(content=content, templates=templates,
                             base_url="http://127.0.0.1:8000/", drafts=True, incremental=True)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    files = {f"events/e{n}.md": event(f"Event {n}", f"20{10 + n}-01-0{n}",
                                      extra="people: [Ann Lee]\ntags: [trade]\n",
                                      body=f"Body *{n}*.")
             for n in range(1, 7)}
    return make_site(tmp_path, {**files, "people/ann-lee.md": person("Ann Lee")})


def same(reused: pipeline.Result, fresh: pipeline.Result) -> None:
    assert reused.diagnostics == fresh.diagnostics
    assert reused.files == fresh.files


def test_a_reused_build_equals_a_fresh_one_after_every_kind_of_edit(tmp_path: Path,
                                                                   content: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    s = settings(content, templates)
    previous = pipeline.build(s)
    edits = [
        lambda: (content / "events" / "e3.md").write_text(event("Renamed", "2013-01-03"),
                                                          encoding="utf-8"),
        lambda: (content / "people" / "bo-ray.md").write_text(person("Bo Ray"),
                                                              encoding="utf-8"),
        lambda: (content / "events" / "e4.md").write_text("---\ndate: [\n---\n",
                                                          encoding="utf-8"),
        lambda: (content / "events" / "e4.md").write_text(
            event("Back", "2014-01-04", extra="people: [Bo Ray]\n"), encoding="utf-8"),
        lambda: (content / "events" / "e5.md").unlink(),
        lambda: (content / "people" / "ann-lee.md").write_text(  # a name every card shows
            person("Ann Lee-Smith", "aliases: [Ann Lee]\n", body="A bio."), encoding="utf-8"),
        lambda: (content / "events" / "e6.md").write_text(
            event("Event 6", "2016-01-06", extra="people: [Ann Lee]\ntags: [war]\n"),
            encoding="utf-8"),
        lambda: (content / "events" / "e1.md").write_text(  # the body only: not on any card
            event("Event 1", "2011-01-01", extra="people: [Ann Lee]\ntags: [trade]\n",
                  body="Body, edited."), encoding="utf-8"),
        lambda: (templates / "base.html").write_text(
            (templates / "base.html").read_text(encoding="utf-8").replace(
                "</body>", "<p>theme edit</p></body>"), encoding="utf-8"),
        lambda: (content / "site.yaml").write_text(
            "title: Retitled\nbase_url: https://example.org/\n", encoding="utf-8"),
    ]
    for edit in edits:
        edit()
        reused, fresh = pipeline.build(s, previous.reuse), pipeline.build(s)
        same(reused, fresh)
        previous = reused
    assert b"Ann Lee-Smith" in previous.files["index.html"]
    assert b"theme edit" in previous.files["index.html"]
    assert b"Retitled" in previous.files["index.html"]


def test_only_the_changed_file_is_parsed_again(content: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = pipeline.build(settings(content))
    parsed: list[str] = []
    split = load.split_front_matter

    def counted(text: str) -> object:
        parsed.append(text.split("\n", 2)[1])
        return split(text)

    monkeypatch.setattr(load, "split_front_matter", counted)
    (content / "events" / "e2.md").write_text(event("Second, edited", "2012-01-02"),
                                              encoding="utf-8")
    again = pipeline.build(settings(content), first.reuse)
    assert parsed == ["title: Second, edited"]
    assert b"Second, edited" in again.files["index.html"]


def test_a_settled_file_with_the_same_stamp_is_not_read_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "SETTLED_NS", 0)  # every file here counts as long untouched
    first = pipeline.build(settings(content))
    read: list[str] = []
    read_bytes = load._read_bytes

    def counted(path: Path, shown: str, problems: list[object]) -> bytes | None:
        read.append(shown)
        return read_bytes(path, shown, problems)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "_read_bytes", counted)
    (content / "events" / "e2.md").write_text(event("Second, edited", "2012-01-02"),
                                              encoding="utf-8")
    again = pipeline.build(settings(content), first.reuse)
    assert read == ["content/site.yaml", "content/events/e2.md"]  # site.yaml: always
    assert again.files == pipeline.build(settings(content)).files


@pytest.mark.parametrize(("elsewhere", "first_seen"), [
    (None, False),  # the watcher named e1.md only: e2.md is taken as it was, unlooked at
    ("templates/base.html", False),  # a path outside the content (a theme's): no entry
    ("content/site.yaml", False),  # read at every build anyway: no entry is looked at for it
    ("content/media/map.png", True),  # anything else in the content: every file looked at
    ("content/events", True),  # a folder (moved, replaced): every file looked at
])
def test_a_build_told_what_changed_looks_at_those_files_only(
        tmp_path: Path, content: Path, monkeypatch: pytest.MonkeyPatch,
        elsewhere: str | None, first_seen: bool) -> None:
    monkeypatch.setattr(load, "SETTLED_NS", 0)  # every file here counts as long untouched
    first = pipeline.build(settings(content))
    told, untold = content / "events" / "e1.md", content / "events" / "e2.md"
    told.write_text(event("First, edited", "2011-01-01"), encoding="utf-8")
    untold.write_text(event("Second, edited", "2012-01-02"), encoding="utf-8")
    changed = {str(told), *([str(tmp_path / elsewhere)] if elsewhere else [])}
    again = pipeline.build(settings(content), first.reuse, changed=changed)
    assert b"First, edited" in again.files["index.html"]
    assert (b"Second, edited" in again.files["index.html"]) is first_seen
    later = pipeline.build(settings(content), again.reuse)  # not told: every file looked at
    assert later.files == pipeline.build(settings(content)).files
    assert b"Second, edited" in later.files["index.html"]


def test_a_relative_content_folder_matches_the_watchers_absolute_paths(
        tmp_path: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "SETTLED_NS", 0)
    monkeypatch.chdir(tmp_path)
    relative = settings(Path("content"))  # as `serve --content content` gives it
    first = pipeline.build(relative)
    told = content / "events" / "e1.md"
    told.write_text(event("First, edited", "2011-01-01"), encoding="utf-8")
    again = pipeline.build(relative, first.reuse, changed={str(told.resolve())})
    assert b"First, edited" in again.files["index.html"]


def test_a_build_told_what_changed_follows_links(
        tmp_path: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The events folder is a link to a folder elsewhere, and one entry a link to a file
    whose edits no watcher of the content sees: both edits reach the site."""
    monkeypatch.setattr(load, "SETTLED_NS", 0)
    elsewhere, outside = tmp_path / "kept-events", tmp_path / "outside.md"
    (content / "events").rename(elsewhere)
    (content / "events").symlink_to(elsewhere, target_is_directory=True)
    outside.write_text(event("Linked", "2013-01-01"), encoding="utf-8")
    (elsewhere / "linked.md").symlink_to(outside)
    first = pipeline.build(settings(content))
    told = content / "events" / "e1.md"  # as the watcher names it, through the link
    told.write_text(event("First, edited", "2011-01-01"), encoding="utf-8")
    outside.write_text(event("Linked, edited", "2013-01-01"), encoding="utf-8")
    again = pipeline.build(settings(content), first.reuse, changed={str(told)})
    assert b"First, edited" in again.files["index.html"]
    assert b"Linked, edited" in again.files["index.html"]


def test_a_file_changed_twice_within_a_moment_is_read_both_times(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed, tick = load.entry_files, time.time_ns()

    def coarse(*args: Any) -> list[EntryFile]:
        """As on a file system whose clock has not ticked since the test began: every save
        of the same size keeps the same stamp."""
        return [found._replace(stamp=(found.stamp[0], found.stamp[1], tick, tick))
                for found in listed(*args)]

    monkeypatch.setattr(load, "entry_files", coarse)
    path = content / "events" / "e2.md"
    first = pipeline.build(settings(content))
    for title in ("Second AAAA", "Second BBBB"):  # same size, written in place: same stamp
        path.write_text(event(title, "2012-01-02"), encoding="utf-8")
        first = pipeline.build(settings(content), first.reuse)
        assert title.encode() in first.files["index.html"]


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output path of every page the builds render from now on."""
    pages: list[str] = []
    make = reuse.renderer

    class Counting:
        """The theme's renderer, noting each page it renders."""

        def __init__(self, theme: Theme, *args: Any) -> None:
            self.render = make(theme, *args)

        def __call__(self, page: Page, people: Any) -> Rendered:
            pages.append(page.output)
            return self.render(page, people)

        def __getattr__(self, name: str) -> object:
            return getattr(self.render, name)

    monkeypatch.setattr(reuse, "renderer", Counting)
    return pages


def test_pages_whose_inputs_did_not_change_are_not_rendered_again(
        content: Path, rendered: list[str]) -> None:
    first = pipeline.build(settings(content))
    rendered.clear()
    assert pipeline.build(settings(content), first.reuse).files == first.files
    assert rendered == []
    (content / "events" / "e6.md").write_text(
        event("Event 6", "2016-01-06", extra="people: [Ann Lee]\ntags: [trade]\n",
              body="A new body."), encoding="utf-8")
    again = pipeline.build(settings(content), first.reuse)
    assert "events/e6/index.html" in rendered
    assert "events/e1/index.html" not in rendered and "events/e3/index.html" not in rendered
    assert b"A new body." in again.files["events/e6/index.html"]


def test_a_theme_edit_renders_again_only_the_pages_whose_templates_changed(
        tmp_path: Path, content: Path, rendered: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    s = settings(content, templates)
    previous = pipeline.build(s)
    pages = set(rendered)

    def after(path: Path, old: str, new: str) -> pipeline.Result:
        nonlocal previous
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        rendered.clear()
        reused = pipeline.build(s, previous.reuse)
        shown = list(rendered)
        same(reused, pipeline.build(s))
        rendered[:] = shown
        previous = reused
        return reused

    restyled = after(templates / "static" / "style.css", "}", "}\n.x { color: red }")
    assert rendered == []
    assert b".x { color: red }" in restyled.files["static/style.css"]

    made: list[str | None] = []
    render = jinja2.Template.render

    def noting(template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        made.append(template.name)
        return render(template, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", noting)
    retold = after(templates / "person.html", "</h1>", "</h1><p>person edit</p>")
    assert rendered == ["people/ann-lee/index.html"]
    assert made.count("_card.html") == 6  # by the fresh build only: the cards were kept
    assert b"person edit" in retold.files["people/ann-lee/index.html"]

    after(templates / "_macros.html", "{% macro", "{# macros edit #}\n{% macro")
    shown = set(rendered)  # the pages that import the macros, or show cards that do
    assert {"index.html", "events/e1/index.html", "people/ann-lee/index.html",
            "tags/trade/index.html"} <= shown
    assert "people/index.html" not in shown and "search/index.html" not in shown

    after(templates / "base.html", "</body>", "<p>theme edit</p></body>")
    assert set(rendered) == pages


FAR = {"_card.html", "cards.html", "ring-a.html", "ring-b.html"}  # loads no base.html


@pytest.mark.parametrize(("edited", "kept"), [
    ("base.html", {"plain.html", *FAR}),
    ("_part.html", {"base.html", "plain.html", *FAR}),
    ("_card.html", {"base.html", "_part.html", "page.html", "plain.html", "ring-a.html",
                    "ring-b.html"}),
    ("loose.html", {"base.html", "_part.html", "page.html", "plain.html", *FAR}),
    ("ring-a.html", {"base.html", "_part.html", "page.html", "plain.html", "_card.html",
                     "cards.html"}),
])
def test_a_template_is_kept_unless_it_or_what_it_loads_changed(edited: str,
                                                               kept: set[str]) -> None:
    before = {
        "base.html": "<main>{% block main %}{% endblock %}</main>",
        "_part.html": "{% extends 'base.html' %}{% block main %}part{% endblock %}",
        "page.html": "{% include '_part.html' %}",
        "plain.html": "no templates loaded",
        "_card.html": "{{ event }}",
        "cards.html": "{{ event_cards(events) }}",
        "loose.html": "{% include name %}",  # named at render time: may load any
        "broken.html": "{% if %}",  # does not parse: may load any
        "ring-a.html": "{% include 'ring-b.html' %}",
        "ring-b.html": "{% include 'ring-a.html' %}",
    }
    now = {**before, edited: before[edited] + " edited"}
    assert unchanged_templates(before, now) == kept
    assert unchanged_templates(before, before) == set(before)


@pytest.fixture
def two_people(tmp_path: Path) -> Path:
    files = {f"events/e{n}.md": event(f"Event {n}", f"20{10 + n}-01-0{n}", extra=(
        "people: [Ann Lee]\ntags: [trade]\n" if n < 3 else "people: [Bo Ray]\ntags: [war]\n"))
        for n in range(1, 5)}
    return make_site(tmp_path, {**files, "people/ann-lee.md": person("Ann Lee"),
                                "people/bo-ray.md": person("Bo Ray")})


def test_a_person_edit_renders_again_only_what_shows_that_person(
        two_people: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    s = settings(two_people)
    previous = pipeline.build(s)
    cards: list[str | None] = []
    render = jinja2.Template.render

    def noting(template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        cards.extend([template.name] if template.name == "_card.html" else [])
        return render(template, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", noting)
    (two_people / "people" / "bo-ray.md").write_text(person("Bo Ray", body="A new bio."),
                                                     encoding="utf-8")
    rendered.clear()
    reused = pipeline.build(s, previous.reuse)
    assert sorted(rendered) == ["events/e3/index.html", "events/e4/index.html", "index.html",
                                "people/bo-ray/index.html", "people/index.html",
                                "tags/war/index.html"]
    assert len(cards) == 2  # e3's and e4's: Ann Lee's were kept
    same(reused, pipeline.build(s))
    assert b"A new bio." in reused.files["people/bo-ray/index.html"]


def test_a_page_that_goes_through_everyone_is_rendered_again_for_anyone(
        tmp_path: Path, two_people: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "search.html").write_text("{{ people | length }} people", encoding="utf-8")
    (templates / "404.html").write_text("{% for p in people.values() %}{{ p.name }}; {% endfor %}",
                                        encoding="utf-8")
    card = (templates / "_card.html").read_text(encoding="utf-8")
    (templates / "_card.html").write_text(  # on Bo Ray's cards too
        card + "{{ people['ann-lee'].name }}{% if 'cy-wu' in people %} and Cy{% endif %}\n",
        encoding="utf-8")
    s = settings(two_people, templates)
    previous = pipeline.build(s)
    (two_people / "people" / "ann-lee.md").write_text(person("Ann Lee-Smith"),
                                                      encoding="utf-8")
    reused = pipeline.build(s, previous.reuse)
    same(reused, pipeline.build(s))
    assert reused.files["404.html"] == b"Ann Lee-Smith; Bo Ray; "
    assert reused.files["tags/war/index.html"].count(b"Ann Lee-Smith") == 2
    (two_people / "people" / "cy-wu.md").write_text(person("Cy Wu"), encoding="utf-8")
    again = pipeline.build(s, reused.reuse)
    same(again, pipeline.build(s))
    assert again.files["search/index.html"] == b"3 people"
    assert again.files["tags/war/index.html"].count(b"Ann Lee-Smith and Cy") == 2


def test_noting_whom_a_page_looks_up_changes_no_byte(tmp_path: Path, two_people: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    card = (templates / "_card.html").read_text(encoding="utf-8")
    (templates / "_card.html").write_text(  # a person whose slug is a method's name
        card + "[{{ people.note.name }} {{ people.seen.name }} {{ 'note' in people }}]\n",
        encoding="utf-8")
    (templates / "search.html").write_text("{{ people }}", encoding="utf-8")
    (two_people / "people" / "note.md").write_text(person("Note"), encoding="utf-8")
    (two_people / "people" / "seen.md").write_text(person("Seen"), encoding="utf-8")
    noted = pipeline.build(settings(two_people, templates))
    plain = pipeline.build(replace(settings(two_people, templates), incremental=False))
    assert not noted.failed and noted.files == plain.files
    assert b"[Note Seen True]" in noted.files["index.html"]
    assert noted.files["search/index.html"].startswith(b"{&#39;ann-lee&#39;: Person(")


def test_any_sequence_of_edits_gives_what_a_fresh_build_gives(tmp_path: Path) -> None:
    chance = random.Random(16)  # its 40 edits fail if a look-up, an `in` or a count is unnoted
    names = ["Ann Lee", "Bo Ray", "Cy Wu", "Di Fox"]

    def an_event(n: int) -> str:
        shown = ", ".join(chance.sample(names, chance.randint(0, 2)))
        return event(f"Event {n}", f"20{10 + n}-01-0{n}",
                     extra=f"people: [{shown}]\ntags: [{chance.choice('abc')}]\n")

    content = make_site(tmp_path, {
        **{f"events/e{n}.md": an_event(n) for n in range(1, 7)},
        **{f"people/{name.lower().replace(' ', '-')}.md": person(name) for name in names}})
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    theme = {name: (templates / name).read_text(encoding="utf-8")
             for name in ("_card.html", "person.html", "404.html")}
    variants = {  # each a way of reaching people that a page must be noted for
        "_card.html": ["{{ people.get('ed-ng', {'name': '-'}).name }}",
                       "{% if 'ed-ng' in people %}ED{% endif %}", "{{ people | length }}"],
        "person.html": ["{% for p in people.values() %}{{ p.name }}{% endfor %}",
                        "{{ people['ann-lee'].name }}"],
        "404.html": ["{% for slug, p in people | dictsort %}{{ p.name }}{% endfor %}"],
    }
    s = settings(content, templates)
    previous = pipeline.build(s)
    for step in range(40):
        kind = chance.choice(["person", "person", "event", "template", "stylesheet", "site",
                              "newcomer"])
        newcomer = content / "people" / "ed-ng.md"
        if kind == "newcomer" and newcomer.exists():  # in no event: only a look-up shows him
            newcomer.unlink()
        elif kind == "newcomer":
            newcomer.write_text(person("Ed Ng"), encoding="utf-8")
        elif kind == "person":
            name = chance.choice(names)  # shown as it is, or renamed keeping the old name
            shown, extra = chance.choice([(name, ""), (name + " Jr", f"aliases: [{name}]\n")])
            (content / "people" / f"{name.lower().replace(' ', '-')}.md").write_text(
                person(shown, extra, chance.choice(["", "A bio."])), encoding="utf-8")
        elif kind == "event":
            n = chance.randint(1, 6)
            (content / "events" / f"e{n}.md").write_text(an_event(n), encoding="utf-8")
        elif kind == "template":
            name = chance.choice(list(variants))
            added = chance.choice(["", *variants[name]])
            (templates / name).write_text(theme[name] + added + "\n", encoding="utf-8")
        elif kind == "stylesheet":
            (templates / "static" / "style.css").write_text(f"/* {step} */", encoding="utf-8")
        else:
            (content / "site.yaml").write_text(
                f"title: Title {chance.randint(1, 3)}\nbase_url: https://example.org/\n",
                encoding="utf-8")
        reused = pipeline.build(s, previous.reuse)
        assert not reused.failed, reused.diagnostics
        same(reused, pipeline.build(s))
        previous = reused
