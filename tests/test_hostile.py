"""Hostile content is rendered harmless or refused with one clear message, never a traceback."""

from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import build_site, check_site, event, person

PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(\'x2\')>',
    "<svg onload=alert('x3')>",
    "<iframe src=\"javascript:alert('x4')\"></iframe>",
    "javascript:alert('x5')",
    "&#106;avascript:alert('x6')",
    "</script><script>alert('x7')</script>",
]
MARKDOWN = """
[a](javascript:alert('m1')) [b](JaVaScRiPt:alert('m2')) [c](data:text/html;base64,PHNjcmlwdD4=)
[d](&#106;avascript:alert('m3')) [e](vbscript:msgbox('m4')) <javascript:alert('m5')>
![f](javascript:alert('m6')) [g]( javascript:alert('m7'))

<script>alert('m8')</script>
<svg onload=alert('m9')></svg>
<iframe src="https://example.org"></iframe>
<a href="javascript:alert('m10')">raw</a>
"""
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Audit(HTMLParser):
    """Every element, attribute and script body of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value is not None:
                compact = "".join(value.split()).lower()
                if compact.startswith(UNSAFE_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
        self._script = (dict(attrs).get("type") or "script") if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script == "application/ld+json":  # data, never run: it must stay JSON
            json.loads(data)
            if "<" in data:
                self.problems.append(f"'<' inside JSON-LD could close the script: {data[:60]!r}")
        elif self._script is not None and "alert(" in data:
            self.problems.append(f"payload inside a script: {data[:60]!r}")


def audit(site: Path) -> list[str]:
    """Problems in every HTML page of a built site."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Audit()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {p}" for p in parser.problems]
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_is_escaped(tmp_path: Path, payload: str) -> None:
    quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"') + '"'
    files = {
        "events/hostile.md": event(
            title=quoted,
            extra=(f"summary: {quoted}\nplaces: [{quoted}]\ntags: [{quoted}]\n"
                   f"people: [{quoted}]\n"),
            sources=(f"sources:\n  - url: https://example.org/x\n    title: {quoted}\n"
                     f"    outlet: {quoted}\n"),
            body=MARKDOWN),
        "people/villain.md": person(quoted, extra=f"aliases: [{quoted}]\nnationality: {quoted}\n"
                                    f"roles:\n  - title: {quoted}\n", body=MARKDOWN),
    }
    run, site = build_site(tmp_path, files)
    assert run.code == 0, run.err
    assert audit(site) == []
    assert "Traceback" not in run.err


@pytest.mark.parametrize(("field", "value"), [
    ("sources:\n  - url", "javascript:alert(1)"),
    ("sources:\n  - url", " JAVASCRIPT:alert(1)"),
    ("sources:\n  - url", "data:text/html,<script>alert(1)</script>"),
    ("image:\n  alt: a\n  src", "javascript:alert(1)"),
    ("image:\n  alt: a\n  src", "../../etc/passwd"),
    ("image:\n  alt: a\n  src", "/etc/passwd"),
])
def test_unsafe_addresses_are_refused_with_their_place(tmp_path: Path, field: str,
                                                        value: str) -> None:
    text = f"---\ntitle: T\ndate: 2018\n{field}: \"{value}\"\n---\n"
    run = check_site(tmp_path, {"events/bad.md": text})
    assert run.code == 1
    [problem] = run.problems
    assert problem.startswith("content/events/bad.md:")
    assert "must" in problem


BOMB = "---\ntitle: T\ndate: 2018\n" + "\n".join(
    [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
).replace("*l0", "lol") + "\n---\n"


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("bomb.md", BOMB, "content/events/bomb.md:4:5: anchors are not allowed (remove '&l1')"),
    ("tag.md", "---\ntitle: !!python/object/apply:os.system ['echo pwned']\ndate: 2018\n---\n",
     "content/events/tag.md:2:8: tag '!!python/object/apply:os.system' is not allowed "
     "(remove the tag)"),
    ("deep.md", "---\ntitle: T\ndate: 2018\nsummary: " + "[" * 200 + "]" * 200 + "\n---\n",
     "content/events/deep.md:4:"),
    ("binary.md", b"\x00\x01\x02\xff\xfe junk", "content/events/binary.md:1:"),
    ("latin1.md", "---\ntitle: caf\xe9\ndate: 2018\n---\n".encode("latin-1"),
     "content/events/latin1.md:2:11: file is not valid UTF-8 (save it as UTF-8)"),
    ("nul.md", "---\ntitle: a\x00b\ndate: 2018\n---\n",
     "content/events/nul.md:2:9: control character U+0000 (remove it)"),
    ("escaped.md", '---\ntitle: T\ndate: 2018\nsummary: "bell\\a nul\\0"\n---\n',
     "content/events/escaped.md:4:11: control character U+0007 in a quoted value "
     "(remove its escape)"),
    ("empty.md", "---\ntitle: ''\ndate: 2018\n---\n", "content/events/empty.md:2:"),
    ("../escape.md", "---\ntitle: T\ndate: 2018\n---\n", None),
])
def test_hostile_files_get_one_clear_message(tmp_path: Path, name: str, data: str | bytes,
                                             expected: str | None) -> None:
    run = check_site(tmp_path, {f"events/{name}": data})
    assert "Traceback" not in run.err
    if expected is None:  # a file outside content/events is simply not content
        assert run.code == 0
        return
    assert run.code == 1
    assert len(run.problems) == 1, run.err
    assert run.problems[0].startswith(expected), run.problems


def test_huge_file_is_refused(tmp_path: Path) -> None:
    body = "word " * 2_200_000
    run = check_site(tmp_path, {"events/huge.md": event(body=body)})
    assert run.code == 1
    assert run.problems[0].startswith("content/events/huge.md:1:1: file is 11,000,")


def test_nfc_and_nfd_names_and_case_variants_are_not_slugs(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "café")
    nfd = unicodedata.normalize("NFD", "café")
    run = check_site(tmp_path, {f"events/{nfc}.md": event(), f"events/{nfd}.md": event(),
                                "events/Skripal.md": event()})
    assert run.code == 1
    assert len(run.problems) == 3
    assert all("is not a valid slug" in p for p in run.problems)
