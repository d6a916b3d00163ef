"""People around one group: its leader, secretary and a member, and a cadre outside it."""

import pytest

from tests.people.factories import person_with_roles

from .factories import StudyGroupPageFactory


@pytest.fixture
def leader(db):
    return person_with_roles("zuzhang", display_name="赵组长")


@pytest.fixture
def secretary(db):
    return person_with_roles("mishu", display_name="钱秘书")


@pytest.fixture
def member(db):
    return person_with_roles("chengyuan", display_name="孙成员")


@pytest.fixture
def outsider(db):
    return person_with_roles("waibu", display_name="李局外")


def _group(is_open, leader, secretary, member, title):
    return StudyGroupPageFactory(
        title=title, is_open=is_open, leader=leader, secretary=secretary, members=[member]
    )


@pytest.fixture
def open_group(leader, secretary, member):
    return _group(True, leader, secretary, member, "青年学习小组")


@pytest.fixture
def closed_group(leader, secretary, member):
    return _group(False, leader, secretary, member, "中心学习组")


def _signed_in(client, person):
    client.force_login(person.user)
    return client


@pytest.fixture
def member_client(client, member):
    return _signed_in(client, member)


@pytest.fixture
def outsider_client(client, outsider):
    return _signed_in(client, outsider)


@pytest.fixture
def leader_client(client, leader):
    return _signed_in(client, leader)


@pytest.fixture
def secretary_client(client, secretary):
    return _signed_in(client, secretary)
