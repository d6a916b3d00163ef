"""Publishing a lecture sets up its attendance; the roster is its audience; the lecture page
offers check-in with the code in the window."""

import datetime

import pytest

from django.utils import timezone

from attendance.models import AttendanceRecord, Status
from attendance.rules import event_for
from lectures import audience
from lectures.models import LecturePage
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import DepartmentFactory, PersonFactory

from .factories import LecturePageFactory

pytestmark = pytest.mark.django_db


def test_a_lecture_for_everyone_expects_everyone(cadre, editor):
    lecture = LecturePageFactory(organisers=[editor])
    event = event_for(lecture)
    assert event.title == lecture.title
    assert set(event.records.values_list("person", flat=True)) >= {cadre.pk, editor.pk}
    assert list(event.organisers.all()) == [editor]


def test_a_lecture_for_departments_expects_only_their_people(cadre):
    planning = DepartmentFactory(name="综合规划科")
    ours = PersonFactory(department=planning)
    lecture = LecturePageFactory(departments=[planning])
    roster = set(event_for(lecture).records.values_list("person", flat=True))
    assert roster == {ours.pk}
    assert cadre.pk not in roster


def test_changing_the_audience_changes_the_roster_at_the_next_publish(cadre):
    planning = DepartmentFactory(name="综合规划科")
    ours = PersonFactory(department=planning)
    lecture = LecturePage.objects.get(pk=LecturePageFactory(departments=[planning]).pk)
    lecture.audience = audience.EVERYONE
    lecture.save_revision().publish()
    roster = set(event_for(lecture).records.values_list("person", flat=True))
    assert {ours.pk, cadre.pk} <= roster


def test_a_lecture_without_attendance_has_no_event():
    lecture = LecturePageFactory.build(record_attendance=False)
    from .factories import LectureSeriesPageFactory

    LectureSeriesPageFactory().add_child(instance=lecture)
    lecture.save_revision().publish()
    assert event_for(lecture) is None


def test_the_lecture_page_offers_check_in_during_the_window(cadre_client, cadre):
    start = timezone.now() + datetime.timedelta(minutes=10)
    lecture = LecturePageFactory(start=start)
    response = cadre_client.get(lecture.url)
    assert_contains(response, 'name="code"')
    event = event_for(lecture)
    response = cadre_client.post(
        f"/attendance/events/{event.pk}/",
        {"action": "check_in", "code": event.code, "next": lecture.url},
    )
    assert response.status_code == 302
    assert response["Location"] == lecture.url
    assert AttendanceRecord.objects.get(event=event, person=cadre).status == Status.PRESENT
    assert_contains(cadre_client.get(lecture.url), "签到成功")


def test_check_in_never_redirects_off_site(cadre_client):
    lecture = LecturePageFactory(start=timezone.now() + datetime.timedelta(minutes=10))
    event = event_for(lecture)
    response = cadre_client.post(
        f"/attendance/events/{event.pk}/",
        {"action": "check_in", "code": "000000", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/attendance/events/{event.pk}/"


def test_the_code_form_waits_for_the_window(cadre_client):
    lecture = LecturePageFactory(start=timezone.now() + datetime.timedelta(days=2))
    response = cadre_client.get(lecture.url)
    assert_not_contains(response, 'name="code"')
    assert_contains(response, "签到将于")
