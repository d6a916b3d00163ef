"""A study group as the audience of a lecture (see lectures.audience for the extension point)."""

from django.db.models import Q

from people.models import Person

from .membership import members_of
from .models import StudyGroupPage


def group_people(lecture):
    """The active members of the lecture's study group."""
    group = lecture.audience_study_group
    if group is None:
        return Person.objects.none()
    return members_of(group).filter(user__is_active=True)


def group_lectures(person) -> Q:
    """Lectures for a study group this person belongs to."""
    return Q(
        audience="study_group",
        audience_study_group__in=StudyGroupPage.objects.of_person(person).values("pk"),
    )


def describe_group(lecture) -> str:
    group = lecture.audience_study_group
    return group.title if group else ""


def resync_lectures(group) -> None:
    """After the group's members change, its coming lectures' rosters follow."""
    from django.utils import timezone

    from attendance.rules import set_up_event

    for lecture in group.lectures.live().filter(
        audience="study_group", record_attendance=True, end__gte=timezone.now()
    ):
        set_up_event(lecture)
