"""A closed group's threads, posts, attachments, sessions and summaries are for its members alone,
on every path: listings, the group page and each of its routes, attachment URLs, digests and the
search principals."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from study_groups.membership import group_ids_of, members_of, search_principals
from study_groups.models import DiscussionSummaryPage, StudySession, Thread
from tests.assertions import assert_contains, assert_not_contains

from .factories import StudySessionFactory, thread_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 minutes of the central group"


@pytest.fixture
def closed_thread(closed_group, member):
    return thread_in(
        closed_group,
        member,
        title="中心组内部讨论",
        body="<p>只限成员阅读的内容</p>",
        files=[SimpleUploadedFile("纪要.pdf", PDF, content_type="application/pdf")],
    )


@pytest.fixture
def closed_summary(closed_group, leader):
    summary = DiscussionSummaryPage(
        title="中心组讨论纪要",
        slug="closed-summary",
        studied="<p>内部</p>",
        main_points="<p>要点</p>",
    )
    closed_group.add_child(instance=summary)
    summary.save_revision().publish()
    return summary


def paths_of(group, thread):
    post = thread.posts.get()
    attachment = post.attachments.get()
    session = StudySessionFactory(group=group, topic="中心组集中学习")
    return [
        group.url,
        f"{group.url}threads/{thread.pk}/",
        f"{group.url}threads/{thread.pk}/since/0/",
        f"{group.url}threads/new/",
        f"{group.url}posts/{post.pk}/edit/",
        f"{group.url}attachments/{attachment.pk}/",
        f"{group.url}sessions/{session.pk}/",
        f"{group.url}sessions/new/",
    ]


def test_outsider_gets_not_found_on_every_path_of_a_closed_group(
    outsider_client, closed_group, closed_thread, closed_summary
):
    for path in [*paths_of(closed_group, closed_thread), closed_summary.url]:
        response = outsider_client.get(path)
        assert response.status_code == 404, f"{path} answered {response.status_code}"
    hide = outsider_client.post(
        f"{closed_group.url}posts/{closed_thread.posts.get().pk}/hide/", {"reason": "x"}
    )
    assert hide.status_code == 404
    reply = outsider_client.post(f"{closed_group.url}threads/{closed_thread.pk}/", {"body": "hi"})
    assert reply.status_code == 404
    assert closed_thread.posts.count() == 1


def test_outsider_does_not_see_a_closed_group_in_listings(
    outsider_client, closed_group, closed_thread, closed_summary
):
    response = outsider_client.get("/groups/")
    assert_not_contains(response, "中心学习组")
    home = outsider_client.get("/")
    assert_not_contains(home, "中心组集中学习")


def test_anonymous_visitor_is_sent_to_sign_in_from_every_path(client, closed_group, closed_thread):
    for path in paths_of(closed_group, closed_thread):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/login/" in response["Location"]


def test_member_reads_everything_of_their_closed_group(
    member_client, closed_group, closed_thread, closed_summary
):
    assert_contains(member_client.get("/groups/"), "中心学习组")
    assert_contains(member_client.get(closed_group.url), "中心组内部讨论")
    assert_contains(member_client.get(closed_thread.get_url()), "只限成员阅读的内容")
    attachment = closed_thread.posts.get().attachments.get()
    download = member_client.get(attachment.get_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert_contains(member_client.get(closed_summary.url), "中心组讨论纪要")


def test_querysets_leave_a_closed_groups_content_to_its_members(
    outsider, member, closed_group, closed_thread, closed_summary
):
    StudySessionFactory(group=closed_group)
    for user, expected in ((outsider.user, 0), (member.user, 1)):
        assert Thread.objects.visible_to(user).count() == expected
        assert DiscussionSummaryPage.objects.visible_to(user).count() == expected
        assert StudySession.objects.visible_to(user).count() == expected


def test_members_hold_the_search_principal_of_their_group(outsider, member, leader, closed_group):
    assert search_principals(member.user) == [f"study_group:{closed_group.pk}"]
    assert search_principals(leader.user) == [f"study_group:{closed_group.pk}"]
    assert search_principals(outsider.user) == []
    assert group_ids_of(outsider.user) == set()


def test_members_of_counts_the_leader_and_secretary(closed_group, leader, secretary, member):
    assert set(members_of(closed_group)) == {leader, secretary, member}


def test_open_group_is_readable_by_everyone_but_only_members_post(
    outsider_client, open_group, member
):
    thread = thread_in(open_group, member, title="公开讨论", body="<p>欢迎阅读</p>")
    assert_contains(outsider_client.get("/groups/"), "青年学习小组")
    assert_contains(outsider_client.get(thread.get_url()), "欢迎阅读")
    assert outsider_client.get(f"{open_group.url}threads/new/").status_code == 403
    response = outsider_client.post(thread.get_url(), {"body": "我也说一句"})
    assert response.status_code == 403
    assert thread.posts.count() == 1


def test_a_group_turning_closed_hides_it_at_once(outsider_client, open_group, member):
    thread = thread_in(open_group, member, title="曾经公开")
    assert outsider_client.get(thread.get_url()).status_code == 200
    open_group.is_open = False
    open_group.save_revision().publish()
    assert outsider_client.get(thread.get_url()).status_code == 404


def test_outsider_cannot_list_a_closed_groups_threads(outsider_client, closed_group, closed_thread):
    assert outsider_client.get(f"{closed_group.url}threads/").status_code == 404


def test_the_group_page_says_in_the_users_words_that_it_is_closed(member_client, closed_group):
    # "closed" means something else in attendance's catalogue; the group's word has its own context.
    page = member_client.get(closed_group.url)
    assert_contains(page, "不公开")
    assert_not_contains(page, "已结束考勤")
