"""Figures for extraction: date and people scores on a labelled corpus, and speed.

``python -m dateline.evaluate CORPUS_DIR`` (``make eval``) scores the way the corpus README
says: a found date is right when its span overlaps a gold DATE or TIME span and its value
agrees at the gold's precision; overlapping a DURATION, SET, ``*_REF``, ``XXXX`` or
duration-valued (``P…``) gold is neither right nor wrong; anything else found is a false
positive. Recall counts gold DATE/TIME spans whose value is a calendar date, month, quarter or
year. A found person is right when it overlaps a gold mention of the same person.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.dates import EventDate
from dateline.extract.people import person_key

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$|^(\d{4})-Q([1-4])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass
class Score:
    """Counts for precision and recall, and the mistakes to look at."""

    right: int = 0
    wrong: int = 0
    gold: int = 0
    hit: int = 0
    mistakes: list[str] = field(default_factory=list)

    def figures(self) -> str:
        """``P 0.91 (right/found)  R 0.80 (hit/gold)``."""
        found = self.right + self.wrong
        precision = self.right / found if found else 0.0
        recall = self.hit / self.gold if self.gold else 0.0
        return (f"P {precision:.2f} ({self.right}/{found})  "
                f"R {recall:.2f} ({self.hit}/{self.gold})")


def agrees(value: EventDate, gold: str) -> bool:
    """True when ``value`` says what the TimeML ``gold`` says at the gold's precision."""
    gold = gold.split("XX")[0].rstrip("-")
    week = _WEEK.match(gold)
    if week:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return value.start.first_day() == monday and value.end is not None and \
            (value.end.last_day() - monday).days == 6
    found = _CALENDAR.match(gold)
    if not found:
        return False
    start, end = value.start, value.end or value.start
    if found[4]:
        first = (int(found[5]) - 1) * 3 + 1
        return (start.year, start.month, end.year, end.month) == (
            int(found[4]), first, int(found[4]), first + 2)
    parts = [int(p) for p in found.groups()[:3] if p]
    mine = [start.year, start.month, start.day][: len(parts)]
    same_end = [end.year, end.month, end.day][: len(parts)]
    return mine == parts and same_end == parts


def _neutral(gold: dict[str, Any]) -> bool:
    value = str(gold["value"])
    return gold["type"] in {"DURATION", "SET"} or value.endswith("_REF") or \
        value.startswith(("P", "XXXX")) or not (_CALENDAR.match(value.split("XX")[0].rstrip(
            "-")) or _WEEK.match(value))


def _counted(gold: dict[str, Any]) -> bool:
    value = str(gold["value"]).split("XX")[0].rstrip("-")
    return gold["type"] in {"DATE", "TIME"} and bool(_CALENDAR.match(value)) and \
        not value.startswith("P")


def _overlaps(a: dict[str, Any] | Any, gold: dict[str, Any]) -> bool:
    line, col, end = (a["line"], a["col"], a["end_col"]) if isinstance(a, dict) else (
        a.line, a.col, a.end_col)
    return bool(line == gold["line"] and col < gold["end_col"] and gold["col"] < end)


def _align(gold: dict[str, Any], lines: list[str]) -> None:
    """Put each gold span on the line where its text is (this copy's lines are one off)."""
    for item in gold["dates"] + gold["people"]:
        for shift in (0, -1, 1):
            index = item["line"] - 1 + shift
            if 0 <= index < len(lines) and \
                    lines[index][item["col"] - 1:item["end_col"] - 1] == item["text"]:
                item["line"] = index + 1
                break


def score_corpus(folder: Path) -> tuple[Score, Score]:
    """Date and people scores over every ``*.txt`` with a ``*.gold.json`` in ``folder``."""
    from dateline.commands.extract import read_article
    from dateline.extract.article import extract_article
    from dateline.extract.people import known_people

    dates, people, known = Score(), Score(), known_people(())
    for path in sorted(folder.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        _align(gold, path.read_text(encoding="utf-8").split("\n"))
        article, _problems = read_article(path)
        if article is None:
            continue
        found = extract_article(article, known)
        _score_dates(path.name, found.dates, gold["dates"], dates)
        _score_people(path.name, found.people, gold["people"], people)
    return dates, people


def _score_dates(name: str, found: Any, golds: list[dict[str, Any]], score: Score) -> None:
    mentions = [m for m in found if m.accepted and m.value is not None]
    hits: set[int] = set()
    for mention in mentions:
        overlapping = [(i, g) for i, g in enumerate(golds) if _overlaps(mention, g)]
        good = [i for i, g in overlapping if not _neutral(g) and agrees(mention.value, g["value"])]
        if good:
            score.right += 1
            hits.update(good)
        elif overlapping and all(_neutral(g) for _i, g in overlapping):
            continue
        else:
            score.wrong += 1
            gold = overlapping[0][1]["value"] if overlapping else "-"
            score.mistakes.append(f"FP {name}:{mention.line}:{mention.col} '{mention.text}' = "
                                  f"{mention.value.edtf()} (gold {gold}; {mention.reason})")
    for index, gold in enumerate(golds):
        if _counted(gold):
            score.gold += 1
            if index in hits:
                score.hit += 1
            else:
                score.mistakes.append(f"FN {name}:{gold['line']}:{gold['col']} "
                                      f"'{gold['text']}' {gold['value']}")


def _score_people(name: str, found: Any, golds: list[dict[str, Any]], score: Score) -> None:
    def same(a: str, b: str) -> bool:
        a, b = (person_key(re.sub(r"\(.*?\)|,?\s+(?:Jr|Sr)\.?$", "", x)) for x in (a, b))
        return a == b or a.split()[-1] == b.split()[-1]

    hits: set[int] = set()
    for mention in found:
        good = [i for i, g in enumerate(golds) if _overlaps(mention, g) and same(mention.name,
                                                                                g["name"])]
        if good:
            score.right += 1
            hits.update(good)
        else:
            score.wrong += 1
            score.mistakes.append(f"FP {name}:{mention.line}:{mention.col} '{mention.text}' "
                                  f"→ {mention.name}")
    score.gold += len(golds)
    score.hit += len(hits)
    score.mistakes.extend(f"FN {name}:{g['line']}:{g['col']} '{g['text']}'"
                          for i, g in enumerate(golds) if i not in hits)


def speed(sample: str) -> list[str]:
    """Articles per second at about 1, 10 and 100 KB, and the cold start in a fresh process."""
    from dateline.extract.article import extract_article
    from dateline.extract.people import known_people
    from dateline.model import Article, Mark

    known, lines = known_people(()), []
    for size in (1_000, 10_000, 100_000):
        text = (sample * (size // max(1, len(sample)) + 1))[:size]
        article = Article("speed", Mark("speed.txt"), text)
        runs, began = 0, time.perf_counter()
        while runs < 3 or time.perf_counter() - began < 1.0:
            extract_article(article, known)
            runs += 1
        rate = runs / (time.perf_counter() - began)
        lines.append(f"{size // 1000:>4} KB articles: {rate:8.1f} per second")
    code = ("import time; t = time.perf_counter(); import dateline.extract.article as x; "
            "from dateline.extract.people import known_people; from dateline.model import "
            "Article, Mark; i = time.perf_counter(); x.extract_article(Article('a', Mark('a'), "
            "'MOSCOW (AP) — Talks were held on Friday, December 22, 2017.'), known_people(())); "
            "print(f'{i - t:.3f} {time.perf_counter() - i:.3f}')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    lines.append(f"cold start: import {float(out[0]) * 1000:.0f} ms, first article "
                 f"(dateparser loaded) {float(out[1]) * 1000:.0f} ms")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the figures; ``--mistakes`` lists every miss and false positive."""
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluate")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--mistakes", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    dates, people = score_corpus(args.corpus)
    print(f"dates   {dates.figures()}")
    print(f"people  {people.figures()}")
    if args.mistakes:
        print("\n".join(dates.mistakes + people.mistakes))
    if not args.no_speed:
        sample = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(
            args.corpus.glob("*.txt")))
        print("\n".join(speed(sample)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
