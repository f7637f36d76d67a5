"""The whole flow in one place: load → merge → plan → render; ``write`` is the caller's step."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import TypeVar

import jinja2
from tqdm import tqdm

from dateline.checks import check_timeline
from dateline.diagnostics import Diagnostic, error, ordered
from dateline.exports import export_files
from dateline.extract.cache import CACHE_DIR, extract_all
from dateline.feeds import feed_files
from dateline.load import load_content, load_media, load_theme
from dateline.merge import build_timeline
from dateline.model import Asset, Theme, Timeline
from dateline.render import render_data, renderer
from dateline.site import plan

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """What a build reads and how."""

    content: Path
    templates: Path
    base_url: str | None = None
    drafts: bool = False
    progress: bool = False


@dataclass(frozen=True)
class Result:
    """A built site in memory (empty when there were errors) and what was found."""

    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    timeline: Timeline | None
    media: tuple[Asset, ...] = ()
    pages: int = 0

    @property
    def failed(self) -> bool:
        """True when any diagnostic is an error."""
        return any(d.is_error for d in self.diagnostics)


def check(settings: Settings) -> Result:
    """Validate everything and write nothing."""
    return _gather(settings)


def build(settings: Settings) -> Result:
    """Everything a site is made of, as bytes by path; nothing is rendered after an error."""
    gathered = _gather(settings)
    if gathered.failed or gathered.timeline is None:
        return gathered
    theme = load_theme(settings.templates)
    pages, data = plan(gathered.timeline)
    render = renderer(theme)
    files: dict[str, bytes] = {}
    try:
        for page in _progress(pages, settings.progress):
            files[page.output] = render(page)
    except jinja2.TemplateError as exc:
        problem = _template_problem(exc, theme, settings.templates)
        return replace(gathered, files={}, diagnostics=[*gathered.diagnostics, problem])
    files.update((item.url, render_data(item)) for item in data)
    files.update(feed_files(gathered.timeline, pages))
    files.update(export_files(gathered.timeline))
    files.update((asset.path, asset.data) for asset in theme.assets)
    files.update((asset.path, asset.data) for asset in gathered.media)
    files[".nojekyll"] = b""
    return replace(gathered, files=files, pages=len(pages))


def _gather(settings: Settings) -> Result:
    loaded = load_content(settings.content)
    content = loaded.content
    if settings.base_url:
        base = settings.base_url if settings.base_url.endswith("/") else settings.base_url + "/"
        content = replace(content, config=replace(content.config, base_url=base))
    extractions, undated = extract_all(content.articles, content.people,
                                       settings.content.resolve().parent / CACHE_DIR,
                                       settings.progress)
    extracted = [event for extraction in extractions for event in extraction.events]
    timeline, problems = build_timeline(content, extracted=extracted, drafts=settings.drafts)
    media = load_media(settings.content)
    found = [*loaded.diagnostics, *undated, *problems,
             *check_timeline(timeline, {asset.path for asset in media})]
    return Result({}, ordered(found), timeline, media)


def _progress(items: list[T], enabled: bool) -> Iterable[T]:
    """A progress bar on a terminal when the work takes more than a second."""
    if not enabled or not sys.stderr.isatty():
        return items
    bar: Iterable[T] = tqdm(items, desc="rendering", unit="page", delay=1.0, leave=False)
    return bar


def _template_problem(exc: jinja2.TemplateError, theme: Theme, folder: Path) -> Diagnostic:
    """A template mistake as ``templates/name:line:col: message``."""
    name, line = getattr(exc, "name", None), getattr(exc, "lineno", None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None and not isinstance(exc, jinja2.TemplateSyntaxError):
        if tb.tb_frame.f_code.co_filename in theme.templates:
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    where = f"{folder.name}/{name}" if name else folder.name
    return error(where, line or 1, 1, f"template error: {exc.message or exc}",
                 "fix the template")
