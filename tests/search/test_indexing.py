"""Publishing, unpublishing, moving, deleting and restricting pages reach the index, durably."""

import pytest

from django.db import transaction

from wagtail.models import PageViewRestriction

from people import roles
from search import client, index, indexing
from search.models import OutboxEntry, SearchEntry
from tests.knowledge.factories import ArticlePageFactory, library

from .conftest import index_now

pytestmark = pytest.mark.django_db


def indexed(doc_id):
    found = client.get_client().options(ignore_status=404).get(index=index.alias_name(), id=doc_id)
    return found["_source"] if found.get("found") else None


def test_a_published_article_is_in_the_index_with_its_tags_and_access(search_index):
    article = ArticlePageFactory(title="团队学习的五项修炼", tags=["团队学习"])
    index_now()
    doc = indexed(f"article:{article.pk}")
    assert doc["title"] == "团队学习的五项修炼"
    assert doc["tags"] == ["团队学习"]
    assert doc["access"] == ["staff"]
    assert doc["url"] == article.url
    assert "团队 学习" in doc["title_words"]
    assert SearchEntry.objects.get(doc_id=f"article:{article.pk}").title == "团队学习的五项修炼"


def test_unpublishing_removes_the_article_and_republishing_brings_it_back(search_index):
    article = ArticlePageFactory(title="乡村振兴调研报告")
    index_now()
    article.unpublish()
    index_now()
    assert indexed(f"article:{article.pk}") is None
    assert not SearchEntry.objects.filter(doc_id=f"article:{article.pk}").exists()
    article.save_revision().publish()
    index_now()
    assert indexed(f"article:{article.pk}")["title"] == "乡村振兴调研报告"


def test_a_new_title_is_indexed_on_publish(search_index):
    article = ArticlePageFactory(title="旧标题")
    index_now()
    article.title = "新标题：数字政府建设　"
    article.save_revision().publish()
    index_now()
    assert indexed(f"article:{article.pk}")["title"] == "新标题：数字政府建设"


def test_deleting_an_article_removes_it(search_index):
    article = ArticlePageFactory()
    index_now()
    doc_id = f"article:{article.pk}"
    assert indexed(doc_id)
    article.delete()
    index_now()
    assert indexed(doc_id) is None


def test_a_restriction_on_an_ancestor_reaches_every_article_below_it(search_index):
    first, second = ArticlePageFactory(), ArticlePageFactory()
    index_now()
    restriction = PageViewRestriction.objects.create(
        page=library(), restriction_type=PageViewRestriction.GROUPS
    )
    leaders = roles.LEARNING_LEADERSHIP_GROUP
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=leaders)
    restriction.groups.add(group)
    index_now()
    for article in (first, second):
        assert indexed(f"article:{article.pk}")["access"] == [f"group:{group.pk}"]
    restriction.delete()
    index_now()
    assert indexed(f"article:{first.pk}")["access"] == ["staff"]


def test_a_password_restriction_hides_the_article_from_everyone_but_superusers(search_index):
    article = ArticlePageFactory()
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    index_now()
    assert indexed(f"article:{article.pk}")["access"] == []


def test_moving_a_page_updates_its_address(search_index):
    from home.models import HomePage
    from knowledge.models import KnowledgeIndexPage

    article = ArticlePageFactory(slug="moving")
    other_library = HomePage.objects.get().add_child(
        instance=KnowledgeIndexPage(title="另一个知识库", slug="other-library")
    )
    index_now()
    assert indexed(f"article:{article.pk}")["url"] == "/knowledge/moving/"
    article.move(other_library, pos="last-child")
    index_now()
    assert indexed(f"article:{article.pk}")["url"] == "/other-library/moving/"


def test_a_change_is_recorded_in_the_same_transaction_and_lost_with_it():
    before = OutboxEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        ArticlePageFactory()
        assert OutboxEntry.objects.count() > before
        raise RuntimeError("the editor's save fails")
    assert OutboxEntry.objects.count() == before


def test_an_older_write_never_overwrites_a_newer_one(search_index):
    article = ArticlePageFactory(title="新的标题")
    source = indexing.source_for_model(type(article))
    newer = indexing.build(source, [article.pk], version=2_000)
    older = indexing.build(source, [article.pk], version=1_000)
    older.write[f"article:{article.pk}"]["title"] = "旧的标题"
    indexing.write_index(newer, refresh=True)
    indexing.write_database_copy(newer)
    assert indexing.write_index(older, refresh=True) == 1  # one write made moot
    indexing.write_database_copy(older)
    assert indexed(f"article:{article.pk}")["title"] == "新的标题"
    assert SearchEntry.objects.get(doc_id=f"article:{article.pk}").version == 2_000


def test_an_older_write_never_brings_back_a_deleted_document(search_index):
    article = ArticlePageFactory()
    source = indexing.source_for_model(type(article))
    old = indexing.build(source, [article.pk], version=1_000)
    indexing.write_index(old, refresh=True)
    gone = indexing.Built(version=2_000, delete={f"article:{article.pk}"})
    indexing.write_index(gone, refresh=True)
    indexing.write_index(old, refresh=True)
    assert indexed(f"article:{article.pk}") is None
