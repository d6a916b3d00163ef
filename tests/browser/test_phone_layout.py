"""Cadres and heads open the site on a phone: the header keeps its margins, the charts of their
year stay readable, and nothing runs off the screen."""

import pytest

from tests.people.factories import PASSWORD

from .conftest import PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_cadre_on_a_phone_sees_the_header_inside_the_screen(phone, live_server, cadre, language):
    phone.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    sign_in(phone, live_server.url, "cadre", PASSWORD)
    phone.goto(f"{live_server.url}/search/?q=%E8%B0%83%E7%A0%94")

    for selector in (".brand", ".main-nav a >> nth=0", ".site-search input", ".header-tools"):
        box = phone.locator(selector).bounding_box()
        assert box["x"] >= 12, f"{selector} touches the screen's left edge"
        assert box["x"] + box["width"] <= PHONE["width"] - 12, f"{selector} runs off the right"
    assert not scrolls_sideways(phone)


def test_cadre_on_a_phone_reads_the_charts_of_their_year(phone, live_server, cadre):
    sign_in(phone, live_server.url, "cadre", PASSWORD)
    phone.goto(f"{live_server.url}/me/learning/")

    # Each of the "four ones" is named in text as large as the page's own, above its strip.
    labels = phone.locator(".strip-chart .strip-label")
    assert labels.count() == 4
    assert labels.first.inner_text() == "每周读一篇文章"
    for label in labels.all():
        assert label.bounding_box()["height"] >= 14
    # The notes chart's months and figures are drawn large enough to read.
    for text in phone.locator(".characters-chart text").all():
        assert text.bounding_box()["height"] >= 10
    assert not scrolls_sideways(phone)


def test_department_head_on_a_phone_scrolls_the_inspection_table_not_the_page(
    phone, live_server, planning_section
):
    sign_in(phone, live_server.url, "huangjing", PASSWORD)
    phone.goto(f"{live_server.url}/inspection/")

    table = phone.locator(".inspection-table")
    assert table.locator("tr", has_text="张伟").is_visible()
    # The table is wider than a phone and scrolls in its own frame; the page does not.
    assert table.bounding_box()["width"] > PHONE["width"]
    assert not scrolls_sideways(phone)
