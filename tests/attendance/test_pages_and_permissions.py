"""The check-in page, the roster and the reports, from the outside: who may see and do what."""

import pytest

from django.utils import timezone

from attendance.models import AttendanceRecord, Status
from tests.assertions import assert_contains, assert_not_contains, header_forgotten
from tests.people.factories import PersonFactory

from .factories import AttendanceEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_event(organiser, cadre):
    """An event whose check-in window is open right now."""
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() + timedelta(minutes=5)
    return AttendanceEventFactory(
        title="正在签到的学习", start=start, organisers=[organiser], roster=[cadre]
    )


def test_attendee_checks_in_on_the_event_page(open_event, cadre_client, cadre):
    page = cadre_client.get(f"/attendance/events/{open_event.pk}/")
    assert_contains(page, "正在签到的学习")
    assert_contains(page, 'name="code"')
    response = cadre_client.post(
        f"/attendance/events/{open_event.pk}/",
        {"action": "check_in", "code": "482913"},
        follow=True,
    )
    assert_contains(response, "签到成功")
    assert AttendanceRecord.objects.get(event=open_event, person=cadre).status == Status.PRESENT


def test_wrong_code_is_explained_on_the_page(open_event, cadre_client, cadre):
    response = cadre_client.post(
        f"/attendance/events/{open_event.pk}/",
        {"action": "check_in", "code": "999999"},
        follow=True,
    )
    assert_contains(response, "签到码不正确")
    assert AttendanceRecord.objects.get(event=open_event, person=cadre).status == Status.EXPECTED


def test_leave_request_from_the_event_page(open_event, cadre_client):
    response = cadre_client.post(
        f"/attendance/events/{open_event.pk}/",
        {"action": "leave", "reason": "外出调研"},
        follow=True,
    )
    assert_contains(response, "外出调研")
    assert open_event.leave_requests.count() == 1


def test_someone_not_on_the_roster_gets_404(open_event, editor_client):
    assert editor_client.get(f"/attendance/events/{open_event.pk}/").status_code == 404
    response = editor_client.post(
        f"/attendance/events/{open_event.pk}/", {"action": "check_in", "code": "482913"}
    )
    assert response.status_code == 404


def test_attendee_cannot_open_the_roster_or_its_export(open_event, cadre_client):
    assert cadre_client.get(f"/attendance/events/{open_event.pk}/roster/").status_code == 403
    assert cadre_client.get(f"/attendance/events/{open_event.pk}/export.csv").status_code == 403
    response = cadre_client.post(f"/attendance/events/{open_event.pk}/roster/", {"action": "close"})
    assert response.status_code == 403


def test_organiser_sees_the_code_and_marks(open_event, organiser_client, cadre):
    page = organiser_client.get(f"/attendance/events/{open_event.pk}/roster/")
    assert_contains(page, "482913")
    response = organiser_client.post(
        f"/attendance/events/{open_event.pk}/roster/",
        {"action": "mark", "person": cadre.pk, "status": "late", "note": "现场补签"},
        follow=True,
    )
    assert_contains(response, "迟到")
    assert AttendanceRecord.objects.get(event=open_event, person=cadre).status == Status.LATE


def test_organiser_decides_leave_on_the_roster(open_event, organiser_client, cadre):
    from attendance import rules

    leave = rules.request_leave(open_event, cadre, "防汛值班")
    response = organiser_client.post(
        f"/attendance/events/{open_event.pk}/roster/",
        {"action": "decide", "leave": leave.pk, "decision": "approve"},
        follow=True,
    )
    assert_contains(response, "已批准")
    assert AttendanceRecord.objects.get(event=open_event, person=cadre).status == Status.EXCUSED


def test_bad_roster_input_is_explained_not_fatal(open_event, organiser_client):
    response = organiser_client.post(
        f"/attendance/events/{open_event.pk}/roster/",
        {"action": "mark", "person": "x", "status": "nonsense"},
        follow=True,
    )
    assert response.status_code == 200
    assert_contains(response, "请选择人员和考勤结果")


def test_a_cadre_cannot_open_reports_or_exports(cadre_client):
    assert cadre_client.get("/attendance/reports/").status_code == 403
    assert cadre_client.get("/attendance/reports/export.xlsx").status_code == 403
    assert cadre_client.get("/attendance/reports/export.csv").status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(open_event, anonymous_client):
    for path in (
        "/attendance/",
        f"/attendance/events/{open_event.pk}/",
        "/attendance/reports/",
        "/attendance/reports/export.xlsx",
    ):
        response = anonymous_client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_a_person_sees_their_own_attendance_but_not_a_colleagues(cadre_client, cadre):
    colleague = PersonFactory(department=cadre.department)
    assert cadre_client.get(f"/attendance/people/{cadre.pk}/").status_code == 200
    assert cadre_client.get(f"/attendance/people/{colleague.pk}/").status_code == 404
    assert cadre_client.get(f"/attendance/people/{colleague.pk}/export.csv").status_code == 404
    assert cadre_client.get("/attendance/mine/").status_code == 302


def test_department_head_reads_own_department_only(client, planning, policy, organiser):
    from attendance import rules

    from .factories import at

    head = PersonFactory(department=planning)
    planning.head = head
    planning.save()
    ours = PersonFactory(display_name="本科室干部", department=planning)
    theirs = PersonFactory(display_name="别的科室干部", department=policy)
    event = AttendanceEventFactory(organisers=[organiser], roster=[ours, theirs])
    rules.close_event(event, organiser, now=at(17, 0))
    client.force_login(head.user)
    response = client.get("/attendance/reports/?from=2026-01-01&to=2026-12-31")
    assert_contains(response, "本科室干部")
    assert_not_contains(response, "别的科室干部")
    response = client.get(
        f"/attendance/reports/?from=2026-01-01&to=2026-12-31&department={policy.pk}"
    )
    assert_not_contains(response, "别的科室干部")
    assert client.get(f"/attendance/people/{theirs.pk}/").status_code == 404
    assert client.get(f"/attendance/people/{ours.pk}/").status_code == 200
    csv_text = client.get(
        "/attendance/reports/export.csv?from=2026-01-01&to=2026-12-31&table=absences"
    ).content.decode("utf-8-sig")
    assert "本科室干部" in csv_text and "别的科室干部" not in csv_text


def test_report_with_bad_query_values_is_explained(supervisor_client):
    response = supervisor_client.get("/attendance/reports/?from=yesterday&department=abc")
    assert response.status_code == 200
    assert_contains(response, "yesterday")


def test_supervisor_reads_every_roster(open_event, supervisor_client):
    assert supervisor_client.get(f"/attendance/events/{open_event.pk}/roster/").status_code == 200


def test_admin_lists_records_with_filters(open_event, client, django_user_model, cadre):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.gov", "x")
    client.force_login(admin)
    month = f"{timezone.localtime(open_event.start):%Y-%m}"
    department = cadre.department.pk
    response = client.get(
        f"/admin/attendance/records/?status=expected&month={month}&department={department}"
    )
    assert_contains(response, cadre.display_name)
    response = client.get(f"/admin/attendance/records/?status=absent&month={month}")
    assert_not_contains(response, cadre.display_name)
    assert client.get("/admin/attendance/events/").status_code == 200
    assert client.get("/admin/attendance/leave/").status_code == 200


def _queries(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    header_forgotten(client)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _event_with_roster(organiser, count):
    from attendance import rules

    people = PersonFactory.create_batch(count)
    event = AttendanceEventFactory(organisers=[organiser], roster=people)
    for person in people[::3]:
        rules.request_leave(event, person, "出差")
    rules.close_event(event, now=event.start)
    return event


def test_roster_and_report_query_counts_are_the_same_at_3_and_30(organiser, supervisor_client):
    report = "/attendance/reports/?from=2026-01-01&to=2026-12-31"
    small = _event_with_roster(organiser, 3)
    # Report: session, user, groups, grouped counts, departments, absences with their people
    # and events, the event count and list: fixed, whatever the number of records.
    report_at_3 = _queries(supervisor_client, report)
    large = _event_with_roster(organiser, 30)
    assert _queries(supervisor_client, report) == report_at_3
    # Roster: session, user, groups, the event, its organiser check, records with people and
    # departments, pending leave, decided leave, people not on the roster: fixed.
    assert _queries(supervisor_client, f"/attendance/events/{small.pk}/roster/") == _queries(
        supervisor_client, f"/attendance/events/{large.pk}/roster/"
    )
