"""Extraction results cached on disk, keyed by what they depend on.

The key is (article content hash, :data:`EXTRACTOR_VERSION` and a hash of the extractor's
source, people registry hash), so an unchanged article costs nothing on the next build, and
a change to the article, to the extractor or to ``content/people`` extracts it again. Files
live in ``.dateline-cache/extract/`` next to the content folder; a missing, unreadable or
corrupt entry is simply recomputed, and entries no current article uses are removed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.cachedir import replace_file
from dateline.dates import EventDate, parse_date
from dateline.diagnostics import Diagnostic, warning
from dateline.extract import EXTRACTOR_VERSION
from dateline.extract.found import Credit, Dateline, DateMention, Extraction, PersonMention
from dateline.memo import drop_oldest
from dateline.model import Article, Event, Mark, Person, PersonRef, Source

RECENT = 20_000
EXTRACTIONS = "extract"  # the folder of the cache that holds them
# Extractions this process has read or made, by key (a key names its inputs, so an entry never
# goes stale): the preview's rebuilds do not read and decode the cache files again.
_recent: dict[str, Extraction] = {}


def people_hash(people: Iterable[Person]) -> str:
    """A hash of every spelling in the registry."""
    rows = sorted((p.slug, p.name, *p.aliases) for p in people)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def cache_key(article: Article, registry: str) -> str:
    """The key of one article's extraction."""
    facts = [article.slug, article.mark.path, article.text, article.text_line, article.title,
             article.url, article.outlet, _edtf(article.published), EXTRACTOR_VERSION,
             _code_hash(), registry]
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """A hash of the extractor's own source, so an edited extractor never reuses old results."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extract_all(articles: Sequence[Article], people: Sequence[Person],
                cache_dir: Path | None = None, progress: bool = False
                ) -> tuple[list[Extraction], list[Diagnostic]]:
    """Each article's extraction (from the cache when it can) and a warning per undated one."""
    folder = cache_dir / EXTRACTIONS if cache_dir is not None else None
    registry = people_hash(people)
    found: list[Extraction] = []
    keys = [cache_key(article, registry) for article in articles]
    stored = _stored(folder)
    cached = [_recent.get(key) or (_read(folder, key) if key in stored else None)
              for key in keys]
    missing = [i for i, hit in enumerate(cached) if hit is None]
    extracted = set(missing)
    if missing:  # here: a build whose articles are all cached never loads the extractor
        from dateline.extract.article import extract_article
        from dateline.extract.people import known_people

        known = known_people(people)
        for index in _progress(missing, progress):
            cached[index] = extract_article(articles[index], known)
    for index, (key, extraction) in enumerate(zip(keys, cached, strict=True)):
        if extraction is not None and (key not in stored or index in extracted):
            _write(folder, key, extraction)  # new, unreadable, or only in memory so far
    _prune(folder, stored - set(keys))
    problems = []
    for article, key, extraction in zip(articles, keys, cached, strict=True):
        assert extraction is not None
        found.append(extraction)
        _recent[key] = extraction
        if extraction.published is None:
            problems.append(warning(
                article.mark.path, 1, 1, f"article '{article.slug}' has no publication date",
                "add 'published: YYYY-MM-DD' to its front matter; until then 'Friday' or "
                "'yesterday' in it cannot be dated"))
    while len(_recent) > RECENT:
        drop_oldest(_recent)
    return found, problems


def _progress(items: list[int], enabled: bool) -> Iterable[int]:
    if not enabled or len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Iterable[int] = tqdm(items, desc="extracting", unit="article", delay=1.0, leave=False)
    return bar


def _read(folder: Path | None, key: str) -> Extraction | None:
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        return from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(folder: Path | None, key: str, extraction: Extraction) -> None:
    if folder is not None:
        data = json.dumps(to_json(extraction), ensure_ascii=False).encode("utf-8")
        replace_file(folder, f"{key}.json", data)


def _stored(folder: Path | None) -> set[str]:
    """The keys the cache folder holds."""
    if folder is None or not folder.is_dir():
        return set()
    return {entry.stem for entry in folder.glob("*.json")}


def _prune(folder: Path | None, unused: set[str]) -> None:
    """Remove entries no current article uses, so the cache never outgrows the content."""
    if folder is None:
        return
    for key in unused:
        try:
            (folder / f"{key}.json").unlink()
        except OSError:
            continue


def _edtf(value: EventDate | None) -> str | None:
    return value.edtf() if value is not None else None


def _date(text: str | None) -> EventDate | None:
    return parse_date(text) if text else None


def _mark(mark: Mark) -> list[Any]:
    return [mark.path, mark.line, mark.col]


def to_json(found: Extraction) -> dict[str, Any]:
    """An extraction as plain JSON values."""
    return {
        "article": found.article, "published": _edtf(found.published),
        "published_from": found.published_from,
        "dateline": [found.dateline.place, found.dateline.outlet] if found.dateline else None,
        "credits": [[c.name, c.role] for c in found.credits],
        "events": [_event_json(e) for e in found.events],
        "dates": [[d.text, d.start, d.end, _edtf(d.value), d.accepted, d.reason, d.line, d.col,
                   d.end_col] for d in found.dates],
        "people": [[p.text, p.start, p.end, p.name, p.slug, p.line, p.col, p.end_col, p.title]
                   for p in found.people],
        "source": _source_json(found.source),
    }


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "slug": event.slug, "title": event.title, "date": event.date.edtf(),
        "mark": _mark(event.mark), "people": [[r.text, *_mark(r.mark)] for r in event.people_refs],
        "places": list(event.places), "confidence": event.confidence,
        "sources": [_source_json(s) for s in event.sources],
    }


def _source_json(s: Source) -> list[Any]:
    return [s.url, s.title, s.outlet, _edtf(s.published), s.article, s.quote]


def _source(s: list[Any]) -> Source:
    return Source(s[0], s[1], s[2], _date(s[3]), s[4], s[5])


def from_json(data: dict[str, Any]) -> Extraction:
    """The extraction :func:`to_json` wrote."""
    events = tuple(Event(
        slug=e["slug"], title=e["title"], date=parse_date(e["date"]), mark=Mark(*e["mark"]),
        people_refs=tuple(PersonRef(r[0], Mark(*r[1:])) for r in e["people"]),
        places=tuple(e["places"]), confidence=e["confidence"], extracted=True,
        sources=tuple(_source(s) for s in e["sources"]),
    ) for e in data["events"])
    return Extraction(
        article=data["article"], published=_date(data["published"]),
        published_from=data["published_from"],
        dateline=Dateline(*data["dateline"]) if data["dateline"] else None,
        credits=tuple(Credit(*c) for c in data["credits"]), events=events,
        dates=tuple(DateMention(d[0], d[1], d[2], _date(d[3]), *d[4:]) for d in data["dates"]),
        people=tuple(PersonMention(*p) for p in data["people"]),
        source=_source(data["source"]),
    )
