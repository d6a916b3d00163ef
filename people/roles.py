"""The platform's roles, kept as Wagtail groups so that editors manage them where they manage users.

`ensure_role_groups` runs after every migrate: it creates missing groups and grants the permissions
each role needs, and never removes permissions an administrator added by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
STUDY_GROUP_LEADERS = "Study group leaders"
DEPARTMENT_HEADS = "Department heads"
LEARNING_LEADERSHIP_GROUP = "Learning leadership group"
CADRES = "Cadres"

ROLE_LABELS = {
    EDITORS: _("Editors"),
    STUDY_GROUP_LEADERS: _("Study group leaders"),
    DEPARTMENT_HEADS: _("Department heads"),
    LEARNING_LEADERSHIP_GROUP: _("Learning leadership group"),
    CADRES: _("Cadres"),
}

# Role keys accepted in staff imports, in English and in the users' words.
ROLE_ALIASES = {
    "editor": EDITORS,
    "editors": EDITORS,
    "编辑": EDITORS,
    "study_group_leader": STUDY_GROUP_LEADERS,
    "组长": STUDY_GROUP_LEADERS,
    "学习小组组长": STUDY_GROUP_LEADERS,
    "department_head": DEPARTMENT_HEADS,
    "科室负责人": DEPARTMENT_HEADS,
    "科长": DEPARTMENT_HEADS,
    "learning_leadership_group": LEARNING_LEADERSHIP_GROUP,
    "学习领导小组": LEARNING_LEADERSHIP_GROUP,
    "cadre": CADRES,
    "cadres": CADRES,
    "干部": CADRES,
}

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
DOCUMENTS = [("wagtaildocs", c) for c in ("add_document", "change_document", "choose_document")]
IMAGES = [("wagtailimages", c) for c in ("add_image", "change_image", "choose_image")]

ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: [ADMIN_ACCESS, *DOCUMENTS, *IMAGES],
    STUDY_GROUP_LEADERS: [ADMIN_ACCESS, *DOCUMENTS, *IMAGES],
    DEPARTMENT_HEADS: [],
    LEARNING_LEADERSHIP_GROUP: [
        ADMIN_ACCESS,
        ("people", "view_person"),
        ("people", "view_department"),
        ("people", "change_department"),
        *DOCUMENTS,
    ],
    CADRES: [],
}

# Page permissions on the site root, granted to editors (Wagtail's own "Editors" group has them).
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant(group_name: str, permissions) -> Group:
    """Give the role group (made if missing) these (app label, codename) permissions; never
    removes any. Apps call it after migrating, for the rights their own models need."""
    group, _created = Group.objects.get_or_create(name=group_name)
    for app_label, codename in permissions:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)
    return group


def ensure_role_groups() -> None:
    """Create the role groups and give each the permissions it needs (idempotent)."""
    from wagtail.models import GroupPagePermission, Page

    for name, perms in ROLE_PERMISSIONS.items():
        grant(name, perms)
    root = Page.get_first_root_node()
    if root is None:
        return
    editors = Group.objects.get(name=EDITORS)
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename=codename
        ).first()
        if permission:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission
            )
