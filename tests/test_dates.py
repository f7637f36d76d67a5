"""The date value, table by table: parse, label, EDTF round trip, sort order, bad dates."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.dates import DateError, EventDate, Point, Precision, parse_date

# text, human label, precision, is a range
LABELS = [
    ("2017", "2017", Precision.YEAR, False),
    ("2017-12", "December 2017", Precision.MONTH, False),
    ("2017-12-22", "22 December 2017", Precision.DAY, False),
    ("1994-10-17/1994-10-20", "17–20 October 1994", Precision.DAY, True),
    ("2014-02-20/2014-03-18", "20 February – 18 March 2014", Precision.DAY, True),
    ("2013-12-30/2014-01-02", "30 December 2013 – 2 January 2014", Precision.DAY, True),
    ("2014-03/2014-05", "March – May 2014", Precision.MONTH, True),
    ("1991/1995", "1991–1995", Precision.YEAR, True),
    ("1991/1992-06", "1991 – June 1992", Precision.YEAR, True),
    ("2022-02-24/..", "24 February 2022 – present", Precision.DAY, True),
    ("1991~", "c. 1991", Precision.YEAR, False),
    ("1991?", "1991 (uncertain)", Precision.YEAR, False),
    ("1991%", "c. 1991 (uncertain)", Precision.YEAR, False),
    ("2001-09~", "c. September 2001", Precision.MONTH, False),
    ("2024-02-29", "29 February 2024", Precision.DAY, False),
    ("2018-03-04/2018-03-04", "4 March 2018", Precision.DAY, True),
    ("2018-03/2018-03", "March 2018", Precision.MONTH, True),
    ("2018/2018", "2018", Precision.YEAR, True),
    ("2014-03/2014-05-10", "March 2014 – 10 May 2014", Precision.MONTH, True),
    ("2014-03-30/2014-05", "30 March 2014 – May 2014", Precision.DAY, True),
]


@pytest.mark.parametrize(("text", "label", "precision", "is_range"), LABELS)
def test_a_date_is_labelled_at_its_own_precision(text: str, label: str, precision: Precision,
                                                 is_range: bool) -> None:
    value = parse_date(text)
    assert value.human() == label
    assert value.precision is precision
    assert value.is_range is is_range


def test_a_year_is_never_labelled_as_its_first_day() -> None:
    assert "January" not in parse_date("2017").human()
    assert parse_date("2017").human() != "1 January 2017"


# text as written, canonical EDTF
CANONICAL = [
    ("2017", "2017"),
    ("2017-12", "2017-12"),
    ("2017-1", "2017-01"),
    ("2017-12-2", "2017-12-02"),
    (" 2017-12-22 ", "2017-12-22"),
    ("1994-10-17/1994-10-20", "1994-10-17/1994-10-20"),
    ("2022-02-24/..", "2022-02-24/.."),
    ("1991~", "1991~"),
    ("1991?", "1991?"),
    ("1991%", "1991%"),
    ("1991~/1995", "1991~/1995"),
]


@pytest.mark.parametrize(("text", "edtf"), CANONICAL)
def test_edtf_is_canonical_and_reads_back_as_the_same_value(text: str, edtf: str) -> None:
    value = parse_date(text)
    assert value.edtf() == edtf
    assert str(value) == edtf
    assert parse_date(value.edtf()) == value


POINTS = st.builds(
    lambda y, m, d, p: Point(y, *((None, None) if p == 1 else (m, None) if p == 2 else (m, d))),
    st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28), st.integers(1, 3),
)


@st.composite
def event_dates(draw: st.DrawFn) -> EventDate:
    start = draw(POINTS)
    shape = draw(st.sampled_from(["point", "range", "open"]))
    end = draw(POINTS.filter(lambda p: p.first_day() >= start.first_day())) \
        if shape == "range" else None
    return EventDate(start, end=end, open_end=shape == "open",
                     approximate=draw(st.booleans()), uncertain=draw(st.booleans()))


@given(event_dates())
def test_every_date_value_survives_an_edtf_round_trip(value: EventDate) -> None:
    assert parse_date(value.edtf()) == value


# Each list is in the documented order (see the dates module docstring).
SORTED = [
    "1991",
    "1991~",
    "1991/1995",
    "2017",
    "2017~",
    "2017?",
    "2017%",
    "2017/2018",
    "2017/2018-12",
    "2017-01",
    "2017-01-01",
    "2017-01-01/2017-01-02",
    "2017-01-01/2017-01-31",
    "2017-01-01/2017-02",
    "2017-01-01/..",
    "2017-01-02",
    "2017-02",
    "2018",
]


def test_the_documented_sort_order() -> None:
    values = [parse_date(text) for text in SORTED]
    assert sorted(values, key=EventDate.sort_key) == values
    assert sorted(reversed(values), key=EventDate.sort_key) == values


@pytest.mark.parametrize(("earlier", "later"), [
    ("2017", "2017-01"),  # coarser first on the same first day
    ("2017-01", "2017-01-01"),
    ("2017-01-01", "2017-01-01/2017-01-03"),  # a single date before a range
    ("2017-01-01/2017-01-03", "2017-01-01/2017-01-09"),  # shorter range first
    ("2017-01-01/2018", "2017-01-01/.."),  # open ranges last
    ("2016-12-31/2017-06", "2017"),  # by first day above all
    ("2017", "2017~"),  # exact before approximate
    ("2017~", "2017?"),  # approximate before uncertain
    ("2017/2018", "2017/2018-12"),  # same span: the coarser end first
    ("2017?", "2017%"),
])
def test_pairs_compare_as_documented(earlier: str, later: str) -> None:
    assert parse_date(earlier) < parse_date(later)
    assert not parse_date(later) < parse_date(earlier)


def test_different_dates_never_tie_so_any_shuffle_sorts_the_same() -> None:
    values = [parse_date(text) for text in SORTED]
    keys = [value.sort_key() for value in values]
    assert len(set(keys)) == len(keys)
    shuffled = values[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=EventDate.sort_key) == values


def test_contains_covers_the_whole_span_a_date_can_mean() -> None:
    assert parse_date("2017").contains(date(2017, 12, 31))
    assert not parse_date("2017").contains(date(2018, 1, 1))
    assert parse_date("2024-02").contains(date(2024, 2, 29))
    assert parse_date("2022-02-24/..").contains(date(2099, 1, 1))
    assert not parse_date("1994-10-17/1994-10-20").contains(date(1994, 10, 21))


# text, exact message, 0-based column of the problem within the text
BAD = [
    ("2018-13-04", "date '2018-13-04' has month 13 (expected YYYY, YYYY-MM or YYYY-MM-DD)", 5),
    ("2018-00", "date '2018-00' has month 0 (expected YYYY, YYYY-MM or YYYY-MM-DD)", 5),
    ("2018-04-31", "date '2018-04-31' has day 31 but April 2018 has 30 days "
     "(expected YYYY, YYYY-MM or YYYY-MM-DD)", 8),
    ("2018-02-29", "date '2018-02-29' has day 29 but February 2018 has 28 days "
     "(expected YYYY, YYYY-MM or YYYY-MM-DD)", 8),
    ("2018-04-03/2018-04-01",
     "date '2018-04-03/2018-04-01' ends before it starts (write START/END)", 11),
    ("2018/2018-14", "date '2018-14' has month 14 (expected YYYY, YYYY-MM or YYYY-MM-DD)", 10),
    ("2018/2019~", "date '2018/2019~' has a qualifier on its end (put '~' or '?' after the "
     "start)", 9),
    ("yesterday", "date 'yesterday' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("18-03-04", "date '18-03-04' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("2018-03-04T10:00",
     "date '2018-03-04T10:00' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("0000", "date '0000' has year 0 (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("", "date is empty (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("2018/", "date '2018/' has an empty side (write START/END, or START/.. for an open end)",
     5),
    ("/2018", "date '/2018' has an empty side (write START/END, or START/.. for an open end)",
     0),
    ("../2018", "date '..' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0),
    ("2018/03/04", "date '2018/03/04' is not a date (write 2018-03-04; a range is START/END)", 0),
    ("25/03/2018", "date '25/03/2018' is not a date (write 2018-03-25; a range is START/END)", 0),
    ("04.03.2018", "date '04.03.2018' is not a date (write YYYY-MM-DD: 2018-03-04 or "
     "2018-04-03)", 0),
    ("31/02/2018", "date '31/02/2018' is not a date (write YYYY-MM-DD)", 0),
    ("04/03/18", "date '04/03/18' is not a date (write YYYY-MM-DD)", 0),
    ("2018 to 2019", "date '2018 to 2019' is not a date (write 2018/2019 for a range)", 0),
    ("2018–2019", "date '2018–2019' is not a date (write 2018/2019 for a range)", 0),
]


@pytest.mark.parametrize(("text", "message", "offset"), BAD)
def test_a_bad_date_says_what_is_wrong_and_where(text: str, message: str, offset: int) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.message == message
    assert caught.value.offset == offset
