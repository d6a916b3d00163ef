from django.apps import apps
from django.db.models.signals import post_migrate

# The learning leadership group supervises attendance across the office: it may read and correct
# records in the admin (and so organise every event, see attendance.access.may_organise).
SUPERVISOR_PERMISSIONS = [
    "view_attendanceevent",
    "change_attendanceevent",
    "view_attendancerecord",
    "change_attendancerecord",
    "view_leaverequest",
]


def grant_supervisor_permissions(sender, **kwargs):
    # post_migrate is sent once per app; permissions exist for every app only after the last one.
    if sender is not [c for c in apps.get_app_configs() if c.models_module][-1]:
        return
    from django.contrib.auth.models import Group, Permission

    from people.roles import LEARNING_LEADERSHIP_GROUP

    group, _created = Group.objects.get_or_create(name=LEARNING_LEADERSHIP_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="attendance", codename__in=SUPERVISOR_PERMISSIONS
        )
    )


def register():
    post_migrate.connect(
        grant_supervisor_permissions, dispatch_uid="attendance.grant_supervisor_permissions"
    )
