"""A running preview: build once, serve the snapshot, rebuild whenever a watched file changes."""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Collection
from pathlib import Path

import watchfiles

from dateline import pipeline
from dateline.diagnostics import Diagnostic, error, summary
from dateline.model import Config
from dateline.reuse import Reuse
from dateline.serve.http import LOCAL_NAMES, PreviewServer
from dateline.serve.search import SearchIndexer
from dateline.serve.state import Live, Snapshot

Say = Callable[[str], None]
MANY = 500  # changes in one batch beyond which every file is looked at


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Preview:
    """The preview server and its watcher; use as a context manager or call ``close``."""

    def __init__(self, content: Path, templates: Path, host: str = "127.0.0.1",
                 port: int = 8000, base_url: str | None = None, say: Say = _stderr,
                 strict: bool = False) -> None:
        self.live = Live()
        self.strict = strict  # warnings fail the build too, as with check --strict
        self.say = say
        self.server = PreviewServer((host, port), self.live, LOCAL_NAMES | {host.lower()})
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.server.server_address[1]}/"
        base = base_url or self.url
        self.server.prefix = Config(base_url=base).base_path
        self.url = self.url.rstrip("/") + self.server.prefix
        self.settings = pipeline.Settings(content=content, templates=templates,
                                          base_url=base, drafts=True, incremental=True)
        self.watched = [path for path in (content, templates) if path.exists()]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._reuse: Reuse | None = None  # only the watcher thread builds
        self._told = False  # the watcher has told every change since the build of _reuse
        self.search = SearchIndexer(self.live, say)

    def rebuild(self, changed: Collection[str] | None = None) -> Snapshot:
        """Build the site with drafts; publish it, or keep the last good one and its problems.
        ``changed``: the paths the watcher saw change since the last build, if it knows."""
        started = time.perf_counter()
        try:
            result = pipeline.build(self.settings, self._reuse,
                                    changed=changed if self._told else None)
            failed = result.failed or (self.strict and bool(result.diagnostics))
            problems, files = result.diagnostics, None if failed else result.files
            self._reuse, self._told = result.reuse, True
        except Exception as exc:  # a bug in dateline must not stop the preview
            self.say(traceback.format_exc().rstrip())
            problems, files = [_internal(exc)], None
            self._told = False  # what changed meanwhile is not known: look at every file
        snapshot = self.live.publish(files, problems)
        if files is not None:
            self.search.request()
        self._report(snapshot, time.perf_counter() - started)
        return snapshot

    def _report(self, snapshot: Snapshot, seconds: float) -> None:
        for line in snapshot.lines():
            self.say(line)
        if snapshot.failed:
            kept = "showing the last good site" if snapshot.site else "nothing to show yet"
            self.say(f"build failed ({summary(snapshot.problems)}): {kept}")
        else:
            found = f" ({summary(snapshot.problems)})" if snapshot.problems else ""
            self.say(f"built in {seconds:.2f} s{found}: {self.url}")

    def start(self) -> Preview:
        """Build once, then serve and watch in background threads."""
        self.rebuild()
        self.search.start()
        for target, name in ((self._serve, "serve"), (self._watch, "watch")):
            thread = threading.Thread(target=target, name=f"dateline-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def _serve(self) -> None:
        self.server.serve_forever(poll_interval=0.05)

    def _watch(self) -> None:
        """Rebuild after each batch of saves, telling the build which files changed; if
        watching fails (a watched folder was removed), say so, rebuild and watch again, so
        the preview keeps going.

        The first batch after the watcher starts, and a batch of more than ``MANY`` changes
        (the system may have dropped some of a burst), are built looking at every file."""
        while not self._stop.is_set():
            self._told = False  # saves before the watcher started are not in its batches
            try:
                for changes in watchfiles.watch(*self.watched, stop_event=self._stop, step=50,
                                                raise_interrupt=False, rust_timeout=500):
                    paths = {path for _, path in changes}
                    names = sorted({_shown(path) for path in paths})
                    more = " …" if len(names) > 5 else ""
                    self.say("changed: " + ", ".join(names[:5]) + more)
                    self.rebuild(paths if len(paths) <= MANY else None)
            except (OSError, RuntimeError) as exc:
                self.say(f"watching stopped ({exc}); trying again in a second")
                if not self._stop.wait(1.0):
                    self.rebuild()

    def wait(self) -> None:
        """Block until interrupted (Ctrl-C)."""
        try:
            while all(thread.is_alive() for thread in self._threads):
                self._stop.wait(0.5)
        except KeyboardInterrupt:
            self.say("stopped")

    def close(self) -> None:
        """Stop watching and serving; end every event stream."""
        self._stop.set()
        self.live.close()
        if any(t.name == "dateline-serve" for t in self._threads):
            self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.search.close()

    def __enter__(self) -> Preview:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _shown(path: str) -> str:
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _internal(exc: Exception) -> Diagnostic:
    return error("dateline", 1, 1, f"internal error while building: {exc!r}",
                 "this is a bug in dateline; the traceback is in the terminal")
