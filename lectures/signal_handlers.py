from django.apps import apps
from django.db.models.signals import post_migrate

from wagtail.signals import page_published, post_page_move

# The learning leadership group plans the monthly lecture rotation in the admin.
PLANNER_PERMISSIONS = [
    "add_monthlylectureslot",
    "change_monthlylectureslot",
    "view_monthlylectureslot",
    "add_rotationexclusion",
    "change_rotationexclusion",
    "delete_rotationexclusion",
    "view_rotationexclusion",
]


def grant_planner_permissions(sender, **kwargs):
    # post_migrate is sent once per app; permissions exist for every app only after the last one.
    if sender is not [c for c in apps.get_app_configs() if c.models_module][-1]:
        return
    from django.contrib.auth.models import Group, Permission

    from people.roles import LEARNING_LEADERSHIP_GROUP

    group, _created = Group.objects.get_or_create(name=LEARNING_LEADERSHIP_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="lectures", codename__in=PLANNER_PERMISSIONS
        )
    )


def set_up_attendance(sender, instance, **kwargs):
    """A published lecture that records attendance gets its event and roster, kept in step
    with its time, title, organisers and audience at every publish."""
    from attendance.rules import set_up_event

    if instance.record_attendance:
        set_up_event(instance)


def follow_series(sender, instance, **kwargs):
    """A lecture moved to another series remembers its new series for listings."""
    from .models import LecturePage, LectureSeriesPage

    specific = instance.specific_deferred
    if isinstance(specific, LecturePage):
        parent = specific.get_parent()
        series_id = parent.pk if parent.specific_class is LectureSeriesPage else None
        LecturePage.objects.filter(pk=specific.pk).update(series_page_id=series_id)


def register():
    from .models import LecturePage

    page_published.connect(
        set_up_attendance, sender=LecturePage, dispatch_uid="lectures.set_up_attendance"
    )
    post_page_move.connect(follow_series, dispatch_uid="lectures.follow_series")
    post_migrate.connect(
        grant_planner_permissions, dispatch_uid="lectures.grant_planner_permissions"
    )
