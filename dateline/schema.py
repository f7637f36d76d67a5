"""What front matter and ``site.yaml`` may hold: one table per kind that both validates and
generates JSON Schema (:mod:`dateline.commands.schema`), so the two cannot drift apart."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dateline.dates import DateError, EventDate, parse_date
from dateline.diagnostics import Diagnostic, closest, error
from dateline.model import Mark
from dateline.yamlread import YNode

SAFE_SCHEMES = ("http://", "https://")
WEB_ADDRESS = re.compile(r"(?i)https?://[^\s/?#@:]+(?::\d+)?(?:[/?#]\S*)?")


@dataclass(frozen=True)
class Spec:
    """The shape of one value: str, date, bool, url, path, list, object, mapping or any."""

    kind: str
    description: str = ""
    required: bool = False
    items: Spec | None = None
    fields: Mapping[str, Spec] = field(default_factory=dict)
    span: tuple[str, str] | None = None  # (start key, end key): the end may not come first
    noun: str = ""  # what one item of a list is called in messages: "source", "person"


def _str(description: str, required: bool = False) -> Spec:
    return Spec("str", description, required)


def _list(items: Spec, description: str) -> Spec:
    return Spec("list", description, items=items)


def _obj(description: str, fields: Mapping[str, Spec], required: bool = False,
         span: tuple[str, str] | None = None, noun: str = "") -> Spec:
    return Spec("object", description, required, fields=fields, span=span, noun=noun)


DATE = Spec("date", "EDTF subset: YYYY, YYYY-MM, YYYY-MM-DD, START/END, START/.., with ~ or ?")
SOURCE = _obj("A source", {
    "url": Spec("url", "Address of the source (http or https)", required=True),
    "title": _str("Title of the page or document"),
    "outlet": _str("Publisher, e.g. BBC News"),
    "published": Spec("date", "Publication date"),
}, noun="source")
IMAGE = _obj("An image", {
    "src": Spec("path", "A file under content/media/ or an http(s) address", required=True),
    "alt": _str("Text alternative for readers who cannot see the image"),
    "caption": _str("Caption shown under the image"),
    "credit": _str("Photographer or agency"),
})
LINK = _obj("A link", {
    "url": Spec("url", "Address (http or https)", required=True),
    "title": _str("Text of the link"),
}, noun="link")
ROLE = _obj("A position held", {
    "title": _str("Title of the position", required=True),
    "from": Spec("date", "When it began"),
    "to": Spec("date", "When it ended (omit while it lasts)"),
}, span=("from", "to"), noun="role")
WORDS = _list(_str("A word"), "A list of strings (a single string is accepted)")

EVENT = _obj("Front matter of content/events/<slug>.md", {
    "title": _str("Headline of the event", required=True),
    "date": Spec("date", DATE.description, required=True),
    "summary": _str("One or two sentences shown on the timeline"),
    "people": _list(Spec("str", "A person: slug, name or alias", noun="person"),
                    "People involved"),
    "places": _list(_str("A place"), "Places"),
    "tags": _list(_str("A tag"), "Tags, e.g. diplomacy"),
    "sources": _list(SOURCE, "Where the facts come from"),
    "image": IMAGE,
    "draft": Spec("bool", "true keeps the entry out of the published site"),
    "articles": _list(_str("An article slug"), "Articles (content/articles) that report this"),
})
PERSON = _obj("Front matter of content/people/<slug>.md", {
    "name": _str("Full name as shown", required=True),
    "aliases": _list(_str("Another spelling"), "Other spellings, e.g. in Cyrillic"),
    "born": Spec("date", "Date of birth"),
    "died": Spec("date", "Date of death"),
    "nationality": _str("Nationality"),
    "roles": _list(ROLE, "Positions held over time"),
    "image": IMAGE,
    "links": _list(LINK, "External links"),
}, span=("born", "died"))
ARTICLE = _obj("Front matter of content/articles/<slug>.txt", {
    "title": _str("Headline"),
    "url": Spec("url", "Address of the article"),
    "outlet": _str("Publisher"),
    "published": Spec("date", "Publication date"),
    "authors": _list(_str("An author"), "Reporters"),
    "event": _str("Slug of the hand-written event this article reports"),
    "exclude": _list(_str("An extracted event id"), "Extracted events an editor rejects"),
})
SITE = _obj("content/site.yaml", {
    "title": _str("Name of the site", required=True),
    "description": _str("One sentence about the site"),
    "base_url": Spec("url", "Absolute address the site is published at, may end in /repo/",
                     required=True),
    "language": _str("Language tag, e.g. en-GB"),
    "extra": Spec("mapping", "Free-form values passed to templates as site.extra"),
})


def validate(node: YNode | None, spec: Spec, path: str) -> tuple[Any, list[Diagnostic]]:
    """Check ``node`` against ``spec``; return plain values (dates parsed) and diagnostics.

    Beside each key of a mapping, ``key@`` holds the Mark of its value and, for a list,
    ``key@items`` the Marks of its items, so later stages can point at the exact place.
    """
    problems: list[Diagnostic] = []
    if node is None or node.kind == "null":
        node = YNode("map", (), node.line, node.col) if node else YNode("map", (), 1, 1)
    value = _check(node, spec, path, "", problems)
    return value, problems


def _check(node: YNode, spec: Spec, path: str, name: str, out: list[Diagnostic]) -> Any:
    here = name or "front matter"
    if spec.kind == "any":
        return _plain(node)
    if spec.kind == "mapping":
        if node.kind == "map":
            return _plain(node)
        out.append(error(path, node.line, node.col,
                         f"'{here}' must be a mapping of 'key: value' lines"))
        return {}
    if spec.kind == "object":
        return _check_object(node, spec, path, name, out)
    if spec.kind == "list":
        assert spec.items is not None
        if node.kind == "seq" or (node.kind == "scalar" and spec.items.kind != "object"):
            items = node.value if node.kind == "seq" else (node,)
            return [_check_item(item, spec.items, path, name, out) for item in items]
        out.append(_not_a_list(node, spec.items, path, here))
        return []
    if node.kind != "scalar":
        out.append(error(path, node.line, node.col, f"'{here}' must be a single value",
                         "quote it if it contains ':' or starts with '[' or '{'"))
        return None
    return _check_scalar(node, spec, path, here, out)


def _check_item(item: YNode, spec: Spec, path: str, name: str, out: list[Diagnostic]) -> Any:
    """One item of a list; one of the wrong shape is told what an item looks like."""
    if spec.kind == "object" and item.kind != "map":
        out.append(error(path, item.line, item.col, f"a {spec.noun} must be a mapping",
                         f"write '- {_example(item, spec)}'"))
        return None
    if spec.kind == "str" and item.kind == "map":
        who, what = ("a person", "a name or slug") if spec.noun == "person" else (
            "an item", "one value")
        pairs = item.value  # '- name: Boris Johnson' means the name; 'A: b' wants quotes
        named = len(pairs) == 1 and pairs[0][1].kind == "scalar" and \
            re.fullmatch("[a-z_]+", pairs[0][0].value) is not None
        out.append(error(path, item.line, item.col, f"{who} in '{name}' is {what}, not a mapping",
                         f"write '- {pairs[0][1].value.strip()}'" if named
                         else "quote it if it contains ': '"))
        return None
    return _check(item, spec, path, name, out)


def _not_a_list(node: YNode, item: Spec, path: str, here: str) -> Diagnostic:
    if item.kind != "object":
        return error(path, node.line, node.col, f"'{here}' must be a list")
    return error(path, node.line, node.col, f"'{here}' must be a list of {item.noun}s",
                 f"write '- {_example(node, item)}' on its own line under '{here}:'")


def _example(node: YNode, spec: Spec) -> str:
    """``key: value`` for the first required key of ``spec``, with the value ``node`` gives
    for it when that fits, else a placeholder."""
    lead = next(key for key, sub in spec.fields.items() if sub.required)
    given = dict((k.value, v) for k, v in node.value).get(lead) if node.kind == "map" else node
    text = _clip(given.value.strip()) if given is not None and given.kind == "scalar" else ""
    if spec.fields[lead].kind == "url" and not text.lower().startswith(SAFE_SCHEMES):
        text = "https://…"
    return f"{lead}: {text or '…'}"


def _check_object(node: YNode, spec: Spec, path: str, name: str, out: list[Diagnostic]) -> Any:
    if node.kind != "map":
        out.append(error(path, node.line, node.col,
                         f"'{name or 'front matter'}' must be a mapping of 'key: value' lines"))
        return None
    result: dict[str, Any] = {}
    accounted: set[str] = set()  # keys given, or named by a did-you-mean hint
    for key, value in node.value:
        sub = spec.fields.get(key.value)
        if sub is None:
            accounted.add(_unknown_key(key, spec, path, name, out))
            continue
        accounted.add(key.value)
        if value.kind == "null" or (value.kind == "scalar" and not value.value.strip()):
            if sub.required:
                out.append(error(path, value.line, value.col, f"'{key.value}' is empty",
                                 f"write a value after '{key.value}:'"))
            continue
        result[key.value] = _check(value, sub, path, key.value, out)
        result[f"{key.value}@"] = Mark(path, value.line, value.col)
        if sub.kind == "list":
            items = value.value if value.kind == "seq" else (value,)
            result[f"{key.value}@items"] = tuple(Mark(path, i.line, i.col) for i in items)
    for key, sub in spec.fields.items():
        if sub.required and key not in accounted:
            where = f"'{name}' needs" if name else "missing required key"
            out.append(error(path, node.line, node.col, f"{where} '{key}'", f"add '{key}: …'"))
    _check_span(result, spec.span, out)
    return result


def _check_span(result: dict[str, Any], span: tuple[str, str] | None,
                out: list[Diagnostic]) -> None:
    """An end date (``to``, ``died``) may not lie wholly before its start."""
    if span is None:
        return
    start, end = result.get(span[0]), result.get(span[1])
    if not isinstance(start, EventDate) or not isinstance(end, EventDate):
        return
    end_last = date.max if end.open_end else (end.end or end.start).last_day()
    if end_last < start.start.first_day():
        mark: Mark = result[f"{span[1]}@"]
        out.append(error(mark.path, mark.line, mark.col,
                         f"'{span[1]}' {end.edtf()} is before '{span[0]}' {start.edtf()}",
                         "swap them, or fix one of the dates"))


def _unknown_key(key: YNode, spec: Spec, path: str, name: str, out: list[Diagnostic]) -> str:
    """Report a key the spec does not know; return the field its hint names, if any."""
    where = f" in '{name}'" if name else ""
    close = closest(key.value, spec.fields, 0.6)
    hint = f"did you mean '{close}'?" if close else "allowed: " + ", ".join(spec.fields)
    out.append(error(path, key.line, key.col, f"unknown key '{key.value}'{where}", hint))
    return close or ""


def _check_scalar(node: YNode, spec: Spec, path: str, here: str, out: list[Diagnostic]) -> Any:
    text = node.value.strip()
    if spec.kind == "date":
        try:
            return parse_date(text)
        except DateError as exc:
            lead = node.value.lstrip("\n")  # a block scalar may start with blank lines
            indent = len(lead) - len(lead.lstrip())
            out.append(error(path, node.line, node.col + indent + exc.offset, exc.message))
            return None
    if spec.kind == "bool":
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
        out.append(error(path, node.line, node.col, f"'{here}' must be true or false"))
        return None
    wrong = web_address_problem(text) if spec.kind == "url" else None
    if wrong is not None:
        out.append(error(path, node.line, node.col, f"'{here}' {wrong[0]}", wrong[1]))
        return None
    if spec.kind == "path" and not _safe_src(text):
        out.append(error(path, node.line, node.col, f"'{here}' must be a file under "
                         f"content/media/ or an http(s) address, got '{_clip(text)}'",
                         "write e.g. 'media/photo.jpg'"))
        return None
    return text


def web_address_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with ``text`` as a web address (the message, after the field's name, and
    a hint), or None: it must be http or https, and readable as an address by the standard
    library too (``https://[x/`` is not), since pages and commands take it apart."""
    if not text.lower().startswith(SAFE_SCHEMES):
        return f"must start with http:// or https://, got '{_clip(text)}'", ""
    try:
        readable = WEB_ADDRESS.fullmatch(text) is not None and urlsplit(text).hostname
    except ValueError:
        readable = False
    if not readable:
        return f"is not a web address: '{_clip(text)}'", "write e.g. https://example.org/page"
    return None


def _safe_src(text: str) -> bool:
    if text.lower().startswith(SAFE_SCHEMES):
        return True
    parts = text.split("/")
    return (bool(text) and ":" not in text and "\\" not in text and not text.startswith("/")
            and all(part not in ("", ".", "..") for part in parts))


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(node: YNode) -> Any:
    if node.kind == "map":
        return {key.value: _plain(value) for key, value in node.value}
    if node.kind == "seq":
        return [_plain(item) for item in node.value]
    return node.value
