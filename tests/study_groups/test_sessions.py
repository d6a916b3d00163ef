"""The leader or secretary schedules sessions; members see them on the group and home pages."""

import datetime

import pytest

from django.utils import timezone

from study_groups.models import StudySession
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory

from .factories import StudySessionFactory

pytestmark = pytest.mark.django_db


def session_form(**overrides):
    data = {
        "topic": "系统思考工作坊",
        "description": "结合规划工作练习因果回路图",
        "starts_at": (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        "duration_hours": "3",
        "place": "二楼小会议室",
        "facilitator": "",
        "links": "学习强国 | https://www.xuexi.cn/",
    }
    data.update(overrides)
    return data


def test_secretary_schedules_a_session_with_readings(secretary_client, open_group, member):
    article = ArticlePageFactory(title="第五项修炼读书笔记")
    response = secretary_client.post(
        f"{open_group.url}sessions/new/",
        session_form(facilitator=member.pk, articles=[article.pk]),
    )
    assert response.status_code == 302
    session = StudySession.objects.get()
    assert session.group == open_group
    assert session.facilitator == member
    assert [block.block_type for block in session.readings] == ["article", "link"]
    page = secretary_client.get(session.get_url())
    assert_contains(page, "系统思考工作坊")
    assert_contains(page, "第五项修炼读书笔记")
    assert_contains(page, "https://www.xuexi.cn/")


def test_a_bad_link_is_explained(secretary_client, open_group):
    response = secretary_client.post(
        f"{open_group.url}sessions/new/", session_form(links="资料 | javascript:alert(1)")
    )
    assert response.status_code == 200
    assert_contains(response, "javascript:alert(1)")
    assert not StudySession.objects.exists()


def test_members_cannot_schedule(member_client, open_group):
    assert member_client.get(f"{open_group.url}sessions/new/").status_code == 403
    member_client.post(f"{open_group.url}sessions/new/", session_form())
    assert not StudySession.objects.exists()


def test_coming_and_past_sessions_on_the_group_page(member_client, open_group):
    StudySessionFactory(group=open_group, topic="下周的学习")
    StudySessionFactory(
        group=open_group,
        topic="上月的学习",
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    page = member_client.get(open_group.url)
    html = page.content.decode()
    assert html.index("下周的学习") < html.index("上月的学习")


def test_home_shows_the_coming_sessions_of_ones_own_groups(member_client, open_group):
    StudySessionFactory(group=open_group, topic="本组的学习")
    StudySessionFactory(topic="别组的学习")
    home = member_client.get("/")
    assert_contains(home, "本组的学习")
    assert_not_contains(home, "别组的学习")


def test_groups_index_lists_ones_own_groups_first(member_client, open_group):
    from .factories import StudyGroupPageFactory

    StudyGroupPageFactory(title="阿尔法小组")
    html = member_client.get("/groups/").content.decode()
    assert html.index("青年学习小组") < html.index("阿尔法小组")
