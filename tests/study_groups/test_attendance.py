"""Sessions use the shared attendance model: the roster is the group, members check in with the
code or ask for leave with a reason, and the leader, secretary and facilitator organise."""

import datetime

import pytest

from django.utils import timezone

from attendance import rules
from attendance.models import AttendanceEvent, LeaveStatus, Status
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import person_with_roles

from .factories import StudySessionFactory

pytestmark = pytest.mark.django_db


def soon():
    """A session that started five minutes ago: check-in is open and not yet late."""
    return timezone.now() - datetime.timedelta(minutes=5)


@pytest.fixture
def session(open_group):
    return StudySessionFactory(group=open_group, topic="系统思考工作坊", starts_at=soon())


def event_of(session):
    return AttendanceEvent.objects.for_object(session).get()


def test_the_roster_is_the_group_with_its_leader_and_secretary(
    session, leader, secretary, member, outsider
):
    event = event_of(session)
    assert set(event.records.values_list("person", flat=True)) == {
        leader.pk,
        secretary.pk,
        member.pk,
    }
    assert set(event.organisers.all()) == {leader, secretary}
    assert event.title == "青年学习小组 · 系统思考工作坊"
    assert event.url == session.get_url()


def test_the_facilitator_organises_and_a_moved_session_moves_its_event(session, member):
    session.facilitator = member
    session.starts_at = session.starts_at + datetime.timedelta(hours=1)
    session.save()
    event = event_of(session)
    assert member in event.organisers.all()
    assert event.start == session.starts_at


def test_members_joining_and_leaving_change_the_coming_rosters(open_group, session, member):
    newcomer = person_with_roles("newcomer", display_name="新成员")
    past = StudySessionFactory(
        group=open_group, starts_at=timezone.now() - datetime.timedelta(days=10)
    )
    rules.close_event(event_of(past))
    open_group.members = [newcomer]
    open_group.save_revision().publish()
    coming = set(event_of(session).records.values_list("person", flat=True))
    assert newcomer.pk in coming
    assert member.pk not in coming
    assert newcomer.pk not in set(event_of(past).records.values_list("person", flat=True))


def test_a_member_checks_in_with_the_code_from_the_session_page(member_client, session, member):
    page = member_client.get(session.get_url())
    assert_contains(page, "签到")
    assert_not_contains(page, event_of(session).code)
    event = event_of(session)
    response = member_client.post(
        f"/attendance/events/{event.pk}/", {"action": "check_in", "code": event.code}
    )
    assert response.status_code == 302
    record = event.records.get(person=member)
    assert record.status == Status.PRESENT
    assert_contains(member_client.get(session.get_url()), "出席")


def test_a_wrong_code_is_refused(member_client, session, member):
    event = event_of(session)
    member_client.post(f"/attendance/events/{event.pk}/", {"action": "check_in", "code": "000000"})
    assert event.records.get(person=member).status == Status.EXPECTED


def test_leave_with_a_reason_goes_to_the_leader(client, open_group, member, leader):
    coming = StudySessionFactory(group=open_group)
    event = event_of(coming)
    client.force_login(member.user)
    client.post(f"/attendance/events/{event.pk}/", {"action": "leave", "reason": "外出调研"})
    leave = event.leave_requests.get(person=member)
    assert leave.reason == "外出调研"
    assert_contains(client.get(coming.get_url()), "外出调研")

    rules.decide_leave(leave, leader, approve=True)
    leave.refresh_from_db()
    assert leave.status == LeaveStatus.APPROVED
    assert event.records.get(person=member).status == Status.EXCUSED


def test_organisers_see_the_code_and_the_tally(leader_client, session):
    page = leader_client.get(session.get_url())
    assert_contains(page, event_of(session).code)
    assert_contains(page, f"/attendance/events/{event_of(session).pk}/roster/")


def test_an_outsider_cannot_open_a_closed_groups_attendance(client, closed_group, outsider):
    session = StudySessionFactory(group=closed_group, starts_at=soon())
    event = event_of(session)
    client.force_login(outsider.user)
    assert client.get(f"/attendance/events/{event.pk}/").status_code == 404
    client.post(f"/attendance/events/{event.pk}/", {"action": "check_in", "code": event.code})
    assert not event.records.filter(person=outsider).exists()
