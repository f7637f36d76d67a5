"""Creating an entry file an editor asked for (``new``, ``accept``): never overwriting."""

from __future__ import annotations

from pathlib import Path

from dateline.slugs import is_slug, make_slug


class Refused(ValueError):
    """The entry cannot be written as asked; the message says why."""


def entry_slug(title: str) -> str:
    """Lower-case ASCII words joined by hyphens; Cyrillic and accents transliterated."""
    return make_slug(title, "entry", max_length=60)


def create_entry(folder: Path, names: list[str], slug: str | None, text: str) -> Path:
    """Create the file under a free slug; an explicit ``--slug`` that is taken is refused."""
    suffix = ".txt" if folder.name == "articles" else ".md"
    if slug is not None and not is_slug(slug):
        raise Refused(f"'{slug}' is not a valid slug (lower-case letters, digits, hyphens)")
    candidates = [slug] if slug else [*names, *(f"{names[0]}-{n}" for n in range(2, 100))]
    folder.mkdir(parents=True, exist_ok=True)
    for name in candidates:
        path = folder / f"{name}{suffix}"
        if any(p.suffix in (".md", ".txt") for p in folder.glob(f"{name}.*")):
            continue
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return path
    raise Refused(f"{folder / (candidates[0] + suffix)} already exists; not overwriting it")
