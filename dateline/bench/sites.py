"""One corpus written three ways: our content folder, a Hugo site and a Pelican site.

All three produce the same HTML pages at the same URLs: ``index.html`` (the timeline, by
year), ``events/<slug>/``, ``people/`` (everyone with a count), ``people/<slug>/`` (bio and
their events), ``tags/`` and ``tags/<tag>/`` (the events with a tag), ``search/``,
``sources/`` (the articles: none here) and ``404.html``. The Hugo and Pelican themes are
written here, small and plain, doing the same work per page as ours: Markdown body, people
links, sources, previous/next, and an event card per event on the timeline, on each person's
page and on each tag's page.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.bench.corpus import TAGS, Corpus, Event, Person
from dateline.bench.themes import HUGO_CONFIG, HUGO_LAYOUTS, PELICAN_CONF, PELICAN_TEMPLATES


def _q(text: str) -> str:
    """A double-quoted YAML (and TOML) string."""
    return json.dumps(text, ensure_ascii=False)


def _flow(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_q(item) for item in items) + "]"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sources_yaml(event: Event) -> str:
    return "".join(f"  - url: {_q(url)}\n    title: {_q(title)}\n    outlet: {_q(outlet)}\n"
                   for url, title, outlet in event.sources)


def dateline_event(event: Event) -> str:
    """An event file of our format."""
    return (f"---\ntitle: {_q(event.title)}\ndate: {event.date}\nsummary: {_q(event.summary)}\n"
            f"people: {_flow(event.people)}\nplaces: {_flow(event.places)}\n"
            f"tags: {_flow(event.tags)}\nsources:\n{_sources_yaml(event)}---\n{event.body}")


def dateline_person(person: Person) -> str:
    """A person file of our format."""
    return (f"---\nname: {_q(person.name)}\naliases: [{_q(person.alias)}]\nborn: {person.born}\n"
            f"nationality: British\nroles:\n  - title: {_q(person.role)}\n"
            f"    from: {person.born + 30}\n---\n{person.body}")


def write_dateline(corpus: Corpus, root: Path, articles: bool = False) -> Path:
    """``root/content`` in our format; return it."""
    content = root / "content"
    _write(content / "site.yaml", "title: Bench timeline\ndescription: A synthetic timeline.\n"
           "base_url: https://example.org/\nlanguage: en\nextra:\n  subtitle: Bench\n")
    for event in corpus.events:
        _write(content / "events" / f"{event.slug}.md", dateline_event(event))
    for person in corpus.people:
        _write(content / "people" / f"{person.slug}.md", dateline_person(person))
    for article in corpus.articles if articles else ():
        _write(content / "articles" / f"{article.slug}.txt",
               f"---\ntitle: {_q(article.title)}\noutlet: {_q(article.outlet)}\n"
               f"published: {article.published}\nurl: https://example.org/a/{article.slug}\n"
               f"---\n{article.text}")
    return content


def write_hugo(corpus: Corpus, root: Path) -> Path:
    """A Hugo site under ``root``; return it."""
    _write(root / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        _write(root / "layouts" / name, text)
    content = root / "content"
    _write(content / "events" / "_index.md", "---\nbuild:\n  render: never\n  list: never\n---\n")
    _write(content / "people" / "_index.md", "---\ntitle: People\n---\n")
    _write(content / "tags" / "_index.md", "---\ntitle: Tags\n---\n")
    _write(content / "search.md", "---\ntitle: Search\nlayout: search\n---\n")
    _write(content / "sources.md", "---\ntitle: Sources\nlayout: search\n---\n")
    for tag in TAGS:
        _write(content / "tags" / f"{tag}.md", f"---\ntitle: {tag}\n---\n")
    for event in corpus.events:
        _write(content / "events" / f"{event.slug}.md",
               f"---\ntitle: {_q(event.title)}\ndate: {event.full_date}\n"
               f"datelabel: {_q(event.date)}\nsummary: {_q(event.summary)}\n"
               f"persons: {_flow(event.people)}\nplaces: {_flow(event.places)}\n"
               f"labels: {_flow(event.tags)}\nsources:\n{_sources_yaml(event)}---\n{event.body}")
    for person in corpus.people:
        _write(content / "people" / f"{person.slug}.md",
               f"---\ntitle: {_q(person.name)}\naliases_shown: [{_q(person.alias)}]\n"
               f"born: {person.born}\nroles:\n  - title: {_q(person.role)}\n"
               f"    from: {person.born + 30}\n---\n{person.body}")
    return root


def write_pelican(corpus: Corpus, root: Path) -> Path:
    """A Pelican site under ``root`` (``pelicanconf.py``, ``content/``, ``theme/``)."""
    _write(root / "pelicanconf.py", PELICAN_CONF)
    for name, text in PELICAN_TEMPLATES.items():
        _write(root / "theme" / "templates" / name, text)
    names = {person.slug: person.name for person in corpus.people}
    content = root / "content"
    for event in corpus.events:
        sources = ";;".join("|".join(source) for source in event.sources)
        _write(content / "events" / f"{event.slug}.md",
               f"Title: {event.title}\nDate: {event.full_date}\nSlug: {event.slug}\n"
               f"Datelabel: {event.date}\nSummary: {event.summary}\n"
               f"Tags: {', '.join(event.people)}\n"
               f"Names: {'|'.join(names[slug] for slug in event.people)}\n"
               f"Places: {', '.join(event.places)}\nLabels: {', '.join(event.tags)}\n"
               f"Sources: {sources}\n\n{event.body}")
    for person in corpus.people:
        _write(content / "people" / f"{person.slug}.md",
               f"Title: {person.name}\nSlug: {person.slug}\nAliases: {person.alias}\n"
               f"Born: {person.born}\nRole: {person.role}\nRolefrom: {person.born + 30}\n\n"
               f"{person.body}")
    for tag in TAGS:
        _write(content / "labels" / f"{tag}.md", f"Title: {tag}\nSlug: tag-{tag}\n"
               f"Save_as: tags/{tag}/index.html\nStatus: hidden\nTemplate: label\n\n")
    _write(content / "extra" / "search.md", "Title: Search\nSlug: search\n"
           "Save_as: search/index.html\nStatus: hidden\nTemplate: search\n\n")
    _write(content / "extra" / "sources.md", "Title: Sources\nSlug: sources\n"
           "Save_as: sources/index.html\nStatus: hidden\nTemplate: search\n\n")
    _write(content / "extra" / "404.md",
           "Title: Not found\nSlug: not-found\nSave_as: 404.html\nStatus: hidden\n"
           "Template: notfound\n\nThis page does not exist.\n")
    return root


def html_pages(out: Path) -> set[str]:
    """Every HTML page under a built site, as a URL path."""
    return {path.relative_to(out).as_posix() for path in out.rglob("*.html")}
