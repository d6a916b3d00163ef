"""`manage.py send_lecture_reminders --within 24h` e-mails each lecture's audience once."""

import datetime
from io import StringIO

import pytest

from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from lectures.models import LecturePage, SentReminder
from tests.people.factories import DepartmentFactory, PersonFactory

from .factories import LecturePageFactory

pytestmark = pytest.mark.django_db


def run(within="24h") -> str:
    out, err = StringIO(), StringIO()
    call_command("send_lecture_reminders", f"--within={within}", stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def planning_lecture(db):
    planning = DepartmentFactory(name="综合规划科")
    people = PersonFactory.create_batch(3, department=planning)
    PersonFactory(department=DepartmentFactory(name="政策研究室"))
    lecture = LecturePageFactory(
        title="城市更新中的规划与治理",
        start=timezone.now() + datetime.timedelta(hours=5),
        departments=[planning],
    )
    return lecture, people


def test_the_audience_is_reminded_once(planning_lecture):
    lecture, people = planning_lecture
    output = run()
    assert len(mail.outbox) == 3
    assert {m.to[0] for m in mail.outbox} == {p.user.email for p in people}
    assert "城市更新中的规划与治理" in mail.outbox[0].subject
    assert "3" in output
    run()
    run("2d")
    assert len(mail.outbox) == 3
    assert SentReminder.objects.count() == 3


def test_the_reminder_says_when_and_where(planning_lecture):
    lecture, _people = planning_lecture
    run()
    body = mail.outbox[0].body
    assert "机关三楼报告厅" in body
    assert timezone.localtime(lecture.start).strftime("%H:%M") in body
    assert lecture.url in body


def test_lectures_further_away_are_not_reminded_yet(planning_lecture):
    run("2h")
    assert mail.outbox == []


def test_a_rescheduled_lecture_is_reminded_again(planning_lecture):
    lecture, _people = planning_lecture
    run()
    lecture = LecturePage.objects.get(pk=lecture.pk)
    lecture.start += datetime.timedelta(hours=2)
    lecture.end += datetime.timedelta(hours=2)
    lecture.save_revision().publish()
    run()
    assert len(mail.outbox) == 6


def test_people_without_e_mail_are_counted_not_mailed(planning_lecture):
    _lecture, people = planning_lecture
    people[0].user.email = ""
    people[0].user.save()
    output = run()
    assert len(mail.outbox) == 2
    assert "1" in output


def test_a_draft_lecture_is_not_reminded(planning_lecture):
    lecture, _people = planning_lecture
    lecture.unpublish()
    run()
    assert mail.outbox == []


@pytest.mark.parametrize("value", ["tomorrow", "0h", "24", "-5h"])
def test_a_bad_duration_is_a_clear_error(planning_lecture, value):
    with pytest.raises(CommandError) as error:
        run(value)
    assert "24h" in str(error.value) or "0" in str(error.value)
    assert mail.outbox == []
