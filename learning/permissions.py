"""The learning leadership group's rights, and the permissions its role group is given."""

from people.roles import LEARNING_LEADERSHIP_GROUP, grant

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
    """Whether `user` oversees learning across the office: every department's inspection
    status, the exports and every growth archive. That is the learning leadership group, which is
    given the permission to view inspections; an administrator can give it to others too."""
    if not getattr(user, "is_authenticated", False):
        return False
    # has_perm caches the user's permissions, which the page header reads anyway.
    return user.has_perm("learning.view_inspection")


def may_edit_notices(user) -> bool:
    """Whether `user` drafts, edits and publishes inspection notices (the leadership group)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.has_perm("learning.change_inspectionnotice")


def ensure_learning_permissions() -> None:
    """Give the learning leadership group its permissions (idempotent; never removes any)."""
    grant(LEARNING_LEADERSHIP_GROUP, LEADERSHIP_PERMISSIONS)
