"""Fixtures every app's tests share: people in each role and a signed-in client for each.

App-specific fixtures live in each app's own conftest.
"""

import pytest

from people import roles

from .people.factories import person_with_roles


@pytest.fixture(scope="session", autouse=True)
def _empty_search_indices():
    """Start from no search index: Elasticsearch keeps its data between runs, the database does not."""
    from search import client

    es = client.get_client()
    if es is not None:
        # Deleting by wildcard is refused (action.destructive_requires_name): name each index.
        for name in es.options(ignore_status=404).indices.get(index=client.index_name("*")):
            es.options(ignore_status=404).indices.delete(index=name)


@pytest.fixture(autouse=True)
def _site_structure_after_flush(request):
    """Transactional tests: the root, home and library pages, remade if an earlier one's flush
    took them (a flush empties every table, and migrate's data does not come back with it)."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from django.conf import settings

    from wagtail.models import Locale, Page

    from home.site_structure import ensure_site_structure

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    ensure_site_structure()


@pytest.fixture
def cadre(db):
    return person_with_roles("cadre", position="cadre")


@pytest.fixture
def editor(db):
    return person_with_roles("editor", roles.EDITORS)


@pytest.fixture
def department_head(db):
    return person_with_roles("head", roles.DEPARTMENT_HEADS, position="department_head")


def _client_for(client, person):
    client.force_login(person.user)
    return client


@pytest.fixture
def cadre_client(client, cadre):
    return _client_for(client, cadre)


@pytest.fixture
def editor_client(client, editor):
    return _client_for(client, editor)


@pytest.fixture
def anonymous_client(client):
    return client
