"""A rebuild reads articles as rows: the documents must be the very ones the pages give."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction, Site

from knowledge.models import ArticlePage, KnowledgeIndexPage
from knowledge.search_documents import ArticleSource
from search.sources import reading_in_batch
from tests.knowledge.factories import ArticlePageFactory, library
from tests.people.factories import DepartmentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def documents_from_pages(source, pks):
    with reading_in_batch():
        return {
            str(page.pk): source.to_document(page)
            for page in source.get_queryset().filter(pk__in=pks)
        }


@pytest.fixture
def site_of_its_own():
    """Makes a page the root of a site of its own. The site is deleted after the test: Wagtail
    caches the sites' root paths, and a rolled-back transaction would leave that cache stale."""
    made = []
    yield lambda page: made.append(
        Site.objects.create(hostname="zhuanti.example", port=80, root_page=page)
    )
    for site in made:
        site.delete()


def test_rows_give_the_documents_the_pages_give(site_of_its_own):
    books = library()
    shelf = books.add_child(instance=KnowledgeIndexPage(title="专题书架", slug="专题书架"))
    closed = books.add_child(instance=KnowledgeIndexPage(title="内部资料", slug="内部资料"))
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="学习领导小组"))
    office = DepartmentFactory(name="办公室")
    writers = [PersonFactory(display_name="王芳"), PersonFactory(display_name="李明")]
    articles = [
        ArticlePageFactory(parent=books, tags=["学习型组织", "数字政府"], authors=writers),
        ArticlePageFactory(parent=shelf, slug="系统思考", department=office),
        ArticlePageFactory(parent=closed, title="内部的调研报告", tags=["基层治理"]),
        ArticlePageFactory(parent=books, title="Ｆｕｌｌ－width 標題", summary="", body=[]),
    ]
    # The root of a site of its own: its URL is Wagtail's to work out, not its parent's.
    landing = ArticlePageFactory(parent=books, title="专题网站首页")
    site_of_its_own(landing)
    articles.append(landing)
    draft = ArticlePageFactory(parent=books, title="还没发布的文章")
    draft.unpublish()
    source = ArticleSource()
    pks = [article.pk for article in [*articles, draft]]

    with reading_in_batch():
        from_rows = source.documents(pks)

    assert from_rows == documents_from_pages(source, pks)
    assert from_rows[str(draft.pk)] is None
    first = from_rows[str(articles[0].pk)]
    assert first.tags == ["学习型组织", "数字政府"]
    assert first.people == ["李明", "王芳"]
    assert from_rows[str(articles[1].pk)].url == ArticlePage.objects.get(pk=articles[1].pk).url
    assert from_rows[str(articles[2].pk)].access != ["staff"]
    assert from_rows[str(landing.pk)].url == ArticlePage.objects.get(pk=landing.pk).url


def test_an_article_deleted_before_the_read_is_left_out():
    article = ArticlePageFactory()
    gone = ArticlePageFactory()
    gone_pk = gone.pk
    gone.delete()
    with reading_in_batch():
        found = ArticleSource().documents([article.pk, gone_pk])
    assert list(found) == [str(article.pk)]
