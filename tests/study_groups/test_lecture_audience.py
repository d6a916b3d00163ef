"""A lecture may be for one study group: its members are the roster, see it in their calendar
and are its audience; nobody else is."""

import pytest

from attendance.models import AttendanceEvent
from lectures.audience import audience_people
from lectures.models import LecturePage
from tests.lectures.factories import LecturePageFactory
from tests.people.factories import person_with_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def lecture(open_group):
    lecture = LecturePageFactory(
        title="系统思考专题讲座", audience="study_group", audience_study_group=open_group
    )
    lecture.save_revision().publish()
    return lecture


def test_the_groups_members_are_the_lectures_audience(lecture, leader, secretary, member, outsider):
    assert set(audience_people(lecture)) == {leader, secretary, member}
    assert set(LecturePage.objects.for_audience_of(member)) == {lecture}
    assert not LecturePage.objects.for_audience_of(outsider).exists()


def test_the_lecture_names_its_group(lecture, member_client):
    from tests.assertions import assert_contains

    assert_contains(member_client.get(lecture.url), "青年学习小组")


def test_a_new_member_joins_the_coming_lectures_roster(lecture, open_group):
    newcomer = person_with_roles("newcomer", display_name="新成员")
    open_group.members.add(newcomer)
    open_group.save_revision().publish()
    event = AttendanceEvent.objects.for_object(lecture).get()
    assert event.records.filter(person=newcomer).exists()


def test_a_lecture_for_a_study_group_must_name_it(open_group):
    from django.core.exceptions import ValidationError

    lecture = LecturePageFactory()
    lecture.audience = "study_group"
    with pytest.raises(ValidationError) as refused:
        lecture.full_clean()
    assert "audience_study_group" in refused.value.message_dict
