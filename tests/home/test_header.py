"""The page header: the person's name, their menu and the admin link, worked out once a minute."""

import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import header
from tests.assertions import assert_contains, assert_not_contains

pytestmark = pytest.mark.django_db

INSPECTION_LINK = 'href="/inspection/"'


def a_minute_later(monkeypatch):
    later = time.time() + header.KEEP_SECONDS + 1
    monkeypatch.setattr(header.time, "time", lambda: later)


def test_the_header_names_the_person_and_offers_their_menu(cadre_client, cadre):
    response = cadre_client.get("/")
    assert_contains(response, f'<span class="who">{cadre.display_name}</span>')
    assert_contains(response, "我的学习")
    assert_not_contains(response, 'href="/admin/"')
    assert_not_contains(response, INSPECTION_LINK)


def test_a_new_department_head_finds_notes_inspection_in_the_menu_within_a_minute(
    cadre_client, cadre, monkeypatch
):
    cadre_client.get("/")
    department = cadre.department
    department.head = cadre
    department.save()
    # Kept for a minute: the header does not ask for roles on every page.
    assert_not_contains(cadre_client.get("/"), INSPECTION_LINK)
    a_minute_later(monkeypatch)
    assert_contains(cadre_client.get("/"), INSPECTION_LINK)


def test_pages_after_the_first_do_not_ask_for_the_header_again(cadre_client):
    with CaptureQueriesContext(connection) as first:
        cadre_client.get("/knowledge/")
    with CaptureQueriesContext(connection) as again:
        cadre_client.get("/knowledge/")
    permission_queries = [q for q in again if "auth_permission" in q["sql"]]
    assert not permission_queries
    assert len(again) < len(first)
    # The person comes with the signed-in user, in the same query.
    assert not [q for q in again if q["sql"].startswith('SELECT "people_person"')]


def test_the_menu_follows_the_language(cadre_client):
    assert_contains(cadre_client.get("/"), "我的学习")
    cadre_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert_contains(cadre_client.get("/"), "My learning")


def test_a_new_notification_shows_in_the_header_on_the_next_page(cadre_client, cadre):
    from study_groups.models import Notification, NotificationKind

    assert_not_contains(cadre_client.get("/"), "学习小组 (1)")
    Notification.objects.create(recipient=cadre, kind=NotificationKind.MENTION)
    # Not a minute later: the person, read with the user, says the header has changed.
    assert_contains(cadre_client.get("/"), "学习小组 (1)")
    with CaptureQueriesContext(connection) as again:
        cadre_client.get("/")
    assert not [q for q in again if "study_groups_notification" in q["sql"]]
