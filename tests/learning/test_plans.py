"""A yearly plan: goals with a kind and target date, a monthly arrangement, weekly activities
ticked off with a short record, and last year's plan copied forward."""

import datetime

import pytest

from learning.models import Goal, GoalKind, MonthlyArrangement, Plan, WeeklyActivity
from learning.plans import PlanError, copy_forward, same_week_next_year, shift_year
from tests.assertions import assert_contains

from .factories import GoalFactory, PlanFactory, WeeklyActivityFactory

pytestmark = pytest.mark.django_db

YEAR = datetime.date.today().year


def test_a_cadre_adds_goals_with_a_kind_and_target_date(member_client, office):
    response = member_client.post(
        f"/me/learning/plan/{YEAR}/goals/",
        {"kind": GoalKind.READING, "title": "读完《乡土中国》", "target_date": f"{YEAR}-03-31"},
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.plan.person == office.cadre
    assert goal.target_date == datetime.date(YEAR, 3, 31)
    assert_contains(member_client.get(f"/me/learning/plan/{YEAR}/"), "读完《乡土中国》")


def test_a_goal_without_a_target_date_is_refused(member_client):
    response = member_client.post(
        f"/me/learning/plan/{YEAR}/goals/", {"kind": GoalKind.READING, "title": "读书"}
    )
    assert response.status_code == 200
    assert not Goal.objects.exists()


def test_ticking_off_a_goal_with_a_record(member_client, office):
    goal = GoalFactory(plan=PlanFactory(person=office.cadre, year=YEAR))
    member_client.post(f"/me/learning/goals/{goal.pk}/", {"done": "on", "record": "读完并写了笔记"})
    goal.refresh_from_db()
    assert goal.done_on == datetime.date.today()
    assert goal.record == "读完并写了笔记"
    member_client.post(f"/me/learning/goals/{goal.pk}/", {"record": ""})
    goal.refresh_from_db()
    assert goal.done_on is None


def test_weekly_activities_are_filed_under_their_monday_and_ticked_off(member_client, office):
    wednesday = datetime.date.fromisocalendar(YEAR, 10, 3)
    member_client.post(
        f"/me/learning/plan/{YEAR}/activities/",
        {"week_start": wednesday.isoformat(), "title": "参加科室学习会"},
    )
    activity = WeeklyActivity.objects.get()
    assert activity.week_start == datetime.date.fromisocalendar(YEAR, 10, 1)
    member_client.post(
        f"/me/learning/activities/{activity.pk}/",
        {"done": "on", "done_on": wednesday.isoformat(), "record": "发言交流"},
    )
    activity.refresh_from_db()
    assert activity.done_on == wednesday
    assert activity.record == "发言交流"


def test_the_monthly_arrangement_is_written_in_one_form(member_client, office):
    member_client.post(
        f"/me/learning/plan/{YEAR}/months/", {"month_1": "制定计划", "month_2": "读一本书"}
    )
    assert list(MonthlyArrangement.objects.values_list("month", "content")) == [
        (1, "制定计划"),
        (2, "读一本书"),
    ]
    member_client.post(f"/me/learning/plan/{YEAR}/months/", {"month_2": "读两本书"})
    assert list(MonthlyArrangement.objects.values_list("month", "content")) == [(2, "读两本书")]


def test_nobody_ticks_off_someone_elses_plan(as_person, office):
    goal = GoalFactory(plan=PlanFactory(person=office.cadre, year=YEAR))
    activity = WeeklyActivityFactory(plan=goal.plan)
    client = as_person(office.head)
    assert client.post(f"/me/learning/goals/{goal.pk}/", {"done": "on"}).status_code == 404
    assert client.post(f"/me/learning/activities/{activity.pk}/", {"done": "on"}).status_code == 404
    assert client.post(f"/me/learning/goals/{goal.pk}/delete/").status_code == 404
    goal.refresh_from_db()
    assert goal.done_on is None


def test_copying_last_years_plan_forward(member_client, office):
    last = PlanFactory(person=office.cadre, year=YEAR - 1, summary="学以致用")
    GoalFactory(
        plan=last,
        title="读完一本书",
        target_date=datetime.date(YEAR - 1, 6, 30),
        done_on=datetime.date(YEAR - 1, 6, 1),
    )
    MonthlyArrangement.objects.create(plan=last, month=3, content="调研")
    WeeklyActivityFactory(
        plan=last,
        week_start=datetime.date.fromisocalendar(YEAR - 1, 12, 1),
        done_on=datetime.date(YEAR - 1, 3, 20),
    )
    assert_contains(member_client.get(f"/me/learning/plan/{YEAR}/"), "复制去年的计划")
    member_client.post(f"/me/learning/plan/{YEAR}/copy/")
    plan = Plan.objects.get(person=office.cadre, year=YEAR)
    assert plan.summary == "学以致用"
    goal = plan.goals.get()
    assert (goal.title, goal.target_date, goal.done_on) == (
        "读完一本书",
        datetime.date(YEAR, 6, 30),
        None,
    )
    assert plan.months.get().content == "调研"
    activity = plan.activities.get()
    assert activity.week_start == datetime.date.fromisocalendar(YEAR, 12, 1)
    assert activity.done_on is None


def test_copying_never_overwrites_a_plan_in_progress(office):
    PlanFactory(person=office.cadre, year=2024)
    GoalFactory(plan=PlanFactory(person=office.cadre, year=2025), title="已有的目标")
    with pytest.raises(PlanError):
        copy_forward(office.cadre, 2025)
    with pytest.raises(PlanError):
        copy_forward(office.cadre, 2030)


def test_dates_move_on_a_year_sensibly():
    assert shift_year(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)
    assert same_week_next_year(datetime.date(2026, 12, 28), 2027) == datetime.date.fromisocalendar(
        2027, 52, 1
    )


def test_an_unknown_year_is_not_found(member_client):
    assert member_client.get("/me/learning/plan/1900/").status_code == 404
