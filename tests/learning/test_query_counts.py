"""The personal page and the inspection list make the same number of queries at 3 items as at 30."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import RecordKind
from tests.people.factories import person_with_roles

from .factories import (
    GoalFactory,
    InspectionFactory,
    NoteFactory,
    PlanFactory,
    RecordFactory,
    SelfStudyFactory,
    WeeklyActivityFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def count_queries(client, path) -> int:
    client.get(path)  # warm caches (settings row, site root paths) that are made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def fill(person, n):
    plan = PlanFactory(person=person, year=TODAY.year)
    for i in range(n):
        day = TODAY - datetime.timedelta(days=i % max(1, TODAY.timetuple().tm_yday))
        NoteFactory(author=person, date=day, tags=[f"标签{i % 4}"])
        RecordFactory(
            person=person,
            kind=[RecordKind.ARTICLE, RecordKind.BOOK, RecordKind.SKILL][i % 3],
            date=day,
        )
        GoalFactory(plan=plan)
        WeeklyActivityFactory(plan=plan, week_start=day)
        SelfStudyFactory(person=person, week_start=TODAY - datetime.timedelta(weeks=i))


def test_personal_page_query_count_is_the_same_at_3_and_30(client, db):
    counts = {}
    for items in (3, 30):
        person = person_with_roles(f"cadre{items}")
        fill(person, items)
        client.force_login(person.user)
        # session, user, person, nav (inspector? leadership?), settings, notes by month,
        # records, library articles, plans, self-study weeks, this year's plan with its goals and
        # activities, the year's inspections: the same whatever the number of items.
        counts[items] = count_queries(client, "/me/learning/")
    assert counts[3] == counts[30], counts


def test_inspection_list_query_count_is_the_same_at_3_and_30_people(client, db):
    from people.models import Department, Position

    counts = {}
    for size in (3, 30):
        department = Department.objects.create(name=f"科室{size}")
        head = person_with_roles(
            f"head{size}", position=Position.DEPARTMENT_HEAD, department=department
        )
        department.head = head
        department.save()
        for i in range(size):
            member = person_with_roles(f"m{size}-{i}", department=department)
            NoteFactory(author=member, tags=["学习"])
            RecordFactory(person=member)
            InspectionFactory(person=member, inspector=head, year=TODAY.year, month=TODAY.month)
        client.force_login(head.user)
        # session, user, person, nav roles, departments (who inspects whom), the people, settings,
        # notes by person and month, records, library articles, plans, self-study weeks, the
        # month's inspections, the month's notice (closed? and its link): a fixed number.
        counts[size] = count_queries(client, "/inspection/")
    assert counts[3] == counts[30], counts
