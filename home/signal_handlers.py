from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)

from people.models import Department, Person

from . import header


def create_site_structure(sender, **kwargs):
    # post_migrate is sent once per app; every table exists only after the last one.
    if sender is [c for c in apps.get_app_configs() if c.models_module][-1]:
        from .site_structure import ensure_site_structure

        ensure_site_structure()


# The header's menu follows a person's roles: their groups and permissions (the leadership's
# inspection status, the admin link) and the departments they head or oversee (notes inspection).
# Each change marks the people concerned, so that their next page shows the new menu.


def user_roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A user's groups or own permissions changed (from either side of the relation)."""
    if action in ("post_add", "post_remove"):
        header.changed_for_users(pk_set if reverse else [instance.pk])
    elif action == "pre_clear":
        # After the clear the related rows are gone: mark them while they are still there.
        header.changed_for_users(instance.user_set.values("pk") if reverse else [instance.pk])


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group's permissions changed (or a permission's groups): every member's menu may."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        groups = [instance.pk]
    elif action == "pre_clear":
        groups = instance.group_set.values("pk")
    else:
        groups = pk_set
    header.changed_for_users(get_user_model().objects.filter(groups__in=groups).values("pk"))


def group_deleting(sender, instance, **kwargs):
    # Deleting a group removes its memberships without an m2m signal.
    header.changed_for_users(instance.user_set.values("pk"))


def user_saved(sender, instance, created, update_fields=None, **kwargs):
    """Superuser, staff or active status may have changed (a sign-in only stamps last_login)."""
    if not created and set(update_fields or ()) != {"last_login"}:
        header.changed_for_users([instance.pk])


def department_saving(sender, instance, **kwargs):
    # Who headed and oversaw it before, so that a person who no longer does is marked too.
    instance._people_before = (
        Department.objects.filter(pk=instance.pk)
        .values_list("head_id", "leader_in_charge_id")
        .first()
        if instance.pk
        else None
    ) or ()


def department_changed(sender, instance, **kwargs):
    before = getattr(instance, "_people_before", ())
    people = {*before, instance.head_id, instance.leader_in_charge_id} - {None}
    if people:
        header.changed_for(people)


def person_saved(sender, instance, created, **kwargs):
    """A new name shows in the person's own header on their next page."""
    if not created:
        header.changed_for([instance.pk])


def register():
    post_migrate.connect(create_site_structure, dispatch_uid="home.create_site_structure")
    User = get_user_model()
    m2m_changed.connect(
        user_roles_changed, sender=User.groups.through, dispatch_uid="home.header_groups"
    )
    m2m_changed.connect(
        user_roles_changed,
        sender=User.user_permissions.through,
        dispatch_uid="home.header_user_permissions",
    )
    m2m_changed.connect(
        group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="home.header_group_permissions",
    )
    pre_delete.connect(group_deleting, sender=Group, dispatch_uid="home.header_group_deleted")
    post_save.connect(user_saved, sender=User, dispatch_uid="home.header_user_saved")
    pre_save.connect(department_saving, sender=Department, dispatch_uid="home.header_department")
    post_save.connect(department_changed, sender=Department, dispatch_uid="home.header_department")
    post_delete.connect(
        department_changed, sender=Department, dispatch_uid="home.header_department_deleted"
    )
    post_save.connect(person_saved, sender=Person, dispatch_uid="home.header_person_saved")
