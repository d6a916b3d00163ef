"""Attendance per event, per person and per department over a period, and the absences without
reason, as plain data that pages and exports share."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from people.models import Department, Person

from .access import ReportScope
from .models import AttendanceEvent, AttendanceRecord, Status


@dataclass
class Tally:
    """How many records ended in each result."""

    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    expected: int = 0

    @property
    def total(self) -> int:
        return self.present + self.late + self.excused + self.absent + self.expected

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """Share of those who were due to come (excused people are not due) who came."""
        due = self.present + self.late + self.absent
        return None if not due else self.attended / due

    @property
    def rate_text(self) -> str:
        return "–" if self.rate is None else f"{self.rate:.0%}"


def _counts():
    return {status: Count("pk", filter=Q(status=status)) for status in Status.values}


def tally(records: QuerySet) -> Tally:
    """Count the results of these records in one query."""
    return Tally(**records.aggregate(**_counts()))


@dataclass
class EventReport:
    event: AttendanceEvent
    tally: Tally
    records: list[AttendanceRecord]

    @property
    def absences(self) -> list[AttendanceRecord]:
        return [r for r in self.records if r.status == Status.ABSENT]


def event_report(event: AttendanceEvent) -> EventReport:
    records = list(event.records.for_reports().select_related("marked_by"))
    counts = Tally()
    for record in records:
        setattr(counts, record.status, getattr(counts, record.status) + 1)
    return EventReport(event=event, tally=counts, records=records)


@dataclass
class Period:
    """A period of dates, both ends included; either end may be open."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query, default_year: int) -> "Period":
        """Read `from` and `to` (YYYY-MM-DD); the default is the whole of `default_year`.
        A bad date is explained and replaced by the default, never a 500."""
        period = cls(datetime.date(default_year, 1, 1), datetime.date(default_year, 12, 31))
        for name, attr in (("from", "start"), ("to", "end")):
            raw = (query.get(name) or "").strip()
            if not raw:
                continue
            try:
                setattr(period, attr, datetime.date.fromisoformat(raw))
            except ValueError:
                period.problems.append(
                    _("“%(value)s” is not a date (use YYYY-MM-DD); the default was used.")
                    % {"value": raw[:30]}
                )
        if period.start and period.end and period.start > period.end:
            period.start, period.end = period.end, period.start
            period.problems.append(_("The period's dates were the wrong way round; swapped."))
        return period

    def as_query(self) -> str:
        from urllib.parse import urlencode

        values = {"from": self.start or "", "to": self.end or ""}
        return urlencode({k: v for k, v in values.items() if v})

    @property
    def slug(self) -> str:
        return f"{self.start or 'start'}_{self.end or 'end'}"


@dataclass
class PersonReport:
    person: Person
    period: Period
    tally: Tally
    records: list[AttendanceRecord]


def person_report(person: Person, period: Period) -> PersonReport:
    records = (
        AttendanceRecord.objects.filter(person=person)
        .between(period.start, period.end)
        .for_reports()
        .order_by("-event__start")
    )
    return PersonReport(person, period, tally(records), list(records))


@dataclass
class DepartmentRow:
    department: Department | None
    tally: Tally

    @property
    def name(self) -> str:
        return self.department.name if self.department else _("No department")


@dataclass
class DepartmentReport:
    period: Period
    rows: list[DepartmentRow]
    total: Tally
    absences: list[AttendanceRecord]
    events: int


def scoped_records(scope: ReportScope, period: Period, department: Department | None = None):
    """The records a person with `scope` may read over `period`, optionally of one department."""
    records = AttendanceRecord.objects.between(period.start, period.end)
    if not scope.everything:
        records = records.filter(person__department_id__in=scope.department_ids)
    if department is not None:
        records = records.filter(person__department=department)
    return records


def department_report(
    scope: ReportScope, period: Period, department: Department | None = None
) -> DepartmentReport:
    """Per department: the results over the period, and everyone absent without reason."""
    records = scoped_records(scope, period, department)
    grouped = records.values("person__department").annotate(**_counts()).order_by()
    by_department = {row.pop("person__department"): Tally(**row) for row in grouped}
    departments = {d.pk: d for d in Department.objects.filter(pk__in=list(by_department))}
    rows = [
        DepartmentRow(departments.get(pk), counts)
        for pk, counts in by_department.items()
        if pk is None or pk in departments
    ]
    rows.sort(
        key=lambda r: (r.department is None, r.department.sort_order if r.department else 0, r.name)
    )
    total = Tally()
    for row in rows:
        for status in Status.values:
            setattr(total, status, getattr(total, status) + getattr(row.tally, status))
    absences = list(records.absent_without_reason().for_reports().order_by("event__start"))
    events = records.values("event").distinct().count()
    return DepartmentReport(period, rows, total, absences, events)
