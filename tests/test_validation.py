"""Every validation message, each from one tiny broken site, exactly as `check` prints it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import (
    REPO,
    SITE_YAML,
    SOURCE,
    TEMPLATES,
    build_site,
    check_site,
    event,
    find_all,
    person,
    run_cli,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import pipeline
from dateline.diagnostics import error, summary, warning

EXPECTED = "(expected YYYY, YYYY-MM or YYYY-MM-DD)"


def front(text: str) -> str:
    """An entry whose front matter is exactly ``text``."""
    return f"---\n{text}---\nBody.\n"


# name, files of the content folder, the exact lines `check` prints for them
BROKEN: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    ("unknown site key", {"site.yaml": "titel: T\nbase_url: https://example.org/\n"},
     ["content/site.yaml:1:1: unknown key 'titel' (did you mean 'title'?)"]),
    ("unknown site key, no close match", {"site.yaml": SITE_YAML + "colour: red\n"},
     ["content/site.yaml:3:1: unknown key 'colour' (allowed: title, description, base_url, "
      "language, extra)"]),
    ("base_url not http(s)", {"site.yaml": "title: T\nbase_url: ftp://example.org/\n"},
     ["content/site.yaml:2:11: 'base_url' must start with http:// or https://, "
      "got 'ftp://example.org/'"]),
    ("base_url without a host", {"site.yaml": "title: T\nbase_url: https://\n"},
     ["content/site.yaml:2:11: 'base_url' is not a web address: 'https://' "
      "(write e.g. https://example.org/page)"]),
    ("source url with a space", {"events/a.md": event(
        sources="sources:\n  - url: https://exa mple.org/\n")},
     ["content/events/a.md:5:10: 'url' is not a web address: 'https://exa mple.org/' "
      "(write e.g. https://example.org/page)"]),
    ("source url the standard library cannot read", {"events/a.md": event(
        sources="sources:\n  - url: 'https://[oops/report'\n")},
     ["content/events/a.md:5:11: 'url' is not a web address: 'https://[oops/report' "
      "(write e.g. https://example.org/page)"]),
    ("extra not a mapping", {"site.yaml": SITE_YAML + "extra: [a, b]\n"},
     ["content/site.yaml:3:8: 'extra' must be a mapping of 'key: value' lines"]),
    ("site without base_url", {"site.yaml": "title: T\n"},
     ["content/site.yaml:1:1: missing required key 'base_url' (add 'base_url: …')"]),
    ("site.yaml not a mapping", {"site.yaml": "- title\n"},
     ["content/site.yaml:1:1: 'front matter' must be a mapping of 'key: value' lines"]),
    ("missing title", {"events/a.md": front("date: 2018\n" + SOURCE)},
     ["content/events/a.md:2:1: missing required key 'title' (add 'title: …')"]),
    ("missing date", {"events/a.md": front("title: A\n" + SOURCE)},
     ["content/events/a.md:2:1: missing required key 'date' (add 'date: …')"]),
    ("empty title", {"events/a.md": event(title="")},
     ["content/events/a.md:2:7: 'title' is empty (write a value after 'title:')"]),
    ("empty quoted date", {"events/a.md": event(date="''")},
     ["content/events/a.md:3:8: 'date' is empty (write a value after 'date:')"]),
    ("month 13", {"events/a.md": event(date="2018-13-04")},
     [f"content/events/a.md:3:12: date '2018-13-04' has month 13 {EXPECTED}"]),
    ("month 13, quoted", {"events/a.md": event(date='"2018-13-04"')},
     [f"content/events/a.md:3:13: date '2018-13-04' has month 13 {EXPECTED}"]),
    ("31 April", {"events/a.md": event(date="2018-04-31")},
     [f"content/events/a.md:3:15: date '2018-04-31' has day 31 but April 2018 has 30 days "
      f"{EXPECTED}"]),
    ("end before start", {"events/a.md": event(date="2018-04-03/2018-04-01")},
     ["content/events/a.md:3:18: date '2018-04-03/2018-04-01' ends before it starts "
      "(write START/END)"]),
    ("garbage date", {"events/a.md": event(date="last Tuesday")},
     [f"content/events/a.md:3:7: date 'last Tuesday' is not a date {EXPECTED}"]),
    ("date with slashes", {"events/a.md": event(date="2018/03/04")},
     ["content/events/a.md:3:7: date '2018/03/04' is not a date "
      "(write 2018-03-04; a range is START/END)"]),
    ("day and month first", {"events/a.md": event(date="04/03/2018")},
     ["content/events/a.md:3:7: date '04/03/2018' is not a date "
      "(write YYYY-MM-DD: 2018-03-04 or 2018-04-03)"]),
    ("range with a dash", {"events/a.md": event(date="2018-03-04 - 2018-03-06")},
     ["content/events/a.md:3:7: date '2018-03-04 - 2018-03-06' is not a date "
      "(write 2018-03-04/2018-03-06 for a range)"]),
    ("range with two dots", {"events/a.md": event(date="2018-03-04..2018-03-06")},
     ["content/events/a.md:3:7: date '2018-03-04..2018-03-06' is not a date "
      "(write 2018-03-04/2018-03-06 for a range)"]),
    ("date in a block scalar", {"events/a.md": event(date=">-\n  2018-13-04")},
     [f"content/events/a.md:4:8: date '2018-13-04' has month 13 {EXPECTED}"]),
    ("bad source date", {"events/a.md": event(
        sources="sources:\n  - url: https://example.org/\n    published: 2018-02-30\n")},
     [f"content/events/a.md:6:24: date '2018-02-30' has day 30 but February 2018 has 28 days "
      f"{EXPECTED}"]),
    ("unknown event key", {"events/a.md": event(extra="sumary: Short.\n")},
     ["content/events/a.md:4:1: unknown key 'sumary' (did you mean 'summary'?)"]),
    ("unknown source key", {"events/a.md": event(
        sources="sources:\n  - url: https://example.org/\n    outlt: BBC\n")},
     ["content/events/a.md:6:5: unknown key 'outlt' in 'sources' (did you mean 'outlet'?)"]),
    ("source without url", {"events/a.md": event(sources="sources:\n  - outlet: BBC\n")},
     ["content/events/a.md:5:5: 'sources' needs 'url' (add 'url: …')"]),
    ("source as one address", {"events/a.md": event(sources="sources: https://e.com\n")},
     ["content/events/a.md:4:10: 'sources' must be a list of sources "
      "(write '- url: https://e.com' on its own line under 'sources:')"]),
    ("source without its dash", {"events/a.md": event(
        sources="sources:\n  url: https://e.com\n")},
     ["content/events/a.md:5:3: 'sources' must be a list of sources "
      "(write '- url: https://e.com' on its own line under 'sources:')"]),
    ("source as a bare address", {"events/a.md": event(sources="sources:\n  - https://e.com\n")},
     ["content/events/a.md:5:5: a source must be a mapping (write '- url: https://e.com')"]),
    ("role as a bare title", {"people/ann.md": person("Ann", "roles:\n  - Prime Minister\n")},
     ["content/people/ann.md:4:5: a role must be a mapping (write '- title: Prime Minister')"]),
    ("person as a mapping", {"events/a.md": event(extra="people:\n  - name: Boris Johnson\n")},
     ["content/events/a.md:5:5: a person in 'people' is a name or slug, not a mapping "
      "(write '- Boris Johnson')"]),
    ("list where a string is wanted", {"events/a.md": event(title="[a, b]")},
     ["content/events/a.md:2:8: 'title' must be a single value (quote it if it contains ':' "
      "or starts with '[' or '{')"]),
    ("mapping where a list is wanted", {"events/a.md": event(extra="tags:\n  kind: spy\n")},
     ["content/events/a.md:5:3: 'tags' must be a list"]),
    ("string where a mapping is wanted", {"events/a.md": event(extra="image: photo.jpg\n")},
     ["content/events/a.md:4:8: 'image' must be a mapping of 'key: value' lines"]),
    ("draft not true/false", {"events/a.md": event(extra="draft: yes\n")},
     ["content/events/a.md:4:8: 'draft' must be true or false"]),
    ("invalid YAML", {"events/a.md": event(title="a: b")},
     ["content/events/a.md:2:9: invalid YAML: mapping values are not allowed here "
      "(quote a value that contains ': ')"]),
    ("tab indentation", {"events/a.md": front("title: A\ndate: 2018\ntags:\n\t- x\n")},
     ["content/events/a.md:5:1: invalid YAML: found character '\\t' that cannot start any "
      "token (indent with spaces, not tabs)"]),
    ("tab after a colon", {"events/a.md": front("title: A\ndate:\t2018-03-04\n" + SOURCE)},
     ["content/events/a.md:3:6: invalid YAML: found character '\\t' that cannot start any "
      "token (use a space, not a tab, after ':')"]),
    ("unclosed quote", {"events/a.md": front('title: "unterminated\ndate: 2018\n')},
     ["content/events/a.md:2:8: a quoted value is not closed (close the quote)"]),
    ("unclosed list", {"events/a.md": front("title: [unclosed\n")},
     ["content/events/a.md:2:8: a '[' list is not closed (close it with ']')"]),
    ("unclosed list before another key", {"events/a.md": front(
        "title: A\ndate: 2018\ntags: [spies, sanctions\nsummary: S\n" + SOURCE)},
     ["content/events/a.md:4:7: a '[' list is not closed (close it with ']')"]),
    ("unclosed mapping before another key", {"events/a.md": front(
        "title: A\nimage: {src: media/a.jpg, alt: A\ndate: 2018\n" + SOURCE)},
     ["content/events/a.md:3:8: a '{' mapping is not closed (close it with '}')"]),
    ("site.yaml between '---' lines", {"site.yaml": "---\n" + SITE_YAML + "---\n"},
     ["content/site.yaml:4:1: only one YAML document is allowed (remove the '---' lines)"]),
    ("unclosed front matter", {"events/a.md": "---\ntitle: A\ndate: 2018\n\nBody.\n"},
     ["content/events/a.md:1:1: front matter is not closed (end it with a line '---')"]),
    ("no front matter", {"events/a.md": "Just a body.\n"},
     ["content/events/a.md:1:1: no front matter (start the file with '---', the fields, "
      "then '---')"]),
    ("empty front matter", {"events/a.md": "---\n---\nBody.\n"},
     ["content/events/a.md:2:1: missing required key 'date' (add 'date: …')",
      "content/events/a.md:2:1: missing required key 'title' (add 'title: …')"]),
    ("empty site.yaml", {"site.yaml": ""},
     ["content/site.yaml:1:1: missing required key 'base_url' (add 'base_url: …')",
      "content/site.yaml:1:1: missing required key 'title' (add 'title: …')"]),
    ("front matter not a mapping", {"events/a.md": front("- a\n- b\n")},
     ["content/events/a.md:2:1: 'front matter' must be a mapping of 'key: value' lines"]),
    ("duplicate key", {"events/a.md": event(extra="title: Again\n")},
     ["content/events/a.md:4:1: duplicate key 'title' (first given on line 2)"]),
    ("YAML anchor", {"events/a.md": event(title="&t A", extra="summary: *t\n")},
     ["content/events/a.md:2:8: anchors are not allowed (remove '&t')"]),
    ("YAML alias", {"events/a.md": event(extra="summary: *t\n")},
     ["content/events/a.md:4:10: aliases are not allowed (write the value out in full)"]),
    ("python tag", {"events/a.md": event(title="!!python/object:os.system A")},
     ["content/events/a.md:2:8: tag '!!python/object:os.system' is not allowed "
      "(remove the tag)"]),
    ("local tag", {"events/a.md": event(title="!thing A")},
     ["content/events/a.md:2:8: tag '!thing' is not allowed (remove the tag)"]),
    ("invalid UTF-8", {"events/a.md": b"---\ntitle: Caf\xe9\ndate: 2018\n---\n"},
     ["content/events/a.md:2:11: file is not valid UTF-8 (save it as UTF-8)"]),
    ("control character", {"events/a.md": event(title="A\x07B")},
     ["content/events/a.md:2:9: control character U+0007 (remove it)"]),
    ("bad slug", {"events/My Event.md": event()},
     ["content/events/My Event.md:1:1: file name 'My Event' is not a valid slug (rename it to "
      "'my-event' with lower-case letters, digits and hyphens)"]),
    ("javascript source url", {"events/a.md": event(sources="sources:\n"
                                                    "  - url: javascript:alert(1)\n")},
     ["content/events/a.md:5:10: 'url' must start with http:// or https://, "
      "got 'javascript:alert(1)'"]),
    ("image escaping the media folder", {"events/a.md": event(
        extra="image:\n  src: ../x.png\n  alt: A picture\n")},
     ["content/events/a.md:5:8: 'src' must be a file under content/media/ or an http(s) "
      "address, got '../x.png' (write e.g. 'media/photo.jpg')"]),
    ("person without name", {"people/ann.md": person("", extra="")},
     ["content/people/ann.md:2:6: 'name' is empty (write a value after 'name:')"]),
    ("role ends before it starts", {"people/ann.md": person(
        "Ann", "roles:\n  - title: Prime Minister\n    from: 2010-05\n    to: 2009\n")},
     ["content/people/ann.md:6:9: 'to' 2009 is before 'from' 2010-05 "
      "(swap them, or fix one of the dates)"]),
    ("died before born", {"people/ann.md": person("Ann", "born: 1950\ndied: 1949-12-31\n")},
     ["content/people/ann.md:4:7: 'died' 1949-12-31 is before 'born' 1950 "
      "(swap them, or fix one of the dates)"]),
    ("bad person date", {"people/ann.md": person("Ann", extra="born: 1950-02-30\n")},
     [f"content/people/ann.md:3:15: date '1950-02-30' has day 30 but February 1950 has 28 "
      f"days {EXPECTED}"]),
]


@pytest.mark.parametrize(("files", "lines"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_each_mistake_prints_its_exact_message_and_fails(
        tmp_path: Path, files: dict[str, str | bytes], lines: list[str]) -> None:
    run = check_site(tmp_path, files)
    assert run.problems == lines
    assert run.code == 1
    assert "Traceback" not in run.err


def test_a_missing_site_yaml_is_an_error(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"events/a.md": event()}, site_yaml=None)
    assert run.problems == ["content/site.yaml:1:1: site.yaml is missing (create it with at "
                            "least 'title:' and 'base_url:')"]
    assert run.code == 1


def test_every_problem_of_a_run_is_reported_together(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "events/a.md": event(date="2018-13-01"),
        "events/b.md": event(extra="draft: maybe\n"),
        "people/c.md": "No front matter.\n",
    })
    assert run.problems == [
        f"content/events/a.md:3:12: date '2018-13-01' has month 13 {EXPECTED}",
        "content/events/b.md:4:8: 'draft' must be true or false",
        "content/people/c.md:1:1: no front matter (start the file with '---', the fields, "
        "then '---')",
    ]
    assert run.err.splitlines()[-1] == "checked: 3 errors, 0 warnings"
    assert run.code == 1


def test_a_clean_site_checks_clean(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"events/a.md": event()})
    assert (run.code, run.problems) == (0, [])
    assert run.err == "checked: 0 errors, 0 warnings\n"


UNKNOWN_PERSON = {
    "people/sergei-lavrov.md": person("Sergei Lavrov"),
    "events/a.md": event(extra="people: [Sergei Lavrof]\n"),
}


def test_an_unknown_person_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    run = check_site(tmp_path, UNKNOWN_PERSON)
    assert run.problems == ["content/events/a.md:4:10: warning: unknown person 'Sergei Lavrof' "
                            "(did you mean 'Sergei Lavrov'?)"]
    assert run.err.splitlines()[-1] == "checked: 0 errors, 1 warning"
    assert run.code == 0


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    assert check_site(tmp_path / "a", UNKNOWN_PERSON).code == 0
    assert check_site(tmp_path / "b", UNKNOWN_PERSON, "--strict").code == 1
    run, site = build_site(tmp_path / "c", UNKNOWN_PERSON, "--strict")
    assert run.code == 1
    assert not site.exists()


def test_an_unknown_person_still_gets_a_page(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(extra="people: [Nobody Known]\n")})
    assert run.code == 0
    assert run.problems == ["content/events/a.md:4:10: warning: unknown person 'Nobody Known' "
                            "(add content/people/nobody-known.md to describe them)"]
    page = (site / "people" / "nobody-known" / "index.html").read_text(encoding="utf-8")
    assert [h1.text for h1 in find_all(page, "h1")] == ["Nobody Known"]
    event_page = (site / "events" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../people/nobody-known/">Nobody Known</a>' in event_page


def test_an_event_without_sources_is_a_warning(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"events/a.md": event(sources="")})
    assert run.problems == ["content/events/a.md:1:1: warning: event 'a' has no sources "
                            "(add 'sources:' with at least a url)"]
    assert run.code == 0


def test_an_image_missing_from_media_and_without_alt_is_warned(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"events/a.md": event(extra="image:\n  src: media/x.jpg\n")})
    assert run.problems == [
        "content/events/a.md:5:3: warning: image 'media/x.jpg' has no alt text (describe it in "
        "'alt:' for readers who cannot see it)",
        "content/events/a.md:5:8: warning: image 'media/x.jpg' is not in content/media/ (add "
        "the file or fix the path)",
    ]


def test_yaml_keeps_every_scalar_as_written(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(
        title="no", extra="summary: 12:30\nplaces: [2018-03-04, yes, 1e3, null-island]\n"
                          "tags: [on, off]\n")})
    assert run.code == 0, run.err
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    [item] = data["events"]
    assert item["title"] == "no"
    assert item["summary"] == "12:30"
    assert item["places"] == ["2018-03-04", "yes", "1e3", "null-island"]
    assert item["tags"] == ["on", "off"]
    assert item["date"] == "2018-03-04"


def test_a_single_string_is_accepted_where_a_list_is_wanted(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(extra="places: Salisbury\n")})
    assert run.code == 0, run.err
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert data["events"][0]["places"] == ["Salisbury"]


@pytest.mark.parametrize("encode", [
    lambda text: text.replace("\n", "\r\n"),  # Windows line ends
    lambda text: "\ufeff" + text,  # a byte-order mark
], ids=["crlf", "bom"])
def test_line_ends_and_a_bom_do_not_move_the_column(tmp_path: Path,
                                                    encode: Callable[[str], str]) -> None:
    run = check_site(tmp_path, {"events/a.md": encode(event(date="2018-13-01"))})
    assert run.problems == [f"content/events/a.md:3:12: date '2018-13-01' has month 13 "
                            f"{EXPECTED}"]


def test_people_are_found_by_any_spelling_case_and_accents(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "people/jurgen-muller.md": person("Jürgen Müller", "aliases: [Юрген Мюллер]\n"),
        "events/a.md": event(extra="people: [jurgen muller, JÜRGEN-MÜLLER, юрген мюллер, "
                                   "jurgen-muller]\n"),
    })
    assert (run.code, run.problems) == (0, [])


def test_diagnostics_format_and_summary() -> None:
    found = [error("content/a.md", 3, 7, "bad", "fix it"), warning("content/b.md", 1, 1, "odd")]
    assert [d.format() for d in found] == ["content/a.md:3:7: bad (fix it)",
                                           "content/b.md:1:1: warning: odd"]
    assert summary(found) == "1 error, 1 warning"
    assert summary([]) == "0 errors, 0 warnings"


KEYS = ["title", "date", "summary", "people", "places", "tags", "sources", "image", "draft",
        "titel", "url", "src", "published", "- url", "  - url", "  outlet", "? x", "[a]"]
VALUES = st.one_of(
    st.sampled_from(["", "2018", "2018-13-04", "2014-02-20/..", "1991~", "[a, b]", "{a: 1}",
                     "&x a", "*x", "!!str a", "'unclosed", '"x"', "a: b", "- a", "|", ">",
                     "https://example.org/", "javascript:alert(1)", "../x.png", "true", "no",
                     "~", "null", "12:30", "\t", "#", "@", "`", "%", "---", "..."]),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=8),
       closed=st.booleans(), body=st.text(max_size=40))
def test_no_front_matter_makes_check_crash(tmp_path: Path, lines: list[tuple[str, str]],
                                           closed: bool, body: str) -> None:
    text = "---\n" + "".join(f"{key}: {value}\n" for key, value in lines)
    text += ("---\n" if closed else "") + body
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (content / "events" / "a.md").write_text(text, encoding="utf-8")
    run = run_cli("check", "--content", content, "--templates", TEMPLATES)
    assert run.code in (0, 1)
    for line in run.problems:
        assert line.startswith("content/events/a.md:"), line


def test_files_that_are_not_read_are_warned_about(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "events/2018/a.md": event(),
        "events/b.MD": event(),
        "events/c.markdown": event(),
        "events/notes.docx": "ignored quietly",
        "events/.hidden.md": "ignored quietly",
        "people/d.txt": person("D"),
    })
    assert run.problems == [
        "content/events/2018:1:1: warning: folder is not read (put its files directly in "
        "content/events/)",
        "content/events/b.MD:1:1: warning: file is not read (rename it to 'b.md')",
        "content/events/c.markdown:1:1: warning: file is not read (rename it to 'c.md')",
        "content/people/d.txt:1:1: warning: file is not read (rename it to 'd.md')",
    ]
    assert run.code == 0


def test_the_readme_example_of_a_report_is_what_check_prints(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```")[1::2]
    [example] = [block for block in blocks if "has month 13" in block]
    run = check_site(tmp_path, {
        "people/boris-johnson.md": person("Boris Johnson"),
        "people/sergei-lavrov.md": person("Sergei Lavrov"),
        "events/skripal.md": event("Skripals poisoned", "2018-13-04"),
        "events/talks.md": event("Talks", extra="people: [Sergei Lavrov, Boris Jonson]\n"),
    })
    assert "\n" + run.err == example


BORIS = "people/boris-johnson.md"


def test_a_file_with_an_error_gets_its_other_warnings_in_the_same_run(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        BORIS: person("Boris Johnson"),
        "events/x.md": event(date='""', extra="people: [Boris Jonson]\n"),
    }
    expected = [
        "content/events/x.md:3:8: 'date' is empty (write a value after 'date:')",
        "content/events/x.md:4:10: warning: unknown person 'Boris Jonson' (did you mean "
        "'Boris Johnson'?)",
    ]
    run = check_site(tmp_path / "check", files)
    assert (run.code, run.problems) == (1, expected)
    assert run.err.splitlines()[-1] == "checked: 1 error, 1 warning"
    built, site = build_site(tmp_path / "build", files)
    assert (built.code, built.problems) == (1, expected)
    assert not site.exists()


def test_the_tags_and_links_of_a_file_with_an_error_are_checked(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "events/a.md": event(extra="tags: [sanctions]\n"),
        "events/b.md": event(extra="tags: [sanctions]\n"),
        "events/x.md": event(date="2018-13-01", extra="tags: [sanctons]\narticles: [talk]\n"),
        "articles/talks.txt": "Some text.\n",
        "articles/y.txt": "---\npublished: 2018-02-30\nevent: xx\n---\nText.\n",
    })
    assert [line for line in run.problems if "/x.md" in line or "/y.txt" in line] == [
        "content/articles/y.txt:2:20: date '2018-02-30' has day 30 but February 2018 has 28 "
        f"days {EXPECTED}",
        "content/articles/y.txt:3:8: warning: there is no event 'xx' (did you mean 'x'?)",
        f"content/events/x.md:3:12: date '2018-13-01' has month 13 {EXPECTED}",
        "content/events/x.md:4:8: warning: tag 'sanctons' is used by no other event (did you "
        "mean 'sanctions'?)",
        "content/events/x.md:5:12: warning: there is no article 'talk' (did you mean "
        "'talks'?)",
    ]
    assert run.code == 1


def test_a_file_with_an_error_gets_no_warning_it_would_not_get_once_fixed(
        tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        BORIS: person("Boris Johnson"),
        "events/x.md": event(date='""', extra="people: [Boris Johnson]\ntags: [spy]\n"),
        "events/y.md": event(title="", extra="people:\n  name: Boris Jonson\n"),
        "events/z.md": event(date="2018-13-01", extra="draft: true\npeople: [Boris Jonson]\n"),
    }
    errors = [
        "content/events/x.md:3:8: 'date' is empty (write a value after 'date:')",
        "content/events/y.md:2:7: 'title' is empty (write a value after 'title:')",
        "content/events/y.md:5:3: 'people' must be a list",
        f"content/events/z.md:3:12: date '2018-13-01' has month 13 {EXPECTED}",
    ]
    assert check_site(tmp_path / "a", files).problems == errors
    drafts = check_site(tmp_path / "b", files, "--drafts")
    assert drafts.problems == [*errors, "content/events/z.md:5:10: warning: unknown person "
                                        "'Boris Jonson' (did you mean 'Boris Johnson'?)"]


def test_a_file_with_an_error_changes_no_other_message_and_makes_no_page(
        tmp_path: Path) -> None:
    whole: dict[str, str | bytes] = {
        "events/b.md": event(extra="people: [O Brien]\ntags: [diplomacy]\n"),
        "events/c.md": event(extra="tags: [diplomacy, sanctionz]\n"),
        "events/d.md": event(extra="tags: [sanctions]\n"),
    }
    others = ["content/events/b.md:4:10: warning: unknown person 'O Brien' (add "
              "content/people/o-brien.md to describe them)"]
    assert check_site(tmp_path / "whole", whole).problems == others
    broken = event(date="2018-13-01", extra="people: [O'Brien, Nobody Known]\n"
                                            "tags: [sanctions]\n")
    run = check_site(tmp_path / "broken", {**whole, "events/a.md": broken})
    assert run.problems == [
        f"content/events/a.md:3:12: date '2018-13-01' has month 13 {EXPECTED}",
        "content/events/a.md:4:10: warning: unknown person 'O'Brien' (add "
        "content/people/o-brien.md to describe them)",
        "content/events/a.md:4:19: warning: unknown person 'Nobody Known' (add "
        "content/people/nobody-known.md to describe them)",
        *others,
    ]
    gathered = pipeline.gather(pipeline.Settings(tmp_path / "broken" / "content", TEMPLATES))
    assert gathered.timeline is not None
    assert sorted(gathered.timeline.people) == ["o-brien"]
    assert gathered.timeline.people["o-brien"].name == "O Brien"


def test_a_link_to_a_file_with_errors_is_not_called_missing(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "events/bench.md": event(date="2018-13-01", extra="articles: [wire]\n"),
        "articles/wire.txt": "---\nevent: bench\npublished: 2018-01-02\n---\nText.\n",
    })
    assert run.problems == [f"content/events/bench.md:3:12: date '2018-13-01' has month 13 "
                            f"{EXPECTED}"]
