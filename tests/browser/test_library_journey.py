"""A cadre signs in, opens the library, filters by a tag and reads an article."""

import pytest

from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_finds_an_article_through_a_tag(page, live_server, cadre):
    ArticlePageFactory(
        title="团队学习的五项修炼", summary="彼得·圣吉论学习型组织", tags=["团队学习"]
    )
    ArticlePageFactory(title="乡村振兴调研报告", tags=["乡村振兴"])

    sign_in(page, live_server.url, "cadre", PASSWORD)
    page.get_by_role("link", name="知识库").first.click()
    assert page.get_by_role("heading", name="知识库").is_visible()
    assert page.get_by_text("乡村振兴调研报告").is_visible()

    page.locator("aside.filters").get_by_role("link", name="团队学习").click()
    assert page.get_by_text("团队学习的五项修炼").is_visible()
    assert page.get_by_text("乡村振兴调研报告").count() == 0

    page.get_by_role("link", name="团队学习的五项修炼").click()
    assert page.get_by_role("heading", name="团队学习的五项修炼").is_visible()
    assert page.locator(".lead").inner_text() == "彼得·圣吉论学习型组织"
