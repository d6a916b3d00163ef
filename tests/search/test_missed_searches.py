"""Searches that found nothing: counted without who searched, reported to editors and the
learning leadership group (Reports → Searches that found nothing), with what each finds now."""

import datetime

import pytest

from django.test import Client, override_settings
from django.utils import timezone

from people import roles
from search import missed_searches
from search.models import MissedSearch
from search.params import SearchParams
from search.queries import Results
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import person_with_roles

from .conftest import article_for_leaders_only, index_now

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/missed-searches/"


def counted() -> dict[str, int]:
    return {row["words"]: row["times"] for row in MissedSearch.objects.by_words()}


@pytest.fixture
def leadership_client(db):
    person = person_with_roles("leader", roles.LEARNING_LEADERSHIP_GROUP)
    web = Client()
    web.force_login(person.user)
    return web


def test_a_search_that_finds_nothing_is_counted_by_its_words_and_never_by_who(
    search_index, cadre_client, editor_client
):
    ArticlePageFactory(title="乡村振兴调研报告")
    index_now()
    cadre_client.get("/search/", {"q": "数据安全法"})
    cadre_client.get("/search/", {"q": "數據安全法"})  # Traditional script: the same words
    editor_client.get("/api/search/", {"q": " 数据安全法 "})
    cadre_client.get("/search/", {"q": "Data  Security"})
    # What found something, a filter that left nothing, a page past the end: not counted.
    cadre_client.get("/search/", {"q": "乡村振兴"})
    cadre_client.get("/search/", {"q": "乡村振兴", "year": "1999"})
    cadre_client.get("/search/", {"q": "乡村振兴", "page": "9"})
    assert counted() == {"数据安全法": 3, "data security": 1}
    # The person is told what becomes of such a search; a search that was not counted says nothing.
    noted = "编辑会看到哪些词没有找到结果"
    assert_contains(cadre_client.get("/search/", {"q": "数据安全法"}), noted)
    assert_not_contains(cadre_client.get("/search/", {"q": "乡村振兴", "year": "1999"}), noted)
    assert [f.name for f in MissedSearch._meta.get_fields()] == ["id", "words", "day", "times"]


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_counts_nothing(cadre_client):
    # It finds less than the index would: its misses say nothing of what the library lacks.
    cadre_client.get("/search/", {"q": "数据安全法"})
    assert counted() == {}


def test_counts_are_kept_a_day_a_row_and_the_oldest_go(search_index):
    today = timezone.localdate()
    old = today - datetime.timedelta(days=missed_searches.KEEP_DAYS + 1)
    MissedSearch.objects.create(words="去年的词", day=old, times=4)
    MissedSearch.objects.create(words="数据安全法", day=today - datetime.timedelta(days=1), times=2)
    results = Results(params=SearchParams(q="数据安全法"))
    assert missed_searches.record(results)
    assert missed_searches.record(results)
    rows = MissedSearch.objects.filter(words="数据安全法").order_by("day")
    assert [(r.day, r.times) for r in rows] == [(today - datetime.timedelta(days=1), 2), (today, 2)]
    assert not MissedSearch.objects.filter(words="去年的词").exists()


def test_an_editor_sees_what_colleagues_missed_and_what_it_finds_now(
    search_index, cadre_client, editor_client
):
    for _ in range(3):
        cadre_client.get("/search/", {"q": "数据安全法"})
    cadre_client.get("/search/", {"q": "网络安全"})
    # The editor fills one gap: the report says it finds something now.
    ArticlePageFactory(title="网络安全知识读本")
    index_now()
    response = editor_client.get(REPORT)
    assert_contains(response, "搜索无结果的词")
    rows = {row["words"]: row for row in response.context["object_list"]}
    assert rows["数据安全法"]["times"] == 3 and rows["数据安全法"]["finds_now"] == 0
    assert rows["网络安全"]["times"] == 1 and rows["网络安全"]["finds_now"] == 1
    assert [row["words"] for row in response.context["object_list"]] == ["数据安全法", "网络安全"]
    # Each line links to the search itself.
    assert_contains(response, "/search/?q=%E6%95%B0%E6%8D%AE%E5%AE%89%E5%85%A8%E6%B3%95")


def test_finds_now_counts_only_what_the_reader_may_see(search_index, editor_client):
    MissedSearch.objects.create(words="内部通报", times=2)
    article_for_leaders_only("内部通报汇编")
    index_now()
    rows = editor_client.get(REPORT).context["object_list"]
    assert [(row["words"], row["finds_now"]) for row in rows] == [("内部通报", 0)]


def test_the_report_filters_by_date_and_searches_its_words(search_index, editor_client):
    today = timezone.localdate()
    MissedSearch.objects.create(words="数据安全法", day=today, times=1)
    MissedSearch.objects.create(
        words="数据安全法", day=today - datetime.timedelta(days=40), times=5
    )
    MissedSearch.objects.create(words="党史学习", day=today, times=2)
    since = (today - datetime.timedelta(days=7)).isoformat()
    rows = editor_client.get(REPORT, {"day_from": since}).context["object_list"]
    assert [(row["words"], row["times"]) for row in rows] == [("党史学习", 2), ("数据安全法", 1)]
    rows = editor_client.get(REPORT, {"q": "安全"}).context["object_list"]
    assert [(row["words"], row["times"], row["days"]) for row in rows] == [("数据安全法", 6, 2)]


def test_an_editor_starts_a_synonym_group_from_words_that_found_nothing(
    search_index, editor_client, leadership_client
):
    MissedSearch.objects.create(words="放管服", times=3)
    (row,) = editor_client.get(REPORT).context["object_list"]
    assert row["add_synonyms_url"] == (
        "/admin/snippets/gongxue_search/synonymgroup/add/?words=%E6%94%BE%E7%AE%A1%E6%9C%8D%E3%80%81"
    )
    form = editor_client.get(row["add_synonyms_url"])
    assert form.context["form"].initial["words"] == "放管服、"
    # The leadership group reads the report; keeping the synonyms is the editors' work.
    assert_not_contains(leadership_client.get(REPORT), "/synonymgroup/add/")


def test_the_report_exports_a_spreadsheet(search_index, editor_client):
    MissedSearch.objects.create(words="数据安全法", times=3)
    response = editor_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    assert "数据安全法,3,1," in text


def test_when_search_is_down_the_report_still_answers_and_says_so(editor_client):
    MissedSearch.objects.create(words="数据安全法", times=3)
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        response = editor_client.get(REPORT)
    assert_contains(response, "数据安全法")
    assert_contains(response, "搜索服务没有响应")
    assert response.context["object_list"][0]["finds_now"] is None


@override_settings(ELASTICSEARCH_URL="")
def test_an_empty_report_asks_nothing_of_search_and_warns_of_nothing(editor_client):
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    assert_not_contains(response, "搜索服务没有响应")


def test_the_leadership_group_reads_the_report_too(search_index, leadership_client):
    MissedSearch.objects.create(words="数据安全法", times=3)
    assert_contains(leadership_client.get(REPORT), "数据安全法")


def test_a_signed_out_visitor_is_sent_to_sign_in(search_index, anonymous_client):
    MissedSearch.objects.create(words="数据安全法", times=3)
    for url in (REPORT, REPORT + "results/", REPORT + "?export=csv"):
        response = anonymous_client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
        assert_not_contains(response, "数据安全法")


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_a_cadre_never_sees_the_report_nor_its_export(search_index, cadre_client, export):
    MissedSearch.objects.create(words="数据安全法", times=3)
    response = cadre_client.get(REPORT, {"export": export} if export else {})
    assert response.status_code in (302, 403)
    assert_not_contains(response, "数据安全法")
    results = cadre_client.get(REPORT + "results/")
    assert results.status_code in (302, 403)


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_an_admin_user_without_the_right_is_refused_the_report_and_its_export(
    search_index, client, export
):
    # A study-group leader works in the admin, but the report is not theirs.
    MissedSearch.objects.create(words="数据安全法", times=3)
    client.force_login(person_with_roles("sgl", roles.STUDY_GROUP_LEADERS).user)
    for url in (REPORT, REPORT + "results/"):
        response = client.get(url, {"export": export} if export else {})
        assert response.status_code in (302, 403)
        assert_not_contains(response, "数据安全法")


def test_the_report_is_in_the_reports_menu_of_those_who_may_read_it(
    search_index, editor_client, client
):
    assert_contains(editor_client.get("/admin/"), REPORT)
    study_group_leader = person_with_roles("sgl", roles.STUDY_GROUP_LEADERS)
    client.force_login(study_group_leader.user)
    assert_not_contains(client.get("/admin/"), REPORT)
