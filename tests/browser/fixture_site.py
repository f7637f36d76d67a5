"""A small timeline that has one of everything a page can show, for the browser tests."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from helpers import build_site, event, make_site, person

BASE_URL = "https://example.org/repo/"


def tiny_png(width: int = 24, height: int = 30) -> bytes:
    """A valid PNG of a grey-blue gradient, made here so no image file is shipped."""
    rows = b"".join(b"\x00" + bytes((40 + y * 4, 70 + y * 3, 120 + y * 2) * width)
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


FILES: dict[str, str | bytes] = {
    "media/putin.png": tiny_png(),
    "media/salisbury.png": tiny_png(40, 24),
    "people/vladimir-putin.md": person(
        "Vladimir Putin",
        "aliases: [Wladimir Putin, Владимир Путин]\nborn: 1952-10-07\nnationality: Russian\n"
        "image: {src: media/putin.png, alt: Portrait of Vladimir Putin, "
        "credit: Example Agency}\n"
        "roles:\n  - title: President of Russia\n    from: 2012-05-07\n"
        "  - title: Prime Minister of Russia\n    from: 2008-05-08\n    to: 2012-05-07\n"
        "  - title: President of Russia\n    from: 2000-05-07\n    to: 2008-05-07\n",
        "Leader of Russia since 2000.",
    ),
    "people/sergei-lavrov.md": person(
        "Sergei Lavrov", "aliases: [Sergey Lavrov, Сергей Лавров]\n"
        "roles:\n  - title: Foreign Minister of Russia\n    from: 2004-03-09\n",
        "Russia's foreign minister.",
    ),
    "people/theresa-may.md": person("Theresa May", "roles:\n  - title: Prime Minister\n"
                                    "    from: 2016-07-13\n    to: 2019-07-24\n"),
    "events/yeltsin-visit.md": event(
        "Boris Yeltsin visits London", "1992-11-09/1992-11-11",
        "Talks in London and a treaty of friendship.",
        "summary: The first visit of a Russian president.\nplaces: [London]\n"
        "tags: [diplomacy]\npeople: [Boris Yeltsin]\n"),
    "events/putin-state-visit.md": event(
        "Putin makes a state visit to Britain", "2003-06-24",
        "The first state visit by a Russian leader since 1874.",
        "summary: Four days of ceremony and energy deals.\nplaces: [London]\n"
        "tags: [diplomacy, trade]\npeople: [vladimir-putin]\n"),
    "events/litvinenko.md": event(
        "Alexander Litvinenko is poisoned", "2006-11-01",
        "Polonium-210 in a London hotel.",
        "summary: A former FSB officer is poisoned in London.\nplaces: [London]\n"
        "tags: [espionage]\npeople: [Alexander Litvinenko, vladimir-putin]\n"),
    "events/skripal.md": event(
        "Sergei and Yulia Skripal are poisoned", "2018-03-04",
        "A nerve agent in Salisbury.",
        "summary: A nerve agent attack in Salisbury.\nplaces: [Salisbury]\n"
        "tags: [espionage, law]\npeople: [theresa-may, vladimir-putin]\n"
        "image: {src: media/salisbury.png, alt: A quiet street in Salisbury, "
        "caption: Salisbury, credit: Example Agency}\n"),
    "events/expulsions.md": event(
        "Britain expels 23 Russian diplomats", "2018-03-14",
        "The largest expulsion in thirty years.",
        "summary: Theresa May expels 23 diplomats.\nplaces: [London]\n"
        "tags: [diplomacy, espionage]\npeople: [theresa-may, Сергей Лавров]\n"),
    "events/sanctions.md": event(
        "Britain sanctions Russia over the invasion of Ukraine", "2022-02-24/..",
        "Sanctions on banks and people.",
        "summary: Sweeping sanctions.\ntags: [sanctions]\npeople: [vladimir-putin]\n"),
}

PEOPLE_PAGES = ("people/vladimir-putin/", "people/sergei-lavrov/", "people/theresa-may/")
EVENT_SLUGS = ("yeltsin-visit", "putin-state-visit", "litvinenko", "skripal", "expulsions",
               "sanctions")


def build(tmp_path: Path, *args: str) -> Path:
    """Build the fixture timeline for the sub-path ``/repo/``; return the site folder."""
    content = make_site(tmp_path, FILES,
                        site_yaml=f"title: Test timeline\nbase_url: {BASE_URL}\n"
                                  "description: A small timeline for tests.\n")
    run, site = build_site(tmp_path, None, *args, content=content)
    assert run.code == 0, run.err
    assert "search index not built" not in run.err, run.err
    return site
