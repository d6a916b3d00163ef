"""What the sources give search: a batch reads the same URLs and tags as a page would show."""

import pytest

from knowledge.models import ArticlePage, KnowledgeIndexPage
from knowledge.search_documents import ArticleSource
from search.sources import page_url, reading_in_batch
from tests.knowledge.factories import ArticlePageFactory, library

pytestmark = pytest.mark.django_db


def test_a_batch_gives_every_page_the_url_wagtail_gives_it():
    books = library()
    shelf = books.add_child(instance=KnowledgeIndexPage(title="专题书架", slug="专题书架"))
    pages = [
        ArticlePageFactory(parent=books, slug="团队学习"),
        ArticlePageFactory(parent=books, slug="plain-english"),
        ArticlePageFactory(parent=shelf, slug="系统思考"),
        ArticlePageFactory(parent=shelf, slug="another"),
    ]
    with reading_in_batch():
        urls = [page_url(page) for page in ArticlePage.objects.filter(pk__in=[p.pk for p in pages])]
    assert sorted(urls) == sorted(ArticlePage.objects.get(pk=p.pk).url for p in pages)
    assert (
        "/knowledge/%E4%B8%93%E9%A2%98%E4%B9%A6%E6%9E%B6/%E7%B3%BB%E7%BB%9F%E6%80%9D%E8%80%83/"
        in urls
    )


def test_a_batch_reads_tags_and_authors_as_the_page_has_them(cadre):
    article = ArticlePageFactory(tags=["学习型组织", "数字政府"], authors=[cadre])
    source = ArticleSource()
    with reading_in_batch():
        (obj,) = source.get_queryset().filter(pk=article.pk)
        document = source.to_document(obj)
    assert sorted(document.tags) == ["学习型组织", "数字政府"]
    assert document.people == [cadre.display_name]
    assert document.url == article.url
