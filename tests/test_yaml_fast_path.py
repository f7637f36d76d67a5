"""The libyaml fast path of yamlread gives exactly what the careful reader gives.

Valid front matter is composed from libyaml's events; every problem, and every construct
libyaml treats differently, is left to the careful (pure PyYAML) reader. Whichever path
runs, a user sees the same values, the same positions and the same messages.
"""

from __future__ import annotations

import random

import pytest

from dateline import yamlread
from dateline.yamlread import YamlProblem, parse_yaml

pytestmark = pytest.mark.skipif(yamlread._CParser is None, reason="PyYAML built without libyaml")

SAMPLES = [
    'title: "Talks in Moscow"\ndate: 2018-03-04\npeople: [sergei-lavrov, Сергей Лавров]\n'
    "sources:\n  - url: https://example.org/a\n    title: 'It''s done'\n    outlet:\n",
    "a: ~\nb: null\nc: ''\nd: \"\"\ne:\nf: no\ng: 12:30\n",
    "a: [1, 2]\nb:\n  - x\n  -\n  - y\n",
    "a: |\n  text\n  more\nb: >-\n  folded\n",
    "a: 1\r\nb: 'Сергей'\r\n",
    "a: {b: , c: [d, e]}\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 3\n",
    "a: ! 3\n",
    "? [a]\n: 1\n",
    "~: 1\n",
    "a: b: c\n",
    "a:\n\t- x\n",
    "a: [x?y]\n",
    "a: >#\n",
    "\ufeffa: 1\n",
    "a: " + "[" * 30 + "]" * 30 + "\n",
    "a: 1\n---\nb: 2\n",
    "",
    "# only a comment\n",
    "a: 'unclosed\n",
]
NOISE = [*list(":-[]{}#&*!|>'\"%@` \n\t,?~\r"), "Сергей", "null", "  ", "\n  ", "\ufeff"]


def _outcome(text: str, fast: bool) -> object:
    saved = yamlread._CParser
    if not fast:
        yamlread._CParser = None
    try:
        return ("value", parse_yaml(text, first_line=2))
    except YamlProblem as problem:
        return ("problem", problem)
    finally:
        yamlread._CParser = saved


@pytest.mark.parametrize("text", SAMPLES)
def test_the_two_paths_agree_on_tricky_documents(text: str) -> None:
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


def test_the_two_paths_agree_on_mangled_documents() -> None:
    rng = random.Random(2018)
    for _ in range(3000):
        text = rng.choice(SAMPLES)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = (text[:at] + rng.choice(NOISE) + text[at:] if rng.random() < 0.5
                    else text[:at] + text[at + 1:])
        assert _outcome(text, fast=True) == _outcome(text, fast=False), repr(text)


def test_the_fast_path_really_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, first_line: int) -> None:
        raise AssertionError("the careful reader was used for plain front matter")

    monkeypatch.setattr(yamlread, "_parse_careful", refuse)
    node = parse_yaml("title: Talks\npeople: [a, b]\n", first_line=2)
    assert node is not None and node.kind == "map" and node.value[1][1].value[1].col == 13
