"""The merge precedence table, tested on values (no disk): see dateline/merge.py."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from dateline.dates import parse_date
from dateline.merge import _Pool, _traits, build_timeline, dates_compatible, same_happening
from dateline.model import Article, Config, Content, Event, Mark, Person, PersonRef, Role, Source

JOHNSON = Person("boris-johnson", "Boris Johnson", Mark("content/people/boris-johnson.md"),
                 roles=(Role("Foreign Secretary", parse_date("2016-07-13"),
                             parse_date("2018-07-09")),
                        Role("Prime Minister", parse_date("2019-07-24"),
                             parse_date("2022-09-06"))))
LAVROV = Person("sergei-lavrov", "Sergei Lavrov", Mark("content/people/sergei-lavrov.md"),
                aliases=("Sergey Lavrov",))
MAY = Person("theresa-may", "Theresa May", Mark("content/people/theresa-may.md"))
PEOPLE = (JOHNSON, LAVROV, MAY)


def written(slug: str, title: str, date: str, people: tuple[str, ...] = (), **extra: object
            ) -> Event:
    mark = Mark(f"content/events/{slug}.md", 1, 1)
    refs = tuple(PersonRef(p, mark) for p in people)
    return Event(slug=slug, title=title, date=parse_date(date), mark=mark, people_refs=refs,
                 sources=(Source(url=f"https://example.org/{slug}", outlet="Entry"),),
                 **extra)  # type: ignore[arg-type]


def extracted(article: str, title: str, date: str, people: tuple[str, ...] = (),
              quote: str = "", places: tuple[str, ...] = ()) -> Event:
    mark = Mark(f"content/articles/{article}.txt", 5, 1)
    slug = f"{article}-{date}"  # article slug + date: stable whatever else changes
    source = Source(url=f"https://news.example/{article}", outlet="Wire", article=article,
                    quote=quote or title)
    return Event(slug=slug, title=title, date=parse_date(date), mark=mark,
                 people_refs=tuple(PersonRef(p, mark) for p in people), places=places,
                 sources=(source,), extracted=True, confidence=0.8)


def merge(events: tuple[Event, ...], extractions: tuple[Event, ...],
          articles: tuple[Article, ...] = ()) -> tuple[list[Event], list[str]]:
    content = Content(Config(), events=events, people=PEOPLE, articles=articles)
    timeline, problems = build_timeline(content, extracted=extractions)
    return list(timeline.events), [p.format() for p in problems]


TALKS = written("johnson-lavrov-talks", "Boris Johnson and Sergei Lavrov hold talks in Moscow",
                "2017-12-22", ("boris-johnson", "sergei-lavrov"),
                summary="The foreign ministers meet for talks on relations.")


def article(slug: str, **extra: object) -> Article:
    return Article(slug, Mark(f"content/articles/{slug}.txt"), "text", **extra)  # type: ignore[arg-type]


# (case, entries, extractions, articles, expected event slugs, sources of the entry)
TABLE = [
    ("1 explicit link on the entry wins even with different wording",
     (replace(TALKS, articles=("wire-a",)),),
     (extracted("wire-a", "Ministers discuss cyber security", "2017-12-22", ("Boris Johnson",)),),
     (), ["johnson-lavrov-talks"], 2),
    ("1 explicit link on the article wins",
     (TALKS,),
     (extracted("wire-b", "Ministers discuss cyber security", "2017-12-22", ("Boris Johnson",)),),
     (article("wire-b", event="johnson-lavrov-talks"),), ["johnson-lavrov-talks"], 2),
    ("1 an explicit link with an incompatible date stays apart",
     (replace(TALKS, articles=("wire-c",)),),
     (extracted("wire-c", "Russia annexes Crimea", "2014-03-18"),),
     (), ["johnson-lavrov-talks", "wire-c-2014-03-18"], 1),
    ("2+3 the same happening joins the entry, which keeps its title",
     (TALKS,),
     (extracted("cnn", "Johnson and Lavrov hold talks in Moscow", "2017-12-22",
                ("Boris Johnson", "Sergey Lavrov")),),
     (), ["johnson-lavrov-talks"], 2),
    ("3 a next-day dateline is a day's slack",
     (TALKS,),
     (extracted("upi", "Lavrov and Johnson talks in Moscow end", "2017-12-23",
                ("Sergei Lavrov",)),),
     (), ["johnson-lavrov-talks"], 2),
    ("3 two days apart is another happening",
     (TALKS,),
     (extracted("late", "Johnson and Lavrov hold talks in Moscow", "2017-12-25",
                ("Boris Johnson",)),),
     (), ["johnson-lavrov-talks", "late-2017-12-25"], 1),
    ("3 same day, same people, different happening stays apart",
     (TALKS,),
     (extracted("expel", "Britain expels diplomats, announced in London", "2017-12-22",
                ("Boris Johnson", "Sergei Lavrov")),),
     (), ["expel-2017-12-22", "johnson-lavrov-talks"], 1),
    ("3 no shared people is another happening",
     (TALKS,),
     (extracted("may", "May holds talks in Moscow", "2017-12-22", ("Theresa May",)),),
     (), ["johnson-lavrov-talks", "may-2017-12-22"], 1),
    ("3 places decide when an extraction names nobody",
     (replace(TALKS, places=("Moscow",)),),
     (extracted("nobody", "Talks held in Moscow between ministers", "2017-12-22",
                places=("Moscow",)),),
     (), ["johnson-lavrov-talks"], 2),
    ("5 an excluded extraction is dropped",
     (TALKS,),
     (extracted("cnn", "Johnson and Lavrov hold talks in Moscow", "2017-12-22",
                ("Boris Johnson",)),),
     (article("cnn", exclude=("cnn-2017-12-22",)),), ["johnson-lavrov-talks"], 1),
]


@pytest.mark.parametrize(("case", "entries", "extractions", "articles", "slugs", "sources"),
                         TABLE, ids=[row[0] for row in TABLE])
def test_precedence_table(case: str, entries: tuple[Event, ...],
                          extractions: tuple[Event, ...], articles: tuple[Article, ...],
                          slugs: list[str], sources: int) -> None:
    events, _ = merge(entries, extractions, articles)
    assert sorted(e.slug for e in events) == slugs
    entry = next(e for e in events if e.slug == entries[0].slug)
    assert len(entry.sources) == sources


def test_hand_written_fields_win_and_sources_keep_quote() -> None:
    quote = "Johnson met Lavrov on Friday in Moscow for talks."
    events, _ = merge((TALKS,), (extracted("cnn", "Talks in Moscow", "2017-12-22",
                                           ("Boris Johnson",), quote=quote),))
    [event] = events
    assert event.title == TALKS.title and not event.extracted
    assert event.people == ("boris-johnson", "sergei-lavrov")
    assert event.sources[-1].article == "cnn" and event.sources[-1].quote == quote


def test_three_reports_of_one_meeting_become_one_event_with_every_source() -> None:
    reports = (
        extracted("cnn", "Johnson and Lavrov hold talks in Moscow", "2017-12-22",
                  ("Boris Johnson", "Sergey Lavrov")),
        extracted("reuters", "Lavrov, Johnson talks in Moscow", "2017-12-22",
                  ("Sergei Lavrov",)),
        extracted("upi", "Johnson talks with Lavrov in Moscow", "2017-12-23",
                  ("Boris Johnson",)),
    )
    events, _ = merge((), reports)
    assert len(events) == 1
    assert {s.article for s in events[0].sources} == {"cnn", "reuters", "upi"}
    assert events[0].extracted


def test_extracted_id_is_stable_when_unrelated_content_changes() -> None:
    report = extracted("cnn", "Johnson and Lavrov hold talks in Moscow", "2017-12-22",
                       ("Boris Johnson",))
    alone, _ = merge((), (report,))
    other = written("unrelated", "Queen visits Moscow", "1994-10-17")
    crowded, _ = merge((other,), (report, extracted("zzz", "Other news", "2001-01-01")))
    assert report.slug in {e.slug for e in alone} & {e.slug for e in crowded}


def test_date_conflict_warns_with_both_locations_and_notes_the_page() -> None:
    events, problems = merge((TALKS,), (extracted(
        "upi", "Johnson and Lavrov hold talks in Moscow", "2017-12-23", ("Boris Johnson",)),))
    assert events[0].conflicts == (
        "sources disagree on the date: upi says 23 December 2017, "
        "this entry says 22 December 2017",)
    assert problems == [
        "content/articles/upi.txt:5:1: warning: sources disagree on the date: upi says "
        "23 December 2017, this entry says 22 December 2017 "
        "(content/events/johnson-lavrov-talks.md gives 2017-12-22; that date is kept)"]


def test_role_that_does_not_fit_the_date_warns() -> None:
    late = written("johnson-2019", "Johnson speaks on Russia", "2019-08-01", ("boris-johnson",))
    report = extracted("paper", "Johnson speaks on Russia", "2019-08-01", ("Boris Johnson",),
                       quote="Foreign Secretary Boris Johnson spoke on Russia on Thursday.")
    events, problems = merge((late,), (report,))
    note = ("paper calls Boris Johnson Foreign Secretary, a role not held on 1 August 2019")
    assert note in events[0].conflicts
    assert any(note in p and "content/people/boris-johnson.md" in p for p in problems)


def test_a_title_before_someone_else_is_not_a_role_conflict() -> None:
    talks = written("talks-2017", "May and Johnson talk", "2017-11-03",
                    ("theresa-may", "boris-johnson"))
    report = extracted("paper", "May and Johnson talk", "2017-11-03",
                       ("Theresa May", "Boris Johnson"),
                       quote="Prime Minister Theresa May met Foreign Secretary Boris Johnson "
                             "on Friday.")
    events, problems = merge((talks,), (report,))
    assert events[0].conflicts == ()
    assert not [p for p in problems if "a role not held" in p]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2017-12-22", "2017-12-22", True),
    ("2017-12-22", "2017-12-23", True),
    ("2017-12-22", "2017-12-24", False),
    ("2017-12", "2017-12-31", True),
    ("2017-12-31", "2018-01-01", True),
    ("2018-07", "2018-06-30", False),  # a day's slack is for days, not a month's edge
    ("2017", "2018-01-01", False),
    ("2017", "2017-06-01", True),
    ("2017", "2018-01-02", False),
    ("2014-02-20/2014-03-18", "2014-03-01", True),
    ("2022-02-24/..", "2025-01-01", True),
])
def test_dates_compatible(a: str, b: str, expected: bool) -> None:
    assert dates_compatible(parse_date(a), parse_date(b)) is expected
    assert dates_compatible(parse_date(b), parse_date(a)) is expected


def test_indexed_best_match_is_the_first_best_of_a_full_scan() -> None:
    rng = random.Random(7)  # crowded dates, so that the edges of every window are met
    forms = ["2017", "2017-{m:02d}", "2017-{m:02d}-{d:02d}", "2017-{m:02d}-{d:02d}",
             "2016-{m:02d}-{d:02d}/..", "2017-{m:02d}-{d:02d}/2017-{m:02d}-28",
             "2016-{m:02d}/2017-02", "2017-{m:02d}-{d:02d}~"]
    words = "talks sanctions embassy diplomats summit treaty".split()

    def event(slug: str) -> Event:
        date = rng.choice(forms).format(m=rng.randint(1, 3), d=rng.randint(1, 28))
        who = tuple(rng.sample(["Boris Johnson", "Sergei Lavrov"], rng.randint(0, 1)))
        return extracted(slug, " ".join(rng.sample(words, 3)), date, who,
                         places=tuple(rng.sample(["London", "Moscow"], rng.randint(0, 1))))

    for _ in range(100):
        pool = [event(f"e{i}") for i in range(rng.randint(1, 30))]
        index = _Pool(pool)
        for query in (event(f"q{i}") for i in range(20)):
            scores = [same_happening(other, query) for other in pool]
            best = max(scores)
            assert index.best_match(_traits(query)) == (scores.index(best) if best else None)


def test_people_gained_by_a_merge_count_for_the_next_extraction() -> None:
    reports = [extracted(slug, "Talks on the embassy dispute", "2018-03-01", who) for slug, who
               in (("a1", ("Boris Johnson",)), ("a2", ("Boris Johnson", "Sergei Lavrov")),
                   ("a3", ("Sergei Lavrov",)))]
    events, _ = merge((), tuple(reports))
    assert [len(e.sources) for e in events] == [3]


def test_a_day_inside_an_entrys_range_is_no_conflict() -> None:
    visit = written("state-visit", "The Queen makes a state visit to Russia",
                    "1994-10-17/1994-10-20", ("theresa-may",))
    events, problems = merge((visit,), (extracted(
        "arrival", "The Queen arrives in Moscow for a state visit", "1994-10-18",
        ("Theresa May",)),))
    assert [e.slug for e in events] == ["state-visit"]
    assert events[0].conflicts == () and problems == []


def test_an_article_linked_to_two_entries_feeds_each_its_own_event() -> None:
    talks = replace(TALKS, articles=("roundup",))
    expel = written("expulsions", "Britain expels 23 Russian diplomats", "2018-03-14",
                    ("theresa-may",), articles=("roundup",))
    events, _ = merge((talks, expel), (
        extracted("roundup", "Johnson and Lavrov hold talks in Moscow", "2017-12-22",
                  ("Boris Johnson",)),
        extracted("roundup", "May expels 23 Russian diplomats", "2018-03-14",
                  ("Theresa May",)),
    ))
    assert sorted(e.slug for e in events) == ["expulsions", "johnson-lavrov-talks"]
    assert all(len(e.sources) == 2 for e in events)
