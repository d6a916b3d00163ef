from django.apps import apps
from django.db.models.signals import post_migrate


def create_site_structure(sender, **kwargs):
    # post_migrate is sent once per app; every table exists only after the last one.
    if sender is [c for c in apps.get_app_configs() if c.models_module][-1]:
        from .site_structure import ensure_site_structure

        ensure_site_structure()


def register():
    post_migrate.connect(create_site_structure, dispatch_uid="home.create_site_structure")
