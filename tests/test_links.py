"""Every internal link of the built starter site resolves, at ``/`` and under a sub-path."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_site, check_links, event, find_all, read_page, write_tree


@pytest.mark.parametrize(("base_url", "base_path"), [
    ("https://example.org/", "/"),
    ("https://example.org/sub/path/", "/sub/path/"),
    ("https://example.org/sub/path", "/sub/path/"),
])
def test_the_starter_site_has_no_broken_links(tmp_path: Path, starter_content: Path,
                                              base_url: str, base_path: str) -> None:
    run, site = build_site(tmp_path, None, "--base-url", base_url,
                           content=starter_content)
    assert run.code == 0, run.err
    assert check_links(site, base_path) == []
    not_found = read_page(site, "404.html")
    hrefs = [a.attrs["href"] for a in find_all(not_found, "a")]
    assert f"{base_path}people/" in hrefs
    links = [link.attrs["href"] for link in find_all(not_found, "link")]
    assert f"{base_path}static/style.css" in links
    assert all(href.startswith(base_path) for href in links + hrefs
               if "://" not in href and not href.startswith("#"))


def test_the_starter_site_at_its_own_base_url(tmp_path: Path, starter_content: Path) -> None:
    run, site = build_site(tmp_path, None, content=starter_content)
    assert run.code == 0, run.err
    events = list((site / "events").iterdir())
    assert len(events) == len(list((starter_content / "events").glob("*.md")))
    # the sub-path of the configured base_url is where 404.html points
    stylesheet = find_all(read_page(site, "404.html"), "link")[0].attrs["href"]
    assert stylesheet.endswith("static/style.css")
    assert check_links(site, stylesheet[: -len("static/style.css")]) == []


def test_a_tiny_site_under_a_sub_path_has_no_broken_links(tmp_path: Path) -> None:
    run, site = build_site(tmp_path, {"events/a.md": event(extra="people: [Ann Example]\n")},
                           "--base-url", "https://example.org/repo/")
    assert run.code == 0, run.err
    assert check_links(site, "/repo/") == []


# The checker itself must be able to fail: a hand-made site with one mistake of each kind.
BROKEN_SITE = {
    "index.html": '<a href="events/a/">ok</a><a href="events/b/">missing</a>'
                  '<a href="#top">no such id</a><a href="https://example.org/x">external</a>'
                  '<a href="events/a/#here">ok fragment</a><a href="events/a/#gone">gone</a>'
                  '<img src="static/x.png"><a href="/elsewhere/">outside</a>'
                  '<a href="mailto:a@example.org">mail</a>',
    "events/a/index.html": '<p id="here">x</p><a href="../../">home</a>'
                           '<a href="../../../">above</a><link href="../../static/s.css">',
    "static/s.css": "",
    "404.html": '<a href="events/a/">relative</a><a href="/sub/events/a/">ok</a>',
}


def test_the_link_checker_reports_each_kind_of_broken_link(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "site", BROKEN_SITE)
    assert check_links(site, "/sub/") == [
        '404.html: href="events/a/" is relative, but 404.html is served at any address',
        'events/a/index.html: href="../../../" leaves the site (resolves to /, outside /sub/)',
        'index.html: href="events/b/" resolves to /sub/events/b/, which is not a file of the '
        'site',
        'index.html: href="#top" names #top, which is not an id in index.html',
        'index.html: href="events/a/#gone" names #gone, which is not an id in '
        'events/a/index.html',
        'index.html: src="static/x.png" resolves to /sub/static/x.png, which is not a file of '
        'the site',
        'index.html: href="/elsewhere/" leaves the site (resolves to /elsewhere/, outside '
        '/sub/)',
    ]
