"""One spelling, one person: a second person file never takes over another one's events."""

from __future__ import annotations

from pathlib import Path

from helpers import TEMPLATES, build_site, check_site, event, make_site, person, run_cli

from dateline import pipeline

# the name, an alias that is the name again (no clash with itself), Latin and Cyrillic aliases
LAVROV = person("Sergei Lavrov", "aliases: [Sergey Lavrov, SERGEI LAVROV, Сергей Лавров]\n")
TALKS = event("Johnson and Lavrov talk in Moscow", "2017-12-22",
              extra="people: [boris-johnson, sergei-lavrov]\n")
FIX = "(two files for one person? merge them, or"


def copied(**more: str) -> dict[str, str]:
    """A site where an editor copied Lavrov's file as a starting point and left it as it is."""
    return {"people/sergei-lavrov.md": LAVROV, "people/lavrov-dup.md": LAVROV,
            "people/boris-johnson.md": person("Boris Johnson"), "events/talks.md": TALKS, **more}


def test_a_copied_person_file_is_an_error_at_each_spelling_it_shares(tmp_path: Path) -> None:
    run = check_site(tmp_path, copied())
    dup, original = "content/people/lavrov-dup.md", "content/people/sergei-lavrov.md"
    assert run.problems == [
        f"{dup}:2:7: 'Sergei Lavrov' is already the name of {original} {FIX} give this one "
        "another name)",
        f"{dup}:3:11: 'Sergey Lavrov' is already an alias of {original} {FIX} remove this "
        "alias)",
        f"{dup}:3:41: 'Сергей Лавров' is already an alias of {original} {FIX} remove this "
        "alias)",
    ]
    assert run.code == 1
    built, site = build_site(tmp_path / "build", copied())
    assert built.code == 1 and not site.exists()


def test_the_file_with_a_weaker_claim_is_blamed_whichever_sorts_first(tmp_path: Path) -> None:
    run = check_site(tmp_path, {"people/boris-johnson.md": person("Boris Johnson"),
                                "people/bojo.md": person("Boris Johnson")})
    assert run.problems == [
        f"content/people/bojo.md:2:7: 'Boris Johnson' is already the name of "
        f"content/people/boris-johnson.md {FIX} give this one another name)"]
    assert run.code == 1


def test_two_people_may_not_share_a_surname_alias(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "people/sergei-skripal.md": person("Sergei Skripal", "aliases: [Skripal]\n"),
        "people/yulia-skripal.md": person("Yulia Skripal", "aliases: [Yulia, skripal]\n"),
    })
    assert run.problems == [
        "content/people/yulia-skripal.md:3:18: 'skripal' is already an alias of "
        f"content/people/sergei-skripal.md {FIX} remove this alias)"]
    assert run.code == 1


def test_a_slug_means_its_own_person_before_any_name(tmp_path: Path) -> None:
    bojo = {"people/bojo.md": person("Boris Johnson", "aliases: [Sergei Lavrov]\n")}
    content = make_site(tmp_path, copied(**bojo))
    found = pipeline.check(pipeline.Settings(content=content, templates=TEMPLATES))
    assert found.timeline is not None  # the clashes are errors, yet the slugs hold
    assert [e.people for e in found.timeline.events] == [("boris-johnson", "sergei-lavrov")]
    assert found.failed
    run = run_cli("new", "event", "Talks again", "--date", "2018", "--content", content,
                  "--people", "sergei-lavrov", "boris-johnson", "--templates", TEMPLATES)
    text = (content / "events" / "talks-again.md").read_text(encoding="utf-8")
    assert run.code == 0 and 'people: ["sergei-lavrov", "boris-johnson"]' in text
