"""Fixtures every app's tests share: people in each role and a signed-in client for each.

App-specific fixtures live in each app's own conftest.
"""

import pytest

from people import roles

from .people.factories import person_with_roles


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
