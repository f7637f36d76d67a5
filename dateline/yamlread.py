"""Front matter and YAML read safely, keeping the position of every value.

Every scalar stays a string (``2018-03-04``, ``12:30`` and ``no`` are not converted); the schema
decides what a value means. Aliases, anchors and explicit tags are refused, duplicate keys are
errors, and nesting is limited, so no YAML document can run code or blow up in memory.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

import yaml

MAX_DEPTH = 20
try:  # libyaml's parser, when PyYAML was built with it; else the careful reader only
    _CParser: Any = getattr(importlib.import_module("yaml.cyaml"), "CParser", None)
except ImportError:  # pragma: no cover
    _CParser = None


@dataclass(frozen=True)
class YNode:
    """A YAML value with its 1-based position in the file."""

    kind: str  # "scalar", "seq", "map" or "null"
    value: Any  # str, tuple[YNode, ...] or tuple[tuple[YNode, YNode], ...]
    line: int
    col: int


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A YAML document that cannot be read, with the place and a hint."""

    message: str
    line: int
    col: int
    hint: str = ""


@dataclass(frozen=True)
class Document:
    """A content file split into front matter and body."""

    meta: YNode | None
    body: str
    body_line: int


class _HardenedLoader(yaml.SafeLoader):
    """A composer that refuses aliases, anchors, explicit tags and deep nesting."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _refusal("aliases are not allowed", event, "write the value out in full")
        if getattr(event, "anchor", None):
            raise _refusal("anchors are not allowed", event, "remove '&" + event.anchor + "'")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _refusal(f"tag '{shown}' is not allowed", event, "remove the tag")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _refusal(f"nesting deeper than {MAX_DEPTH} levels", event, "flatten it")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _refusal(message: str, event: Any, hint: str) -> YamlProblem:
    mark = event.start_mark
    return YamlProblem(message, mark.line + 1, mark.column + 1, hint)


def parse_yaml(text: str, first_line: int = 1) -> YNode | None:
    """Parse one YAML document; positions are shifted so ``first_line`` is line 1 of ``text``."""
    try:
        node = _parse_fast(text, first_line - 1)
    except _Unsure:  # the careful reader gives the exact problem and its place
        node = _parse_careful(text, first_line)
    if node is not None and "\\" in text:  # only an escape can put a control character in
        _refuse_control(node)
    return node


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # no reader sees them


def _refuse_control(node: YNode) -> None:
    """Raise a :class:`YamlProblem` at the first value holding a control character (``\\a``
    or ``\\0`` in double quotes), which a page or a data file would carry unseen."""
    if node.kind == "scalar":
        found = CONTROL.search(node.value)
        if found is not None:
            raise YamlProblem(f"control character U+{ord(found.group()):04X} in a quoted value",
                              node.line, node.col, "remove its escape")
    elif node.kind == "seq":
        for item in node.value:
            _refuse_control(item)
    elif node.kind == "map":
        for key, value in node.value:
            _refuse_control(key)
            _refuse_control(value)


def _parse_careful(text: str, first_line: int) -> YNode | None:
    loader = _HardenedLoader(text)
    try:
        node = loader.get_single_node()
    except YamlProblem as problem:
        raise YamlProblem(problem.message, problem.line + first_line - 1, problem.col,
                          problem.hint) from None
    except yaml.MarkedYAMLError as exc:
        found = _explain(exc, text)
        raise YamlProblem(found.message, found.line + first_line - 1, found.col,
                          found.hint) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}", first_line, 1) from None
    finally:
        loader.dispose()
    return None if node is None else _convert(node, first_line - 1, text)


class _Unsure(Exception):
    """The fast path met something it leaves to the careful reader: any problem at all."""


_LENIENT = re.compile("[\t?\ufeff]|[|>][-+0-9]*#")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_QUOTED = frozenset(("'", '"'))
_BLOCK = frozenset(("|", ">"))


def _parse_fast(text: str, shift: int) -> YNode | None:
    """Compose straight from libyaml's events; raise :class:`_Unsure` on anything unusual.

    Valid front matter, the common case, is read here at C speed. Aliases, anchors, tags,
    deep nesting, duplicate or non-scalar keys, several documents and every syntax error
    are handed back, so the careful reader reports them exactly as it always has.
    """
    if _CParser is None or _LENIENT.search(text):
        raise _Unsure  # libyaml accepts a few things PyYAML refuses: let PyYAML decide
    parser = _CParser(text)
    try:
        get = parser.get_event
        get()  # stream start
        if isinstance(get(), yaml.StreamEndEvent):
            return None
        node = _fast_node(get, get(), shift, 1, text)
        get()  # document end
        if not isinstance(get(), yaml.StreamEndEvent):
            raise _Unsure
        return node
    except yaml.YAMLError:
        raise _Unsure from None
    finally:
        parser.dispose()


def _fast_node(get: Any, event: Any, shift: int, depth: int, text: str) -> YNode:
    kind = type(event)
    if depth > MAX_DEPTH or kind is yaml.AliasEvent or event.anchor is not None \
            or event.tag is not None:
        raise _Unsure
    line, col = event.start_mark.line + 1 + shift, event.start_mark.column + 1
    if kind is yaml.ScalarEvent:
        if not event.style and event.value in _NULLS:
            return YNode("null", None, line, col)
        if event.style in _BLOCK:
            line, col = _block_place(text, event.start_mark, event.value, shift)
        return YNode("scalar", event.value, line, col + (event.style in _QUOTED))
    if kind is yaml.SequenceStartEvent:
        items = []
        event = get()
        while type(event) is not yaml.SequenceEndEvent:
            items.append(_fast_node(get, event, shift, depth + 1, text))
            event = get()
        return YNode("seq", tuple(items), line, col)
    if event.flow_style:
        raise _Unsure  # libyaml places the empty values of {a: , b: 1} elsewhere
    pairs = []
    seen = set()
    event = get()
    while type(event) is not yaml.MappingEndEvent:
        key = _fast_node(get, event, shift, depth + 1, text)
        if key.kind != "scalar" or key.value in seen:
            raise _Unsure
        seen.add(key.value)
        pairs.append((key, _fast_node(get, get(), shift, depth + 1, text)))
        event = get()
    return YNode("map", tuple(pairs), line, col)


_UNCLOSED = {"quoted scalar": ("a quoted value is not closed", "close the quote"),
             "flow sequence": ("a '[' list is not closed", "close it with ']'"),
             "flow mapping": ("a '{' mapping is not closed", "close it with '}'")}
_CLOSERS = {"flow sequence": "]", "flow mapping": "}"}
_ENDS = ("end of stream", "<stream end>", "document separator", "<document ")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # as YAML counts lines


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """PyYAML's complaint as an editor's problem, at the place to fix (1-based)."""
    mark, start = exc.problem_mark or exc.context_mark, exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    kind = context.partition(" a ")[2]  # "while scanning a quoted scalar"
    unclosed = _UNCLOSED.get(kind)
    closer = _CLOSERS.get(kind)
    if unclosed and start and (any(end in problem for end in _ENDS) or (
            closer is not None and closer not in text[start.index:])):  # met the next key
        message, hint = unclosed
        return YamlProblem(message, start.line + 1, start.column + 1, hint)
    if problem == "but found another document":
        return YamlProblem("only one YAML document is allowed", line, col,
                           "remove the '---' lines")
    message = problem or context or "invalid YAML"
    lines = _LINE_BREAK.split(text)
    before = lines[line - 1][:col - 1].rstrip(" \t") if mark and line <= len(lines) else ""
    return YamlProblem(f"invalid YAML: {message}", line, col, _yaml_hint(message, before))


def _yaml_hint(message: str, before: str) -> str:
    """A hint for PyYAML's ``message``; ``before`` is the line's text up to the problem."""
    if "mapping values are not allowed" in message:
        return "quote a value that contains ': '"
    if "found character '\\t'" in message:
        after = before[-1:]
        if after in (":", "-"):
            return f"use a space, not a tab, after '{after}'"
        return "indent with spaces, not tabs" if not before else "use spaces, not tabs"
    if "could not find expected ':'" in message:
        return "each line of front matter is 'key: value'"
    return ""


def _block_place(text: str, mark: Any, value: str, shift: int) -> tuple[int, int]:
    """Where the text of a block scalar (``|``, ``>``) begins: its first line that is not
    blank, at the block's indentation; at the indicator when the block is empty."""
    first = value.lstrip("\n")
    if first.strip():
        lines = _LINE_BREAK.split(text)
        for number in range(mark.line + 1, len(lines)):
            written = lines[number].lstrip(" ")
            if written.strip():
                indent = len(lines[number]) - len(written) - (len(first) - len(first.lstrip(" ")))
                return number + 1 + shift, max(indent, 0) + 1
    return mark.line + 1 + shift, mark.column + 1


def _convert(node: yaml.Node, shift: int, text: str) -> YNode:
    line, col = node.start_mark.line + 1 + shift, node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null") and node.style is None:
            return YNode("null", None, line, col)
        if node.style in _BLOCK:
            line, col = _block_place(text, node.start_mark, node.value, shift)
        inside = 1 if node.style in ("'", '"') else 0  # point past an opening quote
        return YNode("scalar", node.value, line, col + inside)
    if isinstance(node, yaml.SequenceNode):
        return YNode("seq", tuple(_convert(item, shift, text) for item in node.value), line, col)
    pairs = []
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, shift, text)
        if key.kind != "scalar":
            raise YamlProblem("a key must be a plain word", key.line, key.col)
        if key.value in seen:
            raise YamlProblem(f"duplicate key '{key.value}'", key.line, key.col,
                              f"first given on line {seen[key.value]}")
        seen[key.value] = key.line
        pairs.append((key, _convert(value_node, shift, text)))
    return YNode("map", tuple(pairs), line, col)


def split_front_matter(text: str) -> Document:
    """Split ``---`` front matter from the body; raise :class:`YamlProblem` if it is unclosed."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return Document(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            meta = parse_yaml("".join(lines[1:index]), first_line=2)
            if meta is None:  # '---' then '---': front matter that is there but empty
                meta = YNode("null", None, 2, 1)
            return Document(meta, "".join(lines[index + 1:]), index + 2)
    raise YamlProblem("front matter is not closed", 1, 1, "end it with a line '---'")
