"""The demo: lecture series with past and coming lectures, a rotation with a slot in every
state, attendance records, and a calendar feed carrying the coming lectures."""

from io import StringIO

import pytest
from icalendar import Calendar

from django.core.management import call_command
from django.utils import timezone

from attendance.models import AttendanceRecord, Status
from lectures.models import LecturePage, LectureSeriesPage, MonthlyLectureSlot, SlotStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_everything_the_issue_asks_for_and_loads_only_once(monkeypatch, client):
    # One test, because loading the demo takes a while: every check on one load, then a second
    # load that must add nothing.
    monkeypatch.setenv("DEMO_USER_PASSWORD", "demo-password-123")
    call_command("load_demo", stdout=StringIO())
    now = timezone.now()

    # Lecture series with past and coming lectures.
    assert LectureSeriesPage.objects.live().count() == 4
    assert LecturePage.objects.live().filter(end__lt=now).count() >= 4
    assert LecturePage.objects.live().filter(start__gt=now).count() >= 3

    # A year's rotation with slots in each state, one of them overdue.
    assert set(MonthlyLectureSlot.objects.values_list("status", flat=True)) == set(
        SlotStatus.values
    )
    assert MonthlyLectureSlot.objects.overdue().exists()
    assert MonthlyLectureSlot.objects.filter(year=timezone.localdate().year).count() == 12

    # Attendance records with every result.
    results = set(AttendanceRecord.objects.values_list("status", flat=True))
    assert {Status.PRESENT, Status.LATE, Status.EXCUSED, Status.ABSENT} <= results

    # The calendar feed validates and carries the coming lectures for everyone.
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="zhangwei"))
    calendar = Calendar.from_ical(client.get("/lectures/calendar.ics").content)
    titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    coming = set(
        LecturePage.objects.live()
        .filter(start__gt=now, audience="everyone")
        .values_list("title", flat=True)
    )
    assert coming and coming <= titles
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]

    counts = (
        LecturePage.objects.count(),
        MonthlyLectureSlot.objects.count(),
        AttendanceRecord.objects.count(),
    )
    call_command("load_demo", stdout=StringIO())
    assert counts == (
        LecturePage.objects.count(),
        MonthlyLectureSlot.objects.count(),
        AttendanceRecord.objects.count(),
    )
