"""A cadre signs in, opens a lecture from /lectures/ and checks in with the session code."""

import datetime

import pytest

from django.utils import timezone

from attendance.models import AttendanceRecord, Status
from attendance.rules import event_for
from tests.lectures.factories import LecturePageFactory
from tests.people.factories import PASSWORD

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_opens_a_lecture_and_checks_in_with_the_code(page, live_server, cadre):
    lecture = LecturePageFactory(
        title="数字经济与城市高质量发展",
        start=timezone.now() + datetime.timedelta(minutes=10),
        speakers=[("王建国", "市委党校")],
    )
    code = event_for(lecture).code

    sign_in(page, live_server.url, "cadre", PASSWORD)
    page.get_by_role("link", name="讲座").first.click()
    assert page.get_by_role("heading", name="讲座", exact=True).is_visible()
    page.get_by_role("link", name="数字经济与城市高质量发展").click()
    assert page.get_by_role("heading", name="数字经济与城市高质量发展").is_visible()
    assert page.get_by_text("市委党校").first.is_visible()

    page.fill("#id_code", "000000")
    page.get_by_role("button", name="签到").click()
    assert page.get_by_text("签到码不正确").is_visible()

    page.fill("#id_code", code)
    page.get_by_role("button", name="签到").click()
    assert page.get_by_text("签到成功").is_visible()
    assert page.locator(".lecture-check-in .status-present").is_visible()
    assert AttendanceRecord.objects.get(event=event_for(lecture), person=cadre).status == (
        Status.PRESENT
    )
