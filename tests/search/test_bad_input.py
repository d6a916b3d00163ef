"""Bad input never gives a 500: each gets a clear word or an empty page."""

import pytest

from django.test import override_settings

from tests.assertions import assert_contains
from tests.knowledge.factories import ArticlePageFactory

from .conftest import index_now

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    {"q": ""},
    {"q": "   "},
    {"q": "学" * 2000},
    {"q": "government " * 200},
    {"q": '"'},
    {"q": ":"},
    {"q": "("},
    {"q": "~"},
    {"q": "*"},
    {"q": "\\"},
    {"q": '" : ( ~ * \\'},
    {"q": "title:(学习 OR 组织)~2 AND body:*"},
    {"q": "<script>alert(1)</script>"},
    {"q": "\x00\x01"},
    {"q": "学习", "kind": "no-such-kind"},
    {"q": "学习", "tag": "没有这个标签"},
    {"q": "学习", "department": "不存在的科室"},
    {"q": "学习", "study_group": "x" * 500},
    {"q": "学习", "year": "abc"},
    {"q": "学习", "year": "99999999999999999999"},
    {"q": "学习", "page": "999999"},
    {"q": "学习", "page": "50"},
    {"q": "学习", "page": "-1"},
    {"q": "学习", "page": "abc"},
    {"q": "学习", "sort": "random"},
]


@pytest.fixture
def some_articles(search_index):
    for n in range(3):
        ArticlePageFactory(title=f"学习型组织建设之{n}")
    index_now()


@pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda q: repr(q)[:40])
def test_bad_input_is_answered_without_an_error(cadre_client, some_articles, query):
    for path in ("/search/", "/api/search/", "/search/suggest/"):
        response = cadre_client.get(path, query)
        assert response.status_code == 200, (path, query)


@override_settings(ELASTICSEARCH_URL="")
@pytest.mark.parametrize("query", BAD_QUERIES[::3], ids=lambda q: repr(q)[:40])
def test_bad_input_is_answered_without_an_error_from_the_database(cadre_client, query):
    for path in ("/search/", "/api/search/", "/search/suggest/"):
        assert cadre_client.get(path, query).status_code == 200, (path, query)


def test_bad_values_are_explained(cadre_client, some_articles):
    response = cadre_client.get(
        "/search/", {"q": "学习", "kind": "nonsense", "year": "abc", "page": "abc"}
    )
    assert_contains(response, "没有名为“nonsense”的类型")
    assert_contains(response, "“abc”不是年份")
    assert_contains(response, "“abc”不是页码")


def test_a_long_query_is_cut_and_says_so(cadre_client, some_articles):
    assert_contains(cadre_client.get("/search/", {"q": "学" * 2000}), "搜索内容过长")


def test_a_page_past_the_end_is_empty_and_says_where_results_end(cadre_client, some_articles):
    response = cadre_client.get("/search/", {"q": "学习型组织", "page": "50"})
    assert_contains(response, "没有第 50 页：结果到第 1 页为止。")
    assert response.context["results"].hits == []


def test_an_empty_query_invites_a_word(cadre_client, some_articles):
    assert_contains(cadre_client.get("/search/"), "输入词语或短语")
