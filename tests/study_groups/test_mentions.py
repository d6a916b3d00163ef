"""@mentions of members notify them once, on the site and by e-mail."""

import pytest

from django.core import mail

from study_groups import discussion
from study_groups.mentions import mentioned_members
from study_groups.models import Notification
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import person_with_roles

from .factories import thread_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(open_group, member):
    return thread_in(open_group, member, title="读书心得")


def test_a_mentioned_member_gets_a_notice_and_an_email(
    client, thread, member, leader, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread.get_url(), {"body": "@赵组长 请看看这段体会"})
    notice = Notification.objects.get(recipient=leader)
    assert notice.actor == member
    assert notice.emailed_at is not None
    (message,) = mail.outbox
    assert message.to == [leader.user.email]
    assert "孙成员" in message.subject
    assert "请看看这段体会" in message.body
    client.force_login(leader.user)
    assert_contains(client.get("/groups/notifications/"), "读书心得")


def test_the_nav_shows_unread_notices_until_they_are_read(client, thread, member, leader):
    discussion.reply(thread, member, body="@赵组长 您好")
    client.force_login(leader.user)
    assert_contains(client.get("/groups/"), "学习小组 (1)")
    client.get("/groups/notifications/")
    assert Notification.objects.get(recipient=leader).read_at is not None
    # The header counts them again at once, not a minute later.
    assert_not_contains(client.get("/groups/"), "学习小组 (1)")


def test_non_members_and_the_author_are_not_notified(thread, member, outsider):
    discussion.reply(thread, member, body="@李局外 @孙成员 你们好")
    assert not Notification.objects.exists()


def test_usernames_work_too_and_nobody_is_told_twice(thread, member, leader, secretary):
    post = discussion.reply(thread, member, body="@zuzhang 请看")
    discussion.edit_post(post, member, body="@zuzhang @钱秘书 请看")
    assert sorted(Notification.objects.values_list("recipient__display_name", flat=True)) == [
        "赵组长",
        "钱秘书",
    ]


def test_the_longest_name_wins(open_group):
    short = person_with_roles("zw1", display_name="张伟")
    longer = person_with_roles("zw2", display_name="张伟明")
    open_group.members.add(short, longer)
    open_group.save()
    assert mentioned_members("@张伟明 你好", open_group) == [longer]
    assert set(mentioned_members("@张伟明 和 @张伟", open_group)) == {short, longer}
