"""The weekly digest: once per ISO week per member, only when there is something new."""

import datetime
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from study_groups import discussion
from study_groups.digest import build_digest, send_digest
from study_groups.models import DiscussionSummaryPage, SentDigest

from .factories import thread_in

pytestmark = pytest.mark.django_db


def test_a_member_gets_new_threads_replies_and_summaries(open_group, member, leader, secretary):
    thread = thread_in(open_group, leader, title="新的讨论")
    discussion.reply(thread, secretary, body="秘书的回复")
    summary = DiscussionSummaryPage(
        title="本周讨论纪要", slug="weekly", studied="<p>学</p>", main_points="<p>点</p>"
    )
    open_group.add_child(instance=summary)
    summary.save_revision().publish()

    assert send_digest(member) == "sent"
    (message,) = mail.outbox
    assert message.to == [member.user.email]
    assert "新的讨论" in message.body
    assert "本周讨论纪要" in message.body
    # The new thread and the summary; the secretary's reply is part of the new thread.
    assert "2" in message.subject


def test_a_second_run_in_the_same_week_sends_nothing(open_group, member, leader):
    thread_in(open_group, leader, title="第一条")
    now = timezone.now()
    assert send_digest(member, now=now) == "sent"
    thread_in(open_group, leader, title="第二条")
    assert send_digest(member, now=now + datetime.timedelta(minutes=5)) == "already sent"
    assert len(mail.outbox) == 1
    assert SentDigest.objects.filter(person=member).count() == 1


def test_next_week_brings_only_what_is_new_since(open_group, member, leader):
    thread_in(open_group, leader, title="上周的讨论")
    now = timezone.now()
    send_digest(member, now=now)
    next_week = now + datetime.timedelta(days=7)
    assert send_digest(member, now=next_week) == "nothing new"
    assert len(mail.outbox) == 1

    later_thread = thread_in(open_group, leader, title="本周的讨论")
    type(later_thread).objects.filter(pk=later_thread.pk).update(
        created_at=next_week - datetime.timedelta(hours=1)
    )
    later_thread.posts.update(created_at=next_week - datetime.timedelta(hours=1))
    assert send_digest(member, now=next_week) == "sent"
    body = mail.outbox[-1].body
    assert "本周的讨论" in body
    assert "上周的讨论" not in body


def test_nothing_new_means_no_mail(open_group, member):
    assert send_digest(member) == "nothing new"
    assert mail.outbox == []
    assert not SentDigest.objects.exists()


def test_own_and_hidden_posts_are_left_out(open_group, member, leader):
    thread = thread_in(open_group, member, title="我自己的帖子")
    hidden = discussion.reply(thread, leader, body="被隐藏的回复")
    discussion.hide_post(hidden, leader, reason="重复")
    digest = build_digest(member)
    assert digest.is_empty


def test_a_member_hears_only_of_their_own_groups(closed_group, open_group, leader, outsider):
    thread_in(closed_group, leader, title="中心组内部")
    assert build_digest(outsider).is_empty


def test_the_command_reports_what_it_did(open_group, member, leader, secretary):
    thread_in(open_group, leader, title="命令行测试")
    out, err = StringIO(), StringIO()
    call_command("send_group_digest", stdout=out, stderr=err)
    # The member and the secretary have news; the leader started the thread.
    assert "2" in out.getvalue().split(",")[0]
    assert len(mail.outbox) == 2
    out = StringIO()
    call_command("send_group_digest", stdout=out, stderr=StringIO())
    assert len(mail.outbox) == 2
    assert "0" in out.getvalue().split(",")[0]
