"""Geometry for the charts drawn as inline SVG on the server: no JavaScript, no external files.

Each chart comes with the numbers it draws, which the templates also show as a table for screen
readers and for anyone who prefers figures.
"""

import math
from dataclasses import dataclass

from . import four_ones
from .progress import YearProgress, expected_by, month_end

WIDTH = 640
HEIGHT = 260
LEFT = 64
RIGHT = 16
TOP = 26  # room above a target line at the top for its label, drawn larger on a phone
BOTTOM = 36


def nice_step(maximum: float, ticks: int = 5) -> int:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` gridlines."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= raw:
            return max(1, int(step))
    return max(1, int(10 * power))


@dataclass
class MonthBar:
    month: int
    characters: int
    cumulative: int
    pace: int
    x: float
    width: float
    y: float
    height: float
    pace_y: float
    shown: bool
    behind: bool

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class CharactersChart:
    width: int
    height: int
    left: int
    right: int
    plot_bottom: float
    bars: list[MonthBar]
    ticks: list[tuple[int, float]]
    target: int
    target_y: float
    pace_points: str
    total: int

    @property
    def axis_y(self) -> float:
        return self.plot_bottom + 18

    @property
    def tick_x(self) -> int:
        return self.left - 6

    @property
    def target_label_y(self) -> float:
        return self.target_y - 4

    @property
    def plot_right(self) -> int:
        return self.width - self.right


def characters_chart(progress: YearProgress) -> CharactersChart:
    """The year's characters month by month (cumulative bars) against the target's pace."""
    year, as_of, target = progress.year, progress.as_of, progress.target
    cumulative = 0
    rows = []
    for month in range(1, 13):
        characters = progress.characters_in(month)
        cumulative += characters
        shown = (year, month) <= (as_of.year, as_of.month)
        rows.append(
            (
                month,
                characters,
                cumulative,
                expected_by(target, year, month_end(year, month)),
                shown,
            )
        )
    top_value = max([target, *(r[2] for r in rows if r[4])] + [1])
    step = nice_step(top_value)
    scale_top = step * math.ceil(top_value / step)
    plot_height = HEIGHT - TOP - BOTTOM
    plot_bottom = HEIGHT - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / 12

    def y_of(value: float) -> float:
        return round(plot_bottom - plot_height * value / scale_top, 1)

    bars = []
    for month, characters, total, pace, shown in rows:
        x = round(LEFT + slot * (month - 1) + slot * 0.18, 1)
        y = y_of(total if shown else 0)
        bars.append(
            MonthBar(
                month=month,
                characters=characters if shown else 0,
                cumulative=total if shown else 0,
                pace=pace,
                x=x,
                width=round(slot * 0.64, 1),
                y=y,
                height=round(plot_bottom - y, 1),
                pace_y=y_of(pace),
                shown=shown,
                behind=shown
                and total < expected_by(target, year, min(as_of, month_end(year, month))),
            )
        )
    pace_points = " ".join(
        f"{round(LEFT + slot * m, 1)},{y_of(expected_by(target, year, month_end(year, m)))}"
        for m in range(1, 13)
    )
    pace_points = f"{LEFT},{plot_bottom} " + pace_points
    ticks = [(value, y_of(value)) for value in range(0, int(scale_top) + 1, step)]
    return CharactersChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=RIGHT,
        plot_bottom=plot_bottom,
        bars=bars,
        ticks=ticks,
        target=target,
        target_y=y_of(target),
        pace_points=pace_points,
        total=progress.characters,
    )


@dataclass
class Cell:
    x: float
    width: float
    state: str
    label: str
    count: int | float | None

    @property
    def state_label(self) -> str:
        return str(four_ones.STATE_LABELS[self.state])


@dataclass
class Strip:
    label: str
    summary: str
    cells: list[Cell]

    @property
    def met(self) -> int:
        return sum(1 for c in self.cells if c.state == four_ones.MET)

    @property
    def missed(self) -> int:
        return sum(1 for c in self.cells if c.state == four_ones.MISSED)

    @property
    def total(self) -> int:
        return len(self.cells)


@dataclass
class StripChart:
    """Strips of cells, each drawn alone in `width` × `cell_height` units and stretched to the
    row's width; their names are the page's own text beside them (above them on a phone), so
    they keep the page's size however narrow the strip is drawn."""

    width: int
    labelled: bool
    strips: list[Strip]
    cell_height: int = 24


STRIP_WIDTH = 720
COMPACT_WIDTH = 400


def _strip(
    label: str, summary: str, cells: list[tuple[str, str, int | float | None]], width: int
) -> Strip:
    slot = width / len(cells)
    gap = 1.5 if len(cells) > 20 else 4
    return Strip(
        label=label,
        summary=summary,
        cells=[
            Cell(
                x=round(slot * i, 1),
                width=round(max(1.0, slot - gap), 1),
                state=state,
                label=text,
                count=count,
            )
            for i, (state, text, count) in enumerate(cells)
        ],
    )


def four_ones_chart(progress: YearProgress) -> StripChart:
    """One strip per cadence, one cell per week, month, quarter or the year, coloured by state."""
    strips = [
        _strip(
            str(cadence.one.label),
            f"{cadence.met}/{cadence.total}",
            [(p.state, p.period.label, p.count) for p in cadence.periods],
            STRIP_WIDTH,
        )
        for cadence in progress.four_ones
    ]
    return StripChart(STRIP_WIDTH, True, strips)


def self_study_chart(progress: YearProgress, label: str) -> StripChart:
    """The weeks of the year in one compact strip (its heading names it, so no label)."""
    study = progress.self_study
    strip = _strip(
        label,
        f"{study.met}/{len(study.weeks)}",
        [(w.state, w.period.label, None if w.days is None else float(w.days)) for w in study.weeks],
        COMPACT_WIDTH,
    )
    return StripChart(COMPACT_WIDTH, False, [strip])
