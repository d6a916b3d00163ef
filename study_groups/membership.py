"""Who belongs to a study group, written once for pages, views, search and other apps.

A group's members are its listed members plus its leader and secretary. Other apps (lectures
targeting a group as their audience, for example) ask `members_of(group)`.
"""

from django.db.models import Q

from people.models import Person

_CACHE_ATTRIBUTE = "_study_group_ids"


def members_of(group):
    """Everyone in the group: listed members, the leader and the secretary."""
    return Person.objects.filter(
        Q(study_groups=group) | Q(pk=group.leader_id) | Q(pk=group.secretary_id)
    ).distinct()


def roster_of(group) -> list[int]:
    """Ids of the people expected at the group's sessions: everyone in the group.

    Read from the group object itself, so that it is right while a page is being saved (its
    members are written to the database only after the page row).
    """
    ids = {person.pk for person in group.members.all()}
    ids.update(pk for pk in (group.leader_id, group.secretary_id) if pk)
    return sorted(ids)


def member_users_of(group):
    """The active Django users of the group's members (for notices and e-mail)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True, person__in=members_of(group).values("pk")
    )


def group_ids_of(user) -> set[int]:
    """Ids of the groups the user belongs to; kept on the user object for the rest of the request."""
    if user is None or not user.is_authenticated:
        return set()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    from .models import StudyGroupPage

    # The person the request has already loaded (the header and the search principals use it).
    person = getattr(user, "person", None)
    ids = (
        # No ordering: a set needs none, and the page tree's order would join the page table.
        set(StudyGroupPage.objects.of_person(person).order_by().values_list("pk", flat=True))
        if person
        else set()
    )
    setattr(user, _CACHE_ATTRIBUTE, ids)
    return ids


def forget(user) -> None:
    """Drop the cached memberships, after they changed within a request or a test."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def is_member(user, group) -> bool:
    return group.pk in group_ids_of(user)


def can_view_group(user, group) -> bool:
    """Whether the person may read what the group has: everyone for an open group, members else."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or group.is_open or is_member(user, group)


def can_take_part(user, group) -> bool:
    """Only members start threads and post, in open and closed groups alike."""
    return user.is_authenticated and (is_member(user, group) or user.is_superuser)


def search_principals(user) -> list[str]:
    """The search access principals a person holds through study groups ("study_group:<id>")."""
    return [f"study_group:{pk}" for pk in sorted(group_ids_of(user))]
