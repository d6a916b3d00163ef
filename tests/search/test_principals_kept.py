"""Who a person is, for search, is kept in their session for a minute, and never outlives a change.

A person searches, pages and is offered titles many times a minute; working out their groups and
study groups each time cost two queries a request. Whatever changes what they may see through the
site takes effect on their very next search; only a change that sends no signal (bulk SQL) waits
for the minute.
"""

import time

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import roles
from search import indexing, sources
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import DepartmentFactory, PersonFactory

from .conftest import article_for_leaders_only, index_now

pytestmark = pytest.mark.django_db

LEADERS = "领导小组内部学习材料"


def count(client, q="内部学习材料") -> int:
    return client.get("/api/search/", {"q": q}).json()["count"]


@pytest.fixture
def leaders_material(search_index):
    ArticlePageFactory(title="全体干部学习材料")
    article_for_leaders_only(LEADERS)
    index_now()


def test_searching_again_asks_the_database_only_who_is_signed_in(cadre_client, leaders_material):
    assert cadre_client.get("/search/", {"q": "学习材料"}).status_code == 200
    with CaptureQueriesContext(connection) as asked:
        page = cadre_client.get("/search/", {"q": "学习材料", "page": "1"})
        cadre_client.get("/search/suggest/", {"q": "学习"})
    assert page.context["results"].count == 1
    read = [query["sql"] for query in asked.captured_queries]
    # The session and the signed-in user with their person, for each of the two requests.
    assert len(read) == 4
    assert all('FROM "django_session"' in sql or 'FROM "auth_user" ' in sql for sql in read)


def test_joining_a_group_opens_its_material_on_the_next_search(
    cadre_client, cadre, leaders_material
):
    assert count(cadre_client) == 0
    cadre.user.groups.add(Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP))
    assert count(cadre_client) == 1


def test_leaving_a_group_closes_its_material_on_the_next_search(
    cadre_client, cadre, leaders_material
):
    leadership = Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP)
    cadre.user.groups.add(leadership)
    assert count(cadre_client) == 1
    leadership.user_set.remove(cadre.user)  # from the group's side this time
    assert count(cadre_client) == 0


def test_moving_to_another_department_changes_what_the_next_search_finds(client, search_index):
    policy, office = DepartmentFactory(name="政策研究室"), DepartmentFactory(name="办公室")
    person = PersonFactory(department=policy)
    article = ArticlePageFactory(title="政策研究室内部讨论")
    built = indexing.build(indexing.source_for_model(type(article)), [article.pk])
    built.write[f"article:{article.pk}"]["access"] = [f"department:{policy.pk}"]
    indexing.write_index(built, refresh=True)
    client.force_login(person.user)
    assert count(client, "内部讨论") == 1
    person.department = office
    person.save()
    assert count(client, "内部讨论") == 0


def test_a_change_that_sends_no_signal_is_seen_within_a_minute(
    cadre_client, cadre, leaders_material, monkeypatch
):
    cadre.user.groups.add(Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP))
    assert count(cadre_client) == 1
    # Bulk SQL, as a script might do it: no signal, so nothing marks the person.
    type(cadre.user).groups.through.objects.filter(user=cadre.user).delete()
    assert count(cadre_client) == 1
    later = time.time() + sources.KEEP_PRINCIPALS_SECONDS
    monkeypatch.setattr(sources.time, "time", lambda: later)
    assert count(cadre_client) == 0
