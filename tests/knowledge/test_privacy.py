"""Wagtail's page privacy holds in listings, on the page, and for the page's attachments."""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from people import roles
from tests.assertions import assert_contains, assert_not_contains

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaders_only_article():
    article = ArticlePageFactory(title="仅限学习领导小组的材料", tags=["内部"])
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP))
    return article


@pytest.fixture
def attachment_of(db):
    def attach(article, name="slides.pdf"):
        document = Document.objects.create(
            title="讲义", file=ContentFile(b"%PDF-1.4 demo", name=name)
        )
        article.attachments.create(document=document)
        article.save_revision().publish()
        return document

    return attach


def test_cadre_does_not_see_a_restricted_article_anywhere(cadre_client, leaders_only_article):
    assert_not_contains(cadre_client.get("/knowledge/"), "仅限学习领导小组的材料")
    assert cadre_client.get(leaders_only_article.url).status_code in (302, 403)
    from taggit.models import Tag

    tag = Tag.objects.get(name="内部")
    assert_not_contains(cadre_client.get(f"/tags/{tag.slug}/"), "仅限学习领导小组的材料")


def test_member_of_the_group_sees_the_restricted_article(client, leaders_only_article):
    from tests.people.factories import person_with_roles

    leader = person_with_roles("liuyang", roles.LEARNING_LEADERSHIP_GROUP)
    client.force_login(leader.user)
    assert_contains(client.get("/knowledge/"), "仅限学习领导小组的材料")
    assert_contains(client.get(leaders_only_article.url), "仅限学习领导小组的材料")


def test_cadre_cannot_download_the_attachment_of_a_restricted_article(
    cadre_client, leaders_only_article, attachment_of
):
    document = attachment_of(leaders_only_article)
    response = cadre_client.get(document.url)
    assert response.status_code == 403


def test_cadre_downloads_the_attachment_of_an_open_article(cadre_client, attachment_of):
    document = attachment_of(ArticlePageFactory(title="公开文章"))
    response = cadre_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_attachment_of_an_unpublished_article_is_not_served(cadre_client, attachment_of):
    article = ArticlePageFactory(title="撤回的文章")
    document = attachment_of(article)
    article.unpublish()
    assert cadre_client.get(document.url).status_code == 403


def test_anonymous_visitor_cannot_download_any_attachment(anonymous_client, attachment_of):
    document = attachment_of(ArticlePageFactory())
    response = anonymous_client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_document_urls_go_through_the_application(attachment_of):
    document = attachment_of(ArticlePageFactory())
    assert document.url.startswith("/documents/")
