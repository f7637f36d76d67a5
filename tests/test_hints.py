"""Close-match hints: what an editor probably meant, in the text ``check`` prints."""

from __future__ import annotations

from pathlib import Path

from helpers import check_site, event, person

PEOPLE = {
    "people/sergei-lavrov.md": person("Sergei Lavrov", "aliases: [Сергей Лавров]\n"),
    "people/sergei-skripal.md": person("Sergei Skripal", "aliases: [Сергей Скрипаль]\n"),
    "people/yulia-skripal.md": person("Yulia Skripal"),
}


def test_unknown_people_get_a_hint(tmp_path: Path) -> None:
    names = ["Sergei Lavorv", "Лавров Сергей", "Lavrov", "Skripal", "Zhukov",
             "Сергей Скрипль"]
    files = {**PEOPLE, "events/talks.md": event(extra=f"people: [{', '.join(names)}]\n")}
    run = check_site(tmp_path, files)
    hints = {line.split("unknown person ")[1] for line in run.problems}
    assert hints == {
        "'Sergei Lavorv' (did you mean 'Sergei Lavrov'?)",
        "'Лавров Сергей' (did you mean 'Сергей Лавров'?)",
        "'Lavrov' (did you mean 'Sergei Lavrov'?)",
        "'Skripal' (did you mean 'Sergei Skripal' or 'Yulia Skripal'?)",
        "'Zhukov' (add content/people/zhukov.md to describe them)",
        "'Сергей Скрипль' (did you mean 'Сергей Скрипаль'?)",
    }
    assert run.code == 0  # warnings only


def test_a_tag_nobody_else_uses_close_to_a_common_one_is_flagged(tmp_path: Path) -> None:
    files = {
        "events/a.md": event("A", extra="tags: [sanctions, energy]\n"),
        "events/b.md": event("B", extra="tags: [sanctions]\n"),
        "events/c.md": event("C", extra="tags: [sanction, culture]\n"),
    }
    run = check_site(tmp_path, files)
    assert run.problems == ["content/events/c.md:4:8: warning: tag 'sanction' is used by no "
                            "other event (did you mean 'sanctions'?)"]


def test_misspelt_site_keys_get_a_hint(tmp_path: Path) -> None:
    run = check_site(tmp_path, {}, site_yaml="title: T\nbase_url: https://e.org/\nlanguag: en\n")
    assert run.problems == ["content/site.yaml:3:1: unknown key 'languag' "
                            "(did you mean 'language'?)"]
    assert run.code == 1


def test_links_to_files_that_do_not_exist_are_flagged(tmp_path: Path) -> None:
    article = "---\noutlet: Wire\nevent: {event}\n---\nLONDON - Talks were held on Monday.\n"
    files = {
        "events/summit-talks.md": event("Summit", extra="articles: [wire-sumit, wire-other]\n"),
        "articles/wire-summit.txt": article.format(event="summit-talk"),
        "articles/wire-other.txt": article.format(event="summit-talks"),
        "articles/wire-lone.txt": article.format(event="no-such-thing"),
    }
    run = check_site(tmp_path, files)
    flagged = sorted(line for line in run.problems if "there is no" in line)
    assert flagged == [
        "content/articles/wire-lone.txt:3:8: warning: there is no event 'no-such-thing' "
        "(no content/events/no-such-thing.* exists)",
        "content/articles/wire-summit.txt:3:8: warning: there is no event 'summit-talk' "
        "(did you mean 'summit-talks'?)",
        "content/events/summit-talks.md:4:12: warning: there is no article 'wire-sumit' "
        "(did you mean 'wire-summit'?)",
    ]


def test_an_exclusion_that_matches_no_extracted_event_is_flagged(tmp_path: Path) -> None:
    article = ("---\noutlet: Wire\npublished: 2017-12-23\n"
               "exclude: [wire-talks-2017-12-22-boris-jonson]\n---\n"
               "MOSCOW - Boris Johnson met Sergei Lavrov in Moscow on 22 December 2017 for "
               "talks on security.\n")
    run = check_site(tmp_path, {"articles/wire-talks.txt": article})
    assert run.problems == [
        "content/articles/wire-talks.txt:4:11: warning: no event "
        "'wire-talks-2017-12-22-boris-jonson' is extracted from this article (did you mean "
        "'wire-talks-2017-12-22-boris-johnson-sergei-lavrov'?)"]
