"""An event sets up its attendance from its own details; the roster follows its audience."""

import datetime

import pytest

from attendance import rules
from attendance.models import AttendanceEvent, AttendanceRecord, Status
from tests.people.factories import PersonFactory

from .factories import at

pytestmark = pytest.mark.django_db


class Session:
    """Any object with a pk and attendance_details() can have attendance: here, a department
    stands in for an event model of another app."""


def details(roster, title="中心组学习", organisers=()):
    return rules.EventDetails(
        title=title,
        start=at(9, 0),
        end=at(11, 0),
        roster=roster,
        place="党员活动室",
        url="/groups/central/",
        organisers=organisers,
    )


def test_set_up_event_creates_the_event_and_its_roster(planning, organiser):
    people = PersonFactory.create_batch(3)
    event = rules.set_up_event(planning, details(people, organisers=[organiser]))
    assert event.title == "中心组学习"
    assert list(event.organisers.all()) == [organiser]
    assert event.records.count() == 3
    assert rules.event_for(planning) == event
    assert len(event.code) == 6


def test_setting_up_again_updates_rather_than_duplicates(planning):
    people = PersonFactory.create_batch(2)
    first = rules.set_up_event(planning, details(people))
    second = rules.set_up_event(planning, details(people, title="中心组专题学习"))
    assert first.pk == second.pk
    assert AttendanceEvent.objects.count() == 1
    assert second.title == "中心组专题学习"


def test_roster_follows_the_audience_but_keeps_history(planning, organiser):
    stays, leaves_quietly, leaves_after_checking_in, joins = PersonFactory.create_batch(4)
    event = rules.set_up_event(
        planning,
        details([stays, leaves_quietly, leaves_after_checking_in], organisers=[organiser]),
    )
    rules.mark(event, leaves_after_checking_in, Status.PRESENT, organiser)
    rules.set_up_event(planning, details([stays, joins], organisers=[organiser]))
    records = {r.person: r for r in AttendanceRecord.objects.filter(event=event)}
    assert set(records) == {stays, leaves_after_checking_in, joins}
    assert records[leaves_after_checking_in].expected is False
    assert records[leaves_after_checking_in].status == Status.PRESENT


def test_a_closed_event_keeps_its_roster(planning, organiser):
    person = PersonFactory()
    event = rules.set_up_event(planning, details([person], organisers=[organiser]))
    rules.close_event(event, organiser, now=at(12, 0))
    rules.set_up_event(planning, details(PersonFactory.create_batch(2), organisers=[organiser]))
    assert list(event.records.values_list("person", flat=True)) == [person.pk]


def test_an_event_supplies_its_details_itself(planning):
    people = PersonFactory.create_batch(2)
    planning.attendance_details = lambda: details(people, title="科室集中学习")
    event = rules.set_up_event(planning)
    assert event.title == "科室集中学习"
    assert event.records.count() == 2


def test_window_and_lateness_follow_the_event(planning):
    event = rules.set_up_event(planning, details([]))
    assert event.window_opens == at(8, 30)
    assert event.late_from == at(9, 10)
    assert event.window_closes == at(11, 0)
    event.closes_after = 15
    assert event.window_closes == at(11, 0) + datetime.timedelta(minutes=15)
