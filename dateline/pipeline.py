"""The whole flow in one place: load → merge → plan → render; ``write`` is the caller's step."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from dateline.bodies import from_store
from dateline.cachedir import CACHE_DIR
from dateline.checks import check_partial, check_timeline
from dateline.diagnostics import Diagnostic, ordered
from dateline.exports import export_files
from dateline.extract.cache import extract_all
from dateline.feeds import feed_files
from dateline.hints import link_warnings
from dateline.jsondata import DataFile, render_data
from dateline.load import load_content, load_media, load_theme
from dateline.merge import build_timeline
from dateline.model import Asset, Theme, Timeline
from dateline.parallel import cards_meanwhile, render_many
from dateline.render import Rendered, Renderer
from dateline.reuse import Reuse, as_before, people_changed, rendered_again, reusable
from dateline.site import Page, plan, shared_context
from dateline.themecheck import missing_templates, template_problem, theme_problems

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """What a build reads and how."""

    content: Path
    templates: Path
    base_url: str | None = None
    drafts: bool = False
    progress: bool = False
    incremental: bool = False  # the result is reused by the next build (the preview)


@dataclass(frozen=True)
class Result:
    """A built site in memory (empty when there were errors) and what was found."""

    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    timeline: Timeline | None
    media: tuple[Asset, ...] = ()
    pages: int = 0
    reuse: Reuse = field(default_factory=Reuse)

    @property
    def failed(self) -> bool:
        """True when any diagnostic is an error."""
        return any(d.is_error for d in self.diagnostics)


def gather(settings: Settings) -> Result:
    """The content loaded, merged and checked, with no page rendered: what the commands
    that read the timeline need (``check`` looks at the templates too)."""
    return _gather(settings)


def check(settings: Settings) -> Result:
    """Validate everything and write nothing: every page is rendered as by :func:`build`,
    so that a template's mistake is found as there, and let go (``files`` is empty)."""
    with _cycles_collected_after():
        return _build(settings, None, None, keep=False)


Sink = Callable[[str, bytes], None]
Collected = tuple[dict[str, bytes], dict[str, tuple[Page, Rendered]]]  # files; pages by file


def build(settings: Settings, reuse: Reuse | None = None, sink: Sink | None = None,
          changed: Collection[str] | None = None) -> Result:
    """Everything a site is made of, as bytes by path; nothing is rendered after an error.

    With the ``reuse`` of an earlier result, unchanged files are not parsed again and a page
    whose template, context and theme are equal to before is not rendered again; the bytes
    are the same as without it. ``sink``, when given, is handed each file as soon as it is
    made (the command line writes it while other pages are still being rendered); a failed
    build may have handed some files before its error. ``changed``, with ``reuse``: the
    paths a watcher saw change since that build (see :func:`dateline.load.load_content`).
    """
    with _cycles_collected_after():
        return _build(settings, reuse, sink, changed=changed)


def _build(settings: Settings, reuse: Reuse | None, sink: Sink | None,
           keep: bool = True, changed: Collection[str] | None = None) -> Result:
    """The build; without ``keep``, the files, the rendered pages and the Markdown store
    are let go as they are made (the check)."""
    gathered = _gather(settings, reuse, changed)
    theme = load_theme(settings.templates)
    render, before = reusable(reuse, theme, settings.incremental)
    gathered = _adding(gathered, theme_problems(render.env, theme, settings.templates))
    if gathered.failed or gathered.timeline is None:
        return gathered
    if reuse is not None and reuse.timeline is not None:
        gathered = replace(gathered, timeline=as_before(gathered.timeline, reuse.timeline))
    timeline = gathered.timeline
    assert timeline is not None
    shared = shared_context(timeline)
    edited = people_changed(render, reuse, timeline, shared)  # people, by slug
    bodies = None if before else from_store(_markdown_texts(timeline, render),
                                            _cache_dir(settings))
    with (nullcontext() if before else cards_meanwhile(  # made on every core meanwhile
            render, shared, timeline.events, len(timeline.events) + len(timeline.people))):
        pages, data = plan(timeline, shared)
    missing = missing_templates(theme, pages, settings.templates)
    if missing:
        return _adding(gathered, missing)
    if bodies is None:
        made = rendered_again(render, pages, timeline.people, before, edited)
    else:
        made = render_many(render, pages, timeline.people)  # on every core when it pays
    others = _other_files(timeline, pages, data, theme, gathered.media)
    done = _collected(pages, made, others, theme, settings, keep, sink)
    if isinstance(done, Diagnostic):
        return replace(gathered, files={}, diagnostics=[*gathered.diagnostics, done])
    if bodies is not None:  # with the HTML the workers made; the check writes none
        (bodies if keep else replace(bodies, folder=None)).save()
    if not keep:
        return replace(gathered, pages=len(pages))
    files, rendered = done
    kept = replace(gathered.reuse, theme=theme, pages=MappingProxyType(rendered), render=render,
                   timeline=timeline)
    return replace(gathered, files=files, pages=len(pages), reuse=kept)


def _collected(pages: list[Page], made: Generator[Rendered, None, None],
               others: Iterator[tuple[str, bytes]], theme: Theme, settings: Settings,
               keep: bool, sink: Sink | None) -> Collected | Diagnostic:
    """Every file, handed to ``sink`` as it comes and, with ``keep``, kept by its name with
    each page and its rendering; or the template's mistake that stopped the rendering."""
    files: dict[str, bytes] = {}
    rendered: dict[str, tuple[Page, Rendered]] = {}

    def put(name: str, content: bytes) -> None:
        if keep:
            files[name] = content
        if sink is not None:
            sink(name, content)

    try:
        for name, content in others:
            put(name, content)  # made here while the workers render
        for page, done in zip(_progress(pages, settings.progress), made, strict=True):
            put(page.output, done.html)
            if keep:
                rendered[page.output] = (page, done)
    except Exception as exc:  # any error raised while a template runs is the template's
        return template_problem(exc, theme, settings.templates)
    finally:
        made.close()  # on an early end (a full disk), the workers stop at once
    return files, rendered


def _adding(result: Result, problems: list[Diagnostic]) -> Result:
    """``result`` with more ``problems``, all in order."""
    if not problems:
        return result
    return replace(result, diagnostics=ordered([*result.diagnostics, *problems]))


def _markdown_texts(timeline: Timeline, render: Renderer) -> list[str]:
    """The bodies of events and people, when the theme converts Markdown."""
    if not render.uses_markdown:
        return []
    return [*(event.body for event in timeline.events if event.body),
            *(person.body for person in timeline.people.values() if person.body)]


def _cache_dir(settings: Settings) -> Path:
    return settings.content.resolve().parent / CACHE_DIR


def _other_files(timeline: Timeline, pages: list[Page], data: list[DataFile], theme: Theme,
                 media: tuple[Asset, ...]) -> Iterator[tuple[str, bytes]]:
    """Everything but the pages: data files, feeds, exports, the theme's and the content's
    static files."""
    yield from ((item.url, render_data(item)) for item in data)
    yield from feed_files(timeline, pages).items()
    yield from export_files(timeline).items()
    yield from ((asset.path, asset.data) for asset in theme.assets)
    yield from ((asset.path, asset.data) for asset in media)
    yield ".nojekyll", b""


@contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """Python's cycle collector off while a build makes its objects, on again after.

    A build allocates hundreds of thousands of objects that live until it ends, and the
    collector would walk them all again and again (a third of a preview rebuild at 10,000
    events); what the build leaves as cyclic garbage is collected once it is over.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _gather(settings: Settings, reuse: Reuse | None = None,
            changed: Collection[str] | None = None) -> Result:
    loaded = load_content(settings.content, reuse.loaded if reuse is not None else None,
                          changed)
    content = loaded.content
    if settings.base_url:
        base = settings.base_url if settings.base_url.endswith("/") else settings.base_url + "/"
        content = replace(content, config=replace(content.config, base_url=base))
    extractions, undated = extract_all(content.articles, content.people,
                                       _cache_dir(settings),
                                       settings.progress)
    extracted = [event for extraction in extractions for event in extraction.events]
    timeline, problems = build_timeline(
        content, extracted=extracted, drafts=settings.drafts,
        told={extraction.article: extraction.source for extraction in extractions})
    media = load_media(settings.content)
    found = [*loaded.diagnostics, *undated, *problems, *link_warnings(loaded.content),
             *check_partial(loaded.content, settings.drafts),
             *check_timeline(timeline, {asset.path for asset in media})]
    kept = replace(reuse or Reuse(), loaded=loaded.memo)
    return Result({}, ordered(found), timeline, media, reuse=kept)


def _progress(items: list[T], enabled: bool) -> Iterable[T]:
    """A progress bar on a terminal when the work takes more than a second."""
    if not enabled or not sys.stderr.isatty():
        return items
    from tqdm import tqdm  # here: importing it takes longer than many a build's rendering

    bar: Iterable[T] = tqdm(items, desc="rendering", unit="page", delay=1.0, leave=False)
    return bar
