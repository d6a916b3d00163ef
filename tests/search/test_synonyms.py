"""Search synonyms: editors write down the words the office uses for the same thing (an
abbreviation and its full form, a programme's Chinese and English names), and a search for one
finds the others, below what matches the words typed, marked where found."""

import io

import pytest

from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from people import roles
from search import synonyms
from search.models import SynonymGroup
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import person_with_roles

from .conftest import article_for_leaders_only, index_now

pytestmark = pytest.mark.django_db

REFORM = "放管服，简政放权、放管结合\n优化服务"
SNIPPETS = "/admin/snippets/gongxue_search/synonymgroup/"


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"].hits]


def test_a_groups_words_are_read_whatever_separates_them_and_however_they_are_written():
    assert synonyms.words_of(REFORM) == ["放管服", "简政放权", "放管结合", "优化服务"]
    # Full-width letters, Traditional script, capitals and repeats: one spelling each.
    assert synonyms.words_of(
        "鄉村振興；Rural Revitalisation,乡村振兴, ｒｕｒａｌ revitalisation"
    ) == [
        "乡村振兴",
        "rural revitalisation",
    ]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("放管服", "至少两个"),
        ("放管服、放管服", "至少两个"),
        ("、".join(f"词{n}" for n in range(21)), "最多 20 个"),
        ("放管服、" + "长" * 51, "超过 50 个字"),
    ],
)
def test_a_group_that_says_nothing_is_refused_with_a_clear_word(words, message):
    with pytest.raises(ValidationError) as refused:
        SynonymGroup(words=words).full_clean()
    assert message in " ".join(refused.value.message_dict["words"])


def test_a_search_for_an_abbreviation_finds_its_full_forms_below_the_words_typed(
    search_index, cadre_client
):
    ArticlePageFactory(title="深化简政放权改革的实践", summary="各部门推进简政放权。")
    ArticlePageFactory(title="“放管服”改革三年回顾", summary="放管服改革取得成效。")
    ArticlePageFactory(title="乡村振兴调研报告", summary="赴三个县调研。")
    index_now()
    assert titles(cadre_client.get("/search/", {"q": "放管服"})) == ["“放管服”改革三年回顾"]

    SynonymGroup.objects.create(words=REFORM)
    response = cadre_client.get("/search/", {"q": "放管服"})
    assert titles(response) == ["“放管服”改革三年回顾", "深化简政放权改革的实践"]
    assert_contains(response, "<mark>简政放权</mark>")
    assert_contains(response, "同时搜索了同义词：简政放权、放管结合、优化服务")
    # Both ways: the full form finds the abbreviation.
    assert "“放管服”改革三年回顾" in titles(cadre_client.get("/search/", {"q": "简政放权"}))


def test_a_word_of_several_terms_is_a_synonym_too(search_index, cadre_client):
    ArticlePageFactory(title="乡村振兴调研报告", summary="赴三个县调研。")
    SynonymGroup.objects.create(words="乡村振兴、rural revitalisation")
    index_now()
    api = cadre_client.get("/api/search/", {"q": "Rural Revitalisation"}).json()
    assert [r["title"] for r in api["results"]] == ["乡村振兴调研报告"]
    assert api["synonyms"] == ["乡村振兴"]
    # With another word beside it, each must still be found.
    assert titles(cadre_client.get("/search/", {"q": "rural revitalisation 调研"})) == [
        "乡村振兴调研报告"
    ]
    assert titles(cadre_client.get("/search/", {"q": "rural revitalisation 法治"})) == []


def test_a_deleted_group_stops_at_once(search_index, cadre_client):
    ArticlePageFactory(title="深化简政放权改革的实践")
    group = SynonymGroup.objects.create(words=REFORM)
    index_now()
    assert titles(cadre_client.get("/search/", {"q": "放管服"})) == ["深化简政放权改革的实践"]
    group.delete()
    assert titles(cadre_client.get("/search/", {"q": "放管服"})) == []


def test_a_synonym_never_finds_what_the_person_may_not_see(search_index, cadre_client):
    article_for_leaders_only("简政放权内部通报")
    SynonymGroup.objects.create(words=REFORM)
    index_now()
    for path in ("/search/", "/api/search/"):
        response = cadre_client.get(path, {"q": "放管服"})
        assert_not_contains(response, "简政放权内部通报")


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_uses_the_synonyms_too(cadre_client):
    ArticlePageFactory(title="深化简政放权改革的实践")
    ArticlePageFactory(title="乡村振兴调研报告")
    SynonymGroup.objects.create(words=REFORM)
    index_now()
    response = cadre_client.get("/search/", {"q": "放管服"})
    assert titles(response) == ["深化简政放权改革的实践"]
    assert_contains(response, "<mark>简政放权</mark>")


def test_an_editor_keeps_the_synonyms_in_the_admin_and_a_cadre_cannot(editor_client, cadre):
    response = editor_client.post(f"{SNIPPETS}add/", {"words": "放管服", "note": "改革"})
    assert response.status_code == 200  # the form again, with the words kept and the reason
    assert_contains(response, "至少两个")
    assert_contains(response, "放管服")
    assert not SynonymGroup.objects.exists()

    response = editor_client.post(f"{SNIPPETS}add/", {"words": REFORM, "note": "改革"})
    assert response.status_code == 302
    assert str(SynonymGroup.objects.get()) == "放管服、简政放权、放管结合、优化服务"
    assert_contains(editor_client.get(SNIPPETS), "放管服、简政放权")

    cadre_client = Client()
    cadre_client.force_login(cadre.user)
    assert cadre_client.get(SNIPPETS).status_code in (302, 403)
    assert cadre_client.post(f"{SNIPPETS}add/", {"words": "甲、乙"}).status_code in (302, 403)
    assert SynonymGroup.objects.count() == 1


def test_the_demo_brings_synonyms_for_its_library_once(search_index, cadre_client):
    from search.demo import GROUPS, load_synonyms

    ArticlePageFactory(title="数字政府建设中的数据共享问题")
    load_synonyms(io.StringIO(), password="")
    load_synonyms(io.StringIO(), password="")
    assert SynonymGroup.objects.count() == len(GROUPS)
    index_now()
    assert titles(cadre_client.get("/search/", {"q": "电子政务"})) == [
        "数字政府建设中的数据共享问题"
    ]


def test_the_synonyms_are_the_editors_own_in_the_admin(client):
    SynonymGroup.objects.create(words=REFORM)
    assert client.get(SNIPPETS).status_code == 302  # signed out: to the sign-in page
    # A study-group leader works in the admin, but keeping the synonyms is not theirs.
    client.force_login(person_with_roles("sgl", roles.STUDY_GROUP_LEADERS).user)
    for url in (SNIPPETS, f"{SNIPPETS}add/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert_not_contains(response, "简政放权")
    assert client.post(f"{SNIPPETS}add/", {"words": "甲、乙"}).status_code in (302, 403)
    assert SynonymGroup.objects.count() == 1


SUGGESTED = ["“放管服”改革三年回顾", "深化简政放权改革的实践"]


def offered(client, typed: str) -> list[str]:
    return [s["title"] for s in client.get("/search/suggest/", {"q": typed}).json()["suggestions"]]


@pytest.fixture
def reform_titles(search_index):
    ArticlePageFactory(title=SUGGESTED[0])
    ArticlePageFactory(title=SUGGESTED[1])
    article_for_leaders_only("简政放权内部通报")
    SynonymGroup.objects.create(words=REFORM)
    index_now()


def test_the_search_box_offers_titles_with_a_synonym_of_the_whole_word_typed(
    reform_titles, cadre_client
):
    assert offered(cadre_client, "放管服") == SUGGESTED
    # While the word is still being typed, or with another beside it, only what was typed.
    assert offered(cadre_client, "放管") == SUGGESTED[:1]
    assert offered(cadre_client, "放管服改革") == SUGGESTED[:1]


@override_settings(ELASTICSEARCH_URL="")
def test_without_the_index_the_search_box_offers_the_synonyms_titles_too(
    reform_titles, cadre_client
):
    assert offered(cadre_client, "放管服") == SUGGESTED
