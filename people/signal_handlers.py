from django.apps import apps
from django.db.models.signals import post_migrate


def create_role_groups(sender, **kwargs):
    # post_migrate is sent once per app; permissions exist for every app only after the last one.
    if sender is [c for c in apps.get_app_configs() if c.models_module][-1]:
        from .roles import ensure_role_groups

        ensure_role_groups()


def register():
    post_migrate.connect(create_role_groups, dispatch_uid="people.create_role_groups")
