"""A cadre opens the site on a phone: the header keeps its margins and nothing runs off the screen."""

import pytest

from people import roles
from people.models import Department, Position
from tests.people.factories import PASSWORD, person_with_roles

from .conftest import SCREENSHOTS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_cadre_on_a_phone_sees_the_header_inside_the_screen(browser, live_server, cadre, language):
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "cadre", PASSWORD)
        page.goto(f"{live_server.url}/search/?q=%E8%B0%83%E7%A0%94")

        for selector in (".brand", ".main-nav a >> nth=0", ".site-search input", ".header-tools"):
            box = page.locator(selector).bounding_box()
            assert box["x"] >= 12, f"{selector} touches the screen's left edge"
            assert box["x"] + box["width"] <= PHONE["width"] - 12, f"{selector} runs off the right"
        # Nothing wider than the screen: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"phone-{language}.png"), full_page=True)
        context.close()


def test_cadre_on_a_phone_reads_the_charts_of_their_year(browser, live_server, cadre):
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "cadre", PASSWORD)
        page.goto(f"{live_server.url}/me/learning/")

        # Each of the "four ones" is named in text as large as the page's own, above its strip.
        labels = page.locator(".strip-chart .strip-label")
        assert labels.count() == 4
        assert labels.first.inner_text() == "每周读一篇文章"
        for label in labels.all():
            assert label.bounding_box()["height"] >= 14
        # The notes chart's months and figures are drawn large enough to read.
        for text in page.locator(".characters-chart text").all():
            assert text.bounding_box()["height"] >= 10
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "phone-my-learning.png"), full_page=True)
        context.close()


def test_department_head_on_a_phone_scrolls_the_inspection_table_not_the_page(browser, live_server):
    department = Department.objects.create(name="综合规划科")
    head = person_with_roles(
        "huangjing",
        roles.DEPARTMENT_HEADS,
        position=Position.DEPARTMENT_HEAD,
        department=department,
        display_name="黄静",
    )
    person_with_roles("zhangwei", department=department, display_name="张伟")
    department.head = head
    department.save()
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "huangjing", PASSWORD)
        page.goto(f"{live_server.url}/inspection/")

        table = page.locator(".inspection-table")
        assert table.locator("tr", has_text="张伟").is_visible()
        # The table is wider than a phone and scrolls in its own frame; the page does not.
        assert table.bounding_box()["width"] > PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "phone-inspection.png"), full_page=True)
        context.close()
