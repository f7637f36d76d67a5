"""Screenshots of every page kind at desktop and phone width, into ``docs/screenshots/``.

Run with ``make screenshots`` (or ``python tests/browser/screenshots.py``): it builds the
repository's own ``content/`` into a temporary folder, serves it under ``/repo/`` and takes
each page with Debian's Chromium in the light colour scheme, plus the timeline in the dark one.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO / "tests")]

from harness import DESKTOP, PHONE, launch, missing_browser, serve  # noqa: E402
from slugify import slugify  # noqa: E402

from dateline.cli import main as dateline  # noqa: E402

OUT = REPO / "docs" / "screenshots"


def _choose(site: Path) -> dict[str, str]:
    """The page of each kind to show: the richest event, person and tag."""
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    events = data["events"]
    event = max(events, key=lambda e: (len(e["people"]) + len(e["sources"]), e["id"]))
    counts: dict[str, int] = {}
    tags: dict[str, int] = {}
    for item in events:
        for person in item["people"]:
            counts[person["id"]] = counts.get(person["id"], 0) + 1
        for tag in item["tags"]:
            tags[tag] = tags.get(tag, 0) + 1
    person = max(counts, key=lambda slug: (counts[slug], slug))
    tag = max(tags, key=lambda t: (tags[t], t)) if tags else ""
    tag_page = f"tags/{slugify(tag)}/" if tag else "tags/"
    return {
        "timeline": "", "event": f"events/{event['id']}/", "people": "people/",
        "person": f"people/{person}/", "tags": "tags/", "tag": tag_page,
        "search": "search/?q=Putin", "404": "no-such-page/",
    }


def shoot(site: Path, out: Path) -> list[Path]:
    """Every page kind at both widths; return the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    pages = _choose(site)
    with serve(site) as address, sync_playwright() as playwright:
        browser = launch(playwright)
        for scheme in ("light", "dark"):
            for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              device_scale_factor=1)
                page = context.new_page()
                for kind, url in pages.items():
                    if scheme == "dark" and kind not in ("timeline", "person"):
                        continue
                    page.goto(address + url, wait_until="networkidle")
                    if kind == "search":
                        page.wait_for_selector("#search-results li")
                    suffix = "" if scheme == "light" else "-dark"
                    path = out / f"{kind}-{width_name}{suffix}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                context.close()
        browser.close()
    return written


def main() -> int:
    """Build the starter site and take the screenshots."""
    reason = missing_browser()
    if reason:
        print(f"screenshots: cannot run: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        code = dateline(["build", "--content", str(REPO / "content"), "--templates",
                         str(REPO / "templates"), "--out", str(site),
                         "--base-url", "https://example.org/repo/"])
        if code:
            return code
        for path in shoot(site, OUT):
            print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
