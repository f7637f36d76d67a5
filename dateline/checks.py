"""Cross-checks that need the whole timeline: what a reader would trip over."""

from __future__ import annotations

from collections.abc import Iterator, Set

from dateline.diagnostics import Diagnostic, warning
from dateline.hints import tag_warnings
from dateline.model import Image, Placed, Timeline


def check_timeline(timeline: Timeline, media: Set[str]) -> Iterator[Diagnostic]:
    """Warnings about images and sources in events and people."""
    for event in timeline.events:
        yield from _check_image(event.image, event, media)
        if not event.sources and not event.extracted:
            yield warning(event.mark.path, event.mark.line, event.mark.col,
                          f"event '{event.slug}' has no sources",
                          "add 'sources:' with at least a url")
    yield from tag_warnings(timeline.events)
    for person in timeline.people.values():
        if not person.auto:
            yield from _check_image(person.image, person, media)


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
