"""Publishing on GitHub Pages: the workflow uses the official actions and the base URL they
give, and the same content works as a project site (``/REPO/``) or on a custom domain."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import REPO, build_site, check_links, event, find_all, read_page

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def test_the_workflow_builds_with_the_base_url_configure_pages_gives() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in uses
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure"))
    build = next(s for s in steps if "build.py build" in s.get("run", ""))
    assert f"--base-url \"${{{{ steps.{configure['id']}.outputs.base_url }}}}/\"" in (
        build["run"])
    assert workflow["permissions"] == {"contents": "read", "pages": "write",
                                       "id-token": "write"}


@pytest.mark.parametrize(("base_url", "base_path"), [
    ("https://owner.github.io/repo/", "/repo/"),
    ("https://timeline.example.org/", "/"),
])
def test_project_site_and_custom_domain(tmp_path: Path, base_url: str, base_path: str) -> None:
    files: dict[str, str | bytes] = {
        "events/a.md": event("A", extra="tags: [war]\npeople: [Ann Example]\n")}
    run, site = build_site(tmp_path, files, "--base-url", base_url, "--no-search")
    assert run.code == 0, run.err
    assert check_links(site, base_path) == []
    not_found = read_page(site, "404.html")
    hrefs = {a.attrs["href"] for a in find_all(not_found, "a")}
    assert {base_path, f"{base_path}people/", f"{base_path}search/"} <= hrefs
    assert find_all(not_found, "form")[0].attrs["action"] == f"{base_path}search/"
    assert f"<loc>{base_url}events/a/</loc>" in (site / "sitemap.xml").read_text()
