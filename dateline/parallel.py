"""Work spread over every core: worker processes forked from the build, in chunks.

Entries are parsed this way by ``load`` (:func:`forked_map`), cards made
(:func:`cards_meanwhile`) and pages rendered (:func:`render_many`).

Forked workers start with the build's memory as it is (the compiled templates, the pages
and their contexts), so nothing is pickled on the way in; only each chunk's bytes come
back (with the HTML of the Markdown each worker converted, for the store on disk). Output
is the same bytes in the same order as rendering one page after another.
Rendering stays in this process when it would not pay (few pages, one core), when fork is
unavailable, when other threads run (the preview server: forking a threaded process is
unsafe), and after any failure, so a template error is reported with its place as always.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from dateline.bodies import adopt, record, take
from dateline.model import Event
from dateline.render import Card, Rendered, Renderer
from dateline.site import Page

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

MIN_PAGES = 1000
CHUNK = 100
T = TypeVar("T")
R = TypeVar("R")

_work: tuple[Any, ...] = ()  # what a worker works on, set in each worker only


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
    try:
        return list(forked_imap(function, items, chunksize, initializer, initargs))
    except Exception:
        return None


def forked_imap(function: Callable[[T], R], items: Sequence[T], chunksize: int = CHUNK,
                initializer: Callable[..., None] = gc.enable, initargs: tuple[Any, ...] = ()
                ) -> Generator[R, None, None]:
    """As :func:`forked_map`, but the workers start at once and the results come one by one
    as they are done, so this process can do other work meanwhile; iterating raises what a
    worker raised."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' collector leaves the build's objects alone: fewer pages copied
    try:
        pool = ProcessPoolExecutor(min(cores(), len(items)), mp_context=context,
                                   initializer=initializer, initargs=initargs)
        try:
            results = pool.map(function, items, chunksize=chunksize)  # forks the workers
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    finally:
        gc.unfreeze()
    return _until_done(pool, results)


def _until_done(pool: ProcessPoolExecutor, results: Iterator[R]) -> Generator[R, None, None]:
    try:
        yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def cards_meanwhile(render: Renderer, shared: Mapping[str, Any], events: Sequence[Event],
                    pages: int) -> Iterator[None]:
    """Every event's card made by workers while this process goes on (it plans the pages),
    when the site's ``pages`` (about so many) will be rendered by workers too; on leaving,
    the cards are kept here, before the pages' workers are forked, so that those find every
    card made (a card is made once and shown on several pages, which different workers
    would otherwise each make). After a failure nothing is kept: the pages make their
    cards themselves."""
    chunks = None
    if render.uses_cards and events and worth_it(pages):
        try:
            starts = range(0, len(events), CHUNK)
            chunks = forked_imap(_cards_chunk, starts, _few_handoffs(len(starts)), _adopt,
                                 (render, shared, events))
        except Exception:
            chunks = None
    try:
        yield
    except BaseException:
        if chunks is not None:
            chunks.close()  # the workers stop at once
        raise
    made = _every_card(chunks) if chunks is not None else None
    if made is not None:
        render.keep_cards(events, shared, made)


def _few_handoffs(chunks: int) -> int:
    """How many chunks a worker takes at a time: a quarter of its share (12 of 100 chunks on
    two cores), so that it goes back to this process for more about four times, since this
    process is busy planning meanwhile and answers late."""
    return max(1, chunks // (cores() * 4))


def _every_card(chunks: Generator[list[Card], None, None]) -> list[Card] | None:
    try:
        return [card for chunk in chunks for card in chunk]
    except Exception:
        return None
    finally:
        chunks.close()


def render_many(render: Renderer, pages: Sequence[Page], people: Mapping[str, Any]
                ) -> Generator[Rendered, None, None]:
    """Every page's bytes and whom it looked up, rendered with ``people``, in order. When it
    pays, worker processes start rendering chunks of pages at once (they inherit the pages
    and the cards made: no page is pickled on the way in). After a failure there, and when
    it does not pay, the
    pages are rendered in this process."""
    chunks = None
    if worth_it(len(pages)):
        try:
            chunks = forked_imap(_render_chunk, range(0, len(pages), CHUNK), 1, _adopt,
                                 (render, pages, people))
        except Exception:
            chunks = None
    return _in_order(render, pages, people, chunks)


def _in_order(render: Renderer, pages: Sequence[Page], people: Mapping[str, Any],
              chunks: Generator[tuple[list[Rendered], dict[str, str]], None, None] | None
              ) -> Generator[Rendered, None, None]:
    done = 0
    if chunks is not None:
        try:
            for chunk, converted in chunks:
                adopt(converted)  # the Markdown the worker converted, for the store
                yield from chunk
                done += len(chunk)
        except Exception:
            pass  # rendered again below, here, where a template error names its place
        finally:
            chunks.close()  # the workers stop when the pages are no longer wanted
    for page in pages[done:]:
        yield render(page, people)


def _adopt(*work: Any) -> None:
    global _work
    gc.enable()  # the build turns it off; a worker's garbage is its own, and frozen is spared
    _work = work
    record()


def _render_chunk(start: int) -> tuple[list[Rendered], dict[str, str]]:
    render: Renderer
    pages: Sequence[Page]
    render, pages, people = _work
    return [render(page, people) for page in pages[start:start + CHUNK]], take()


def _cards_chunk(start: int) -> list[Card]:
    render: Renderer
    events: Sequence[Event]
    render, shared, events = _work
    return render.cards(events[start:start + CHUNK], shared)
