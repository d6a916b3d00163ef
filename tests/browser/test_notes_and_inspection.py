"""A cadre writes a note in Chinese and sees the count and the chart move; then the department
head signs in and records the month's inspection."""

import re

import pytest

from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "学习型组织的核心是团队学习。我们要把个人所学变成团队的共同财富，做到学以致用。"


def test_a_cadre_writes_a_note_and_the_head_records_the_inspection(
    page, live_server, planning_section
):
    sign_in(page, live_server.url, "zhangwei", PASSWORD)
    page.get_by_role("link", name="学习笔记").first.click()
    assert page.locator("#year-count").inner_text() == "0"
    month_bar = page.locator(".characters-chart rect.bar").last
    assert month_bar.get_attribute("height") == "0.0"

    page.get_by_role("link", name="写笔记").first.click()
    page.fill("#id_title", "读《第五项修炼》笔记")
    page.fill("#id_source", "第五项修炼")
    editor = page.locator(".editor")
    editor.click()
    editor.fill(NOTE)
    # The live count follows the office's rule while the note is written (punctuation is free).
    page.wait_for_function("document.querySelector('.live-count').textContent.includes('36')")
    page.get_by_role("button", name="保存笔记").click()

    assert page.get_by_text("笔记已保存：36字").is_visible()
    assert page.locator("#year-count").inner_text() == "36"
    assert float(month_bar.get_attribute("height")) > 0
    page.get_by_text("以表格显示数据").first.click()
    assert page.locator(".characters-chart table td", has_text="36").first.is_visible()

    page.context.clear_cookies()
    sign_in(page, live_server.url, "huangjing", PASSWORD)
    page.get_by_role("link", name="笔记检查").first.click()
    row = page.locator("tr", has_text="张伟")
    assert row.get_by_text("36").first.is_visible()
    row.get_by_role("link", name="检查").click()
    assert page.get_by_text("读《第五项修炼》笔记").is_visible()
    page.get_by_label("好").check()
    page.fill("#id_comment", "笔记联系实际，继续保持。")
    page.get_by_role("button", name="保存检查结果").click()

    assert page.get_by_text(re.compile("已记录张伟")).is_visible()
    assert page.locator("tr", has_text="张伟").locator(".mark-good").inner_text() == "好"
