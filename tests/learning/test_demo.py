"""The demo gives several people a year of plans, four-ones records and notes (some behind pace),
inspections for past months and published notices; loading it again adds nothing."""

import io

import pytest

from django.core.management import call_command

from learning.demo import load_learning
from learning.four_ones import local_today
from learning.inspection import Month
from learning.models import FourOnesRecord, Inspection, InspectionNotice, Note, NoticeStatus, Plan
from learning.progress import BEHIND, progress_for_people
from people.demo import load_people
from people.models import Person

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Plan, Note, FourOnesRecord, Inspection, InspectionNotice)]


def test_the_demo_gives_a_year_of_learning_and_is_idempotent():
    out = io.StringIO()
    load_people(out, "demo-password-1")
    load_learning(out, "demo-password-1")
    first = counts()
    load_learning(out, "demo-password-1")
    assert counts() == first

    today = local_today()
    zhangwei = Person.objects.get(user__username="zhangwei")
    assert set(zhangwei.learning_plans.values_list("year", flat=True)) == {
        today.year - 1,
        today.year,
    }
    assert zhangwei.notes.filter(date__year=today.year - 1).count() >= 24
    assert zhangwei.four_ones_records.exists()

    people = list(Person.objects.select_related("user"))
    progress = progress_for_people(people, today.year - 1, today)
    behind = [p for p in progress.values() if p.pace == BEHIND]
    assert behind and len(behind) < len(people)

    last_month = Month(today.year, today.month).previous()
    assert Inspection.objects.filter(
        person=zhangwei, year=last_month.year, month=last_month.month
    ).exists()
    assert InspectionNotice.objects.filter(status=NoticeStatus.PUBLISHED).exists()


def test_the_notice_command_drafts_last_months_notice_and_explains_bad_input():
    out = io.StringIO()
    call_command("draft_inspection_notice", stdout=out)
    assert InspectionNotice.objects.count() == 1
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("draft_inspection_notice", "--month", "2025-13", stdout=out)
