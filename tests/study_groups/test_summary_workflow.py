"""The secretary writes a summary under the group; the group's leader approves it (which publishes
it) or sends it back with a comment. Nobody else can do either."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from study_groups.models import DiscussionSummaryPage, Notification, NotificationKind
from tests.assertions import assert_contains, assert_not_contains
from tests.people.factories import person_with_roles

from .factories import StudyGroupPageFactory

pytestmark = pytest.mark.django_db


def summary_form(title="第一次集中学习讨论纪要", owner=None, action="action-submit"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "first-summary",
            "session": "",
            "studied": rich_text("<p>学习了《第五项修炼》第十二章。</p>"),
            "main_points": rich_text("<p>深度会谈是团队学习的关键。</p>"),
            "conclusions": rich_text("<p>下次试行深度会谈。</p>"),
            "tags": "团队学习, 读书",
            "follow_up_tasks": inline_formset(
                [{"task": "整理读书笔记", "owner": owner.pk if owner else "", "due_date": ""}]
            ),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def add_url(group):
    return reverse(
        "wagtailadmin_pages:add", args=("study_groups", "discussionsummarypage", group.pk)
    )


@pytest.fixture
def submitted(secretary_client, open_group, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(add_url(open_group), summary_form(owner=member))
    assert response.status_code == 302
    summary = DiscussionSummaryPage.objects.child_of(open_group).get()
    return summary


def task_state_of(summary):
    return TaskState.objects.get(
        workflow_state__object_id=str(summary.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def test_secretary_submits_and_the_summary_waits_unpublished(
    submitted, open_group, leader, outsider_client
):
    assert not submitted.live
    assert submitted.workflow_in_progress
    assert submitted.follow_up_tasks.get().task == "整理读书笔记"
    notice = Notification.objects.get(recipient=leader, kind=NotificationKind.SUMMARY_REVIEW)
    assert notice.summary.pk == submitted.pk
    assert any(leader.user.email in message.to for message in mail.outbox)
    assert outsider_client.get(f"{open_group.url}{submitted.slug}/").status_code == 404
    assert_not_contains(outsider_client.get(open_group.url), "第一次集中学习讨论纪要")


def test_leader_approves_and_the_summary_is_published_for_everyone(
    submitted, open_group, leader, client, outsider
):
    client.force_login(leader.user)
    state = task_state_of(submitted)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,)))
    assert_contains(edit, "审核通过并发布")
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(submitted.pk, "approve", state.pk))
    )
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.live
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == "approved"

    client.force_login(outsider.user)
    page = client.get(submitted.url)
    assert_contains(page, "深度会谈是团队学习的关键")
    assert_contains(page, "整理读书笔记")
    assert_contains(page, "团队学习")
    assert_contains(client.get(open_group.url), "第一次集中学习讨论纪要")


def test_leader_sends_it_back_with_a_comment(submitted, leader, secretary, client):
    client.force_login(leader.user)
    state = task_state_of(submitted)
    mail.outbox.clear()
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(submitted.pk, "reject", state.pk)),
        {"comment": "请补充结论部分的具体措施"},
    )
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert not submitted.live
    workflow_state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(pk=state.pk)
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.comment == "请补充结论部分的具体措施"
    # Wagtail tells the secretary who submitted it.
    assert [secretary.user.email] in [message.to for message in mail.outbox]


def test_secretary_cannot_publish_without_the_leader(secretary_client, open_group):
    response = secretary_client.post(add_url(open_group), summary_form(action="action-publish"))
    assert response.status_code in (200, 302, 403)
    summary = DiscussionSummaryPage.objects.child_of(open_group).first()
    assert summary is None or not summary.live


def test_another_groups_leader_and_members_cannot_approve(submitted, member, client):
    other_leader = person_with_roles("otherleader")
    StudyGroupPageFactory(leader=other_leader)
    state = task_state_of(submitted)
    for person in (other_leader, member):
        client.force_login(person.user)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(submitted.pk, "approve", state.pk)
        )
        response = client.post(url)
        assert response.status_code in (302, 403)
        submitted.refresh_from_db()
        assert not submitted.live


def test_only_the_secretary_may_write_summaries_of_their_group(
    client, open_group, member, secretary
):
    client.force_login(member.user)
    assert client.get(add_url(open_group)).status_code in (302, 403)
    client.force_login(secretary.user)
    other = StudyGroupPageFactory()
    assert client.get(add_url(other)).status_code in (302, 403)
    assert client.get(add_url(open_group)).status_code == 200


def test_the_secretary_finds_the_way_to_write_a_summary_on_the_group_page(
    client, open_group, secretary, member
):
    client.force_login(secretary.user)
    assert_contains(client.get(open_group.url), add_url(open_group))
    client.force_login(member.user)
    assert_not_contains(client.get(open_group.url), add_url(open_group))


def test_a_new_secretary_takes_over_the_permission(open_group, secretary, member, client):
    open_group.secretary = member
    open_group.save_revision().publish()
    client.force_login(member.user)
    assert client.get(add_url(open_group)).status_code == 200
    client.force_login(secretary.user)
    assert client.get(add_url(open_group)).status_code in (302, 403)


def test_published_summaries_join_the_tag_pages_but_closed_ones_only_for_members(
    client, open_group, closed_group, outsider, member
):
    from taggit.models import Tag

    for group, title in ((open_group, "公开小组的纪要"), (closed_group, "内部小组的纪要")):
        summary = DiscussionSummaryPage(title=title, studied="<p>学</p>", main_points="<p>点</p>")
        group.add_child(instance=summary)
        summary.tags.add("团队学习")
        summary.save_revision().publish()
    url = f"/tags/{Tag.objects.get(name='团队学习').slug}/"
    client.force_login(outsider.user)
    page = client.get(url)
    assert_contains(page, "公开小组的纪要")
    assert_not_contains(page, "内部小组的纪要")
    client.force_login(member.user)
    assert_contains(client.get(url), "内部小组的纪要")
