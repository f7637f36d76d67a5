"""Every page is valid HTML: the Nu Html Checker (``vnu.jar`` from the npm registry, run with
Java, cached; skipped with the reason when either is missing) over the fixture site and the
starter site, and always a strict well-formedness check of our own."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from harness import npm_file
from helpers import build_site

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "rect", "path", "circle", "line"}


class _Balance(HTMLParser):
    """Unclosed, stray and misnested tags, and ids used twice."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.ids: set[str] = set()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                if value in self.ids:
                    self.problems.append(f"id '{value}' used twice")
                self.ids.add(value)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else ''}>")
            return
        self.open.pop()


def balance_problems(site: Path) -> list[str]:
    """Every well-formedness problem of every page, as ``page: problem``."""
    found = []
    for path in sorted(site.rglob("*.html")):
        checker = _Balance()
        checker.feed(path.read_text(encoding="utf-8"))
        checker.close()
        problems = checker.problems + [f"<{tag}> never closed" for tag in checker.open]
        found += [f"{path.relative_to(site)}: {p}" for p in problems]
    return found


def test_the_checker_finds_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text('<p id="a"><b id="a">x</p></div><i>')
    assert balance_problems(tmp_path) == [
        "bad.html: id 'a' used twice", "bad.html: </p> closes <b>",
        "bad.html: </div> closes <b>", "bad.html: <p> never closed",
        "bad.html: <b> never closed", "bad.html: <i> never closed"]


def test_every_page_is_well_formed(built_site: Path) -> None:
    assert balance_problems(built_site) == []


@pytest.fixture(scope="session")
def vnu(pytestconfig: pytest.Config) -> list[str]:
    """The command that runs the Nu Html Checker, or a skip with the reason."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("the Nu Html Checker needs java, which is missing")
    jar = npm_file(pytestconfig, "vnu-jar", "package/build/dist/vnu.jar", 300)
    return [java, "-jar", str(jar), "--errors-only", "--skip-non-html"]


def test_the_nu_checker_finds_no_error(vnu: list[str], built_site: Path, tmp_path: Path,
                                       starter_content: Path) -> None:
    run, starter = build_site(tmp_path, None, "--no-search", content=starter_content)
    assert run.code == 0, run.err
    done = subprocess.run([*vnu, str(built_site), str(starter)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.stderr.strip() == ""
    assert done.returncode == 0
