"""What other programs read: the Atom feed, the sitemap and robots.txt.

Escaping is never by hand: the feed is built with ``xml.etree`` and the sitemap's addresses
go through ``html.escape`` (``&``, ``<`` and ``>``, as XML wants them), after dropping
characters XML 1.0 cannot carry (control characters, lone surrogates), so both are
well-formed whatever the content holds.
Timestamps come from event dates, never from the clock.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from dateline.bodies import markdown
from dateline.memo import by_identity
from dateline.model import Event, Timeline
from dateline.runs import runs
from dateline.site import Page, event_url

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_ENTRIES = 50  # a feed tells what is new; the whole timeline is in timeline.json
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow."""
    return _NOT_XML.sub("", text)


def _add(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text:
        child.text = xml_text(text)
    return child


def _stamp(event: Event) -> str:
    return event.date.start.first_day().isoformat() + "T00:00:00Z"


def _document(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def atom_feed(timeline: Timeline) -> bytes:
    """``feed.xml``: the ``FEED_ENTRIES`` latest events as Atom entries, the latest first."""
    config = timeline.config
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: xml_text(config.language)})
    newest = timeline.events[:-FEED_ENTRIES - 1:-1]  # the timeline's order, backwards
    _add(feed, "id", config.base_url)
    _add(feed, "title", config.title)
    if config.description:
        _add(feed, "subtitle", config.description)
    _add(feed, "updated", _stamp(newest[0]) if newest else "1970-01-01T00:00:00Z")
    author = _add(feed, "author")
    _add(author, "name", config.title)
    _add(feed, "link", href=config.base_url + "feed.xml", rel="self",
         type="application/atom+xml")
    _add(feed, "link", href=config.base_url, rel="alternate", type="text/html")
    for event in newest:
        _entry(feed, timeline, event)
    return _document(feed)


def _entry(feed: ET.Element, timeline: Timeline, event: Event) -> None:
    url = timeline.config.base_url + event_url(event)
    entry = _add(feed, "entry")
    _add(entry, "id", url)
    _add(entry, "title", f"{event.date.human()}: {event.title}")
    _add(entry, "updated", _stamp(event))
    _add(entry, "link", href=url, rel="alternate", type="text/html")
    for slug in event.people:
        _add(_add(entry, "contributor"), "name",
             timeline.people[slug].name)
    for tag in event.tags:
        _add(entry, "category", term=tag)
    if event.summary:
        _add(entry, "summary", event.summary, type="text")
    if event.body.strip():
        _add(entry, "content", str(markdown(event.body)), type="html")


def sitemap(base_url: str, pages: Iterable[Page]) -> bytes:
    """``sitemap.xml``: the address of every page but the 404 page.

    Written as text (it is one element repeated, and the XML library's writer took a tenth of
    a second at 10,000 pages); every address is still escaped by ``html.escape``.
    """
    listed = [page for page in pages if page.url != "404.html"]
    urls = "".join([_urls(base_url, run) for run in runs(listed, "url")])
    return (f"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"{SITEMAP}\">\n"
            f"{urls}</urlset>\n").encode()


@by_identity
def _urls(base_url: str, pages: tuple[Page, ...]) -> str:
    """The sitemap's entries for a run of pages (event pages stay the same objects)."""
    return "".join([f" <url>\n  <loc>{_escaped(base_url + page.url)}</loc>\n </url>\n"
                    for page in pages])


def _escaped(text: str) -> str:
    return html.escape(xml_text(text), quote=False)


def robots(base_url: str) -> bytes:
    """``robots.txt``: everything may be read; the sitemap's address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n".encode()


def feed_files(timeline: Timeline, pages: Iterable[Page]) -> dict[str, bytes]:
    """The feed, the sitemap and robots.txt by their paths in the site."""
    base = timeline.config.base_url
    return {"feed.xml": atom_feed(timeline), "sitemap.xml": sitemap(base, pages),
            "robots.txt": robots(base)}
