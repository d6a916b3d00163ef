"""Who a lecture is for: everyone, certain departments, or (added by other apps) a study group.

This is the extension point for audiences. Each kind of audience is an `AudienceKind` with three
answers: who is in it (the attendance roster and reminder recipients), a filter over lectures
for one person (the private calendar feed), and a short description for the page. Lectures
ships "everyone" and "departments"; another app adds a kind from its `wagtail_hooks.py`:

    @hooks.register("gongxue_lecture_audiences")
    def study_group_audience():
        return AudienceKind(key="study_group", label=_("a study group"), people=...,
                            lectures_for=..., describe=...)

and gives LecturePage the field it needs (for a study group: a foreign key to the group).
`LecturePage.audience` offers every registered kind without a migration (its choices are a
callable).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from people.models import Person

EVERYONE = "everyone"
DEPARTMENTS = "departments"


@dataclass(frozen=True)
class AudienceKind:
    key: str
    label: str
    # The people the lecture is for (active staff only).
    people: Callable[[object], QuerySet]
    # A Q over LecturePage matching lectures of this kind that are for `person`.
    lectures_for: Callable[[Person], Q]
    # A short description of this lecture's audience ("全体干部", "办公室、政策研究室").
    describe: Callable[[object], str]


def _department_people(lecture) -> QuerySet:
    return Person.objects.active().filter(department__in=lecture.audience_departments.all())


def _department_lectures(person: Person) -> Q:
    if person.department_id is None:
        return Q(pk__in=[])
    return Q(audience=DEPARTMENTS, audience_departments=person.department_id)


def _describe_departments(lecture) -> str:
    return "、".join(d.name for d in lecture.audience_departments.all())


BUILT_IN = [
    AudienceKind(
        key=EVERYONE,
        label=_("everyone"),
        people=lambda lecture: Person.objects.active(),
        lectures_for=lambda person: Q(audience=EVERYONE),
        describe=lambda lecture: str(_("everyone")),
    ),
    AudienceKind(
        key=DEPARTMENTS,
        label=_("certain departments"),
        people=_department_people,
        lectures_for=_department_lectures,
        describe=_describe_departments,
    ),
]


@cache
def _registered() -> tuple[AudienceKind, ...]:
    extra = tuple(fn() for fn in hooks.get_hooks("gongxue_lecture_audiences"))
    return (*BUILT_IN, *extra)


def kinds() -> dict[str, AudienceKind]:
    """Every audience kind, built-in and registered, by key."""
    return {kind.key: kind for kind in _registered()}


def audience_choices() -> list[tuple[str, str]]:
    """The choices of LecturePage.audience (a callable, so new kinds need no migration)."""
    return [(kind.key, kind.label) for kind in _registered()]


def audience_people(lecture) -> QuerySet:
    """The people a lecture is for: its attendance roster and its reminders' recipients."""
    kind = kinds().get(lecture.audience)
    if kind is None:
        return Person.objects.none()
    return kind.people(lecture)


def lectures_for(person: Person | None) -> Q:
    """A filter over LecturePage: the lectures whose audience includes `person`."""
    if person is None:
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    for kind in _registered():
        condition |= kind.lectures_for(person)
    return condition


def describe(lecture) -> str:
    kind = kinds().get(lecture.audience)
    return kind.describe(lecture) if kind else ""
