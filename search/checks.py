"""`manage.py check` fails when the search settings cannot work."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def check_search_settings(app_configs=None, **kwargs):
    errors = []
    url = settings.ELASTICSEARCH_URL
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            errors.append(
                checks.Error(
                    f"ELASTICSEARCH_URL {url!r} is not an http(s) address.",
                    hint="Use e.g. http://127.0.0.1:9200, or leave it unset to search the database.",
                    id="gongxue_search.E001",
                )
            )
    if "search" not in getattr(settings, "TASKS", {}):
        errors.append(
            checks.Error(
                'TASKS has no "search" backend, so recorded changes would never reach the index.',
                hint="See website/settings/base.py.",
                id="gongxue_search.E002",
            )
        )
    plugin = getattr(settings, "GONGXUE_SEARCH_PLUGIN_ANALYZER", "")
    if plugin and not isinstance(plugin, str):
        errors.append(
            checks.Error(
                "GONGXUE_SEARCH_PLUGIN_ANALYZER must be a string (smartcn, ik, icu or an analyzer name).",
                id="gongxue_search.E003",
            )
        )
    return errors


def check_dependencies(app_configs=None, **kwargs):
    """Each source's `depends_on` names real models, fields and lookups (see sources.Dependency)."""
    from .sources import dependency_errors, sources

    return [
        checks.Error(
            f"Search dependency: {message}.",
            hint="See search.sources.Dependency.",
            id="gongxue_search.E004",
        )
        for source in sources()
        for message in dependency_errors(source)
    ]


def register():
    checks.register(check_search_settings, "gongxue_search")
    checks.register(check_dependencies, "gongxue_search")
