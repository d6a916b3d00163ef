"""/lectures/: coming and past lectures, the month calendar, filters, bad input, query budget."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.assertions import assert_contains, assert_not_contains, header_forgotten
from tests.people.factories import PersonFactory

from .factories import LecturePageFactory, LectureSeriesPageFactory, in_days

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_sign_in(anonymous_client):
    response = anonymous_client.get("/lectures/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_coming_and_past_lectures_are_listed_apart(cadre_client):
    LecturePageFactory(title="下周的讲座", start=in_days(7))
    LecturePageFactory(title="上月的讲座", start=in_days(-30))
    html = cadre_client.get("/lectures/").content.decode()
    coming, past = html.split('id="past-lectures"') if 'id="past-lectures"' in html else (html, "")
    assert "下周的讲座" in coming and "上月的讲座" not in coming
    assert "上月的讲座" in past


def test_drafts_are_not_listed(cadre_client):
    draft = LecturePageFactory(title="尚未发布的讲座")
    draft.unpublish()
    assert_not_contains(cadre_client.get("/lectures/"), "尚未发布的讲座")


def test_filter_by_series_speaker_tag_and_year(cadre_client):
    party = LectureSeriesPageFactory(title="党课")
    speaker = PersonFactory(display_name="孙丽")
    LecturePageFactory(title="党课一", parent=party, speakers=[speaker], tags=["党史学习"])
    LecturePageFactory(title="专家讲座一", speakers=[("王建国", "市委党校")], tags=["数字经济"])
    LecturePageFactory(title="去年的讲座", start=in_days(-400))

    assert_not_contains(cadre_client.get(f"/lectures/?series={party.pk}"), "专家讲座一")
    by_person = cadre_client.get(f"/lectures/?speaker=person-{speaker.pk}")
    assert_contains(by_person, "党课一")
    assert_not_contains(by_person, "专家讲座一")
    by_expert = cadre_client.get("/lectures/?speaker=王建国")
    assert_contains(by_expert, "专家讲座一")
    assert_not_contains(by_expert, "党课一")
    from taggit.models import Tag

    by_tag = cadre_client.get(f"/lectures/?tag={Tag.objects.get(name='数字经济').slug}")
    assert_contains(by_tag, "专家讲座一")
    assert_not_contains(by_tag, "党课一")
    this_year = cadre_client.get(f"/lectures/?year={timezone.localdate().year + 1}")
    assert_not_contains(this_year, "去年的讲座")


def test_the_series_page_lists_its_own_lectures(cadre_client):
    party = LectureSeriesPageFactory(title="党课")
    LecturePageFactory(title="党课一", parent=party)
    LecturePageFactory(title="别的系列")
    response = cadre_client.get(party.url)
    assert_contains(response, "党课一")
    assert_not_contains(response, "别的系列")


def test_month_calendar_shows_the_months_lectures_on_their_day(cadre_client):
    start = in_days(40, hour=9)
    LecturePageFactory(title="日历里的讲座", start=start)
    month = timezone.localtime(start).strftime("%Y-%m")
    response = cadre_client.get(f"/lectures/?view=calendar&month={month}")
    assert_contains(response, "日历里的讲座")
    assert_contains(response, "09:00")
    other = (timezone.localtime(start) + datetime.timedelta(days=45)).strftime("%Y-%m")
    assert_not_contains(cadre_client.get(f"/lectures/?view=calendar&month={other}"), "日历里的讲座")


def test_bad_filter_values_are_explained_not_fatal(cadre_client):
    LecturePageFactory(title="依然列出")
    response = cadre_client.get(
        "/lectures/?series=abc&year=<script>&month=13-2026&view=calendar&page=999"
    )
    assert response.status_code == 200
    assert_not_contains(response, "<script>")
    response = cadre_client.get("/lectures/?series=abc&year=x&page=zz")
    assert_contains(response, "依然列出")


def test_restricted_lectures_stay_hidden(cadre_client):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    secret = LecturePageFactory(title="中心组内部讲座")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Learning leadership group"))
    assert_not_contains(cadre_client.get("/lectures/"), "中心组内部讲座")


def _queries(client, path) -> int:
    header_forgotten(client)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _lectures(count, series):
    speaker = PersonFactory()
    for n in range(count):
        LecturePageFactory(
            parent=series,
            start=in_days(n - count // 2),
            speakers=[speaker, ("专家", "市委党校")],
            tags=["理论学习", f"tag{n % 4}"],
        )


def test_listing_query_count_is_the_same_at_3_and_30_lectures(cadre_client):
    small, large = LectureSeriesPageFactory(), LectureSeriesPageFactory()
    _lectures(3, small)
    _lectures(30, large)
    # Session, user, person, site and page routing, view restrictions, then: coming lectures,
    # past lectures (count and page), each with their series, speakers with people, tags and
    # audience departments prefetched; the sidebar's series, years, tags and speakers.
    for view in ("", "&view=calendar"):
        assert _queries(cadre_client, f"{small.url}?x=1{view}") == _queries(
            cadre_client, f"{large.url}?x=1{view}"
        )
    at_3 = _queries(cadre_client, f"/lectures/?series={small.pk}")
    assert _queries(cadre_client, f"/lectures/?series={large.pk}") == at_3
