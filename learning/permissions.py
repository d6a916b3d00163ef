"""The learning leadership group's rights, and the permissions its role group is given."""

from django.contrib.auth.models import Group, Permission

from people.roles import LEARNING_LEADERSHIP_GROUP

# What the learning leadership group needs in the admin: edit the role targets, read plans,
# records and inspections, edit notices. Notes are scoped by Note.objects.visible_to even there.
LEADERSHIP_PERMISSIONS = [
    ("learning", "change_learningtargets"),
    ("learning", "view_plan"),
    ("learning", "view_fouronesrecord"),
    ("learning", "view_selfstudyweek"),
    ("learning", "view_inspection"),
    ("learning", "view_note"),
    ("learning", "view_inspectionnotice"),
    ("learning", "change_inspectionnotice"),
]


def is_leadership(user) -> bool:
    """Whether `user` is in the learning leadership group (superusers count as members)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_gongxue_learning_leadership", None)
    if cached is None:
        cached = user.groups.filter(name=LEARNING_LEADERSHIP_GROUP).exists()
        user._gongxue_learning_leadership = cached
    return cached


def ensure_learning_permissions() -> None:
    """Give the learning leadership group its permissions (idempotent; never removes any)."""
    group, _created = Group.objects.get_or_create(name=LEARNING_LEADERSHIP_GROUP)
    for app_label, codename in LEADERSHIP_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)
