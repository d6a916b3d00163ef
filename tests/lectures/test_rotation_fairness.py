"""The monthly lecture proposal is fair: least recently spoken first, departments take turns,
exclusions are honoured, nobody speaks twice while others have not."""

import datetime
from collections import Counter

import pytest

from lectures import rotation
from lectures.models import MonthlyLectureSlot, RotationExclusion
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def speakers(proposals):
    return [p.person.display_name if p.person else None for p in proposals]


def test_a_year_gives_twelve_different_speakers_spread_evenly_over_departments(office):
    proposals = rotation.propose_year(2027, people=list(office.values()), history={})
    assert [p.month for p in proposals] == list(range(1, 13))
    chosen = [p.person for p in proposals]
    assert len({p.pk for p in chosen}) == 12
    per_department = Counter(p.department.name for p in chosen)
    assert set(per_department.values()) == {4}


def test_the_same_department_never_speaks_two_months_running(office):
    proposals = rotation.propose_year(2027, people=list(office.values()), history={})
    departments = [p.person.department_id for p in proposals]
    assert all(a != b for a, b in zip(departments, departments[1:], strict=False))


def test_within_a_department_who_never_spoke_goes_first(office):
    people = list(office.values())
    spoke_long_ago = office["办公室1"]
    spoke_recently = office["政策研究室1"]
    history = {
        spoke_long_ago.pk: datetime.date(2023, 5, 1),
        spoke_recently.pk: datetime.date(2026, 11, 1),
    }
    proposals = rotation.propose_year(2027, people=people, history=history)
    chosen = [p.person for p in proposals]
    for speaker in (spoke_long_ago, spoke_recently):
        colleagues = [p for p in chosen if p.department_id == speaker.department_id]
        assert colleagues[-1] == speaker
    assert chosen.index(spoke_long_ago) < chosen.index(spoke_recently)
    assert "2023-05" in proposals[chosen.index(spoke_long_ago)].reason


def test_the_longest_silent_goes_first_across_departments(office):
    history = {person.pk: datetime.date(2026, 6, 1) for person in office.values()}
    history[office["综合规划科3"].pk] = datetime.date(2022, 1, 1)
    proposals = rotation.propose_year(2027, people=list(office.values()), history=history)
    assert proposals[0].person == office["综合规划科3"]


def test_last_years_rotation_carries_on_and_newcomers_go_first(office, planning_newcomer):
    last_year = rotation.propose_year(2026, people=list(office.values()), history={})
    rotation.save_proposal(2026, last_year)
    rotation.confirm_year(2026)
    this_year = rotation.propose_year(2027, people=[*office.values(), planning_newcomer])
    assert this_year[0].person == planning_newcomer
    # Then, in another department, whoever spoke earliest last year.
    assert last_year[0].person.department_id != planning_newcomer.department_id
    assert this_year[1].person == last_year[0].person
    assert "2026-01" in this_year[1].reason


def test_exclusions_are_honoured_for_the_months_they_cover(office):
    on_leave = office["办公室1"]
    RotationExclusion.objects.create(
        person=on_leave,
        starts=datetime.date(2027, 1, 1),
        ends=datetime.date(2027, 6, 30),
        reason="产假",
    )
    proposals = rotation.propose_year(2027, people=list(office.values()), history={})
    months_of = {p.person.pk: p.month for p in proposals}
    assert months_of.get(on_leave.pk, 12) > 6


def test_nobody_available_leaves_the_month_open():
    person = PersonFactory()
    RotationExclusion.objects.create(
        person=person,
        starts=datetime.date(2027, 1, 1),
        ends=datetime.date(2027, 1, 31),
        reason="借调",
    )
    proposals = rotation.propose_year(2027, people=[person], history={})
    assert proposals[0].person is None
    assert proposals[1].person == person


def test_a_small_office_starts_a_second_round(db):
    few = PersonFactory.create_batch(5)
    proposals = rotation.propose_year(2027, people=few, history={})
    counts = Counter(p.person.pk for p in proposals)
    assert sorted(counts.values()) == [2, 2, 2, 3, 3]


def test_the_proposal_is_the_same_every_time(office):
    people = list(office.values())
    assert speakers(rotation.propose_year(2027, people=people, history={})) == speakers(
        rotation.propose_year(2027, people=people, history={})
    )


def test_proposing_again_keeps_confirmed_months_and_counts_them(office):
    MonthlyLectureSlot.objects.create(
        year=2027,
        month=3,
        speaker=office["综合规划科4"],
        topic="数字政府建设",
        confirmed=True,
    )
    rotation.save_proposal(2027, rotation.propose_year(2027, people=list(office.values())))
    march = MonthlyLectureSlot.objects.get(year=2027, month=3)
    assert march.speaker == office["综合规划科4"]
    assert march.topic == "数字政府建设"
    assert MonthlyLectureSlot.objects.filter(year=2027).count() == 12
    # The planner's choice counts: nobody else is proposed twice while others wait.
    speakers_of_year = list(
        MonthlyLectureSlot.objects.filter(year=2027).values_list("speaker", flat=True)
    )
    assert len(set(speakers_of_year)) == 12


def test_unconfirmed_slots_are_a_proposal_until_confirmed(office):
    rotation.save_proposal(2027, rotation.propose_year(2027, people=list(office.values())))
    assert not MonthlyLectureSlot.objects.filter(confirmed=True).exists()
    assert rotation.confirm_year(2027) == 12
    assert MonthlyLectureSlot.objects.filter(year=2027, confirmed=True).count() == 12


def test_candidates_are_people_in_departments_but_not_leading_cadres(office):
    leader = PersonFactory(position="leading_cadre")
    nobody = PersonFactory(department=None)
    found = rotation.candidates()
    assert leader not in found and nobody not in found
    assert office["办公室1"] in found
