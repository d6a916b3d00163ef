"""The Wagtail permissions that let a secretary write summaries and a leader review them.

Each group has its own Wagtail group ("secretaries of <group>") with permission to add pages under
the group's page, so a secretary writes summaries only in their own group and edits only the ones
they wrote; without publish permission, a summary reaches the site only through the review
workflow (study_groups.workflow). Leaders need the admin to review, through the study group
leaders role.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission

from people.roles import STUDY_GROUP_LEADERS


def _permission(app_label: str, codename: str):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def sync_group_access(group) -> None:
    """Give the group's secretary and leader what they need in the admin (idempotent)."""
    from .models import StudyGroupPage

    wagtail_group = group.secretaries_group
    name = f"学习小组秘书 #{group.pk}"
    if wagtail_group is None:
        wagtail_group, _created = Group.objects.get_or_create(name=name)
        StudyGroupPage.objects.filter(pk=group.pk).update(secretaries_group=wagtail_group)
        group.secretaries_group = wagtail_group
    access_admin = _permission("wagtailadmin", "access_admin")
    if access_admin:
        wagtail_group.permissions.add(access_admin)
    add_page = _permission("wagtailcore", "add_page")
    if add_page:
        GroupPagePermission.objects.get_or_create(
            group=wagtail_group, page_id=group.pk, permission=add_page
        )
    secretary_user_id = group.secretary.user_id if group.secretary_id else None
    for user in wagtail_group.user_set.all():
        if user.pk != secretary_user_id:
            wagtail_group.user_set.remove(user)
    if secretary_user_id:
        wagtail_group.user_set.add(secretary_user_id)
    if group.leader_id:
        leaders = Group.objects.filter(name=STUDY_GROUP_LEADERS).first()
        if leaders:
            leaders.user_set.add(group.leader.user_id)
