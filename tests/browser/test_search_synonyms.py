"""An editor writes down that 放管服 means 简政放权 too; a cadre's search for 放管服 then finds the
article that only says 简政放权, marked where it says it."""

import re

import pytest

from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_adds_synonyms_and_a_cadre_finds_the_full_form(
    page, live_server, cadre, editor, search_index
):
    ArticlePageFactory(title="深化简政放权改革的实践", summary="各部门推进简政放权。")

    sign_in(page, live_server.url, "editor", PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="搜索同义词").click()
    page.get_by_role("link", name=re.compile(r"添加\s*搜索同义词")).first.click()
    page.fill("#id_words", "放管服")
    page.get_by_role("button", name="保存").click()
    # One word is not a group: the form says so and keeps what was typed.
    page.get_by_text("请写出至少两个意思相同的不同词语。").wait_for()
    assert page.input_value("#id_words") == "放管服"
    page.fill("#id_words", "放管服、简政放权、放管结合、优化服务")
    page.fill("#id_note", "“放管服”改革")
    page.get_by_role("button", name="保存").click()
    page.get_by_role("link", name="放管服、简政放权、放管结合、优化服务").wait_for()
    page.context.clear_cookies()

    sign_in(page, live_server.url, "cadre", PASSWORD)
    page.goto(f"{live_server.url}/search/?q=放管服")
    assert page.locator(".hit h3").inner_text() == "深化简政放权改革的实践"
    assert page.locator(".hit h3 mark").inner_text() == "简政放权"
    # The search box offers it for the abbreviation too.
    box = page.locator(".site-search input[name=q]")
    box.fill("")
    box.press_sequentially("放管服", delay=80)
    page.locator(".site-search .suggestions a", has_text="深化简政放权改革的实践").wait_for()
