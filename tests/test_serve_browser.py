"""The preview's reload script in a real browser (headless Chromium): shared stream, reloads,
overlay shown and cleared without a page load. Skipped where Chromium is not installed."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import TEMPLATES, event, make_site
from test_serve import DEADLINE, wait_for

from dateline.diagnostics import error
from dateline.serve import Preview
from dateline.serve.http import PreviewHandler

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None,
                                reason="chromium is not installed (CI installs it)")

# A page that reports to the server what the reload script did to it.
PROBE = """<!doctype html><title>probe</title><body><p>probe</p><script>
new MutationObserver(function () {
  var box = document.getElementById("dateline-overlay");
  var seen = box && box.querySelector(".dateline-close") ? "overlay" : (box ? "" : "clear");
  if (seen && seen !== window.lastSeen) { window.lastSeen = seen; fetch("/seen-" + seen); }
}).observe(document.body, {childList: true, subtree: true});
</script></body>"""


class Traffic:
    """Counts requests by path and the event streams open at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.hits: Counter[str] = Counter()
        self.open = self.most = self.opened = 0
        self.lock = threading.Lock()
        serve_file, stream = PreviewHandler._file, PreviewHandler._stream

        def counted_file(handler: PreviewHandler, head: bool) -> None:
            with self.lock:
                self.hits[handler.path] += 1
            serve_file(handler, head)

        def counted_stream(handler: PreviewHandler) -> None:
            with self.lock:
                self.open += 1
                self.opened += 1
                self.most = max(self.most, self.open)
            try:
                stream(handler)
            finally:
                with self.lock:
                    self.open -= 1

        monkeypatch.setattr(PreviewHandler, "_file", counted_file)
        monkeypatch.setattr(PreviewHandler, "_stream", counted_stream)


@contextmanager
def browser(url: str, profile: Path) -> Iterator[None]:
    """Headless Chromium showing ``url`` until the block ends."""
    process = subprocess.Popen(
        [str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=DEADLINE)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    content = make_site(tmp_path, {"events/treaty.md": event("Treaty signed", "1994-05-06")})
    with Preview(content, TEMPLATES, port=0, say=lambda _: None) as running:
        yield running


def test_ten_tabs_share_one_stream_and_all_reload(preview: Preview, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    traffic = Traffic(monkeypatch)
    frames = "".join('<iframe src="/"></iframe>' for _ in range(10))
    files = dict(preview.live.current().files)
    files["tabs.html"] = f"<!doctype html><title>tabs</title><body>{frames}</body>".encode()
    preview.live.publish(files, [])
    with browser(preview.url + "tabs.html", tmp_path / "profile"):
        wait_for("ten pages and their stream", lambda: traffic.hits["/"] >= 10 and traffic.open)
        assert traffic.most == traffic.opened == 1  # one SharedWorker, one connection for ten
        preview.live.publish(files, [])  # a new build: every tab must reload
        wait_for("ten reloads", lambda: traffic.hits["/"] >= 20)
    # When all ten reload at once the worker may end with them and a new one connect (the
    # server notices the old connection closed only at its next write): never one per tab.
    assert traffic.opened <= 2


def test_the_overlay_comes_and_goes_without_a_reload_then_the_fix_reloads(
        preview: Preview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    traffic = Traffic(monkeypatch)
    files = {**preview.live.current().files, "probe.html": PROBE.encode()}
    preview.live.publish(files, [])
    with browser(preview.url + "probe.html", tmp_path / "profile"):
        wait_for("the page and its stream", lambda: traffic.hits["/probe.html"] and traffic.open)
        broken = error("content/events/treaty.md", 3, 12, "date '1994-13-06' has month 13")
        preview.live.publish(None, [broken])  # a failed build: the same site, an overlay
        wait_for("the overlay", lambda: traffic.hits["/seen-overlay"])
        assert traffic.hits["/probe.html"] == 1  # shown in place, no reload
        preview.live.publish(files, [])  # fixed: a new site, so the page reloads
        wait_for("the reload", lambda: traffic.hits["/probe.html"] == 2)
