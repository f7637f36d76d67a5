"""Properties that must hold for every input: date order and slugs."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_dates import event_dates

from dateline.dates import EventDate, parse_date
from dateline.slugs import is_slug, make_slug, unique
from dateline.write import write_site


@given(event_dates())
def test_format_then_parse_is_the_identity(value: EventDate) -> None:
    assert parse_date(value.edtf()).edtf() == value.edtf()


@given(event_dates(), event_dates())
def test_order_is_total_and_antisymmetric(a: EventDate, b: EventDate) -> None:
    assert (a < b) + (b < a) + (a.sort_key() == b.sort_key()) == 1


@given(event_dates(), event_dates(), event_dates())
def test_order_is_transitive(a: EventDate, b: EventDate, c: EventDate) -> None:
    if a < b and b < c:
        assert a < c


@given(event_dates(), event_dates())
def test_order_follows_the_first_day_then_coarser_precision(a: EventDate, b: EventDate) -> None:
    first = (a.start.first_day(), a.precision) < (b.start.first_day(), b.precision)
    if first:
        assert a < b


@given(st.text())
def test_a_slug_is_safe_never_empty_and_the_same_for_nfc_and_nfd(text: str) -> None:
    slug = make_slug(text, "entry")
    assert is_slug(slug)
    assert slug == make_slug(unicodedata.normalize("NFD", text), "entry")
    assert slug == make_slug(unicodedata.normalize("NFC", text), "entry")


@given(st.text(min_size=1), st.sets(st.text(min_size=1), max_size=5))
def test_unique_never_returns_a_taken_slug(base: str, taken: set[str]) -> None:
    slug = make_slug(base, "entry")
    assert unique(slug, taken.__contains__) not in taken


@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=4))
def test_a_page_of_any_slug_is_written_inside_the_site(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        files = {f"events/{make_slug(name, 'entry')}/index.html": b"x" for name in names}
        write_site(out, files)
        written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
        assert written == set(files)
        assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
