"""Extraction end to end: labelled fixtures, the user's seed article, the command, the build."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from extract_helpers import REGISTRY
from helpers import REPO, TEMPLATES, build_site, check_site, make_site, person, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import pipeline
from dateline.cachedir import replace_file
from dateline.commands.extract import as_json, read_article
from dateline.extract.article import extract_article
from dateline.extract.people import known_people, person_key
from dateline.extract.sentences import split_sentences
from dateline.load import load_content
from dateline.model import Article, Mark

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
LABELS = sorted(FIXTURES.glob("*.labels.json"))
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_f536d917fbb0bdcd.txt"


def _found(labels: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    stem = labels.name.removesuffix(".labels.json")
    path = next(p for p in FIXTURES.glob(stem + ".*") if not p.name.endswith(".json"))
    article, problems = read_article(path)
    assert article is not None, problems
    return as_json(article, extract_article(article, REGISTRY)), json.loads(labels.read_text())


@pytest.mark.parametrize("labels", LABELS, ids=lambda p: p.name.split(".")[0])
def test_fixture_publication_and_dateline(labels: Path) -> None:
    found, want = _found(labels)
    assert (found["published"], found["published_from"], found["dateline"]) == (
        want["published"], want["published_from"], want["dateline"])


@pytest.mark.parametrize("labels", LABELS, ids=lambda p: p.name.split(".")[0])
def test_fixture_credits(labels: Path) -> None:
    found, want = _found(labels)
    assert [[c["name"], c["role"]] for c in found["credits"]] == want["credits"]


@pytest.mark.parametrize("labels", LABELS, ids=lambda p: p.name.split(".")[0])
def test_fixture_events(labels: Path) -> None:
    found, want = _found(labels)
    got = {e["date"]: sorted(e["people"]) for e in found["events"]}
    named = {date: sorted(people) for date, people in want["events"] if people}
    assert (sorted(got), {date: got.get(date) for date in named}) == (
        sorted(date for date, _people in want["events"]), named)


@pytest.mark.parametrize("labels", LABELS, ids=lambda p: p.name.split(".")[0])
def test_fixture_dates(labels: Path) -> None:
    found, want = _found(labels)
    first: dict[str, Any] = {}
    for mention in found["dates"]:
        first.setdefault(mention["text"], mention["value"])
    assert {text: first.get(text, "not found") for text in want["dates"]} == want["dates"]


@pytest.mark.parametrize("labels", LABELS, ids=lambda p: p.name.split(".")[0])
def test_fixture_people(labels: Path) -> None:
    found, want = _found(labels)
    first: dict[str, str] = {}
    for mention in found["people"]:
        first.setdefault(mention["text"], mention["name"])
    assert first == want["people"]


def test_spans_point_at_the_text_in_the_file() -> None:
    path = FIXTURES / "paper-front-matter.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    found, _want = _found(FIXTURES / "paper-front-matter.labels.json")
    spans = [*found["dates"], *found["people"]]
    assert [lines[s["line"] - 1][s["col"] - 1:s["end_col"] - 1] for s in spans] == \
        [s["text"] for s in spans]


@pytest.fixture
def seed() -> Path:
    """The user's own example article in the shared folder next to the repository."""
    if not SEED.is_file():
        pytest.skip("../shared/seeds/ is not next to the repository")
    return SEED


def test_seed_article_as_the_issue_asks(seed: Path) -> None:
    run = run_cli("extract", "--json", "--content", REPO / "content", seed)
    article = json.loads(run.out)["articles"][0]
    events = [(e["date"], e["precision"], e["people"], e["places"]) for e in article["events"]]
    assert (run.code, article["published"], article["published_from"], events,
            article["credits"]) == (
        0, "2017-12-22", "text",
        [("2017-12-22", "day", ["Boris Johnson", "Sergei Lavrov"], ["Moscow"])],
        [{"name": "Yuri Kadobnov", "role": "photographer"},
         {"name": "Mary Ilyushina", "role": "reporter"},
         {"name": "Laura Smith-Spark", "role": "reporter"}])


def test_seed_article_traps(seed: Path) -> None:
    article = json.loads(run_cli("extract", "--json", seed).out)["articles"][0]
    accepted = {d["text"] for d in article["dates"] if d["accepted"]}
    people = {p["name"] for p in article["people"]}
    assert (accepted, people) == ({"Friday"}, {"Boris Johnson", "Sergei Lavrov"})


def test_json_has_exactly_the_documented_shape() -> None:
    run = run_cli("extract", "--json", "--published", "2018-03-05",
                  FIXTURES / "broadcaster-salisbury-page.txt")
    article = json.loads(run.out)["articles"][0]
    assert ({k: sorted(v[0]) if isinstance(v, list) and v and isinstance(v[0], dict) else None
             for k, v in article.items() if k in {"events", "dates", "people", "credits"}},
            sorted(article)) == (
        {"credits": ["name", "role"],
         "events": ["date", "line", "people", "places", "precision", "quote", "title"],
         "dates": ["accepted", "col", "end_col", "line", "precision", "reason", "text", "value"],
         "people": ["col", "end_col", "line", "name", "text"]},
        ["credits", "dateline", "dates", "events", "path", "people", "published",
         "published_from"])


def test_published_option_wins_over_the_text() -> None:
    run = run_cli("extract", "--json", "--published", "2018-03-07",
                  FIXTURES / "broadcaster-salisbury-page.txt")
    article = json.loads(run.out)["articles"][0]
    assert (article["published"], article["published_from"]) == ("2018-03-07", "option")


def test_text_view_says_the_publication_date_came_from_the_option() -> None:
    path = FIXTURES / "paper-front-matter.md"
    given = run_cli("extract", "--published", "2020-01-01", path).out.splitlines()[0]
    plain = run_cli("extract", path).out.splitlines()[0]
    assert (given.endswith(": published 2020-01-01 (from --published)"),
            plain.endswith("(from front-matter)")) == (True, True)


def test_text_view_explains_rejections() -> None:
    run = run_cli("extract", FIXTURES / "reuters-london-resolution.txt")
    assert "'2231' rejected: 2231 is not a plausible year" in run.out


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    run = run_cli("extract", bad)
    assert (run.code, "Traceback" in run.err, "cannot read article" in run.err) == (1, False, True)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NAMES = ("Theresa May", "Boris Johnson", "Sergei Lavrov", "Dmitry Peskov", "Vladimir Putin")


def _day(index: int) -> date:
    return date(2010, 1, 1) + timedelta(days=3 * index)


def _written(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _chronology(tmp_path: Path, count: int) -> tuple[Path, Path, list[str]]:
    """A chronology pasted as one paragraph of ``count`` dated sentences; every tenth follows
    a question about a deadline and every tenth but five sets one itself."""
    sentences = []
    for index in range(count):
        who, other = NAMES[index % 5], NAMES[(index + 2) % 5]
        deadline = f" and set a deadline of {_written(_day(index) + timedelta(days=10))}"
        sentences.append(f"On {_written(_day(index))} {who} met {other} in London"
                         f"{deadline if index % 10 == 5 else ''}.")
    paragraph = " ".join(("Was that a deadline? " if index % 10 == 0 else "") + sentence
                         for index, sentence in enumerate(sentences))
    content = make_site(tmp_path, {
        "articles/chronology.txt": f"---\npublished: 2024-06-01\n---\n{paragraph}\n",
        **{f"people/{name.lower().replace(' ', '-')}.md": f"---\nname: {name}\n---\n"
           for name in NAMES}})
    return content, content / "articles" / "chronology.txt", sentences


def test_each_dated_sentence_of_a_long_paragraph_is_its_own_event(tmp_path: Path) -> None:
    content, path, sentences = _chronology(tmp_path, 200)
    run = run_cli("extract", "--json", "--content", content, path)
    article = json.loads(run.out)["articles"][0]
    events = [(e["date"], e["quote"], e["people"]) for e in article["events"]]
    deadlines = {d["text"] for d in article["dates"] if "a deadline" in d["reason"]}
    assert (run.code, events, deadlines) == (0, [
        (_day(i).isoformat(), sentence, [NAMES[i % 5], NAMES[(i + 2) % 5]])
        for i, sentence in enumerate(sentences)],
        {_written(_day(i) + timedelta(days=10)) for i in range(5, 200, 10)})


def test_a_long_paragraph_is_split_into_sentences_once(tmp_path: Path) -> None:
    content, path, _sentences = _chronology(tmp_path, 200)  # not once per date it holds
    with mock.patch("dateline.extract.article.split_sentences", wraps=split_sentences) as dates, \
            mock.patch("dateline.extract.events.split_sentences", wraps=split_sentences) as events:
        run = run_cli("extract", "--json", "--content", content, path)
    assert (run.code, dates.call_count, events.call_count) == (0, 1, 1)


ARTICLE = ("---\nurl: https://example.org/talks\noutlet: Example Wire\npublished: 2017-12-22\n"
           "---\nMOSCOW (AP) — Foreign Secretary Boris Johnson and Foreign Minister Sergei "
           "Lavrov met Friday in Moscow for talks.\n")
PEOPLE = {"people/boris-johnson.md": "---\nname: Boris Johnson\n---\n",
          "people/sergei-lavrov.md": "---\nname: Sergei Lavrov\naliases: [Sergey Lavrov]\n---\n"}


def test_built_site_shows_the_extracted_event_with_its_article_as_source(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    page = site / "events" / "moscow-talks-2017-12-22-boris-johnson-sergei-lavrov" / "index.html"
    html = page.read_text(encoding="utf-8") if page.is_file() else ""
    assert (run.code, "Boris Johnson and Sergei Lavrov hold talks in Moscow" in html,
            "https://example.org/talks" in html) == (0, True, True)


def test_check_warns_about_an_article_without_a_publication_date(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"articles/undated.txt": "Officials met on Friday.\n"})
    assert any("articles/undated.txt:1:1: warning: article 'undated' has no publication date"
               in line for line in run.problems)


def test_extracted_events_need_no_sources_warning(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    assert [line for line in run.problems if "no sources" in line] == []


def test_unchanged_article_is_read_from_the_cache(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    check_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    cached = list((tmp_path / ".dateline-cache" / "extract").glob("*.json"))

    def refuse(*_args: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr("dateline.extract.article.extract_article", refuse)
    monkeypatch.setattr("dateline.extract.cache._recent", {})  # as a new process starts
    run = run_cli("check", "--content", tmp_path / "content")
    assert (len(cached), run.code) == (1, 0)


def test_changed_registry_extracts_again(tmp_path: Path) -> None:
    check_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    before = {p.name for p in (tmp_path / ".dateline-cache" / "extract").glob("*.json")}
    (tmp_path / "content" / "people" / "theresa-may.md").write_text("---\nname: Theresa May\n---\n")
    run_cli("check", "--content", tmp_path / "content")
    after = {p.name for p in (tmp_path / ".dateline-cache" / "extract").glob("*.json")}
    assert (len(after), after & before) == (1, set())


def test_corrupt_cache_entry_is_recomputed(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    check_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    entries = list((tmp_path / ".dateline-cache" / "extract").glob("*.json"))
    for entry in entries:
        entry.write_text("{not json")
    monkeypatch.setattr("dateline.extract.cache._recent", {})  # as a new process starts
    run, site = build_site(tmp_path, content=tmp_path / "content")
    assert (run.code, (site / "events" / "moscow-talks-2017-12-22-boris-johnson-sergei-lavrov"
                       ).is_dir()) == (0, True)
    assert [json.loads(entry.read_text())["article"] for entry in entries] == ["moscow-talks"]


def test_the_preview_does_not_read_the_cache_files_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    options = pipeline.Settings(content=content, templates=TEMPLATES)
    first = pipeline.build(options)

    def refuse(*_args: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr("dateline.extract.cache._read", refuse)
    again = pipeline.build(options, first.reuse)
    assert again.files == first.files


def test_dateparser_is_imported_only_when_an_article_is_extracted() -> None:
    code = ("import sys; import dateline.extract.article, dateline.pipeline, dateline.cli; "
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_a_build_whose_articles_are_all_cached_never_loads_the_extractor(tmp_path: Path
                                                                         ) -> None:
    content = make_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    code = ("import sys; from dateline.cli import main; "
            f"main(['build', '--content', {str(content)!r}, '--templates', {str(TEMPLATES)!r}, "
            f"'--out', {str(tmp_path / 'site')!r}, '--no-search']) or "
            "print('dateline.extract.article' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.split()[-1:] for _ in range(2)]
    assert runs == [["True"], ["False"]]  # the first build extracts; the second reads the cache
    timeline = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "from articles" in timeline  # the second build has the extracted events


ODD_WORDS = (
    "Q4 0000 9999 0/0/2017 31-35 March 2017-13-45 February 30, 2017 the 0000s Friday, "
    "December 32 Dec. 0 May 5 May said in May last week 5 days ago 100000 years ago the first "
    "half of 0000 Mr. . , ( ) — - 12:99 25:00 Sept. 11 1/2/3 13/13/2013 2014–16 2014-2010 "
    "Sergei Lavrov Mr Lavrov Sir MOSCOW (AP) — Updated 1432 GMT Photo credit should read / "
    "(R) second left, 04:19 - Source: X reported from contributed to this report yesterday "
    "the third quarter of 0001 next year 2100 1000 “ ” ’s"
).split(" ")


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(ODD_WORDS), max_size=50),
       published=st.sampled_from([None, date(2017, 12, 22), date(1, 1, 1), date(9999, 12, 31)]))
def test_odd_text_never_raises(words: list[str], published: date | None) -> None:
    text = " ".join(words).replace(" . ", ".\n\n")
    found = extract_article(Article("odd", Mark("odd.txt"), text), REGISTRY, published)
    assert all(event.date.start.first_day() for event in found.events)


def test_cache_keeps_only_entries_of_current_articles(tmp_path: Path) -> None:
    check_site(tmp_path, {"articles/moscow-talks.txt": ARTICLE, **PEOPLE})
    before_kill = {p.name for p in (tmp_path / ".dateline-cache" / "extract").iterdir()}
    (tmp_path / "content" / "articles" / "moscow-talks.txt").write_text(
        ARTICLE.replace("Friday", "Thursday"), encoding="utf-8")
    folder = tmp_path / ".dateline-cache" / "extract"
    with mock.patch("os.replace", side_effect=SystemExit), contextlib.suppress(SystemExit):
        replace_file(folder, "entry.json", b"{")  # a build killed before its rename
    left = {p.name for p in folder.iterdir()} - before_kill
    assert len(left) == 1
    run_cli("check", "--content", tmp_path / "content")
    assert len(list(folder.glob("*.json"))) == 1
    assert not left & {p.name for p in folder.iterdir()}  # the leftover was pruned


def test_an_alias_two_people_share_names_neither_in_an_article(tmp_path: Path) -> None:
    """As for entries: a name means its person over anyone's alias, and a shared alias
    means no one, so an extracted event is not given to whichever file sorts first."""
    people = {
        "people/anna-skripal.md": person("Anna Skripal", "aliases: [The Colonel, "
                                                         "Sergei Skripal]\n"),  # sorts first
        "people/sergei-skripal.md": person("Sergei Skripal", "aliases: [The Colonel]\n"),
        "people/yulia-skripal.md": person("Yulia Skripal", "aliases: [Sergei Skripal]\n"),
    }
    known = known_people(load_content(make_site(tmp_path, people)).content.people)
    assert known.keys[person_key("Sergei Skripal")] == "sergei-skripal"
    assert person_key("The Colonel") not in known.keys
