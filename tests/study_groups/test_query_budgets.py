"""Listings cost the same number of queries with 3 items as with 30."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from study_groups import discussion
from study_groups.models import DiscussionSummaryPage
from tests.people.factories import PersonFactory

from .factories import StudyGroupPageFactory, StudySessionFactory, thread_in

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    # A first request fills Wagtail's cache of site root paths, which later requests reuse.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_groups_index_costs_the_same_for_3_and_30_groups(member_client, member):
    # Queries: session and user, the person, their group ids, site and page routing, the
    # groups with leader/secretary/department joined, the prefetched members, the nav's
    # notification count, the meeting-rules role check.
    def make(n):
        for _ in range(n):
            StudyGroupPageFactory(members=[member, PersonFactory()])

    make(3)
    three = count_queries(member_client, "/groups/")
    make(27)
    thirty = count_queries(member_client, "/groups/")
    assert three == thirty


def test_group_page_costs_the_same_for_3_and_30_of_everything(member_client, open_group, member):
    # Queries: session and user, routing, membership, members with departments, coming and past
    # sessions with facilitators, threads with authors/sessions and counts, their prefetched
    # tags, published summaries with sessions and their prefetched tags, the nav count.
    def make(n):
        for i in range(n):
            StudySessionFactory(group=open_group, facilitator=member)
            thread_in(open_group, member, title=f"讨论{i}", tags=["学习"])
            summary = DiscussionSummaryPage(
                title=f"纪要{i}", studied="<p>学</p>", main_points="<p>点</p>"
            )
            open_group.add_child(instance=summary)
            summary.tags.add("纪要")
            summary.save_revision().publish()
            open_group.members.add(PersonFactory())
        open_group.save()

    make(3)
    three = count_queries(member_client, open_group.url)
    make(27)
    thirty = count_queries(member_client, open_group.url)
    assert three == thirty


def test_thread_page_costs_the_same_for_3_and_30_posts(member_client, open_group, member, leader):
    # Queries: session and user, routing, membership, the thread with author/session, its tags,
    # the posts with authors/replied-to/hider joined, their prefetched attachments, the nav count.
    thread = thread_in(open_group, member)

    def make(n):
        for i in range(n):
            post = discussion.reply(
                thread,
                leader if i % 2 else member,
                body=f"第{i}条",
                reply_to=thread.posts.first(),
                files=[SimpleUploadedFile(f"{i}.pdf", b"%PDF-1.4")],
            )
            if i % 5 == 0:
                discussion.hide_post(post, leader, reason="测试")

    make(2)
    three = count_queries(member_client, thread.get_url())
    make(27)
    thirty = count_queries(member_client, thread.get_url())
    assert three == thirty


def test_all_threads_page_costs_the_same_for_3_and_30_threads(member_client, open_group, member):
    # Queries: session and user, routing, membership, the threads page with authors, sessions and
    # counts, its count for the paginator, the prefetched tags, the nav count.
    def make(n):
        for i in range(n):
            thread_in(open_group, member, title=f"帖子{i}", tags=["学习"])

    make(3)
    three = count_queries(member_client, f"{open_group.url}threads/")
    make(27)
    thirty = count_queries(member_client, f"{open_group.url}threads/")
    assert three == thirty
