"""The "four ones" (四个一) and how progress against them is judged, period by period.

Read an article every week, read a good book every month, write a theoretical article every
quarter, master a new work skill every year. Each cadence splits a year into periods:

- weeks are ISO weeks (Monday to Sunday) of the ISO year, so 2025's first week starts on Monday
  30 December 2024 and 2026's first week takes in 29-31 December 2025;
- months and quarters are calendar months and quarters; the year is the calendar year.

A period is *met* when enough was recorded with a date inside it (dates are the office's local
dates, Asia/Shanghai: use `local_today()` for "today"). A period that ended before today without
enough is *missed*; the period that contains today and is not yet met is *due*; later periods
are *upcoming*. A theoretical article counts when it is published in the knowledge library with
the person among its authors: its date is the article's publication date.

These functions are pure (dates in, progress out); `learning.progress` fetches the dates.
"""

import calendar
import datetime
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

WEEK = "week"
MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

MET = "met"
MISSED = "missed"
DUE = "due"
UPCOMING = "upcoming"

ARTICLE = "article"
BOOK = "book"
THEORY = "theory"
SKILL = "skill"


@dataclass(frozen=True)
class FourOne:
    kind: str
    cadence: str
    label: str
    due_label: str
    required: int = 1


FOUR_ONES: tuple[FourOne, ...] = (
    FourOne(ARTICLE, WEEK, _("An article a week"), _("Read an article this week")),
    FourOne(BOOK, MONTH, _("A book a month"), _("Read a book this month")),
    FourOne(
        THEORY,
        QUARTER,
        _("A theoretical article a quarter"),
        _("Publish a theoretical article in the knowledge library this quarter"),
    ),
    FourOne(SKILL, YEAR, _("A new skill a year"), _("Master a new work skill this year")),
)
BY_KIND = {one.kind: one for one in FOUR_ONES}

STATE_LABELS = {
    MET: _("done"),
    MISSED: _("missed"),
    DUE: _("due now"),
    UPCOMING: _("not yet due"),
}

CADENCE_LABELS = {
    WEEK: pgettext_lazy("cadence", "weeks"),
    MONTH: pgettext_lazy("cadence", "months"),
    QUARTER: pgettext_lazy("cadence", "quarters"),
    YEAR: pgettext_lazy("cadence", "year"),
}


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in the office's time zone (settings.TIME_ZONE, Asia/Shanghai)."""
    return timezone.localdate(now or timezone.now())


@dataclass(frozen=True)
class Period:
    cadence: str
    year: int
    number: int
    start: datetime.date
    end: datetime.date

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def short_label(self) -> str:
        if self.cadence == WEEK:
            return f"W{self.number:02d}"
        if self.cadence == MONTH:
            return str(self.number)
        if self.cadence == QUARTER:
            return f"Q{self.number}"
        return str(self.year)

    @property
    def label(self) -> str:
        if self.cadence == WEEK:
            return f"{self.year}-W{self.number:02d} ({self.start:%m-%d} – {self.end:%m-%d})"
        if self.cadence == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.cadence == QUARTER:
            return f"{self.year} Q{self.number}"
        return str(self.year)


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: 28 December is always in the ISO year's last week."""
    return datetime.date(year, 12, 28).isocalendar().week


@functools.lru_cache(maxsize=256)
def periods(cadence: str, year: int) -> tuple[Period, ...]:
    """The periods of `cadence` that make up `year`, in order (cached: they never change)."""
    return tuple(_periods(cadence, year))


def _periods(cadence: str, year: int) -> list[Period]:
    if cadence == WEEK:
        return [
            Period(
                WEEK,
                year,
                week,
                datetime.date.fromisocalendar(year, week, 1),
                datetime.date.fromisocalendar(year, week, 7),
            )
            for week in range(1, iso_weeks_in_year(year) + 1)
        ]
    if cadence == MONTH:
        return [
            Period(
                MONTH,
                year,
                month,
                datetime.date(year, month, 1),
                datetime.date(year, month, calendar.monthrange(year, month)[1]),
            )
            for month in range(1, 13)
        ]
    if cadence == QUARTER:
        return [
            Period(
                QUARTER,
                year,
                quarter,
                datetime.date(year, 3 * quarter - 2, 1),
                datetime.date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1]),
            )
            for quarter in range(1, 5)
        ]
    if cadence == YEAR:
        return [Period(YEAR, year, 1, datetime.date(year, 1, 1), datetime.date(year, 12, 31))]
    raise ValueError(f"unknown cadence {cadence!r}")


def period_containing(cadence: str, day: datetime.date) -> Period:
    """The period of `cadence` that `day` falls in (an ISO week may belong to the next or last year)."""
    if cadence == WEEK:
        iso = day.isocalendar()
        return periods(WEEK, iso.year)[iso.week - 1]
    if cadence == MONTH:
        return periods(MONTH, day.year)[day.month - 1]
    if cadence == QUARTER:
        return periods(QUARTER, day.year)[(day.month - 1) // 3]
    return periods(YEAR, day.year)[0]


def year_span(year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last date any period of `year` covers (ISO weeks reach past 1 Jan / 31 Dec)."""
    weeks = periods(WEEK, year)
    return (
        min(weeks[0].start, datetime.date(year, 1, 1)),
        max(weeks[-1].end, datetime.date(year, 12, 31)),
    )


@dataclass
class PeriodProgress:
    period: Period
    count: int
    required: int
    state: str

    @property
    def met(self) -> bool:
        return self.state == MET


@dataclass
class CadenceProgress:
    one: FourOne
    year: int
    today: datetime.date
    periods: list[PeriodProgress]

    @property
    def cadence(self) -> str:
        return self.one.cadence

    @property
    def cadence_label(self) -> str:
        return CADENCE_LABELS[self.one.cadence]

    @property
    def total(self) -> int:
        return len(self.periods)

    @property
    def met(self) -> int:
        return sum(1 for p in self.periods if p.state == MET)

    @property
    def missed(self) -> int:
        return sum(1 for p in self.periods if p.state == MISSED)

    @property
    def elapsed(self) -> int:
        """Periods that have started by today (the current one included)."""
        return sum(1 for p in self.periods if p.period.start <= self.today)

    @property
    def completed(self) -> int:
        """Periods that ended before today."""
        return sum(1 for p in self.periods if p.period.end < self.today)

    @property
    def current(self) -> PeriodProgress | None:
        for progress in self.periods:
            if progress.period.contains(self.today):
                return progress
        return None

    @property
    def due_now(self) -> bool:
        current = self.current
        return current is not None and current.state == DUE

    @property
    def on_track(self) -> bool:
        """No finished period was missed."""
        return self.missed == 0


@dataclass
class FourOnesProgress:
    year: int
    today: datetime.date
    cadences: list[CadenceProgress] = field(default_factory=list)

    def __iter__(self):
        return iter(self.cadences)

    def get(self, kind: str) -> CadenceProgress:
        return next(c for c in self.cadences if c.one.kind == kind)

    @property
    def due(self) -> list[CadenceProgress]:
        """The cadences whose current period still wants something."""
        return [c for c in self.cadences if c.due_now]

    @property
    def missed(self) -> int:
        return sum(c.missed for c in self.cadences)


def judge(count: int, required: int, period: Period, today: datetime.date) -> str:
    """The state of one period on `today`."""
    if count >= required:
        return MET
    if period.end < today:
        return MISSED
    if period.start <= today:
        return DUE
    return UPCOMING


def cadence_progress(
    one: FourOne, dates: Iterable[datetime.date], year: int, today: datetime.date
) -> CadenceProgress:
    """Progress of one of the four ones in `year`, judged on `today`, from the dates recorded."""
    year_periods = periods(one.cadence, year)
    counts = [0] * len(year_periods)
    for day in dates:
        period = period_containing(one.cadence, day)
        if period.year == year:
            counts[period.number - 1] += 1
    return CadenceProgress(
        one=one,
        year=year,
        today=today,
        periods=[
            PeriodProgress(period, count, one.required, judge(count, one.required, period, today))
            for period, count in zip(year_periods, counts, strict=True)
        ],
    )


def four_ones_progress(
    dates_by_kind: Mapping[str, Iterable[datetime.date]], year: int, today: datetime.date
) -> FourOnesProgress:
    """Progress of all four ones in `year` on `today`; `dates_by_kind` maps ARTICLE, BOOK,
    THEORY, SKILL to the dates of what counts (theory: published library articles)."""
    return FourOnesProgress(
        year=year,
        today=today,
        cadences=[
            cadence_progress(one, dates_by_kind.get(one.kind, ()), year, today) for one in FOUR_ONES
        ],
    )
