"""``python -m dateline.bench.preview CONTENT TEMPLATES``: the preview's rebuild after one edit.

Builds as the preview server does (drafts on, in memory, reusing the previous build and
told which file changed, with a second thread alive so rendering stays in-process as it
does in the server), then edits
one event, one person, the event template, the person template and the stylesheet in turn
and times each rebuild. Prints one line per edit as ``kind seconds``. The files are put back
as they were.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from dateline import pipeline


def _first(folder: Path) -> Path:
    return sorted(folder.glob("*.md"))[0]


def main(content: Path, templates: Path) -> int:
    """Time the preview's rebuilds after each edit."""
    alive = threading.Event()
    threading.Thread(target=alive.wait, daemon=True).start()  # as in the preview server
    settings = pipeline.Settings(content=content, templates=templates, drafts=True,
                                 incremental=True)
    result = pipeline.build(settings)
    edits = {"event": (_first(content / "events"), b"\nEdited.\n"),
             "person": (_first(content / "people"), b"\nEdited.\n"),
             "template": (templates / "event.html", b"{# edited #}\n"),
             "person-template": (templates / "person.html", b"{# edited #}\n"),
             "stylesheet": (templates / "static" / "style.css", b"/* edited */\n")}
    for kind, (path, added) in edits.items():
        before, told = path.read_bytes(), {str(path)}  # as the watcher tells the server
        path.write_bytes(before + added)
        try:
            started = time.perf_counter()
            result = pipeline.build(settings, result.reuse, changed=told)
            print(f"{kind} {time.perf_counter() - started:.3f}", flush=True)
        finally:
            path.write_bytes(before)
        result = pipeline.build(settings, result.reuse, changed=told)
    alive.set()
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
