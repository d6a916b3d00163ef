"""A cadre browses the knowledge library by kind, tag, department and year."""

import datetime

import pytest

from knowledge.models import ArticleKind
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import DepartmentFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_the_login_page(anonymous_client):
    response = anonymous_client.get("/knowledge/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/knowledge/")


def test_cadre_sees_published_articles_but_not_drafts(cadre_client):
    ArticlePageFactory(title="乡村振兴调研报告")
    draft = ArticlePageFactory(title="尚未发布的草稿")
    draft.unpublish()
    response = cadre_client.get("/knowledge/")
    assert_contains(response, "乡村振兴调研报告")
    assert_not_contains(response, "尚未发布的草稿")


def test_filter_by_kind_shows_only_that_kind(cadre_client):
    ArticlePageFactory(title="调研：数字政府", kind=ArticleKind.RESEARCH)
    ArticlePageFactory(title="读书笔记：第五项修炼", kind=ArticleKind.READING_NOTES)
    response = cadre_client.get("/knowledge/?kind=research")
    assert_contains(response, "调研：数字政府")
    assert_not_contains(response, "读书笔记：第五项修炼")


def test_filter_by_department_and_year(cadre_client):
    policy = DepartmentFactory(name="政策研究室")
    ArticlePageFactory(title="政研室的文章", department=policy, date=datetime.date(2025, 3, 1))
    ArticlePageFactory(title="旧年的文章", department=policy, date=datetime.date(2024, 3, 1))
    ArticlePageFactory(title="别的科室", date=datetime.date(2025, 5, 1))
    response = cadre_client.get(f"/knowledge/?department={policy.pk}&year=2025")
    assert_contains(response, "政研室的文章")
    assert_not_contains(response, "旧年的文章")
    assert_not_contains(response, "别的科室")


def test_bad_filter_values_are_explained_not_fatal(cadre_client):
    ArticlePageFactory(title="依然列出")
    response = cadre_client.get("/knowledge/?kind=<script>&year=abc&department=x&page=999")
    assert_contains(response, "依然列出")
    assert_not_contains(response, "<script>")


def test_tag_page_lists_only_articles_with_that_tag(cadre_client):
    ArticlePageFactory(title="团队学习的五项修炼", tags=["团队学习"])
    ArticlePageFactory(title="生态保护的实践", tags=["生态保护"])
    response = cadre_client.get("/knowledge/?tag=团队学习")
    assert_contains(response, "团队学习的五项修炼")
    assert_not_contains(response, "生态保护的实践")
    from taggit.models import Tag

    slug = Tag.objects.get(name="团队学习").slug
    response = cadre_client.get(f"/tags/{slug}/")
    assert_contains(response, "团队学习的五项修炼")
    assert_not_contains(response, "生态保护的实践")


def test_article_shows_related_articles_sharing_tags(cadre_client):
    article = ArticlePageFactory(title="主文章", tags=["调研", "基层治理"])
    ArticlePageFactory(title="同标签文章", tags=["调研"])
    ArticlePageFactory(title="无关文章", tags=["读书"])
    response = cadre_client.get(article.url)
    assert_contains(response, "同标签文章")
    assert_not_contains(response, "无关文章")


def test_listing_paginates(cadre_client):
    for n in range(14):
        ArticlePageFactory(
            title=f"分页文章{n:02d}", date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
        )
    first = cadre_client.get("/knowledge/")
    second = cadre_client.get("/knowledge/?page=2")
    assert_contains(first, "分页文章13")
    assert_not_contains(first, "分页文章01")
    assert_contains(second, "分页文章01")


def _queries_to_list(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm the caches (site root paths, content types) so both counts are steady
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/knowledge/", "/", "/tags/team/"])
def test_listing_query_count_is_the_same_for_3_and_30_articles(cadre_client, path):
    # session, user, person; site and page routing; view restrictions; the page count and one
    # page of articles with their departments, authors and tags; the sidebar's facets: none of
    # these grow with the number of articles.
    for n in range(3):
        ArticlePageFactory(tags=["team", f"tag{n}"])
    with_three = _queries_to_list(cadre_client, path)
    for n in range(27):
        ArticlePageFactory(tags=["team", f"tag{n % 5}"])
    assert _queries_to_list(cadre_client, path) == with_three
