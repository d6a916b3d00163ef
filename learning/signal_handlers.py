from django.apps import apps
from django.db.models.signals import post_migrate


def grant_learning_permissions(sender, **kwargs):
    # Permissions of every app exist only after the last app's post_migrate (as in people).
    if sender is [c for c in apps.get_app_configs() if c.models_module][-1]:
        from .permissions import ensure_learning_permissions

        ensure_learning_permissions()


def register():
    post_migrate.connect(
        grant_learning_permissions, dispatch_uid="learning.grant_learning_permissions"
    )
