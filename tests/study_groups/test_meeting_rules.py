"""Each group against its meeting rule; the learning leadership group sees who has fallen behind."""

import datetime
from decimal import Decimal

import pytest

from django.utils import timezone

from people import roles
from study_groups.meeting_rules import Standing, groups_behind, period_of, standings
from study_groups.models import MeetingInterval, StudyGroupPage
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import person_with_roles

from .factories import StudyGroupPageFactory, StudySessionFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 18, 12, 0))


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def old_group(**kwargs):
    group = StudyGroupPageFactory(**kwargs)
    StudyGroupPage.objects.filter(pk=group.pk).update(first_published_at=aware(2025, 1, 1, 9))
    group.refresh_from_db()
    return group


def standing_of(group):
    return next(s for s in standings(now=NOW) if s.group.pk == group.pk)


@pytest.mark.parametrize(
    ("interval", "day", "expected"),
    [
        (MeetingInterval.MONTHLY, datetime.date(2026, 11, 18), ("2026-11-01", "2026-11-30")),
        (MeetingInterval.MONTHLY, datetime.date(2026, 12, 31), ("2026-12-01", "2026-12-31")),
        (MeetingInterval.QUARTERLY, datetime.date(2026, 11, 18), ("2026-10-01", "2026-12-31")),
        (MeetingInterval.QUARTERLY, datetime.date(2026, 2, 1), ("2026-01-01", "2026-03-31")),
    ],
)
def test_periods_are_calendar_months_and_quarters(interval, day, expected):
    start, end = period_of(interval, day)
    assert (start.isoformat(), end.isoformat()) == expected


def test_a_held_session_of_full_length_keeps_the_group_on_track():
    group = old_group(minimum_hours=Decimal(3))
    StudySessionFactory(group=group, starts_at=aware(2026, 11, 3, 9), duration_hours=Decimal(3))
    assert standing_of(group).standing == Standing.ON_TRACK


def test_a_session_too_short_does_not_count():
    group = old_group(minimum_hours=Decimal(6))
    StudySessionFactory(group=group, starts_at=aware(2026, 10, 3, 9), duration_hours=Decimal(2))
    assert standing_of(group).standing == Standing.BEHIND


def test_a_month_without_a_session_puts_a_monthly_group_behind():
    group = old_group()
    StudySessionFactory(group=group, starts_at=aware(2026, 9, 10, 9))
    row = standing_of(group)
    assert row.standing == Standing.BEHIND
    assert row.previous == "2026-10"
    assert [r.group for r in groups_behind(now=NOW)] == [group]


def test_kept_last_month_and_not_yet_this_month_is_due_not_behind():
    group = old_group()
    StudySessionFactory(group=group, starts_at=aware(2026, 10, 10, 9))
    coming = StudySessionFactory(group=group, starts_at=aware(2026, 11, 25, 9))
    row = standing_of(group)
    assert row.standing == Standing.DUE
    assert row.next_session == coming


def test_a_quarterly_group_is_judged_by_quarters():
    group = old_group(meeting_interval=MeetingInterval.QUARTERLY, minimum_hours=Decimal(6))
    StudySessionFactory(group=group, starts_at=aware(2026, 8, 10, 9), duration_hours=Decimal(6))
    assert standing_of(group).standing == Standing.DUE
    assert standing_of(group).previous == "2026 Q3"


def test_a_new_group_is_not_behind_for_the_time_before_it_existed():
    group = StudyGroupPageFactory()
    StudyGroupPage.objects.filter(pk=group.pk).update(first_published_at=aware(2026, 11, 2, 9))
    assert standing_of(group).standing == Standing.DUE


def test_the_learning_leadership_group_sees_the_report_and_others_do_not(client, cadre):
    old_group(title="规划科学习小组")
    client.force_login(cadre.user)
    assert client.get("/groups/meeting-rules/").status_code == 403
    assert_not_contains(client.get("/"), "规划科学习小组")

    supervisor = person_with_roles("liuyang", roles.LEARNING_LEADERSHIP_GROUP)
    client.force_login(supervisor.user)
    report = client.get("/groups/meeting-rules/")
    assert_contains(report, "规划科学习小组")
    assert_contains(report, "落后")
    assert_contains(client.get("/"), "规划科学习小组")
