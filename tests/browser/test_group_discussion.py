"""A member signs in, opens their group's thread, posts a reply, and sees another member's reply
appear without reloading the page."""

import pytest

from study_groups import discussion
from tests.people.factories import PASSWORD, person_with_roles
from tests.study_groups.factories import StudyGroupPageFactory, StudySessionFactory

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_posts_in_a_thread_and_sees_the_reply_appear(page, live_server):
    member = person_with_roles("chengyuan", display_name="孙成员")
    leader = person_with_roles("zuzhang", display_name="赵组长")
    group = StudyGroupPageFactory(
        title="青年学习小组", leader=leader, secretary=member, members=[member]
    )
    StudySessionFactory(group=group, topic="系统思考工作坊")
    thread = discussion.start_thread(
        group, leader, title="读完《第五项修炼》有什么体会？", body="请大家谈谈。", tags=["读书"]
    )

    sign_in(page, live_server.url, "chengyuan", PASSWORD)
    page.locator(".main-nav").get_by_role("link", name="学习小组").click()
    assert page.get_by_role("heading", name="我的小组").is_visible()
    page.get_by_role("link", name="青年学习小组").click()
    assert page.get_by_text("系统思考工作坊").is_visible()
    page.get_by_role("link", name="读完《第五项修炼》有什么体会？").click()

    page.locator(".post").first.get_by_role("button", name="回复").click()
    assert page.locator(".replying-to").is_visible()
    page.fill("#id_body", "@赵组长 第十二章的深度会谈最有启发。")
    page.get_by_role("button", name="发表回复").click()
    mine = page.locator(".post", has_text="第十二章的深度会谈最有启发")
    mine.wait_for()
    assert mine.locator(".in-reply-to").is_visible()
    assert page.get_by_text("回复已发表。").is_visible()

    # The leader answers from elsewhere; the open page shows it without a reload.
    discussion.reply(thread, leader, body="说得好，下次集中学习就试一试深度会谈。")
    page.locator(".post", has_text="下次集中学习就试一试深度会谈").wait_for(timeout=15_000)
    assert page.locator(".post").count() == 3
