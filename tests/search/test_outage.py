"""When Elasticsearch is absent or down, saves succeed, search answers from the database, and
nothing recorded meanwhile is lost: once the server is back, the backlog is applied."""

import datetime
from importlib import import_module

import pytest

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from search import client, index
from search.models import OutboxEntry, SearchEntry
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory

from .conftest import article_for_leaders_only, index_now

pytestmark = pytest.mark.django_db

DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port


@override_settings(ELASTICSEARCH_URL="")
def test_without_elasticsearch_search_answers_from_the_database_and_says_so(cadre_client):
    ArticlePageFactory(title="学习型组织建设的思考", summary="团队学习大于个人学习之和")
    ArticlePageFactory(title="乡村振兴调研报告", summary="赴三个县调研")
    index_now()
    response = cadre_client.get("/search/", {"q": "学习型组织"})
    assert_contains(response, "简化模式")
    assert_contains(response, "<mark>学习型组织</mark>")
    assert_not_contains(response, "乡村振兴")
    # Two words typed together are cut apart on the way in, and still match.
    assert cadre_client.get("/search/", {"q": "团队学习个人"}).context["results"].count == 1
    body = cadre_client.get("/api/search/", {"q": "调研"}).json()
    assert body["limited"] is True
    assert [r["title"] for r in body["results"]] == ["乡村振兴调研报告"]
    suggestions = cadre_client.get("/search/suggest/", {"q": "乡村"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["乡村振兴调研报告"]


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_matches_english_in_any_case_and_takes_symbols_literally(
    cadre_client,
):
    ArticlePageFactory(title="Digital Government research", summary="C++ and e-Government.")
    ArticlePageFactory(title="乡村振兴调研报告", summary="Rural revitalisation.")
    index_now()
    for typed in ("digital GOVERNMENT", "Digital", "e-government", "c++"):
        results = cadre_client.get("/search/", {"q": typed}).context["results"]
        assert [h.title for h in results.hits] == ["Digital Government research"], typed


@override_settings(ELASTICSEARCH_URL="")
def test_entries_copied_before_the_word_column_find_their_english_words_after_the_upgrade(
    cadre_client,
):
    ArticlePageFactory(title="数字政府建设", summary="Notes on e-Government and open data.")
    index_now()
    SearchEntry.objects.update(words="")  # as migration 0008 found the copy
    assert cadre_client.get("/search/", {"q": "open data"}).context["results"].count == 0

    import_module("search.migrations.0008_searchentry_words").fill_words(apps, None)

    results = cadre_client.get("/search/", {"q": "OPEN data"}).context["results"]
    assert [hit.title for hit in results.hits] == ["数字政府建设"]


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_keeps_the_permission_rule(cadre_client):
    ArticlePageFactory(title="公开的学习材料")
    article_for_leaders_only("内部的学习材料")
    index_now()
    response = cadre_client.get("/search/", {"q": "学习材料"})
    assert [h.title for h in response.context["results"].hits] == ["公开的学习材料"]
    assert_not_contains(response, "内部的学习材料")


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_puts_title_matches_first_and_sorts_by_date(cadre_client):
    ArticlePageFactory(title="数字政府建设调研", date=datetime.date(2021, 3, 1))
    ArticlePageFactory(
        title="学习笔记", summary="关于数字政府的体会", date=datetime.date(2025, 1, 9)
    )
    ArticlePageFactory(title="数字政府与营商环境", date=datetime.date(2024, 6, 1))
    index_now()

    def titles(**query):
        response = cadre_client.get("/search/", {"q": "数字政府", **query})
        return [hit.title for hit in response.context["results"].hits]

    # Titles that hold the words first, the newest of them first.
    assert titles() == ["数字政府与营商环境", "数字政府建设调研", "学习笔记"]
    assert titles(sort="date") == ["学习笔记", "数字政府与营商环境", "数字政府建设调研"]


@pytest.mark.django_db(transaction=True)
@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_leaves_the_connection_as_it_found_it(cadre_client):
    ArticlePageFactory(title="乡村振兴调研报告", summary="赴三个县调研")
    index_now()
    response = cadre_client.get("/search/", {"q": "调研"})
    assert response.context["results"].count == 1
    # Its planner settings (see search.fallback.reading_every_body) ended with its transaction:
    # the connection, kept for the next request, plans every other query as before.
    with connection.cursor() as cursor:
        cursor.execute("SHOW parallel_setup_cost")
        assert cursor.fetchone()[0] == "1000"


def test_publishing_while_elasticsearch_is_down_is_applied_when_it_returns(
    cadre_client, editor_client, search_index
):
    with override_settings(ELASTICSEARCH_URL=DEAD):
        article = ArticlePageFactory(title="停机期间发布的调研报告")
        # The background task tries, fails, and keeps the change for later.
        from search.indexing import apply_pending

        result = apply_pending()
        assert result.failed and result.applied == 0
        assert OutboxEntry.objects.pending().count() >= 1
        health = cadre_client.get("/healthz").json()
        assert health["elasticsearch"] == "down"
        assert health["search_backlog"] >= 1
        # Search still answers, from the database copy, and finds the new page.
        response = cadre_client.get("/search/", {"q": "调研报告"})
        assert_contains(response, "简化模式")
        assert [h.title for h in response.context["results"].hits] == [article.title]
    # The server is back: the backlog is drained and the page is found in Elasticsearch.
    call_command("search_index", "--drain", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.get_client().indices.refresh(index=index.alias_name())
    assert OutboxEntry.objects.pending().count() == 0
    assert cadre_client.get("/healthz").json()["search_backlog"] == 0
    response = cadre_client.get("/search/", {"q": "调研报告"})
    assert response.context["results"].limited is False
    assert [h.title for h in response.context["results"].hits] == [article.title]


def test_failed_attempts_back_off(search_index):
    from search.indexing import apply_pending, backoff

    ArticlePageFactory()
    with override_settings(ELASTICSEARCH_URL=DEAD):
        first = apply_pending()
        assert first.failed
        # Not due again until the backoff has passed: a second run does nothing.
        assert apply_pending().failed == 0
    entry = OutboxEntry.objects.pending().first()
    assert entry.attempts == 1
    assert "Connection" in entry.last_error
    assert backoff(1).total_seconds() == 5
    assert backoff(3).total_seconds() == 20
    assert backoff(30).total_seconds() == 600
