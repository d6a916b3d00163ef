"""/lectures/calendar.ics and the private per-person feed: valid iCalendar, the office's time
zone, and nobody else's lectures."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from django.utils import timezone

from lectures.models import CalendarFeed
from tests.assertions import assert_contains
from tests.people.factories import DepartmentFactory, PersonFactory

from .factories import LecturePageFactory, in_days

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar) -> dict[str, object]:
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_feed_is_valid_icalendar_in_shanghai_time(cadre_client):
    start = in_days(5, hour=14)
    LecturePageFactory(
        title="数字经济专题讲座", start=start, speakers=[("王建国", "市委党校")], tags=["数字经济"]
    )
    calendar = parse(cadre_client.get("/lectures/calendar.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    event = events(calendar)["数字经济专题讲座"]
    dtstart = event.decoded("DTSTART")
    assert dtstart == start
    assert dtstart.astimezone(SHANGHAI).hour == 14
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert str(event["LOCATION"]) == "机关三楼报告厅"
    assert "王建国" in str(event["DESCRIPTION"])
    assert str(event["UID"]).startswith("lecture-")
    assert event.decoded("DTEND") > dtstart
    assert "数字经济" in [str(c) for c in event["CATEGORIES"].cats]


def test_feed_leaves_out_old_lectures_and_drafts(cadre_client):
    LecturePageFactory(title="很久以前的讲座", start=in_days(-200))
    draft = LecturePageFactory(title="草稿讲座")
    draft.unpublish()
    LecturePageFactory(title="下周的讲座", start=in_days(7))
    titles = set(events(parse(cadre_client.get("/lectures/calendar.ics"))))
    assert titles == {"下周的讲座"}


def test_an_empty_feed_still_names_the_time_zone(cadre_client):
    calendar = parse(cadre_client.get("/lectures/calendar.ics"))
    assert not calendar.walk("VEVENT")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_the_shared_feed_needs_a_sign_in(anonymous_client):
    response = anonymous_client.get("/lectures/calendar.ics")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.fixture
def two_departments(db):
    planning = DepartmentFactory(name="综合规划科")
    policy = DepartmentFactory(name="政策研究室")
    LecturePageFactory(title="面向全体的讲座")
    LecturePageFactory(title="规划科的讲座", departments=[planning])
    LecturePageFactory(title="政研室的讲座", departments=[policy])
    return {
        "planner": PersonFactory(department=planning),
        "researcher": PersonFactory(department=policy),
    }


def feed_url(person) -> str:
    feed = CalendarFeed.objects.create(user=person.user)
    return f"/lectures/feeds/{feed.token}.ics"


def test_a_private_feed_shows_the_lectures_for_its_owners_audience(client, two_departments):
    titles = set(events(parse(client.get(feed_url(two_departments["planner"])))))
    assert titles == {"面向全体的讲座", "规划科的讲座"}


def test_one_persons_token_never_shows_another_audiences_lectures(client, two_departments):
    titles = set(events(parse(client.get(feed_url(two_departments["researcher"])))))
    assert "规划科的讲座" not in titles
    assert titles == {"面向全体的讲座", "政研室的讲座"}


def test_a_private_feed_works_without_signing_in_but_not_with_a_bad_token(
    anonymous_client, two_departments
):
    assert anonymous_client.get(feed_url(two_departments["planner"])).status_code == 200
    assert anonymous_client.get("/lectures/feeds/not-a-real-token.ics").status_code == 404
    assert anonymous_client.get("/lectures/feeds/.ics").status_code in (404, 302)


def test_a_revoked_or_replaced_token_stops_working(client, two_departments):
    planner = two_departments["planner"]
    url = feed_url(planner)
    client.force_login(planner.user)
    client.post("/lectures/subscribe/", {"action": "reset"})
    client.logout()
    assert client.get(url).status_code == 404
    new_feed = CalendarFeed.objects.active().get(user=planner.user)
    assert client.get(f"/lectures/feeds/{new_feed.token}.ics").status_code == 200
    client.force_login(planner.user)
    client.post("/lectures/subscribe/", {"action": "revoke"})
    client.logout()
    assert client.get(f"/lectures/feeds/{new_feed.token}.ics").status_code == 404


def test_an_inactive_users_feed_stops_working(client, two_departments):
    planner = two_departments["planner"]
    url = feed_url(planner)
    planner.user.is_active = False
    planner.user.save()
    assert client.get(url).status_code == 404


def test_private_feed_respects_page_privacy(client, two_departments):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    secret = LecturePageFactory(title="中心组内部讲座")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Learning leadership group"))
    titles = set(events(parse(client.get(feed_url(two_departments["planner"])))))
    assert "中心组内部讲座" not in titles


def test_subscribe_page_gives_the_private_address(cadre_client, cadre):
    response = cadre_client.post("/lectures/subscribe/", {"action": "create"}, follow=True)
    token = CalendarFeed.objects.active().get(user=cadre.user).token
    assert_contains(response, f"/lectures/feeds/{token}.ics")


def test_feed_records_its_use_at_most_hourly(client, two_departments):
    url = feed_url(two_departments["planner"])
    client.get(url)
    feed = CalendarFeed.objects.get()
    first_use = feed.last_used_at
    assert first_use is not None
    client.get(url)
    feed.refresh_from_db()
    assert feed.last_used_at == first_use
    CalendarFeed.objects.update(last_used_at=timezone.now() - datetime.timedelta(hours=2))
    client.get(url)
    feed.refresh_from_db()
    assert feed.last_used_at > first_use
