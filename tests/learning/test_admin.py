"""The learning leadership group reads plans, records, self-study, inspections and notices in the
admin, grouped under "Learning"; cadres have no admin."""

import pytest

from tests.assertions import assert_contains

from .factories import InspectionFactory, PlanFactory, RecordFactory, SelfStudyFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/admin/learning/plans/",
    "/admin/learning/records/",
    "/admin/learning/self-study/",
    "/admin/learning/notes/",
    "/admin/learning/inspections/",
    "/admin/learning/notices/",
]


def test_the_leadership_group_reads_every_learning_listing(leadership_client, office):
    PlanFactory(person=office.cadre, summary="学以致用")
    RecordFactory(person=office.cadre, title="乡土中国")
    SelfStudyFactory(person=office.cadre, content="读书一天")
    InspectionFactory(person=office.cadre, inspector=office.head)
    for url in LISTINGS:
        assert leadership_client.get(url).status_code == 200, url
    assert_contains(leadership_client.get("/admin/learning/records/"), "乡土中国")


def test_a_cadre_has_no_learning_admin(member_client):
    for url in LISTINGS:
        response = member_client.get(url)
        assert response.status_code in (302, 403), url


def test_self_study_logged_beside_the_plan_returns_to_the_plan(member_client):
    import datetime

    today = datetime.date.today()
    response = member_client.post(
        "/me/learning/self-study/",
        {"week_start": today.isoformat(), "days": "1", "next": f"/me/learning/plan/{today.year}/"},
    )
    assert response["Location"] == f"/me/learning/plan/{today.year}/"
    response = member_client.post(
        "/me/learning/self-study/",
        {"week_start": today.isoformat(), "days": "1", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/me/learning/self-study/"
