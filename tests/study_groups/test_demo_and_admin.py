"""The demo has every kind of group with activity; the admin lists groups, sessions and threads."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from study_groups.models import (
    DiscussionSummaryPage,
    GroupKind,
    Post,
    StudyGroupPage,
    StudySession,
    Thread,
)

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_has_groups_sessions_threads_and_summaries_in_both_states():
    load_demo()
    kinds = set(StudyGroupPage.objects.live().values_list("kind", flat=True))
    assert {GroupKind.CENTRAL, GroupKind.YOUTH, GroupKind.DEPARTMENT} <= kinds
    assert StudyGroupPage.objects.filter(is_open=False).exists()
    assert StudySession.objects.count() >= 6
    assert Thread.objects.count() >= 3
    # Threads have replies beyond their opening posts.
    assert Post.objects.count() > Thread.objects.count()
    summaries = DiscussionSummaryPage.objects.all()
    assert summaries.live().exists()
    assert summaries.in_review().exists()


def test_demo_loads_twice_without_adding_anything():
    load_demo()
    counts = (StudyGroupPage.objects.count(), StudySession.objects.count(), Post.objects.count())
    output = load_demo()
    assert "Study groups: 0 created" in output
    assert counts == (
        StudyGroupPage.objects.count(),
        StudySession.objects.count(),
        Post.objects.count(),
    )


def test_admin_lists_groups_sessions_threads_and_posts_with_filters(client):
    load_demo()
    admin = get_user_model().objects.create_superuser("root", "root@example.gov", "x")
    client.force_login(admin)
    group = StudyGroupPage.objects.get(slug="youth-study-group")
    for url in (
        "/admin/study_group_pages/",
        "/admin/study_group_pages/?kind=youth&is_open=true",
        "/admin/snippets/study_groups/studysession/",
        f"/admin/snippets/study_groups/studysession/?group={group.pk}",
        "/admin/snippets/study_groups/thread/",
        "/admin/snippets/study_groups/post/",
        f"/admin/pages/{group.pk}/edit/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_group_leader_approves_demo_summaries_in_the_admin(client):
    load_demo()
    leader = get_user_model().objects.get(username="zhaomin")
    pending = DiscussionSummaryPage.objects.in_review().get()
    client.force_login(leader)
    assert client.get(f"/admin/pages/{pending.pk}/edit/").status_code == 200
    dashboard = client.get("/admin/")
    assert pending.title in dashboard.content.decode()
