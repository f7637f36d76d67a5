"""Merging articles into the timeline as an editor meets it: review, accept, the seed article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO, STARTER_CONTENT, TEMPLATES, build_site, make_site, person, run_cli

SEED = REPO.parent / "shared" / "seeds" / "000_f536d917fbb0bdcd.txt"
ARTICLE = """---
title: Ministers agree on new embassy rules
outlet: Dateline Wire
url: https://news.example/embassy-rules
published: 2019-05-15
---
LONDON, May 15 (Dateline Wire) - Foreign ministers Anna Smith and Ivan Petrov signed an \
agreement on embassy staffing in London on Wednesday, officials said.

The deal follows months of negotiations.
"""


def articles_site(tmp_path: Path) -> Path:
    return make_site(tmp_path, {
        "articles/embassy-rules.txt": ARTICLE,
        "people/anna-smith.md": person("Anna Smith"),
        "people/ivan-petrov.md": person("Ivan Petrov"),
    })


def review_ids(content: Path) -> list[str]:
    run = run_cli("review", "--json", "--content", content, "--templates", TEMPLATES)
    assert run.code == 0, run.err
    return [item["id"] for item in json.loads(run.out)]


def test_review_lists_extraction_only_events_with_confidence_and_sentence(tmp_path: Path
                                                                          ) -> None:
    content = articles_site(tmp_path)
    run = run_cli("review", "--content", content, "--templates", TEMPLATES)
    assert run.code == 0, run.err
    assert "confidence" in run.out
    assert "content/articles/embassy-rules.txt:7:" in run.out
    assert "signed an agreement on embassy staffing" in run.out
    assert "1 extracted event to review" in run.out


def test_accept_round_trips_through_check_and_keeps_one_event(tmp_path: Path) -> None:
    content = articles_site(tmp_path)
    [event_id] = review_ids(content)
    run = run_cli("accept", event_id, "--content", content, "--templates", TEMPLATES)
    assert run.code == 0, run.err
    [written] = sorted((content / "events").glob("*.md"))
    text = written.read_text(encoding="utf-8")
    assert "articles: [embassy-rules]" in text
    assert "date: 2019-05-15" in text
    check = run_cli("check", "--strict", "--content", content, "--templates", TEMPLATES)
    assert check.code == 0, check.err
    assert review_ids(content) == []
    built, site = build_site(tmp_path, content=content)
    assert built.code == 0, built.err
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    [event] = data["events"]
    assert event["id"] == written.stem and not event["extracted"]
    assert [s.get("article") for s in event["sources"]] == ["embassy-rules"]
    again = run_cli("accept", event_id, "--content", content, "--templates", TEMPLATES)
    assert again.code == 1 and f"no extracted event '{event_id}'" in again.err


def test_accept_refuses_an_unknown_id_with_a_hint(tmp_path: Path) -> None:
    content = articles_site(tmp_path)
    [event_id] = review_ids(content)
    run = run_cli("accept", event_id[:-1], "--content", content, "--templates", TEMPLATES)
    assert run.code == 1
    assert f"did you mean '{event_id}'?" in run.err
    assert not (content / "events").exists()


@pytest.mark.skipif(not SEED.is_file(), reason="the user's example article is in ../shared/"
                    "seeds, which is not beside this checkout")
def test_the_users_article_adds_a_source_not_an_event(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(STARTER_CONTENT, content)
    run, site = build_site(tmp_path / "before", content=content)
    assert run.code == 0, run.err
    before = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    shutil.copy(SEED, content / "articles" / "cnn-johnson-lavrov-moscow.txt")
    run, site = build_site(tmp_path / "after", content=content)
    assert run.code == 0, run.err
    after = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert len(after["events"]) == len(before["events"])
    talks = [e for e in after["events"] if e["date"] == "2017-12-22"]
    assert len(talks) == 1
    articles = [s.get("article") for s in talks[0]["sources"]]
    assert "cnn-johnson-lavrov-moscow" in articles
    page = (site / "events" / talks[0]["id"] / "index.html").read_text(encoding="utf-8")
    assert "Sergey Lavrov acknowledged significant problems" in page


def test_source_pages_list_articles_and_the_events_they_support(tmp_path: Path) -> None:
    content = articles_site(tmp_path)
    run, site = build_site(tmp_path, content=content)
    assert run.code == 0, run.err
    index = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert 'href="../sources/embassy-rules/"' in index
    assert "Ministers agree on new embassy rules" in index and "1 event" in index
    page = (site / "sources" / "embassy-rules" / "index.html").read_text(encoding="utf-8")
    assert "Dateline Wire" in page and "15 May 2019" in page
    assert "<p>The deal follows months of negotiations.</p>" in page
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    [event] = data["events"]
    assert event["extracted"]
    assert f'href="../../{event["url"].split("/", 3)[3]}"' in page
    event_page = (site / "events" / event["id"] / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/embassy-rules/"' in event_page
    assert "from articles" in event_page
