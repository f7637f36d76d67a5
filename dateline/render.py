"""Pages to HTML: one Jinja2 environment (autoescape, StrictUndefined) and safe Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from dateline.dates import EventDate
from dateline.memo import by_identity, drop_oldest
from dateline.model import Event, Theme
from dateline.site import DataFile, Page, event_url, person_url, source_url

SAFE_LINK_PREFIXES = ("http://", "https://", "mailto:", "#", "/", "./", "../")


def _safe_link(url: str) -> bool:
    """Only web, mail and relative links: ``javascript:``, ``data:`` and the like are dropped."""
    lowered = "".join(url.split()).lower()
    if lowered.startswith(SAFE_LINK_PREFIXES):
        return not lowered.startswith("//")
    head = lowered.split("/", 1)[0]
    return ":" not in head and "&" not in head


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def markdown(text: str) -> Markup:
    """Markdown to HTML with raw HTML off and unsafe links left as text."""
    return Markup(_markdown_html(text))


MARKDOWN_MEMO = 20_000
_memo: dict[str, str] = {}  # text → HTML: a cache of a pure function, oldest dropped first


def _markdown_html(text: str) -> str:
    """A pure function of the text, remembered so the preview's rebuilds skip unchanged bodies."""
    html = _memo.get(text)
    if html is None:
        html = _markdown().render(text)
        remember_markdown({text: html})
    return html


def remember_markdown(known: dict[str, str]) -> None:
    """Keep the HTML of texts converted elsewhere (by worker processes) for later pages."""
    _memo.update(known)
    while len(_memo) > MARKDOWN_MEMO:
        drop_oldest(_memo)


def remembered_markdown() -> dict[str, str]:
    """The texts converted so far and their HTML."""
    return _memo


def human_date(value: EventDate | None) -> str:
    """A date at its precision, for readers."""
    return value.human() if value is not None else ""


def make_environment(theme: Theme) -> jinja2.Environment:
    """The environment every page is rendered with; templates are compiled once."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _source(theme, name)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown
    env.filters["human"] = human_date
    env.globals["event_url"] = event_url
    env.globals["person_url"] = person_url
    env.globals["source_url"] = source_url
    env.globals["event_card"] = _card_function(env)
    return env


CARD = "_card.html"


def _card_function(env: jinja2.Environment) -> Callable[..., Markup]:
    """``event_card(event)`` for templates: ``_card.html`` rendered once per event and page
    depth, then reused (the timeline, person, tag and source pages show the same cards).
    A card sees only ``event``, ``root``, ``site``, ``people`` and ``tag_slugs``."""

    @jinja2.pass_context
    def event_card(context: jinja2.runtime.Context, event: Event) -> Markup:
        return _card(env, event, context["root"], context["site"], context["people"],
                     context["tag_slugs"])

    return event_card


@by_identity
def _card(env: jinja2.Environment, event: Event, root: str, site: object, people: object,
          tag_slugs: object) -> Markup:
    return Markup(env.get_template(CARD).render(
        event=event, root=root, site=site, people=people, tag_slugs=tag_slugs).rstrip("\n"))


def _source(theme: Theme, name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A template's source, named so that errors point at the template file."""
    if name not in theme.templates:
        return None
    return theme.templates[name], name, lambda: True


def render_page(env: jinja2.Environment, page: Page) -> bytes:
    """One page's HTML."""
    return env.get_template(page.template).render(page.context).encode("utf-8")


def render_data(data: DataFile) -> bytes:
    """A data file as stable JSON that reads and diffs well: each top-level field on its own
    line, and a list's items one per line."""
    fields = []
    for key, value in data.data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(map(_json_line, value))
            fields.append(f" {_json_line(key)}: [\n  {items}\n ]")
        else:
            fields.append(f" {_json_line(key)}: {_json_line(value)}")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode()


@by_identity
def _json_line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


Renderer = Callable[[Page], bytes]


def renderer(theme: Theme) -> Renderer:
    """A function that renders pages with the theme's templates."""
    env = make_environment(theme)

    def render(page: Page) -> bytes:
        return render_page(env, page)

    return render

