"""Work spread over every core: worker processes forked from the build, in chunks.

Entries are parsed this way by ``load`` (:func:`forked_map`) and pages rendered
(:func:`render_many`).

Forked workers start with the build's memory as it is (the compiled templates, the pages
and their contexts), so nothing is pickled on the way in; only each chunk's bytes come
back, with the Markdown HTML the worker made, so the feeds do not convert the same bodies
again. Output is the same bytes in the same order as rendering one page after another.
Rendering stays in this process when it would not pay (few pages, one core), when fork is
unavailable, when other threads run (the preview server: forking a threaded process is
unsafe), and after any failure, so a template error is reported with its place as always.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from dateline.render import Renderer, remember_markdown, remembered_markdown
from dateline.site import Page

MIN_PAGES = 1000
CHUNK = 100
T = TypeVar("T")
R = TypeVar("R")

_work: tuple[Renderer, Sequence[Page], set[str]] | None = None  # set in each worker only


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def worth_it(items: int) -> bool:
    """True when worker processes would do ``items`` files or pages sooner than this one."""
    if items < MIN_PAGES or cores() < 2 or threading.active_count() > 1:
        return False
    import multiprocessing  # here, not on top: small sites never pay for the import

    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(function: Callable[[T], R], items: Sequence[T], chunksize: int = CHUNK,
               initializer: Callable[..., None] = gc.enable, initargs: tuple[Any, ...] = ()
               ) -> list[R] | None:
    """``function`` of every item, in order, computed by forked workers (ask :func:`worth_it`
    first); None when anything failed, so that the caller does the work itself and reports
    any error from there. ``initializer`` runs first in each worker and must turn the cycle
    collector back on (the build turns it off)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' collector leaves the build's objects alone: fewer pages copied
    try:
        with ProcessPoolExecutor(min(cores(), len(items)), mp_context=context,
                                 initializer=initializer, initargs=initargs) as pool:
            return list(pool.map(function, items, chunksize=chunksize))
    except Exception:
        return None
    finally:
        gc.unfreeze()


def render_many(render: Renderer, pages: Sequence[Page]) -> dict[str, bytes]:
    """The pages' bytes by output path, made by worker processes; empty when not worth it.
    The workers inherit the pages (nothing pickled on the way in), render chunks of them and
    send back bytes and the Markdown HTML they made."""
    starts = range(0, len(pages), CHUNK)
    done = forked_map(_render_chunk, starts, 1, _adopt, (render, pages)) \
        if worth_it(len(pages)) else None
    if done is None:
        return {}
    made: dict[str, bytes] = {}
    for start, (chunk, markdown) in zip(starts, done, strict=True):
        made.update(zip((p.output for p in pages[start:start + CHUNK]), chunk, strict=True))
        remember_markdown(markdown)
    return made


def _adopt(render: Renderer, pages: Sequence[Page]) -> None:
    global _work
    gc.enable()  # the build turns it off; a worker's garbage is its own, and frozen is spared
    _work = (render, pages, set(remembered_markdown()))


def _render_chunk(start: int) -> tuple[list[bytes], dict[str, str]]:
    assert _work is not None
    render, pages, known = _work
    chunk = [render(page) for page in pages[start:start + CHUNK]]
    fresh = {text: html for text, html in remembered_markdown().items() if text not in known}
    known.update(fresh)
    return chunk, fresh
