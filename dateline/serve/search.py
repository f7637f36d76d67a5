"""The preview's search index: Pagefind run in the background on a private copy of the site.

After each good build the site is written (by ``write``) to a private folder, indexed there,
and the index files are attached to the snapshot they belong to. Pages are never held back
for it: tabs reload at once and search catches up a moment later (until then the previous
index answers). Indexing waits for a pause in the saves. Without Pagefind the preview
simply has no search, like ``build``.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from dateline.search import INDEX, index_site, indexer
from dateline.serve.state import Live, Snapshot
from dateline.write import write_site

QUIET = 0.5  # seconds without a new build before indexing, so rebuilds never wait for it


class SearchIndexer:
    """One background thread that indexes the newest good site, skipping superseded ones."""

    def __init__(self, live: Live, say: Callable[[str], None]) -> None:
        self.live = live
        self.say = say
        self.enabled = indexer() is not None
        self._folder = tempfile.TemporaryDirectory(prefix="dateline-preview-")
        self._wanted = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="dateline-search", daemon=True)

    def start(self) -> None:
        """Start indexing (nothing happens when Pagefind is not installed)."""
        if self.enabled:
            self._thread.start()
            self._wanted.set()

    def request(self) -> None:
        """A new good site was published: index it when the thread is free."""
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            while not self._stopped and self._wanted.wait(QUIET):
                self._wanted.clear()  # saves keep coming: index once they pause
            if self._stopped:
                return
            snapshot = self.live.current()
            if snapshot.site:
                self.live.attach_search(snapshot.site, self._index(snapshot))

    def _index(self, snapshot: Snapshot) -> dict[str, bytes]:
        out = Path(self._folder.name) / "site"
        notes: list[str] = []
        try:
            write_site(out, snapshot.files, lambda staging: notes.extend(
                index_site(staging, snapshot.files, out, background=True)))
        except OSError as exc:
            notes.append(f"search index not built: {exc}")
        for note in notes:
            self.say(f"preview: {note}")
        folder = out / INDEX
        if notes or not folder.is_dir():
            return {}
        return {f"{INDEX}/{path.relative_to(folder).as_posix()}": path.read_bytes()
                for path in sorted(folder.rglob("*")) if path.is_file()}

    def close(self) -> None:
        """Stop the thread and remove the private folder."""
        self._stopped = True
        self._wanted.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
        self._folder.cleanup()
