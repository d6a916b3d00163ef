"""The monthly inspection: heads inspect their cadres, leaders in charge inspect the heads, marks
reach only the person marked, and the learning leadership group sees every department."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from learning.inspection import Month, parse_month
from learning.models import Inspection, InspectionNotice, Mark, NoticeStatus, Visibility
from tests.assertions import assert_contains, assert_not_contains

from .factories import InspectionFactory, NoteFactory

pytestmark = pytest.mark.django_db


def this_month():
    today = datetime.date.today()
    return Month(today.year, today.month)


def inspect_url(person, month=None):
    month = month or this_month()
    return f"/inspection/{person.user.username}/{month.year}/{month.month}/"


# ------------------------------------------------------------------ who sees whom


def test_a_head_sees_the_cadres_of_their_department_only(head_client, office):
    response = head_client.get("/inspection/")
    assert_contains(response, "张伟")
    assert_contains(response, "周婷婷")
    assert_not_contains(response, "孙浩")  # policy department
    assert_not_contains(response, "黄静</th>")  # not themselves


def test_the_leader_in_charge_sees_the_heads_of_the_departments_they_oversee(leader_client):
    response = leader_client.get("/inspection/")
    assert_contains(response, "黄静")
    assert_contains(response, "徐明")
    assert_not_contains(response, "张伟")


def test_members_behind_pace_are_listed_first(head_client, office):
    today = datetime.date.today()
    NoteFactory(author=office.colleague, body="<p>" + "学" * 20000 + "</p>", date=today)
    response = head_client.get("/inspection/").content.decode()
    assert response.index("张伟") < response.index("周婷婷")


def test_a_cadre_has_no_inspection_list(member_client):
    assert member_client.get("/inspection/").status_code == 403


def test_a_head_cannot_inspect_another_department(as_person, office):
    client = as_person(office.other_head)
    assert client.get(inspect_url(office.cadre)).status_code == 403
    response = client.post(inspect_url(office.cadre), {"mark": Mark.GOOD, "comment": "越权"})
    assert response.status_code == 403
    assert not Inspection.objects.exists()


def test_a_leader_in_charge_does_not_inspect_cadres_directly(leader_client, office):
    assert leader_client.get(inspect_url(office.cadre)).status_code == 403


def test_a_future_month_cannot_be_inspected(head_client, office):
    month = this_month().next()
    assert head_client.get(inspect_url(office.cadre, month)).status_code == 404


# ------------------------------------------------------------------ recording a mark


def test_the_head_records_a_mark_and_comment_the_member_then_sees(head_client, office, as_person):
    NoteFactory(author=office.cadre, title="本月笔记", body="<p>十个字的学习笔记内容</p>")
    page = head_client.get(inspect_url(office.cadre))
    assert_contains(page, "本月笔记")
    assert_contains(page, "十个字的学习笔记内容")
    response = head_client.post(
        inspect_url(office.cadre), {"mark": Mark.GOOD, "comment": "联系实际，很好"}
    )
    assert response.status_code == 302
    inspection = Inspection.objects.get(person=office.cadre)
    assert inspection.inspector == office.head
    assert inspection.inspector_name == "黄静"
    assert inspection.notes_count == 1
    assert inspection.characters_month == 10
    assert inspection.target_characters == 10_000
    listing = head_client.get("/inspection/")
    assert_contains(listing, "mark-good")
    own = as_person(office.cadre).get("/me/learning/")
    assert_contains(own, "联系实际，很好")


def test_a_member_cannot_see_a_colleagues_mark(as_person, office):
    InspectionFactory(
        person=office.colleague, inspector=office.head, mark=Mark.BEHIND, comment="请抓紧补上"
    )
    client = as_person(office.cadre)
    for path in (
        "/me/learning/",
        "/",
        "/notes/",
        f"/people/{office.colleague.user.username}/archive/",
    ):
        assert_not_contains(client.get(path), "请抓紧补上")
    assert client.get(f"/people/{office.colleague.user.username}/archive/").status_code == 403


def test_a_bad_mark_is_refused_with_a_message(head_client, office):
    response = head_client.post(inspect_url(office.cadre), {"mark": "excellent"})
    assert response.status_code == 200
    assert not Inspection.objects.exists()


def test_the_leader_in_charge_inspects_a_head(leader_client, office):
    response = leader_client.post(inspect_url(office.head), {"mark": Mark.ADEQUATE, "comment": ""})
    assert response.status_code == 302
    assert Inspection.objects.get(person=office.head).inspector == office.leader


def test_inspections_are_corrected_not_duplicated(head_client, office):
    head_client.post(inspect_url(office.cadre), {"mark": Mark.BEHIND, "comment": "先看看"})
    head_client.post(inspect_url(office.cadre), {"mark": Mark.GOOD, "comment": "补上了"})
    assert Inspection.objects.filter(person=office.cadre).count() == 1
    assert Inspection.objects.get(person=office.cadre).mark == Mark.GOOD


def test_once_the_notice_is_published_the_months_marks_are_final(head_client, office):
    month = this_month()
    InspectionNotice.objects.create(
        year=month.year,
        month=month.month,
        title="通报",
        body="<p>x</p>",
        status=NoticeStatus.PUBLISHED,
    )
    head_client.post(inspect_url(office.cadre), {"mark": Mark.GOOD})
    assert not Inspection.objects.exists()


def test_the_admin_can_neither_add_nor_delete_inspections(client, office):
    from django.contrib.auth import get_user_model

    inspection = InspectionFactory(person=office.cadre, inspector=office.head)
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.gov", "pw"))
    assert client.get("/admin/learning/inspections/").status_code == 200
    assert client.get("/admin/learning/inspections/new/").status_code in (302, 403)
    client.post(f"/admin/learning/inspections/delete/{inspection.pk}/")
    assert Inspection.objects.filter(pk=inspection.pk).exists()


# ------------------------------------------------------------------ the leadership's view


def test_the_leadership_group_sees_every_departments_status(leadership_client, office):
    InspectionFactory(person=office.cadre, inspector=office.head, mark=Mark.GOOD)
    response = leadership_client.get("/inspection/status/")
    assert_contains(response, "综合规划科")
    assert_contains(response, "政策研究室")
    assert_contains(response, "部分完成")
    assert_contains(response, "未开始")


def test_others_cannot_see_the_status_or_exports(as_person, office):
    for person in (office.cadre, office.head, office.leader):
        client = as_person(person)
        assert client.get("/inspection/status/").status_code == 403
        assert client.get("/inspection/status/export.csv").status_code == 403
        assert client.get("/inspection/status/export.xlsx").status_code == 403


def test_the_status_exports_as_csv_and_xlsx(leadership_client, office):
    month = this_month()
    InspectionFactory(person=office.cadre, inspector=office.head, mark=Mark.GOOD, comment="=1+1")
    response = leadership_client.get(f"/inspection/status/export.csv?month={month.key}")
    assert response["Content-Type"].startswith("text/csv")
    assert f"notes-inspection-{month.key}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {row[2]: row for row in rows[1:]}
    assert set(by_name) == {"张伟", "周婷婷", "黄静", "徐明", "孙浩", "刘洋"}
    assert by_name["张伟"][11] == "好"
    assert by_name["张伟"][12] == "'=1+1"  # never run as a formula
    assert by_name["周婷婷"][11] == "未检查"

    response = leadership_client.get(f"/inspection/status/export.xlsx?month={month.key}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(by_name)


def test_a_bad_month_is_explained_not_fatal(leadership_client):
    response = leadership_client.get("/inspection/status/?month=2025-13")
    assert_contains(response, "2025-13")


def test_parse_month():
    today = datetime.date(2025, 5, 20)
    assert parse_month("2025-03", today) == (Month(2025, 3), "")
    assert parse_month("", today) == (Month(2025, 5), "")
    assert parse_month("2025-06", today)[0] == Month(2025, 5)
    assert parse_month("junk", today)[1]


# ------------------------------------------------------------------ the notice


def test_after_the_last_inspection_gongxue_drafts_the_notice(as_person, office):
    month = this_month()
    NoteFactory(author=office.cadre, title="可作示范的笔记", visibility=Visibility.EVERYONE)
    everyone = [
        (office.head, office.cadre),
        (office.head, office.colleague),
        (office.other_head, office.other_cadre),
        (office.other_head, office.leadership),
        (office.leader, office.head),
    ]
    for inspector, person in everyone:
        as_person(inspector).post(inspect_url(person), {"mark": Mark.GOOD})
    assert not InspectionNotice.objects.exists()
    as_person(office.leader).post(inspect_url(office.other_head), {"mark": Mark.BEHIND})
    notice = InspectionNotice.objects.get(year=month.year, month=month.month)
    assert notice.status == NoticeStatus.DRAFT
    assert "可作示范的笔记" in notice.body
    assert "徐明" in notice.body  # marked behind


def test_the_leadership_edits_and_publishes_the_notice_to_everyone(
    leadership_client, office, as_person
):
    month = this_month()
    response = leadership_client.post("/inspection/notices/draft/", {"month": month.key})
    notice = InspectionNotice.objects.get()
    assert response.status_code == 302
    assert_not_contains(as_person(office.cadre).get("/inspection/notices/"), notice.title)
    assert as_person(office.cadre).get(f"/inspection/notices/{notice.pk}/").status_code == 404

    client = as_person(office.leadership)
    client.post(
        f"/inspection/notices/{notice.pk}/edit/",
        {"title": "五月笔记检查通报", "body": "<p>大家都很努力。</p>", "publish": "1"},
    )
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    reader = as_person(office.cadre)
    assert_contains(reader.get("/inspection/notices/"), "五月笔记检查通报")
    assert_contains(reader.get(f"/inspection/notices/{notice.pk}/"), "大家都很努力")
    assert_contains(reader.get("/"), "五月笔记检查通报")


def test_only_the_leadership_drafts_or_edits_notices(as_person, office):
    month = this_month()
    for person in (office.cadre, office.head):
        client = as_person(person)
        assert client.post("/inspection/notices/draft/", {"month": month.key}).status_code == 403
    notice = InspectionNotice.objects.create(
        year=month.year, month=month.month, title="t", body="<p>b</p>"
    )
    assert as_person(office.head).get(f"/inspection/notices/{notice.pk}/edit/").status_code == 403
