"""Slugs: the lower-case ASCII words joined by hyphens that name files and pages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from slugify import slugify

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def make_slug(text: str, fallback: str, max_length: int = 0) -> str:
    """``Сергей Лавров`` → ``sergei-lavrov``: transliterated, the same for NFC and NFD text,
    never empty (``fallback`` when nothing is left)."""
    normal = unicodedata.normalize("NFC", text)
    return slugify(normal, max_length=max_length, word_boundary=bool(max_length)) or fallback


def is_slug(text: str) -> bool:
    """True for a valid slug."""
    return SLUG.fullmatch(text) is not None


def unique(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, else ``base-2``, ``base-3``, ... whichever is not taken first."""
    slug, counter = base, 2
    while taken(slug):
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
