"""What the preview adds to pages: the reload script, its shared worker, the problem overlay.

None of this is ever written by ``build``: the server injects it into HTML responses only.
One SharedWorker holds a single event stream for every open tab of the site, so ten tabs
use one connection (browsers allow six per host); a browser without SharedWorker falls back
to one EventSource per tab.
"""

from __future__ import annotations

import html

from dateline.serve.state import Snapshot

PREFIX = "/_dateline/"
EVENTS = PREFIX + "events"

RELOAD_JS = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var loaded = me.getAttribute("data-site");
  var base = me.src.replace(/[^\\/]*$/, "");
  function element(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }
  function show(state) {
    var old = document.getElementById("dateline-overlay");
    if (old) { old.remove(); }
    if (!state.problems.length) { return; }
    var box = element("aside", state.failed ? "dateline-failed" : "dateline-warned");
    box.id = "dateline-overlay";
    box.setAttribute("role", "alert");
    var title = state.failed ? "Build failed: showing the last good site. Fix these and save."
                             : state.problems.length + " warning(s)";
    var head = element("p", "dateline-title", title);
    var close = element("button", "dateline-close", "\\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Hide");
    close.onclick = function () { box.remove(); };
    head.appendChild(close);
    box.appendChild(head);
    var list = element("ul");
    state.problems.forEach(function (line) { list.appendChild(element("li", "", line)); });
    box.appendChild(list);
    document.body.appendChild(box);
  }
  function handle(state) {
    if (!state.failed && state.site && state.site !== loaded) { location.reload(); return; }
    show(state);
  }
  if (window.SharedWorker) {
    var worker = new SharedWorker(base + "worker.js", { name: "dateline-preview" });
    worker.port.onmessage = function (event) { handle(event.data); };
    worker.port.start();
    window.addEventListener("pagehide", function () { worker.port.postMessage("bye"); });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { location.reload(); }  // back from the page cache: listen afresh
    });
  } else if (window.EventSource) {
    var source = new EventSource(base + "events");
    source.addEventListener("build", function (event) { handle(JSON.parse(event.data)); });
  }
}());
"""

WORKER_JS = """\
"use strict";
var ports = [];
var last = null;
var source = null;
function listen() {
  source = new EventSource("events");
  source.addEventListener("build", function (event) {
    last = JSON.parse(event.data);
    ports.forEach(function (port) { port.postMessage(last); });
  });
}
onconnect = function (event) {
  var port = event.ports[0];
  ports.push(port);
  port.onmessage = function (message) {
    if (message.data === "bye") { ports = ports.filter(function (p) { return p !== port; }); }
  };
  port.start();
  if (last) { port.postMessage(last); }
  if (!source) { listen(); }
};
"""

OVERLAY_CSS = """\
#dateline-overlay { position: fixed; z-index: 2147483647; left: 1rem; right: 1rem;
  bottom: 1rem; max-height: 70vh; overflow: auto; margin: 0; padding: .75rem 1rem;
  font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: #1d1f23; background: #fff4f2; border: 2px solid #b3261e; border-radius: 6px;
  box-shadow: 0 4px 24px rgba(0, 0, 0, .25); }
#dateline-overlay.dateline-warned { background: #fff8e6; border-color: #8a4b00;
  left: auto; max-width: 40rem; }
#dateline-overlay ul { margin: .25rem 0 0; padding-left: 1.25rem; }
#dateline-overlay li { white-space: pre-wrap; overflow-wrap: anywhere; }
#dateline-overlay .dateline-title { margin: 0; font-weight: bold; display: flex;
  justify-content: space-between; gap: 1rem; }
#dateline-overlay .dateline-close { font: inherit; border: 0; background: none;
  cursor: pointer; color: inherit; }
"""

ASSETS = {
    PREFIX + "reload.js": (RELOAD_JS.encode(), "text/javascript; charset=utf-8"),
    PREFIX + "worker.js": (WORKER_JS.encode(), "text/javascript; charset=utf-8"),
    PREFIX + "overlay.css": (OVERLAY_CSS.encode(), "text/css; charset=utf-8"),
}


def overlay_html(snapshot: Snapshot) -> str:
    """The overlay as served with a page, so it shows even before the script runs."""
    lines = snapshot.lines()
    if not lines:
        return ""
    if snapshot.failed:
        kind = "dateline-failed"
        title = "Build failed: showing the last good site. Fix these and save."
    else:
        kind, title = "dateline-warned", f"{len(lines)} warning(s)"
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (f'<aside id="dateline-overlay" class="{kind}" role="alert">'
            f'<p class="dateline-title">{html.escape(title)}</p><ul>{items}</ul></aside>')


def preview_tail(snapshot: Snapshot) -> str:
    """The markup added at the end of every HTML page in the preview."""
    return (f'<link rel="stylesheet" href="{PREFIX}overlay.css">{overlay_html(snapshot)}'
            f'<script src="{PREFIX}reload.js" data-site="{html.escape(snapshot.site)}" '
            "defer></script>\n")


def inject(page: bytes, snapshot: Snapshot) -> bytes:
    """``page`` with the preview tail before its last ``</body>`` (or at its end)."""
    tail = preview_tail(snapshot).encode()
    at = page.lower().rfind(b"</body>")
    return page + tail if at < 0 else page[:at] + tail + page[at:]


def error_page(snapshot: Snapshot) -> bytes:
    """What the preview shows before any build succeeded."""
    page = ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Build failed · dateline preview</title></head><body>"
            "<h1>The site could not be built yet</h1>"
            "<p>Fix the problems listed below and save: this page reloads by itself.</p>"
            "</body></html>\n")
    return inject(page.encode(), snapshot)
