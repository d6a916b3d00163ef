from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "gongxue_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app declares its searchable models in <app>/search_documents.py.
        autodiscover_modules("search_documents")

        from . import checks, signal_handlers

        checks.register()
        signal_handlers.register()
