"""Cross-checks that need the whole timeline: what a reader would trip over; and those of
them that can be made on what validated of an entry with errors."""

from __future__ import annotations

from collections.abc import Iterator, Set

from dateline.diagnostics import Diagnostic, warning
from dateline.hints import partial_tag_warnings, tag_warnings
from dateline.model import Content, Image, Placed, Timeline
from dateline.people import unknown_people


def check_timeline(timeline: Timeline, media: Set[str]) -> Iterator[Diagnostic]:
    """Warnings about images and sources in events and people."""
    for event in timeline.events:
        if event.image is not None:
            yield from _check_image(event.image, event, media)
        if not event.sources and not event.extracted:
            yield warning(event.mark.path, event.mark.line, event.mark.col,
                          f"event '{event.slug}' has no sources",
                          "add 'sources:' with at least a url")
    yield from tag_warnings(timeline.events)
    for person in timeline.people.values():
        if not person.auto:
            yield from _check_image(person.image, person, media)


def check_partial(content: Content, drafts: bool) -> Iterator[Diagnostic]:
    """The warnings about the valid fields of entries with errors that need nothing an error
    may have left out, as they would be given once the entry alone is fixed: unknown people
    and lone tags (for drafts only with ``drafts``, as for whole entries). Their links are
    checked with everyone's (:func:`dateline.hints.link_warnings`). What needs the date or
    the merged sources (a role not held then, sources disagreeing, no sources) is left for
    the run after the fix."""
    shown = [entry for entry in content.partial if drafts or not entry.draft]
    if not shown:
        return  # the usual case: nothing to index or count
    yield from unknown_people((ref for entry in shown for ref in entry.people_refs),
                              content.people)
    yield from partial_tag_warnings((e for e in content.events if drafts or not e.draft), shown)


def _check_image(image: Image | None, entry: Placed, media: Set[str]
                 ) -> Iterator[Diagnostic]:
    if image is None:
        return
    if not image.alt:
        mark = entry.at("image")
        yield warning(mark.path, mark.line, mark.col, f"image '{image.src}' has no alt text",
                      "describe it in 'alt:' for readers who cannot see it")
    if not image.src.startswith(("http://", "https://")) and image.src not in media:
        mark = entry.at("image.src")
        yield warning(mark.path, mark.line, mark.col, f"image '{image.src}' is not in "
                      "content/media/", "add the file or fix the path")
