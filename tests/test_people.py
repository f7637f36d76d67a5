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


def test_a_copied_person_file_is_an_error_at_its_name(tmp_path: Path) -> None:
    run = check_site(tmp_path, copied())
    dup, original = "content/people/lavrov-dup.md", "content/people/sergei-lavrov.md"
    assert run.problems == [
        f"{dup}:2:7: 'Sergei Lavrov' is already the name of {original} {FIX} give this one "
        "another name)"]
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


def test_two_people_may_share_an_alias_but_not_be_named_by_it(tmp_path: Path) -> None:
    """Two Skripals may both be 'Skripal'; an entry that says only 'Skripal' is asked which
    one it means, and a name still means its own person over anyone's alias."""
    skripals = {
        "people/sergei-skripal.md": person("Sergei Skripal", "aliases: [Skripal]\n"),
        "people/yulia-skripal.md": person("Yulia Skripal", "aliases: [Yulia, skripal, "
                                                          "Sergei Skripal]\n"),
    }
    run = check_site(tmp_path, {**skripals, "events/a.md": event(
        extra="people: [Sergei Skripal, Skripal]\n")})
    assert run.problems == [
        "content/events/a.md:4:26: 'Skripal' could be 'Sergei Skripal' (sergei-skripal) or "
        "'Yulia Skripal' (yulia-skripal) (write the slug of the one you mean)",
        "content/people/yulia-skripal.md:3:27: warning: alias 'Sergei Skripal' is the name of "
        "content/people/sergei-skripal.md, so it never means this person (remove it)"]
    assert run.code == 1
    run, site = build_site(tmp_path / "b", {**skripals, "events/a.md": event(
        extra="people: [Sergei Skripal, yulia-skripal]\n")})
    assert run.code == 0, run.err
    assert "people/sergei-skripal/" in (site / "events/a/index.html").read_text("utf-8")
    assert not (site / "people/skripal").exists()


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


def test_an_alias_that_is_someone_elses_name_is_warned_about(tmp_path: Path) -> None:
    run = check_site(tmp_path, {
        "people/boris-johnson.md": person("Boris Johnson", "aliases: [BoJo, Johnson]\n"),
        "people/johnson.md": person("Johnson"),
    })
    assert run.problems == [
        "content/people/boris-johnson.md:3:17: warning: alias 'Johnson' is the name of "
        "content/people/johnson.md, so it never means this person (remove it)"]
    assert run.code == 0


def test_a_spelling_kept_as_a_slug_is_called_a_slug(tmp_path: Path) -> None:
    """skripal.md lists 'Skripal' among its aliases, but it keeps the spelling as its file
    name: messages say so, not that an alias (which people may share) is taken."""
    run = check_site(tmp_path, {
        "people/skripal.md": person("Sergei Skripal", "aliases: [Skripal]\n"),
        "people/yulia-skripal.md": person("Yulia Skripal", "aliases: [Skripal]\n"),
        "people/x.md": person("Skripal"),
    })
    assert run.problems == [
        f"content/people/x.md:2:7: 'Skripal' is already the slug of content/people/skripal.md "
        f"{FIX} give this one another name)",
        "content/people/yulia-skripal.md:3:11: warning: alias 'Skripal' is the slug of "
        "content/people/skripal.md, so it never means this person (remove it)"]
