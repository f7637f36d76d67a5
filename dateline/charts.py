"""Small pictures as numbers: the timeline's overview bars and a person's roles over time.

Pure geometry for the templates to draw as SVG; no markup here. Coordinates are in the
chart's own units (a ``viewBox``), so the pictures scale to any screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.model import Event, Role

BAR_WIDTH = 20
BAR_GAP = 4
OVERVIEW_HEIGHT = 80
ROLE_SCALE = 1000
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Bar:
    """One year of the overview: its events, and the bar's place and height."""

    year: int
    count: int
    x: int
    height: int

    @property
    def label(self) -> str:
        """What the bar says to a screen reader: ``1994: 3 events``."""
        return f"{self.year}: {self.count} event{'' if self.count == 1 else 's'}"


@dataclass(frozen=True)
class Overview:
    """Events per year from the first year to the last, empty years included."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    ticks: tuple[tuple[int, float], ...]  # (year, % from the left of the bar's middle)


def overview(counts: Mapping[int, int]) -> Overview:
    """Bars for every year between the first and last event, from the number of events of
    each year that has some; the tallest fills the height."""
    if not counts:
        return Overview((), 0, OVERVIEW_HEIGHT, ())
    first, last = min(counts), max(counts)
    tallest = max(counts.values())
    step = BAR_WIDTH + BAR_GAP
    bars = tuple(
        Bar(year, counts.get(year, 0), (year - first) * step,
            round(counts.get(year, 0) / tallest * OVERVIEW_HEIGHT))
        for year in range(first, last + 1)
    )
    width = len(bars) * step - BAR_GAP
    every = 10 if len(bars) > 40 else (5 if len(bars) > 8 else 1)
    ticks = tuple((bar.year, round((bar.x + BAR_WIDTH / 2) / width * 100, 2)) for bar in bars
                  if bar.year % every == 0)
    return Overview(bars, width, OVERVIEW_HEIGHT, ticks)


@dataclass(frozen=True)
class RoleSpan:
    """A role on the person's time axis: where its bar starts and how long it is."""

    role: Role
    x: int
    width: int
    open_end: bool
    open_start: bool


@dataclass(frozen=True)
class RolesChart:
    """A person's roles in the order they began, on one axis from ``first`` to ``last``."""

    spans: tuple[RoleSpan, ...]
    first: int
    last: int
    ticks: tuple[tuple[int, float], ...] = ()  # (year, % from the left) at round years
    events: tuple[int, ...] = ()  # where the person's events fall, on the same scale
    scale: int = ROLE_SCALE


def roles_chart(roles: Sequence[Role], events: Iterable[Event],
                horizon: int) -> RolesChart | None:
    """The chart of ``roles``; a role without an end runs to ``horizon`` (the last year shown).

    The axis covers the roles and the person's events; ``None`` when no role has a date.
    """
    dated = [r for r in roles if r.start is not None or r.end is not None]
    if not dated:
        return None
    dates = [e.date for e in events]
    years = [p.year for r in dated for p in (r.start, r.end) if p is not None]
    years += [d.year for d in dates]
    first = min(years)
    last = max(*years, horizon if any(r.end is None for r in dated) else first)
    span = max(last + 1 - first, 1)

    def position(day: date) -> float:
        return (day.year - first + (day.timetuple().tm_yday - 1) / 365) / span

    spans = []
    for role in sorted(dated, key=_role_key):
        begin = position(role.start.start.first_day()) if role.start else 0.0
        end = position(role.end.start.last_day() + ONE_DAY) if role.end else 1.0
        x = round(begin * ROLE_SCALE)
        width = max(round(min(end, 1.0) * ROLE_SCALE) - x, 6)
        spans.append(RoleSpan(role, min(x, ROLE_SCALE - 6), width, role.end is None,
                              role.start is None))
    marks = tuple(sorted({round(position(d.start.first_day()) * ROLE_SCALE) for d in dates}))
    every = 10 if span > 40 else (5 if span > 8 else 1)
    ticks = tuple((year, round((year - first) / span * 100, 2))
                  for year in range(first, last + 1)
                  if year % every == 0 and (year - first) / span >= 0.1)  # clear of `first`
    return RolesChart(tuple(spans), first, last, ticks, marks)


def _role_key(role: Role) -> tuple[tuple[int, int, int], str]:
    point = role.start or role.end
    if point is None:
        return (0, 0, 0), role.title
    start = point.start
    return (start.year, start.month or 0, start.day or 0), role.title
