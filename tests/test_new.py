"""``new``: commented entries with unique slugs that ``check`` accepts, never an overwrite."""

from __future__ import annotations

from pathlib import Path

from helpers import TEMPLATES, event, make_site, person, read_page, run_cli


def new(content: Path, *args: str | Path) -> tuple[int, str, str]:
    run = run_cli("new", *args, "--content", content, "--templates", TEMPLATES)
    return run.code, run.out, run.err


def check(content: Path) -> tuple[int, str]:
    run = run_cli("check", "--content", content, "--templates", TEMPLATES)
    return run.code, run.err


def site(tmp_path: Path) -> Path:
    return make_site(tmp_path, {
        "people/sergei-skripal.md": person("Sergei Skripal", "aliases: [Сергей Скрипаль]\n"),
        "events/poisoning.md": event("Poisoning", "2018-03-04"),
    })


def test_new_event_round_trips_through_check_and_build(tmp_path: Path) -> None:
    content = site(tmp_path)
    code, out, err = new(content, "event", "Nerve agent identified", "--date", "2018-03-12",
                         "--people", "Sergei Skripal", "--tags", "Chemical weapons",
                         "--source", "https://example.org/statement")
    assert code == 0, err
    assert out == "wrote content/events/nerve-agent-identified.md\n"
    text = (content / "events" / "nerve-agent-identified.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# ") and 'title: "Nerve agent identified"' in text
    assert "date: 2018-03-12" in text and 'people: ["sergei-skripal"]' in text
    assert err == ""  # nothing for check to say about the new file
    assert check(content) == (0, "checked: 0 errors, 0 warnings\n")
    run = run_cli("build", "--content", content, "--templates", TEMPLATES,
                  "--out", tmp_path / "out")
    assert run.code == 0, run.err
    page = read_page(tmp_path / "out", "events/nerve-agent-identified/")
    assert "Nerve agent identified" in page and "Sergei Skripal" in page


def test_cyrillic_titles_are_transliterated_and_slugs_stay_unique(tmp_path: Path) -> None:
    content = site(tmp_path)
    for _ in range(3):
        code, _, err = new(content, "event", "Встреча в Лондоне", "--date", "2018-03")
        assert code == 0, err
    names = sorted(p.name for p in (content / "events").glob("vstrecha*"))
    assert names == ["vstrecha-v-londone-2.md", "vstrecha-v-londone-2018.md",
                     "vstrecha-v-londone.md"]
    text = (content / "events" / "vstrecha-v-londone.md").read_text(encoding="utf-8")
    assert 'title: "Встреча в Лондоне"' in text
    code, err = check(content)
    assert code == 0 and " 0 errors" in err


def test_unknown_people_get_the_same_hint_as_check(tmp_path: Path) -> None:
    content = site(tmp_path)
    code, _, err = new(content, "event", "Talks", "--date", "2018", "--people", "Sergei Skripa")
    assert code == 0
    hint = "unknown person 'Sergei Skripa' (did you mean 'Sergei Skripal'?)"
    assert hint in err
    assert [line for line in check(content)[1].splitlines() if hint in line] == [
        line for line in err.splitlines() if hint in line]


def test_a_new_draft_is_checked_too(tmp_path: Path) -> None:
    content = site(tmp_path)
    code, _, err = new(content, "event", "Quiet talks", "--date", "2018", "--draft",
                       "--people", "Yulia Skripa", "--source", "https://example.org/a")
    assert code == 0 and "draft: true" in (content / "events" / "quiet-talks.md").read_text(
        encoding="utf-8")
    assert "unknown person 'Yulia Skripa'" in err
    code, _, err = new(content, "event", "Loud talks", "--date", "2018", "--strict",
                       "--people", "Yulia Skripa", "--source", "https://example.org/b")
    assert code == 1 and (content / "events" / "loud-talks.md").is_file()


def test_nothing_is_ever_overwritten(tmp_path: Path) -> None:
    content = site(tmp_path)
    before = (content / "events" / "poisoning.md").read_bytes()
    code, _, err = new(content, "event", "Other", "--date", "2018", "--slug", "poisoning")
    assert code == 1 and "already exists; not overwriting it" in err
    assert (content / "events" / "poisoning.md").read_bytes() == before
    code, _, err = new(content, "person", "Сергей Скрипаль")
    assert code == 1 and "already content/people/sergei-skripal.md" in err
    assert sorted(p.name for p in (content / "people").iterdir()) == ["sergei-skripal.md"]


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    content = site(tmp_path)
    before = sorted(p.name for p in content.rglob("*"))
    assert new(content, "event", "X", "--date", "2018-13-01")[0] == 1
    assert new(content, "event", "X", "--date", "2018", "--source", "ftp://x")[0] == 1
    assert new(content, "event", "X", "--date", "2018", "--slug", "Not A Slug")[0] == 1
    assert new(content, "article", "--url", "javascript:alert(1)", "--outlet", "X")[0] == 1
    code, _, err = new(content, "article", "--url", "https://[wire/uk/a.html", "--outlet", "X")
    assert (code, err) == (1, "dateline: the address is not a web address: "
                              "'https://[wire/uk/a.html' (write e.g. https://example.org/page)\n")
    assert new(content, "event", "No date")[0] == 2
    code, _, err = new(content, "event", " ", "--date", "2018")
    assert code == 1 and "dateline: the title is empty (for example: dateline new event" in err
    assert new(content, "person", "")[0] == 1
    assert sorted(p.name for p in content.rglob("*")) == before


def test_new_person_and_article_pass_check(tmp_path: Path) -> None:
    content = site(tmp_path)
    code, out, err = new(content, "person", "Юлия Скрипаль", "--aliases", "Yulia Skripal")
    assert (code, out, err) == (0, "wrote content/people/iuliia-skripal.md\n", "")
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("LONDON (Wire) - Police said on Monday ...\n", encoding="utf-8")
    code, out, err = new(content, "article", "--url", "https://news.example/uk/skripal-42.html",
                         "--outlet", "Wire", "--published", "2018-03-05", "--text", pasted)
    assert (code, out, err) == (0, "wrote content/articles/skripal-42.txt\n", "")
    text = (content / "articles" / "skripal-42.txt").read_text(encoding="utf-8")
    assert 'outlet: "Wire"' in text and text.endswith("Police said on Monday ...\n")
    assert check(content)[0] == 0


def test_a_new_person_may_not_take_a_spelling_of_someone_else(tmp_path: Path) -> None:
    content = site(tmp_path)
    code, _, err = new(content, "person", "Yulia Skripal", "--aliases", "Yulia",
                       "sergei skripal")
    assert code == 1 and "'sergei skripal' is already content/people/sergei-skripal.md" in err
    code, _, err = new(content, "person", "Yulia Skripal", "--aliases", "Сергей Скрипаль",
                       "--slug", "yulia-s")  # someone's alias, not their name: may be shared
    assert code == 0, err
    (content / "people" / "yulia-s.md").unlink()
    code, _, err = new(content, "person", "Yulia Skripal", "--slug", "yulia")
    assert code == 0, err
    code, _, err = new(content, "person", "Yulia Other", "--slug", "yulia-skripal")
    assert code == 1 and ("the file name 'yulia-skripal' is already a spelling of "
                          "content/people/yulia.md") in err
    assert sorted(p.name for p in (content / "people").iterdir()) == [
        "sergei-skripal.md", "yulia.md"]
    assert check(content) == (0, "checked: 0 errors, 0 warnings\n")
