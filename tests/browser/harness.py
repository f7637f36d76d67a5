"""What the browser tests and the screenshot command share: a built site served under a
sub-path (``/repo/``, as GitHub Pages serves a project site) and Debian's Chromium.

Nothing is downloaded: the browser is ``/usr/bin/chromium``; when it or the ``playwright``
package is missing the tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import tarfile
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
SUB_PATH = "/repo/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def tool_cache(config: Any, name: str) -> Path:
    """A folder in pytest's cache for a fetched test tool (a temporary one without a cache)."""
    cache = getattr(config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir(name))
    return Path(tempfile.mkdtemp(prefix=f"dateline-{name}-"))


def npm_file(config: Any, package: str, member: str, timeout: int) -> Path:
    """One file of an npm package (``npm pack``, kept in pytest's cache), or a skip with the
    reason when npm is missing, slow or failing."""
    name = package.split("@")[0]
    cache = tool_cache(config, name)
    found = cache / member
    if found.is_file():
        return found
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm is not installed, so {name} cannot be fetched")
    try:
        done = subprocess.run([npm, "pack", package, "--silent"], cwd=cache,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip(f"npm pack {name} took too long (no network?)")
    tarballs = sorted(cache.glob(f"{name}-*.tgz"))
    if done.returncode != 0 or not tarballs:
        pytest.skip(f"npm pack {name} failed: {done.stderr.strip()[:200]}")
    with tarfile.open(tarballs[-1]) as archive:
        archive.extract(member, cache, filter="data")
    tarballs[-1].unlink()
    return found


def missing_browser() -> str:
    """Why the browser tests cannot run here, or an empty string when they can."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is absent (apt-get install chromium); no browser is downloaded"
    return ""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one gets the site's own 404.html, as GitHub Pages does."""

    def __init__(self, *args: Any, not_found: Path, **kwargs: Any) -> None:
        self.not_found = not_found
        super().__init__(*args, **kwargs)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        if code != 404 or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` at ``http://127.0.0.1:PORT/repo/``; yield that address."""
    parent = site.parent / "served"
    if parent.exists():
        shutil.rmtree(parent)
    parent.mkdir()
    (parent / SUB_PATH.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
    handler = functools.partial(_Handler, directory=str(parent),
                                not_found=site / "404.html")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
