"""Shared test utilities: write a tiny content tree, run the CLI in-process, check links.

Import them in any test module with ``from helpers import ...`` (pytest puts ``tests/`` on the
import path). Every path is absolute, so no test depends on the working directory:

- :func:`make_site` writes ``<tmp>/content/...`` (with a valid ``site.yaml`` unless told
  otherwise) and returns the content folder;
- :func:`run_cli` runs ``dateline.cli.main`` with stdout and stderr captured;
- :func:`build_site` and :func:`check_site` do both, with the repository's templates;
- :func:`event` writes the text of an event entry;
- :func:`check_links` lists every broken internal link of a built site.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from dateline.cli import main

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"
STARTER_CONTENT = REPO / "content"
SITE_YAML = "title: Test timeline\nbase_url: https://example.org/\n"
SOURCE = "sources:\n  - url: https://example.org/report\n    outlet: Example News\n"


@dataclass(frozen=True)
class Run:
    """What one CLI run returned and printed."""

    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        """The ``path:line:col: message`` lines of stderr (summary lines left out)."""
        return [line for line in self.err.splitlines() if _is_problem(line)]


def _is_problem(line: str) -> bool:
    head = line.split(": ", 1)[0]
    parts = head.rsplit(":", 2)
    return len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit()


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path to text or bytes) under ``root``; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_bytes(data.encode("utf-8"))
    return root


def make_site(tmp_path: Path, files: Mapping[str, str | bytes],
              site_yaml: str | None = SITE_YAML) -> Path:
    """Write ``<tmp_path>/content`` from ``files``; add ``site.yaml`` unless given or None."""
    content = tmp_path / "content"
    tree = dict(files)
    if site_yaml is not None:
        tree.setdefault("site.yaml", site_yaml)
    return write_tree(content, tree)


def run_cli(*args: str | Path) -> Run:
    """Run ``dateline ARGS`` in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return Run(code, out.getvalue(), err.getvalue())


def check_site(tmp_path: Path, files: Mapping[str, str | bytes], *args: str,
               site_yaml: str | None = SITE_YAML) -> Run:
    """Write a content tree and run ``dateline check`` on it."""
    content = make_site(tmp_path, files, site_yaml)
    return run_cli("check", "--content", content, "--templates", TEMPLATES, *args)


def build_site(tmp_path: Path, files: Mapping[str, str | bytes] | None = None, *args: str,
               content: Path | None = None, out: Path | None = None) -> tuple[Run, Path]:
    """Build ``files`` (or an existing ``content`` folder) to ``<tmp_path>/site``."""
    if content is None:
        content = make_site(tmp_path, files or {})
    site = out or tmp_path / "site"
    run = run_cli("build", "--content", content, "--templates", TEMPLATES, "--out", site, *args)
    return run, site


def event(title: str = "An event", date: str = "2018-03-04", body: str = "",
          extra: str = "", sources: str = SOURCE) -> str:
    """The text of an event entry; ``extra`` is added to the front matter as written."""
    return f"---\ntitle: {title}\ndate: {date}\n{extra}{sources}---\n{body}"


def person(name: str, extra: str = "", body: str = "") -> str:
    """The text of a person entry."""
    return f"---\nname: {name}\n{extra}---\n{body}"


class _Page(HTMLParser):
    """Every id and every internal-looking href/src of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append((name, value))


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def check_links(site_dir: Path, base_path: str = "/") -> list[str]:
    """Every internal href/src that does not resolve, as ``page: problem`` lines.

    The site is taken to be served at ``base_path``. A link resolves when it stays under
    ``base_path`` and names a file (a folder means its ``index.html``), and its ``#fragment``
    is an id in the target page. ``404.html`` is served at any address, so its links must be
    root-relative.
    """
    files = sorted(site_dir.rglob("*.html"))
    pages = {path.relative_to(site_dir).as_posix(): _parse(path) for path in files}
    problems: list[str] = []
    for name, page in pages.items():
        for attr, link in page.links:
            if _is_external(link):
                continue
            problem = _check_link(site_dir, pages, name, link, base_path)
            if problem:
                problems.append(f"{name}: {attr}=\"{link}\" {problem}")
    return problems


def _check_link(site_dir: Path, pages: Mapping[str, _Page], name: str, link: str,
                base_path: str) -> str:
    if name == "404.html" and not link.startswith(("/", "#")):
        return "is relative, but 404.html is served at any address"
    is_index = name == "index.html" or name.endswith("/index.html")
    page_url = base_path + (name[: -len("index.html")] if is_index else name)
    parts = urlsplit(urljoin("http://host" + page_url, link))
    path = posixpath.normpath(unquote(parts.path) or "/")
    if path != "/" and parts.path.endswith("/"):
        path += "/"
    if not (path + "/").startswith(base_path):
        return f"leaves the site (resolves to {path}, outside {base_path})"
    relative = path[len(base_path):]
    target = site_dir / relative
    if target.is_dir():
        target = target / "index.html"
        relative = (relative.rstrip("/") + "/index.html").lstrip("/")
    if not target.is_file():
        return f"resolves to {path}, which is not a file of the site"
    if parts.fragment:
        ids = pages[relative].ids if relative in pages else set()
        if unquote(parts.fragment) not in ids:
            return f"names #{parts.fragment}, which is not an id in {relative}"
    return ""


@dataclass(frozen=True)
class Element:
    """One element found in a page: its attributes and its text content."""

    attrs: Mapping[str, str]
    text: str


class _Finder(HTMLParser):
    """Collects the elements named ``tag`` whose attributes include ``want``."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self, tag: str, want: Mapping[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.want = tag, want
        self.found: list[Element] = []
        self.open: list[tuple[dict[str, str], list[str], int]] = []
        self.depth = 0

    def _matches(self, attrs: dict[str, str]) -> bool:
        for name, value in self.want.items():
            have = attrs.get(name)
            if have is None or (value not in have.split() if name == "class" else have != value):
                return False
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in self.VOID:
            if tag == self.tag and self._matches(values):
                self.found.append(Element(values, ""))
            return
        self.depth += 1
        if tag == self.tag and self._matches(values):
            self.open.append((values, [], self.depth))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.open and self.open[-1][2] == self.depth:
            values, text, _ = self.open.pop()
            self.found.append(Element(values, " ".join("".join(text).split())))
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        for _, text, _ in self.open:
            text.append(data)


def find_all(html: str, tag: str, **want: str) -> list[Element]:
    """Elements ``tag`` with the given attributes (``class_`` matches one class), in order.

    Order is by where each element ends, so nested matches come before their parents.
    """
    finder = _Finder(tag, {name.rstrip("_"): value for name, value in want.items()})
    finder.feed(html)
    finder.close()
    return finder.found


def read_page(site: Path, url: str) -> str:
    """The HTML of the page at ``url`` (``""`` is the home page, folders mean index.html)."""
    path = site / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return path.read_text(encoding="utf-8")
