"""The monthly notes inspection: who is listed for whom, in what order, and recording a mark."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from people.models import Department, Person

from .inspectors import Organisation, inspected_by
from .models import Inspection, InspectionNotice, LearningTargets, Mark, NoticeStatus
from .progress import BEHIND, YearProgress, as_of_for_month, progress_for_people


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def previous(self) -> "Month":
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def next(self) -> "Month":
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    @property
    def label(self) -> str:
        """The month in the reader's language: 2025年5月, May 2025."""
        return month_label(self.year, self.month)

    def __str__(self):
        return self.key


def month_label(year: int, month: int) -> str:
    return date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")


MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(value: str | None, today: datetime.date) -> tuple[Month, str]:
    """The month a query string asks for (YYYY-MM), or this month with a message saying why."""
    current = Month(today.year, today.month)
    value = (value or "").strip()
    if not value:
        return current, ""
    match = MONTH_PATTERN.match(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and year >= 2000:
            chosen = Month(year, month)
            if (chosen.year, chosen.month) > (current.year, current.month):
                return current, _("%(month)s has not come yet; showing this month.") % {
                    "month": chosen.key
                }
            return chosen, ""
    return current, _("“%(value)s” is not a month (write it as 2025-05); showing this month.") % {
        "value": value[:20]
    }


@dataclass
class MemberRow:
    person: Person
    progress: YearProgress
    month: int
    tier: str
    department: Department | None
    inspectors: list[Person]
    inspection: Inspection | None = None

    @property
    def characters_month(self) -> int:
        return self.progress.characters_in(self.month)

    @property
    def notes_month(self) -> int:
        return self.progress.notes_in(self.month)

    @property
    def behind(self) -> bool:
        return self.progress.pace == BEHIND

    @property
    def inspector_names(self) -> str:
        return "、".join(p.display_name for p in self.inspectors)


def member_rows(
    people, month: Month, today: datetime.date, organisation: Organisation | None = None
) -> list[MemberRow]:
    """One row per person for `month`, furthest behind pace first."""
    people = list(people)
    organisation = organisation or Organisation()
    as_of = as_of_for_month(month.year, month.month, today)
    progress = progress_for_people(people, month.year, as_of, LearningTargets.load())
    inspections = {
        i.person_id: i
        for i in Inspection.objects.of_month(month.year, month.month).filter(
            person__in=[p.pk for p in people]
        )
    }
    rows = [
        MemberRow(
            person=person,
            progress=progress[person.pk],
            month=month.month,
            tier=organisation.tier(person),
            department=organisation.department_of_inspection(person),
            inspectors=organisation.inspectors_of(person),
            inspection=inspections.get(person.pk),
        )
        for person in people
    ]
    rows.sort(key=lambda row: row.progress.sort_key)
    return rows


def rows_for_inspector(inspector: Person, month: Month, today: datetime.date) -> list[MemberRow]:
    """The people `inspector` inspects (both tiers), with this month's figures."""
    people = inspected_by(inspector).active().select_related("user", "department")
    return member_rows(people, month, today)


def office_rows(month: Month, today: datetime.date) -> list[MemberRow]:
    """Everyone in the office whose notes someone inspects."""
    organisation = Organisation()
    people = [
        p
        for p in Person.objects.active().select_related("user", "department")
        if organisation.inspectors_of(p)
    ]
    return member_rows(people, month, today, organisation)


@dataclass
class DepartmentStatus:
    department: Department | None
    rows: list[MemberRow] = field(default_factory=list)

    @property
    def inspected(self) -> int:
        return sum(1 for r in self.rows if r.inspection)

    @property
    def marks(self) -> Counter:
        return Counter(r.inspection.mark for r in self.rows if r.inspection)

    @property
    def good(self) -> int:
        return self.marks[Mark.GOOD]

    @property
    def adequate(self) -> int:
        return self.marks[Mark.ADEQUATE]

    @property
    def behind(self) -> int:
        return self.marks[Mark.BEHIND]

    @property
    def complete(self) -> bool:
        return self.inspected == len(self.rows)

    @property
    def state(self) -> str:
        if self.complete:
            return "complete"
        return "partial" if self.inspected else "not_started"

    @property
    def state_label(self) -> str:
        return {
            "complete": _("all inspected"),
            "partial": _("partly inspected"),
            "not_started": _("not started"),
        }[self.state]


def department_statuses(rows: list[MemberRow]) -> list[DepartmentStatus]:
    """The rows grouped by the department they are inspected under, in the office's order."""
    groups: dict[int | None, DepartmentStatus] = {}
    for row in rows:
        key = row.department.pk if row.department else None
        groups.setdefault(key, DepartmentStatus(row.department)).rows.append(row)
    return sorted(
        groups.values(),
        key=lambda s: (
            s.department is None,
            s.department.sort_order if s.department else 0,
            s.department.name if s.department else "",
        ),
    )


def month_is_closed(month: Month) -> bool:
    """A month's inspections are final once its notice is published."""
    return InspectionNotice.objects.filter(
        year=month.year, month=month.month, status=NoticeStatus.PUBLISHED
    ).exists()


@transaction.atomic
def record_inspection(
    inspector: Person,
    person: Person,
    month: Month,
    mark: str,
    comment: str,
    today: datetime.date,
) -> Inspection:
    """Record (or correct) `inspector`'s mark for `person`'s notes in `month`, with the figures
    the inspector saw. After the last inspection of the month, Gongxue drafts the notice."""
    if not inspected_by(inspector).filter(pk=person.pk).exists():
        raise PermissionDenied
    if month_is_closed(month):
        raise ValueError(
            _("The notice for %(month)s is published; its inspections are final.")
            % {"month": month.label}
        )
    row = member_rows([person], month, today)[0]
    inspection, _created = Inspection.objects.update_or_create(
        person=person,
        year=month.year,
        month=month.month,
        defaults={
            "inspector": inspector,
            "inspector_name": inspector.display_name,
            "mark": mark,
            "comment": comment.strip(),
            "notes_count": row.notes_month,
            "characters_month": row.characters_month,
            "characters_year": row.progress.characters,
            "target_characters": row.progress.target,
        },
    )
    if month_fully_inspected(month):
        from .notices import draft_notice

        if not InspectionNotice.objects.filter(year=month.year, month=month.month).exists():
            draft_notice(month, today)
    return inspection


def month_fully_inspected(month: Month) -> bool:
    organisation = Organisation()
    expected = {
        p.pk
        for p in Person.objects.active().select_related("department")
        if organisation.inspectors_of(p)
    }
    done = set(
        Inspection.objects.of_month(month.year, month.month).values_list("person_id", flat=True)
    )
    return bool(expected) and expected <= done
