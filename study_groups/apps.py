from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyGroupsConfig(AppConfig):
    name = "study_groups"
    verbose_name = _("Study groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
