"""A cadre's search finds nothing; the editor sees it in the report, fills the gap, and follows the
words to the search that now finds the new article."""

import pytest

from search import client
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_sees_what_a_colleague_could_not_find_and_fills_the_gap(
    page, live_server, cadre, editor, search_index
):
    ArticlePageFactory(title="乡村振兴调研报告")
    sign_in(page, live_server.url, "cadre", PASSWORD)
    page.goto(f"{live_server.url}/search/?q=数据安全法")
    assert page.locator(".count").inner_text() == "0 个结果"
    page.context.clear_cookies()

    sign_in(page, live_server.url, "editor", PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="报告").click()
    page.get_by_role("link", name="搜索无结果的词").click()
    page.wait_for_url("**/admin/reports/missed-searches/")
    row = page.locator("tbody tr", has_text="数据安全法")
    assert row.locator("td").nth(1).inner_text().strip() == "1"  # searched once
    assert row.locator("td").nth(4).inner_text().strip() == "0"  # finds nothing yet

    ArticlePageFactory(title="数据安全法学习辅导")  # the editor writes the missing article
    client.get_client().indices.refresh(index=search_index)  # a second later, it is searchable
    page.reload()
    assert row.locator("td").nth(4).inner_text().strip() == "1"
    with page.context.expect_page() as opened:
        row.get_by_role("link", name="数据安全法").click()
    search = opened.value
    search.wait_for_load_state()
    assert search.locator(".hit h3").inner_text() == "数据安全法学习辅导"
    search.close()
