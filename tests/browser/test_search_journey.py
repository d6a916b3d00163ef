"""A cadre searches in Chinese from the header, sees suggestions, highlights, and narrows by a facet."""

import datetime

import pytest

from people.models import Department
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_searches_in_chinese_and_narrows_by_department(
    page,
    live_server,
    cadre,
    search_index,
):
    policy = Department.objects.create(name="政策研究室")
    office = Department.objects.create(name="办公室")
    ArticlePageFactory(
        title="乡村振兴调研报告",
        summary="赴三个县开展乡村振兴专题调研，形成调研报告。",
        kind="research",
        department=policy,
        date=datetime.date(2024, 3, 2),
        tags=["乡村振兴"],
    )
    ArticlePageFactory(
        title="机关作风建设调研",
        summary="关于机关作风建设的调研与思考。",
        kind="research",
        department=office,
        tags=["作风建设"],
    )
    ArticlePageFactory(title="团队学习的五项修炼", summary="彼得·圣吉论学习型组织")

    sign_in(page, live_server.url, "cadre", PASSWORD)
    box = page.locator(".site-search input[name=q]")
    box.click()
    box.press_sequentially("乡村", delay=80)
    suggestion = page.locator(".site-search .suggestions a", has_text="乡村振兴调研报告")
    suggestion.wait_for()

    box.fill("调研")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".count").inner_text() == "2 个结果"
    assert page.locator(".hit mark").first.inner_text() == "调研"

    page.locator(".facet-department").get_by_role("link", name="政策研究室").click()
    page.wait_for_url("**department=*")
    assert page.locator(".count").inner_text() == "1 个结果"
    assert page.locator(".hit h3").inner_text() == "乡村振兴调研报告"
    assert page.locator(".hit h3 mark").inner_text() == "调研"
    assert page.locator(".facet-department a[aria-current=true]").count() == 1


def test_in_english_without_elasticsearch_search_still_answers_and_says_it_is_limited(
    page, live_server, cadre, settings
):
    settings.ELASTICSEARCH_URL = ""
    ArticlePageFactory(title="Digital government research", summary="数字政府建设的调研与思考。")
    sign_in(page, live_server.url, "cadre", PASSWORD)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    box = page.locator(".site-search input[name=q]")
    box.fill("数字政府")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert "limited mode" in page.locator(".notice.limited").inner_text()
    assert page.locator(".count").inner_text() == "1 result"
    assert page.locator(".hit .fragment mark").first.inner_text() == "数字政府"


def test_cadre_who_types_pinyin_or_a_homophone_is_offered_the_chinese_meant(
    page, live_server, cadre, search_index
):
    ArticlePageFactory(title="数字政府建设调研", summary="数字政府建设的调研与思考。")
    ArticlePageFactory(title="正式文件办理规范", summary="公文办理。")
    sign_in(page, live_server.url, "cadre", PASSWORD)
    box = page.locator(".site-search input[name=q]")
    # The input method switched off: the pinyin arrives as letters, and still finds titles.
    box.click()
    box.press_sequentially("shuzi", delay=80)
    page.locator(".site-search .suggestions a", has_text="数字政府建设调研").wait_for()
    # Or only the initials of the words, as many office systems take them.
    box.fill("")
    page.locator(".site-search .suggestions a").first.wait_for(state="detached")
    box.press_sequentially("szzf", delay=80)
    page.locator(".site-search .suggestions a", has_text="数字政府建设调研").wait_for()
    box.fill("shuzizhengfu")
    box.press("Enter")
    page.wait_for_url("**/search/?q=shuzizhengfu")
    assert page.locator(".did-you-mean a").inner_text() == "您是不是要找“数字政府”？"

    box = page.locator(".site-search input[name=q]")
    # 正府 for 政府: both zhengfu, the first character the input method's wrong choice.
    box.fill("数字正府")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    offer = page.locator(".did-you-mean a")
    assert offer.inner_text() == "您是不是要找“数字政府”？"

    offer.click()
    page.wait_for_url("**/search/?q=%E6%95%B0*")
    assert page.locator(".count").inner_text() == "1 个结果"
    assert page.locator(".hit h3").inner_text() == "数字政府建设调研"
    assert page.locator(".hit h3 mark").inner_text() == "数字政府"
