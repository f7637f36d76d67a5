"""A theme's mistakes as diagnostics: templates that do not compile or that are missing, found
before any page is rendered, and an error raised while a template runs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType

import jinja2
from jinja2 import nodes

from dateline.diagnostics import Diagnostic, closest, error
from dateline.model import Theme
from dateline.render import PARSER
from dateline.site import Page

RESTORE = "restore it from the starter templates"


def theme_problems(env: jinja2.Environment, theme: Theme, folder: Path) -> list[Diagnostic]:
    """Every template that does not compile in ``env`` (which keeps the compiled ones for
    rendering), and every template that an ``extends``, ``include`` or ``import`` names and
    the theme lacks, once, where it is first named."""
    problems: list[Diagnostic] = []
    naming: dict[str, list[tuple[str, int]]] = {}
    for name in sorted(theme.templates):
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(template_problem(exc, theme, folder))
            continue
        for wanted, line in _named(theme.templates[name]):
            if wanted not in theme.templates:
                naming.setdefault(wanted, []).append((name, line))
    problems.extend(_missing_named(wanted, places, theme.templates, folder)
                    for wanted, places in naming.items())
    return problems


def _missing_named(wanted: str, places: Sequence[tuple[str, int]], templates: Iterable[str],
                   folder: Path) -> Diagnostic:
    name, line = places[0]
    others = len({where for where, _ in places}) - 1
    hint = _close_name(wanted, templates) or f"{RESTORE}, or fix the name"
    if others:
        hint = f"also named by {others} other template{'s' if others > 1 else ''}: {hint}"
    return error(f"{folder.name}/{name}", line, 1, f"template '{wanted}' not found", hint)


def _close_name(wanted: str, templates: Iterable[str]) -> str:
    """``did you mean 'x.html'?`` for a name close to ``wanted``, compared without the
    extensions (which all share, so that 'base.html' is not taken for 'tags.html', and
    'base.htm' finds 'base.html')."""
    stems = {os.path.splitext(name)[0]: name for name in sorted(templates)}
    close = closest(os.path.splitext(wanted)[0], stems)  # '', '.' and '/' too
    return f"did you mean '{stems[close]}'?" if close else ""


def missing_templates(theme: Theme, pages: Iterable[Page], folder: Path) -> list[Diagnostic]:
    """One error for each template that some pages are rendered with and the theme lacks."""
    needing: dict[str, list[str]] = {}
    for page in pages:
        if page.template not in theme.templates:
            needing.setdefault(page.template, []).append("/" + page.url)
    return [error(f"{folder.name}/{name}", 1, 1, "template not found",
                  f"{_pages(urls)} need{'s' if len(urls) == 1 else ''} it: {RESTORE}")
            for name, urls in needing.items()]


def _pages(urls: Sequence[str]) -> str:
    if len(urls) == 1:
        return f"the page {urls[0]}"
    return f"{len(urls)} pages such as {urls[0]}"


@lru_cache(maxsize=256)
def _named(source: str) -> tuple[tuple[str, int], ...]:
    """The templates that ``source`` names by a constant in an ``extends``, ``include`` (but
    not ``ignore missing``) or ``import``, each with its line."""
    try:
        tree = PARSER.parse(source)
    except jinja2.TemplateSyntaxError:
        return ()
    found: list[tuple[nodes.Expr, int]] = [
        (node.template, node.lineno) for node in tree.find_all(nodes.Include)
        if not node.ignore_missing]
    found += [(node.template, node.lineno) for node in tree.find_all(nodes.Extends)]
    found += [(node.template, node.lineno) for node in tree.find_all(nodes.Import)]
    found += [(node.template, node.lineno) for node in tree.find_all(nodes.FromImport)]
    return tuple(sorted(((target.value, line) for target, line in found
                         if isinstance(target, nodes.Const) and isinstance(target.value, str)),
                        key=lambda item: item[1]))


def template_problem(exc: Exception, theme: Theme, folder: Path) -> Diagnostic:
    """An error raised while a template runs as ``templates/name:line:col: message``, at the
    innermost line of the theme's templates it went through; a missing template is reported
    where it was asked for. Raises ``exc`` again when it is not a template's."""
    name, line = _innermost(exc, theme.templates)
    if isinstance(exc, jinja2.TemplateNotFound):
        if name is None:  # a page's own template
            return error(f"{folder.name}/{exc.name}", 1, 1, "template not found", RESTORE)
        return error(f"{folder.name}/{name}", line or 1, 1, f"template '{exc.name}' not found",
                     f"{RESTORE}, or fix the name")
    if name is None and not isinstance(exc, jinja2.TemplateError):
        raise exc  # not a template's: the sink's (a failed write) or a bug in dateline
    where = f"{folder.name}/{name}" if name else folder.name
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return error(where, line or 1, 1, f"template error: {message}", "fix the template")


def _innermost(exc: Exception, templates: Mapping[str, str]) -> tuple[str | None, int | None]:
    """The template and line an error was raised at: a syntax error's own, else the last
    frame of a template of the theme in the traceback (None: none)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.name, exc.lineno
    name, line = None, None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in templates:
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    if name is None and not isinstance(exc, jinja2.TemplateNotFound):
        name, line = getattr(exc, "name", None), getattr(exc, "lineno", None)
    return name, line
