"""Search never reveals what a person may not see: results, counts, facets, suggestions, related.

Checked from the outside, as each kind of user, on every path: the page, the API, the title
suggestions and the related knowledge on an article.
"""

import pytest

from wagtail.models import PageViewRestriction

from people import roles
from search import indexing
from search.sources import principals_for
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import DepartmentFactory, PersonFactory, person_with_roles

from .conftest import article_for_leaders_only, index_now

pytestmark = pytest.mark.django_db

OPEN = "廉政教育公开材料"
LEADERS = "廉政教育领导小组材料"
PASSWORD = "廉政教育密码材料"
DRAFT = "廉政教育草稿材料"
PATHS = ("/search/", "/api/search/")


@pytest.fixture
def materials(search_index):
    ArticlePageFactory(title=OPEN, tags=["廉政教育", "公开"])
    article_for_leaders_only(LEADERS, tags=["廉政教育", "内部"])
    secret = ArticlePageFactory(title=PASSWORD, tags=["廉政教育"])
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    draft = ArticlePageFactory(title=DRAFT, tags=["廉政教育"])
    draft.unpublish()
    index_now()


@pytest.fixture
def leader_client(client):
    leader = person_with_roles("liuyang", roles.LEARNING_LEADERSHIP_GROUP)
    client.force_login(leader.user)
    return client


def titles(response) -> set[str]:
    return {hit.title for hit in response.context["results"].hits}


def test_anonymous_visitors_are_sent_to_sign_in_on_every_search_path(anonymous_client):
    for path in (*PATHS, "/search/suggest/"):
        response = anonymous_client.get(path, {"q": "廉政"})
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_cadre_sees_only_the_open_material_in_results_and_counts(cadre_client, materials):
    response = cadre_client.get("/search/", {"q": "廉政教育"})
    assert titles(response) == {OPEN}
    assert response.context["results"].count == 1
    tag_counts = {v.value: v.count for v in response.context["results"].facets["tag"]}
    assert tag_counts == {"廉政教育": 1, "公开": 1}
    for hidden in (LEADERS, PASSWORD, DRAFT, "内部"):
        assert_not_contains(response, hidden)


def test_cadre_sees_nothing_hidden_through_the_api(cadre_client, materials):
    body = cadre_client.get("/api/search/", {"q": "廉政教育"}).json()
    assert body["count"] == 1
    assert [r["title"] for r in body["results"]] == [OPEN]
    assert "内部" not in {f["value"] for f in body["facets"]["tag"]}


def test_cadre_gets_no_suggestion_of_a_hidden_title(cadre_client, materials):
    suggestions = cadre_client.get("/search/suggest/", {"q": "廉政"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == [OPEN]


def test_cadre_sees_no_hidden_related_knowledge(cadre_client, materials):
    from knowledge.models import ArticlePage

    page = cadre_client.get(ArticlePage.objects.get(title=OPEN).url)
    for hidden in (LEADERS, PASSWORD, DRAFT):
        assert_not_contains(page, hidden)


def test_leadership_group_member_sees_the_groups_material_but_not_the_password_one(
    leader_client, materials
):
    response = leader_client.get("/search/", {"q": "廉政教育"})
    assert titles(response) == {OPEN, LEADERS}
    body = leader_client.get("/api/search/", {"q": "廉政教育"}).json()
    assert body["count"] == 2
    from knowledge.models import ArticlePage

    assert_contains(leader_client.get(ArticlePage.objects.get(title=OPEN).url), LEADERS)


def test_superuser_sees_every_live_page_but_never_a_draft(client, superuser, materials):
    client.force_login(superuser)
    response = client.get("/search/", {"q": "廉政教育"})
    assert titles(response) == {OPEN, LEADERS, PASSWORD}


def test_did_you_mean_never_offers_a_word_only_hidden_material_has(cadre_client, search_index):
    article_for_leaders_only("Confidential procurement review")
    index_now()
    response = cadre_client.get("/search/", {"q": "procuremnt"})
    assert response.context["results"].suggestion == ""
    assert_not_contains(response, "procurement")


@pytest.mark.parametrize(
    ("searched", "typed"),
    [("baomicaigou", "baomi"), ("bmcg", "bmcg")],
    ids=["pinyin", "initials"],
)
def test_pinyin_and_initials_never_offer_or_suggest_what_only_hidden_material_has(
    cadre_client, search_index, searched, typed
):
    article_for_leaders_only("保密采购审查")
    index_now()
    response = cadre_client.get("/search/", {"q": searched})
    assert response.context["results"].suggestion == ""
    assert_not_contains(response, "保密采购")
    assert cadre_client.get("/search/suggest/", {"q": typed}).json()["suggestions"] == []


def test_a_department_principal_opens_a_document_to_that_department_only(client, search_index):
    policy = DepartmentFactory(name="政策研究室")
    insider = PersonFactory(department=policy)
    outsider = PersonFactory(department=DepartmentFactory(name="办公室"))
    assert f"department:{policy.pk}" in principals_for(insider.user)
    article = ArticlePageFactory(title="政策研究室内部讨论")
    source = indexing.source_for_model(type(article))
    built = indexing.build(source, [article.pk])
    built.write[f"article:{article.pk}"]["access"] = [f"department:{policy.pk}"]
    indexing.write_index(built, refresh=True)
    client.force_login(outsider.user)
    assert client.get("/api/search/", {"q": "内部讨论"}).json()["count"] == 0
    client.force_login(insider.user)
    assert client.get("/api/search/", {"q": "内部讨论"}).json()["count"] == 1
