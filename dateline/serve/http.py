"""The preview's HTTP side: local hosts only, site files from memory, an event stream.

Every request is checked before anything is looked up: the Host header must name this
machine (so a web page elsewhere cannot reach the preview through DNS rebinding), and the
path must name a file of the built site. Files come from the in-memory snapshot, never from
the disk, so ``..``, encoded slashes, absolute paths and symlinks have nothing to reach.
"""

from __future__ import annotations

import json
import mimetypes
import re
import socket
import sys
from collections.abc import Container
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from dateline.serve.assets import ASSETS, EVENTS, error_page, inject
from dateline.serve.state import Live, Snapshot

KEEPALIVE = 15.0
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_BAD_ESCAPE = re.compile(r"%(2f|5c|00)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PORT = re.compile(r"(:\d{1,5})?")
_NAME = re.compile(r"[a-z0-9.-]+|[0-9a-f:.]+")
OUTSIDE = ""  # names no file: a path outside the site's prefix is simply not found


class BadPath(ValueError):
    """A request path that cannot name a file of the site."""


@dataclass(frozen=True)
class Redirect:
    """Send the browser to ``location`` (a folder without its trailing slash)."""

    location: str


def host_name(header: str | None) -> str | None:
    """The host part of a Host header, lower-cased (``[::1]:8000`` gives ``::1``)."""
    text = (header or "").strip().lower()
    if text.startswith("["):
        name, bracket, rest = text[1:].partition("]")
        if not bracket:
            return None
    elif text.count(":") > 1:
        return None
    else:
        name, colon, port = text.partition(":")
        rest = colon + port
    return name if _NAME.fullmatch(name) and _PORT.fullmatch(rest) else None


def site_path(target: str, prefix: str, files: Container[str]) -> str | Redirect:
    """The key in ``files`` a request target names, or a Redirect; BadPath when unsafe."""
    raw = target.split("?", 1)[0].split("#", 1)[0]
    if not raw.startswith("/") or "\\" in raw or _BAD_ESCAPE.search(raw):
        raise BadPath(target)
    try:
        path = unquote(raw, errors="strict")
    except UnicodeDecodeError as exc:
        raise BadPath(target) from exc
    if _CONTROL.search(path) or "\\" in path:
        raise BadPath(target)
    if not path.startswith(prefix):
        if path + "/" == prefix or path == "/":
            return Redirect(prefix)
        return OUTSIDE
    rest = path[len(prefix):]
    parts = rest.split("/")
    if any(part in (".", "..") for part in parts) or "" in parts[:-1]:
        raise BadPath(target)
    if rest == "" or rest.endswith("/"):
        return rest + "index.html"
    if rest not in files and rest + "/index.html" in files:
        return Redirect(raw + "/")
    return rest


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the live snapshot and which hosts are local."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], live: Live, hosts: frozenset[str]) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, PreviewHandler)
        self.live = live
        self.hosts = hosts
        self.prefix = "/"

    def handle_error(self, request: object, client_address: object) -> None:
        """A tab closed mid-answer is normal; anything else is a bug worth printing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD only; every response is uncached."""

    protocol_version = "HTTP/1.1"
    server: PreviewServer

    def do_GET(self) -> None:
        """Serve a file of the site, a preview asset or the event stream."""
        self._answer(head=False)

    def do_HEAD(self) -> None:
        """Like GET without the body."""
        self._answer(head=True)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the terminal is for build problems."""

    def _answer(self, head: bool) -> None:
        name = host_name(self.headers.get("Host"))
        if name is None:
            self._send(HTTPStatus.BAD_REQUEST, b"missing or malformed Host header\n", head=head)
            return
        if name not in self.server.hosts:
            self._send(HTTPStatus.FORBIDDEN, b"the preview answers local names only\n",
                       head=head)
            return
        target = self.path.split("?", 1)[0]
        if target == EVENTS and not head:
            self._stream()
        elif target in ASSETS:
            body, kind = ASSETS[target]
            self._send(HTTPStatus.OK, body, kind, head)
        else:
            self._file(head)

    def _file(self, head: bool) -> None:
        snapshot = self.server.live.current()
        try:
            found = site_path(self.path, self.server.prefix, snapshot.files)
        except BadPath:
            self._send(HTTPStatus.BAD_REQUEST, b"not a path inside the site\n", head=head)
            return
        if isinstance(found, Redirect):
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", head=head,
                       extra={"Location": found.location})
            return
        if not snapshot.site:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(snapshot),
                       "text/html; charset=utf-8", head)
            return
        status, name, body = HTTPStatus.OK, found, snapshot.file(found)
        if body is None:
            status, name, body = HTTPStatus.NOT_FOUND, "404.html", snapshot.file("404.html")
        if body is None:
            name, body = "x.txt", b"not found\n"
        kind = _content_type(name)
        if kind.startswith("text/html"):
            body = inject(body, snapshot)
        self._send(status, body, kind, head)

    def _stream(self) -> None:
        live = self.server.live
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        snapshot: Snapshot | None = live.current()
        build = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not live.closed:
                if snapshot is not None:
                    data = json.dumps(snapshot.as_event(), ensure_ascii=False)
                    self.wfile.write(f"event: build\ndata: {data}\n\n".encode())
                    build = snapshot.build
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
                snapshot = live.wait_newer(build, KEEPALIVE)
        except OSError:
            return  # the tab went away

    def _send(self, status: HTTPStatus, body: bytes, kind: str = "text/plain; charset=utf-8",
              head: bool = False, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/json", "application/javascript"):
        kind += "; charset=utf-8"
    return kind
