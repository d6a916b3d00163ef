"""Fixtures every app's tests share: people in each role and a signed-in client for each.

App-specific fixtures live in each app's own conftest.
"""

import uuid

import pytest

from django.test import override_settings

from people import roles
from search import client, index, synonyms

from .people.factories import person_with_roles


@pytest.fixture(scope="session", autouse=True)
def _empty_search_indices():
    """Start from no search index: Elasticsearch keeps its data between runs, the database does not."""
    es = client.get_client()
    if es is not None:
        # Deleting by wildcard is refused (action.destructive_requires_name): name each index.
        for name in es.options(ignore_status=404).indices.get(index=client.index_name("*")):
            es.options(ignore_status=404).indices.delete(index=name)


@pytest.fixture(autouse=True)
def _synonyms_read_afresh():
    """Each process keeps the search synonyms a minute; a test's rolled-back groups must not
    outlive it."""
    synonyms.forget()
    yield
    synonyms.forget()


@pytest.fixture
def search_index(db):
    """A fresh, empty search index behind its own alias, removed after the test (any app's tests)."""
    prefix = f"gongxue-test-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix):
        index.ensure_index()
        yield index.alias_name()
        es = client.get_client()
        for name in index.physical_indices():
            es.options(ignore_status=404).indices.delete(index=name)


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
