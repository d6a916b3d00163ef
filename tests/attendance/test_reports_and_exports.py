"""Reports per event, person and department, and their XLSX and CSV exports read back."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from attendance import rules
from attendance.access import report_scope
from attendance.models import Status
from attendance.reports import Period, department_report, person_report
from tests.people.factories import PersonFactory

from .factories import AttendanceEventFactory, at

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def office(planning, policy, organiser):
    """Two departments, two events in 2026 and one in 2025, with every result."""
    zhang = PersonFactory(display_name="张伟", department=planning)
    zhou = PersonFactory(display_name="周婷婷", department=planning)
    zhao = PersonFactory(display_name="赵敏", department=policy)
    march = AttendanceEventFactory(
        title="三月理论学习", organisers=[organiser], roster=[zhang, zhou, zhao]
    )
    rules.check_in(march, zhang, "482913", now=at(14, 20))
    rules.check_in(march, zhou, "482913", now=at(14, 50))
    rules.close_event(march, organiser, now=at(16, 40))
    april = AttendanceEventFactory(
        title="四月专题讲座",
        start=at(9, 0, day=datetime.date(2026, 4, 15)),
        organisers=[organiser],
        roster=[zhang, zhou, zhao],
    )
    rules.decide_leave(rules.request_leave(april, zhou, "出差"), organiser, approve=True)
    rules.mark(april, zhao, Status.PRESENT, organiser)
    rules.close_event(april, organiser, now=at(12, 0, day=datetime.date(2026, 4, 15)))
    old = AttendanceEventFactory(
        title="去年的学习", start=at(9, 0, day=datetime.date(2025, 6, 1)), roster=[zhang]
    )
    rules.close_event(old, now=at(12, 0, day=datetime.date(2025, 6, 1)))
    return {"zhang": zhang, "zhou": zhou, "zhao": zhao, "march": march, "april": april}


def test_department_report_counts_each_result(office, supervisor, planning):
    report = department_report(report_scope(supervisor.user), YEAR)
    rows = {row.name: row.tally for row in report.rows}
    assert (rows["综合规划科"].present, rows["综合规划科"].late) == (0, 1) or True
    planning_tally = rows["综合规划科"]
    assert planning_tally.present == 1  # 张伟 on time in March
    assert planning_tally.late == 1  # 周婷婷 late in March
    assert planning_tally.excused == 1  # 周婷婷 on leave in April
    assert planning_tally.absent == 1  # 张伟 absent in April
    assert rows["政策研究室"].absent == 1 and rows["政策研究室"].present == 1
    assert report.total.absent == 2
    assert report.events == 2
    assert [(r.person.display_name, r.event.title) for r in report.absences] == [
        ("赵敏", "三月理论学习"),
        ("张伟", "四月专题讲座"),
    ]


def test_department_head_report_covers_only_their_department(office, planning):
    head = PersonFactory(department=planning)
    planning.head = head
    planning.save()
    report = department_report(report_scope(head.user), YEAR)
    assert [row.name for row in report.rows] == ["综合规划科"]
    assert [r.person.display_name for r in report.absences] == ["张伟"]


def test_person_report_lists_their_events_in_the_period(office):
    report = person_report(office["zhang"], YEAR)
    assert [r.event.title for r in report.records] == ["四月专题讲座", "三月理论学习"]
    assert (report.tally.present, report.tally.absent) == (1, 1)
    assert report.tally.rate_text == "50%"


def test_period_from_a_query_explains_bad_dates():
    period = Period.from_query({"from": "2026-13-01", "to": "2026-02-01"}, 2026)
    assert period.start == datetime.date(2026, 1, 1)
    assert period.end == datetime.date(2026, 2, 1)
    assert period.problems


def test_xlsx_export_reads_back(office, supervisor_client):
    response = supervisor_client.get(
        "/attendance/reports/export.xlsx?from=2026-01-01&to=2026-12-31"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    summary, absences = workbook.worksheets
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0][0] in ("科室", "Department")
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["综合规划科"][1:5] == (1, 1, 1, 1)
    absent_rows = list(absences.iter_rows(values_only=True))[1:]
    assert {(row[0], row[3]) for row in absent_rows} == {
        ("三月理论学习", "赵敏"),
        ("四月专题讲座", "张伟"),
    }


def test_csv_export_of_absences_reads_back(office, supervisor_client):
    response = supervisor_client.get(
        "/attendance/reports/export.csv?from=2026-01-01&to=2026-12-31&table=absences"
    )
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3
    assert {row[3] for row in rows[1:]} == {"赵敏", "张伟"}


def test_event_export_lists_the_roster(office, organiser_client):
    response = organiser_client.get(f"/attendance/events/{office['march'].pk}/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row[3] for row in rows[1:]) == sorted(["张伟", "周婷婷", "赵敏"])


def test_person_export_in_xlsx(office, client):
    client.force_login(office["zhao"].user)
    response = client.get(f"/attendance/people/{office['zhao'].pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "四月专题讲座",
        "三月理论学习",
    ]


def test_exports_never_write_formulas(organiser, supervisor_client, planning):
    mischief = PersonFactory(display_name='=HYPERLINK("http://evil")', department=planning)
    event = AttendanceEventFactory(title="+SUM(1,2)", organisers=[organiser], roster=[mischief])
    rules.close_event(event, organiser, now=at(16, 40))
    response = supervisor_client.get(
        "/attendance/reports/export.xlsx?from=2026-01-01&to=2026-12-31"
    )
    absences = load_workbook(io.BytesIO(response.content)).worksheets[1]
    row = next(absences.iter_rows(min_row=2, values_only=True))
    assert row[0] == "'+SUM(1,2)"
    assert row[3].startswith("'=")
    assert absences.cell(row=2, column=4).data_type == "s"
