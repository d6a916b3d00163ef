"""Authors edit within the allowed time and the edit shows; leaders hide posts with a reason."""

import datetime

import pytest

from django.utils import timezone

from study_groups import discussion
from study_groups.models import Post
from tests.assertions import assert_contains, assert_not_contains

from .factories import thread_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(open_group, member):
    return thread_in(open_group, member, title="学习体会", body="<p>初稿内容</p>")


def test_author_edits_within_the_window_and_the_post_says_so(member_client, thread, open_group):
    post = thread.posts.get()
    response = member_client.post(
        f"{open_group.url}posts/{post.pk}/edit/", {"body": "<p>修改后的内容</p>"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.edited_at is not None
    page = member_client.get(thread.get_url())
    assert_contains(page, "修改后的内容")
    assert_contains(page, f"已编辑 {timezone.localtime(post.edited_at):%Y-%m-%d %H:%M}")
    assert_not_contains(page, "初稿内容")


def test_after_the_window_the_post_cannot_be_changed(member_client, thread, open_group, settings):
    post = thread.posts.get()
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(minutes=settings.GONGXUE_POST_EDIT_MINUTES + 1)
    )
    response = member_client.post(f"{open_group.url}posts/{post.pk}/edit/", {"body": "晚了"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert "初稿内容" in post.body
    assert post.edited_at is None
    assert_not_contains(member_client.get(thread.get_url()), f"posts/{post.pk}/edit/")


def test_nobody_else_edits_a_post(client, thread, open_group, leader):
    post = thread.posts.get()
    client.force_login(leader.user)
    client.post(f"{open_group.url}posts/{post.pk}/edit/", {"body": "组长改的"})
    post.refresh_from_db()
    assert "初稿内容" in post.body


def test_leader_hides_a_post_and_the_reason_is_kept(
    client, thread, open_group, leader, member, secretary
):
    post = discussion.reply(thread, member, body="不合适的内容")
    client.force_login(leader.user)
    response = client.post(f"{open_group.url}posts/{post.pk}/hide/", {"reason": "与学习主题无关"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden
    assert post.hidden_by == leader
    assert post.hidden_reason == "与学习主题无关"

    client.force_login(secretary.user)
    page = client.get(thread.get_url())
    assert_contains(page, "此帖已被组长隐藏")
    assert_not_contains(page, "不合适的内容")
    assert_not_contains(page, "与学习主题无关")

    client.force_login(member.user)
    page = client.get(thread.get_url())
    assert_contains(page, "与学习主题无关")
    assert_contains(page, "不合适的内容")


def test_hiding_needs_a_reason(client, thread, open_group, leader, member):
    post = discussion.reply(thread, member, body="内容")
    client.force_login(leader.user)
    client.post(f"{open_group.url}posts/{post.pk}/hide/", {"reason": "  "})
    post.refresh_from_db()
    assert not post.is_hidden


def test_only_the_leader_hides_and_shows_again(
    client, thread, open_group, leader, secretary, member
):
    post = discussion.reply(thread, member, body="内容")
    client.force_login(secretary.user)
    response = client.post(f"{open_group.url}posts/{post.pk}/hide/", {"reason": "x"})
    assert response.status_code == 403
    discussion.hide_post(post, leader, reason="暂时隐藏")
    client.force_login(leader.user)
    client.post(f"{open_group.url}posts/{post.pk}/hide/", {"action": "show"})
    post.refresh_from_db()
    assert not post.is_hidden
    assert post.hidden_reason == "暂时隐藏"


def test_reply_to_a_post_is_shown_as_such(member_client, thread, leader):
    first = thread.posts.get()
    member_client.post(thread.get_url(), {"body": "回复一楼", "reply_to": first.pk})
    reply = Post.objects.latest("pk")
    assert reply.reply_to == first
    assert_contains(member_client.get(thread.get_url()), f'href="#post-{first.pk}"')


def test_new_posts_arrive_through_the_since_address(member_client, thread, leader, open_group):
    first = thread.posts.get()
    discussion.reply(thread, leader, body="组长的新回复")
    response = member_client.get(f"{open_group.url}threads/{thread.pk}/since/{first.pk}/")
    assert_contains(response, "组长的新回复")
    assert_not_contains(response, "初稿内容")
