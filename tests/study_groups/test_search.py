"""Search finds study group threads and published summaries, and never a closed group's content for
someone outside it: not on the search page, not in the API, not in the title suggestions."""

import pytest

from study_groups import discussion
from study_groups.models import DiscussionSummaryPage
from tests.search.conftest import index_now

from .factories import thread_in

pytestmark = pytest.mark.django_db

OPEN_THREAD = "系统思考公开讨论"
CLOSED_THREAD = "系统思考内部讨论"
SUMMARY = "系统思考讨论纪要"
PENDING = "系统思考待审纪要"


def summary_in(group, title, live=True):
    summary = DiscussionSummaryPage(
        title=title, studied="<p>系统思考</p>", main_points="<p>因果回路</p>"
    )
    group.add_child(instance=summary)
    summary.tags.add("系统思考")
    if live:
        summary.save_revision().publish()
    else:
        summary.unpublish()
    return summary


@pytest.fixture
def material(search_index, open_group, closed_group, member, leader):
    thread_in(open_group, member, title=OPEN_THREAD, body="系统思考的因果回路", tags=["系统思考"])
    closed = thread_in(closed_group, member, title=CLOSED_THREAD, body="系统思考的内部意见")
    hidden = discussion.reply(closed, leader, body="系统思考被隐藏的回复")
    discussion.hide_post(hidden, leader, reason="重复")
    summary_in(open_group, SUMMARY)
    summary_in(open_group, PENDING, live=False)
    index_now()


def found(client, path="/api/search/", q="系统思考"):
    body = client.get(path, {"q": q}).json()
    return {result["title"] for result in body["results"]}


def test_outsider_finds_the_open_groups_content_and_nothing_of_the_closed_one(
    client, outsider, material
):
    client.force_login(outsider.user)
    assert found(client) == {OPEN_THREAD, SUMMARY}
    page = client.get("/search/", {"q": "系统思考"})
    assert CLOSED_THREAD not in page.content.decode()
    suggestions = client.get("/search/suggest/", {"q": "系统思考"}).json()["suggestions"]
    assert CLOSED_THREAD not in {s["title"] for s in suggestions}


def test_member_finds_their_closed_groups_thread_but_never_a_draft(client, member, material):
    client.force_login(member.user)
    assert found(client) == {OPEN_THREAD, CLOSED_THREAD, SUMMARY}


def test_a_hidden_post_is_not_searchable(client, member, material):
    client.force_login(member.user)
    assert CLOSED_THREAD not in found(client, q="被隐藏的回复")


def test_closing_a_group_takes_its_threads_out_of_others_results(
    client, outsider, open_group, material
):
    open_group.is_open = False
    open_group.save_revision().publish()
    index_now()
    client.force_login(outsider.user)
    assert found(client) == set()


def test_a_member_taken_off_a_closed_group_loses_its_content_on_their_next_search(
    client, member, closed_group, material
):
    client.force_login(member.user)
    assert CLOSED_THREAD in found(client)
    closed_group.members.remove(member)
    closed_group.save_revision().publish()
    assert CLOSED_THREAD not in found(client)


def test_a_leader_who_hands_the_group_over_loses_its_content_on_their_next_search(
    client, leader, outsider, closed_group, material
):
    client.force_login(leader.user)
    assert CLOSED_THREAD in found(client)
    closed_group.leader = outsider
    closed_group.save_revision().publish()
    assert CLOSED_THREAD not in found(client)
    client.force_login(outsider.user)
    assert CLOSED_THREAD in found(client)
