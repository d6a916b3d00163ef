"""Yearly targets by role, read from the settings the learning leadership group edits.

Membership of the central study group (中心组) is owned by the study groups app, which is built
separately. Learning asks for it through one project hook, so neither app imports the other:

    @hooks.register("gongxue_central_group_members")
    def central_group_members(people):          # a list of people.Person
        return {person.pk for person in people if ...}   # or None: "no opinion"

Listings call it once with every person on the page (keep it to a fixed number of queries). The
ids returned by every hook that answers are put together. When no hook answers, the office's
leading cadres (position "leading cadre") are taken to be the central group, which is how the
group is made up in practice.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail import hooks

from people.models import Person, Position

from .models import LearningTargets

CENTRAL_GROUP_HOOK = "gongxue_central_group_members"


def central_group_member_ids(people: Iterable[Person]) -> set[int]:
    """The ids of those of `people` who are members of the central study group."""
    people = list(people)
    answered = False
    members: set[int] = set()
    for hook in hooks.get_hooks(CENTRAL_GROUP_HOOK):
        result = hook(people)
        if result is not None:
            answered = True
            members.update(int(pk) for pk in result)
    if not answered:
        members = {p.pk for p in people if p.position == Position.LEADING_CADRE}
    return members & {p.pk for p in people}


def is_central_group_member(person: Person) -> bool:
    return person.pk in central_group_member_ids([person])


@dataclass(frozen=True)
class RoleTargets:
    central_group: bool
    note_characters: int
    research_articles: int
    political_theory_books: int = 0
    classes_given: int = 0
    newspaper_articles: int = 0

    @property
    def role_label(self) -> str:
        from django.utils.translation import gettext as _

        return _("central study group") if self.central_group else _("cadre")


def role_targets(settings: LearningTargets, central_group: bool) -> RoleTargets:
    if central_group:
        return RoleTargets(
            central_group=True,
            note_characters=settings.central_note_characters,
            research_articles=settings.central_research_articles,
            political_theory_books=settings.central_political_theory_books,
            classes_given=settings.central_classes_given,
            newspaper_articles=settings.central_newspaper_articles,
        )
    return RoleTargets(
        central_group=False,
        note_characters=settings.cadre_note_characters,
        research_articles=settings.cadre_research_articles,
    )


def targets_for_people(
    people: Iterable[Person], settings: LearningTargets | None = None
) -> dict[int, RoleTargets]:
    """Each person's targets, by person id, in a fixed number of queries."""
    people = list(people)
    settings = settings or LearningTargets.load()
    central = central_group_member_ids(people)
    return {p.pk: role_targets(settings, p.pk in central) for p in people}
