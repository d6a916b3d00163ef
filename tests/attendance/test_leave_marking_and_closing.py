"""Leave requests and their decision, marking by the organiser, and closing an event."""

import pytest

from attendance import rules
from attendance.models import AttendanceRecord, LeaveStatus, Method, Status
from tests.people.factories import PersonFactory

from .factories import at

pytestmark = pytest.mark.django_db


def status_of(event, person) -> str:
    return AttendanceRecord.objects.get(event=event, person=person).status


def test_leave_request_needs_a_reason(event, cadre):
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.request_leave(event, cadre, "   ")
    assert refusal.value.reason == "no_reason"
    assert not event.leave_requests.exists()


def test_approved_leave_excuses_the_person(event, cadre, organiser):
    leave = rules.request_leave(event, cadre, "到区里参加防汛值班")
    assert status_of(event, cadre) == Status.EXPECTED
    leave = rules.decide_leave(leave, organiser, approve=True, note="同意")
    assert leave.status == LeaveStatus.APPROVED
    assert leave.decided_by == organiser
    assert status_of(event, cadre) == Status.EXCUSED


def test_refused_leave_leaves_the_record_and_allows_asking_again(event, cadre, organiser):
    leave = rules.request_leave(event, cadre, "家中有事")
    rules.decide_leave(leave, organiser, approve=False, note="请说明具体事由")
    assert status_of(event, cadre) == Status.EXPECTED
    again = rules.request_leave(event, cadre, "孩子生病需要陪同就医")
    assert again.status == LeaveStatus.PENDING


def test_a_second_pending_request_is_refused(event, cadre):
    rules.request_leave(event, cadre, "出差")
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.request_leave(event, cadre, "出差（补充）")
    assert refusal.value.reason == "already_requested"
    assert event.leave_requests.count() == 1


def test_a_request_is_decided_only_once(event, cadre, organiser):
    leave = rules.request_leave(event, cadre, "出差")
    rules.decide_leave(leave, organiser, approve=True)
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.decide_leave(leave, organiser, approve=False)
    assert refusal.value.reason == "already_decided"
    leave.refresh_from_db()
    assert leave.status == LeaveStatus.APPROVED


def test_only_an_organiser_decides_leave(event, cadre):
    colleague = event.records.exclude(person=cadre).first().person
    leave = rules.request_leave(event, cadre, "出差")
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.decide_leave(leave, colleague, approve=True)
    assert refusal.value.reason == "not_organiser"
    leave.refresh_from_db()
    assert leave.status == LeaveStatus.PENDING


def test_who_checked_in_cannot_ask_for_leave(event, cadre):
    rules.check_in(event, cadre, "482913", now=at(14, 20))
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.request_leave(event, cadre, "临时有事")
    assert refusal.value.reason == "already_checked_in"


def test_approving_leave_of_someone_who_came_keeps_them_present(event, cadre, organiser):
    leave = rules.request_leave(event, cadre, "可能要开会")
    rules.check_in(event, cadre, "482913", now=at(14, 20))
    rules.decide_leave(leave, organiser, approve=True)
    assert status_of(event, cadre) == Status.PRESENT


def test_organiser_marks_a_result_and_a_newcomer(event, cadre, organiser):
    record = rules.mark(event, cadre, Status.LATE, organiser, note="手机没电，现场签到")
    assert record.status == Status.LATE
    assert record.method == Method.ORGANISER
    assert record.marked_by == organiser
    visitor = PersonFactory()
    added = rules.mark(event, visitor, Status.PRESENT, organiser)
    assert added.expected is False


def test_a_cadre_cannot_mark(event, cadre):
    with pytest.raises(rules.AttendanceRefused):
        rules.mark(event, cadre, Status.PRESENT, cadre)
    assert status_of(event, cadre) == Status.EXPECTED


def test_closing_makes_everyone_unrecorded_absent_without_reason(event, cadre, organiser):
    others = [r.person for r in event.records.exclude(person=cadre)]
    rules.check_in(event, cadre, "482913", now=at(14, 20))
    rules.decide_leave(rules.request_leave(event, others[0], "病假"), organiser, approve=True)
    absent = rules.close_event(event, organiser, now=at(16, 45))
    assert absent == 1
    assert status_of(event, cadre) == Status.PRESENT
    assert status_of(event, others[0]) == Status.EXCUSED
    assert status_of(event, others[1]) == Status.ABSENT
    assert event.is_closed
    assert rules.close_event(event, organiser, now=at(17, 0)) == 0


def test_an_event_cannot_be_closed_before_it_starts(event, organiser):
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.close_event(event, organiser, now=at(14, 0))
    assert refusal.value.reason == "not_started"
    assert not event.is_closed


def test_leave_approved_after_closing_turns_absence_into_excused(event, cadre, organiser):
    leave = rules.request_leave(event, cadre, "临时出差")
    rules.close_event(event, organiser, now=at(16, 45))
    assert status_of(event, cadre) == Status.ABSENT
    rules.decide_leave(leave, organiser, approve=True)
    assert status_of(event, cadre) == Status.EXCUSED


def test_close_attendance_command_closes_finished_events_only(event, cadre):
    from django.core.management import call_command

    from .factories import AttendanceEventFactory

    future = AttendanceEventFactory(
        start=at(9, 0, day=event.start.date().replace(year=2099)), roster=[cadre]
    )
    call_command("close_attendance")
    event.refresh_from_db()
    future.refresh_from_db()
    assert event.is_closed
    assert status_of(event, cadre) == Status.ABSENT
    assert not future.is_closed
