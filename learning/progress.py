"""A person's learning year in numbers: notes against the target, the four ones, the role's own
requirements, the five haves and self-study, computed for many people in a fixed number of queries.

Everything is judged "as of" a date: today for the personal page, the end of the month for a past
month's inspection (so a May inspection reads the same in August).
"""

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from knowledge.models import ArticleKind, ArticlePage
from people.models import Person

from . import four_ones
from .four_ones import FourOnesProgress, Period
from .models import (
    COUNTING_NEWSPAPER_LEVELS,
    FourOnesRecord,
    LearningTargets,
    Note,
    Plan,
    RecordKind,
    SelfStudyWeek,
)
from .targets import RoleTargets, targets_for_people

AHEAD = "ahead"
ON_PACE = "on_pace"
BEHIND = "behind"
PACE_LABELS = {AHEAD: _("ahead"), ON_PACE: _("on pace"), BEHIND: _("behind pace")}
# Ahead means at least this share of the pace (or the whole year's target already reached).
AHEAD_RATIO = Decimal("1.2")


def days_text(days: Decimal | float | int) -> str:
    """A number of days without trailing zeros: 1, 1.5, 7."""
    text = f"{Decimal(str(days)).normalize():f}"
    return text


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def expected_by(target: int, year: int, day: datetime.date) -> int:
    """How many characters of a yearly target should be written by the end of `day`, pro rata."""
    if day < datetime.date(year, 1, 1):
        return 0
    if day >= datetime.date(year, 12, 31):
        return target
    elapsed = (day - datetime.date(year, 1, 1)).days + 1
    return round(target * elapsed / days_in_year(year))


def pace_status(characters: int, expected: int, target: int) -> str:
    if characters < expected:
        return BEHIND
    if (target and characters >= target) or characters >= expected * AHEAD_RATIO:
        return AHEAD
    return ON_PACE


@dataclass
class Requirement:
    key: str
    label: str
    done: int
    required: int

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def percent(self) -> int:
        if not self.required:
            return 100
        return min(100, round(100 * self.done / self.required))


@dataclass
class Have:
    key: str
    label: str
    done: bool


@dataclass
class SelfStudyWeekProgress:
    period: Period
    days: Decimal | None
    state: str


@dataclass
class SelfStudyProgress:
    required_days: Decimal
    weeks: list[SelfStudyWeekProgress]
    today: datetime.date

    @property
    def met(self) -> int:
        return sum(1 for w in self.weeks if w.state == four_ones.MET)

    @property
    def completed(self) -> int:
        return sum(1 for w in self.weeks if w.period.end < self.today)

    @property
    def missed(self) -> int:
        return sum(1 for w in self.weeks if w.state == four_ones.MISSED)

    @property
    def current(self) -> SelfStudyWeekProgress | None:
        for week in self.weeks:
            if week.period.contains(self.today):
                return week
        return None

    @property
    def total_days(self) -> Decimal:
        return sum((w.days or Decimal(0) for w in self.weeks), Decimal(0))


@dataclass
class YearProgress:
    person: Person
    year: int
    as_of: datetime.date
    targets: RoleTargets
    monthly_characters: list[int]
    monthly_notes: list[int]
    four_ones: FourOnesProgress
    requirements: list[Requirement]
    five_haves: list[Have]
    self_study: SelfStudyProgress
    extras: dict = field(default_factory=dict)

    @property
    def characters(self) -> int:
        return sum(self.monthly_characters)

    @property
    def notes_count(self) -> int:
        return sum(self.monthly_notes)

    @property
    def target(self) -> int:
        return self.targets.note_characters

    @property
    def expected(self) -> int:
        return expected_by(self.target, self.year, self.as_of)

    @property
    def pace_percent(self) -> int | None:
        if not self.expected:
            return None
        return round(100 * self.characters / self.expected)

    @property
    def pace(self) -> str:
        return pace_status(self.characters, self.expected, self.target)

    @property
    def pace_label(self) -> str:
        return PACE_LABELS[self.pace]

    @property
    def pace_gap(self) -> int:
        """Characters still needed to be back on pace (0 when on pace)."""
        return max(0, self.expected - self.characters)

    @property
    def sort_key(self):
        """Furthest behind first: by share of the pace reached, then name."""
        ratio = self.characters / self.expected if self.expected else float("inf")
        return (ratio, self.person.display_name)

    def characters_in(self, month: int) -> int:
        return self.monthly_characters[month - 1]

    def notes_in(self, month: int) -> int:
        return self.monthly_notes[month - 1]

    @property
    def five_haves_done(self) -> int:
        return sum(1 for h in self.five_haves if h.done)


def progress_for_people(
    people: Iterable[Person],
    year: int,
    as_of: datetime.date,
    settings: LearningTargets | None = None,
) -> dict[int, YearProgress]:
    """Each person's year as of `as_of`, by person id, in a fixed number of queries:
    settings, notes by month, records, library articles, plans, self-study weeks."""
    people = list(people)
    if not people:
        return {}
    ids = [p.pk for p in people]
    settings = settings or LearningTargets.load()
    targets = targets_for_people(people, settings)
    span_start, span_end = four_ones.year_span(year)
    last_day = min(as_of, span_end)

    monthly_chars: dict[int, list[int]] = {pk: [0] * 12 for pk in ids}
    monthly_notes: dict[int, list[int]] = {pk: [0] * 12 for pk in ids}
    rows = (
        Note.objects.filter(author_id__in=ids, date__year=year, date__lte=as_of)
        .annotate(month=ExtractMonth("date"))
        .values("author_id", "month")
        .annotate(characters_sum=Sum("characters"), notes=Count("id"))
        .order_by()
    )
    for row in rows:
        monthly_chars[row["author_id"]][row["month"] - 1] = row["characters_sum"] or 0
        monthly_notes[row["author_id"]][row["month"] - 1] = row["notes"]

    records: dict[int, list[tuple]] = defaultdict(list)
    for person_id, kind, day, political, level in FourOnesRecord.objects.filter(
        person_id__in=ids, date__range=(span_start, last_day)
    ).values_list("person_id", "kind", "date", "political_theory", "newspaper_level"):
        records[person_id].append((kind, day, political, level))

    articles: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for author_id, kind, day, article_id in (
        ArticlePage.objects.live()
        .filter(
            authors__in=ids,
            kind__in=[ArticleKind.THEORY, ArticleKind.RESEARCH, ArticleKind.REFLECTION],
            date__range=(span_start, last_day),
        )
        .values_list("authors", "kind", "date", "pk")
        .order_by()
    ):
        articles[author_id][kind].add((article_id, day))

    plans = dict(
        Plan.objects.filter(person_id__in=ids, year=year)
        .annotate(goal_count=Count("goals"))
        .values_list("person_id", "goal_count")
    )

    study: dict[int, dict[datetime.date, Decimal]] = defaultdict(dict)
    for person_id, week_start, days in SelfStudyWeek.objects.filter(
        person_id__in=ids, week_start__range=(span_start, last_day)
    ).values_list("person_id", "week_start", "days"):
        study[person_id][week_start] = days

    result = {}
    for person in people:
        pk = person.pk
        person_targets = targets[pk]
        in_year = [r for r in records[pk] if r[1].year == year]
        theory_dates = [day for _id, day in articles[pk][ArticleKind.THEORY]]
        progress_four = four_ones.four_ones_progress(
            {
                four_ones.ARTICLE: [r[1] for r in records[pk] if r[0] == RecordKind.ARTICLE],
                four_ones.BOOK: [r[1] for r in records[pk] if r[0] == RecordKind.BOOK],
                four_ones.THEORY: theory_dates,
                four_ones.SKILL: [r[1] for r in records[pk] if r[0] == RecordKind.SKILL],
            },
            year,
            as_of,
        )
        research = sum(1 for _id, day in articles[pk][ArticleKind.RESEARCH] if day.year == year)
        reflection = sum(1 for _id, day in articles[pk][ArticleKind.REFLECTION] if day.year == year)
        skills = sum(1 for r in in_year if r[0] == RecordKind.SKILL)
        characters = sum(monthly_chars[pk])
        notes = sum(monthly_notes[pk])

        requirements = [
            Requirement(
                "notes", _("Study notes (characters)"), characters, person_targets.note_characters
            )
        ]
        if person_targets.research_articles:
            requirements.append(
                Requirement(
                    "research",
                    _("Research articles in the knowledge library"),
                    research,
                    person_targets.research_articles,
                )
            )
        if person_targets.central_group:
            central = [
                (
                    "political_theory",
                    _("Political theory books read"),
                    sum(1 for r in in_year if r[0] == RecordKind.BOOK and r[2]),
                    person_targets.political_theory_books,
                ),
                (
                    "classes_given",
                    _("Party classes or theory tutorials given"),
                    sum(1 for r in in_year if r[0] == RecordKind.CLASS_GIVEN),
                    person_targets.classes_given,
                ),
                (
                    "newspaper",
                    _("Articles in a municipal-level or higher newspaper"),
                    sum(
                        1
                        for r in in_year
                        if r[0] == RecordKind.NEWSPAPER and r[3] in COUNTING_NEWSPAPER_LEVELS
                    ),
                    person_targets.newspaper_articles,
                ),
            ]
            requirements += [Requirement(*row) for row in central if row[3]]

        five_haves = [
            Have("plan", _("a plan"), plans.get(pk, 0) > 0),
            Have("notes", pgettext_lazy("the five haves", "study notes"), notes > 0),
            Have("reflection", _("a reflection article"), reflection > 0),
            Have("research", _("a research article"), research > 0),
            Have("skill", _("a new skill"), skills > 0),
        ]

        required_days = settings.self_study_days_per_week
        weeks = []
        for period in four_ones.periods(four_ones.WEEK, year):
            days = study[pk].get(period.start)
            state = four_ones.judge(
                1 if days is not None and days >= required_days else 0, 1, period, as_of
            )
            weeks.append(SelfStudyWeekProgress(period, days, state))

        result[pk] = YearProgress(
            person=person,
            year=year,
            as_of=as_of,
            targets=person_targets,
            monthly_characters=monthly_chars[pk],
            monthly_notes=monthly_notes[pk],
            four_ones=progress_four,
            requirements=requirements,
            five_haves=five_haves,
            self_study=SelfStudyProgress(required_days, weeks, as_of),
        )
    return result


def progress_for(person: Person, year: int, as_of: datetime.date) -> YearProgress:
    return progress_for_people([person], year, as_of)[person.pk]


def as_of_for_month(year: int, month: int, today: datetime.date) -> datetime.date:
    """The day a month is judged on: its last day, or today while the month is still running."""
    return min(month_end(year, month), today)
