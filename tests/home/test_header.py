"""The page header: the person's name, their menu and the admin link, kept for a minute and
worked out again as soon as something it shows changes."""

import time

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import header
from people import roles
from people.models import Department, Person
from tests.assertions import assert_contains, assert_not_contains

pytestmark = pytest.mark.django_db

INSPECTION_LINK = 'href="/inspection/"'
STATUS_LINK = 'href="/inspection/status/"'
ADMIN_LINK = 'href="/admin/"'


def a_minute_later(monkeypatch):
    later = time.time() + header.KEEP_SECONDS + 1
    monkeypatch.setattr(header.time, "time", lambda: later)


def test_the_header_names_the_person_and_offers_their_menu(cadre_client, cadre):
    response = cadre_client.get("/")
    assert_contains(response, f'<span class="who">{cadre.display_name}</span>')
    assert_contains(response, "我的学习")
    assert_not_contains(response, 'href="/admin/"')
    assert_not_contains(response, INSPECTION_LINK)


def test_a_new_department_head_finds_notes_inspection_in_the_menu_on_their_next_page(
    cadre_client, cadre
):
    cadre_client.get("/")
    department = cadre.department
    department.head = cadre
    department.save()
    assert_contains(cadre_client.get("/"), INSPECTION_LINK)


def test_a_head_who_hands_the_department_over_loses_notes_inspection_on_their_next_page(
    cadre_client, cadre, department_head
):
    department = cadre.department
    department.head = cadre
    department.save()
    assert_contains(cadre_client.get("/"), INSPECTION_LINK)
    department.head = department_head
    department.save()
    assert_not_contains(cadre_client.get("/"), INSPECTION_LINK)


def test_joining_and_leaving_the_learning_leadership_group_changes_the_menu_at_once(
    cadre_client, cadre
):
    leadership = Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP)
    assert_not_contains(cadre_client.get("/"), STATUS_LINK)
    cadre.user.groups.add(leadership)
    assert_contains(cadre_client.get("/"), STATUS_LINK)
    # Removed from the group's side this time.
    leadership.user_set.remove(cadre.user)
    assert_not_contains(cadre_client.get("/"), STATUS_LINK)


def test_a_permission_given_to_the_persons_group_shows_on_their_next_page(cadre_client, cadre):
    readers = Group.objects.create(name="Readers")
    cadre.user.groups.add(readers)
    assert_not_contains(cadre_client.get("/"), ADMIN_LINK)
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    assert_contains(cadre_client.get("/"), ADMIN_LINK)
    readers.delete()
    assert_not_contains(cadre_client.get("/"), ADMIN_LINK)


def test_an_account_made_superuser_finds_the_admin_link_on_its_next_page(cadre_client, cadre):
    assert_not_contains(cadre_client.get("/"), ADMIN_LINK)
    cadre.user.is_superuser = True
    cadre.user.save()
    assert_contains(cadre_client.get("/"), ADMIN_LINK)


def test_a_new_name_shows_in_the_persons_header_on_their_next_page(cadre_client, cadre):
    cadre_client.get("/")
    cadre.display_name = "王新名"
    cadre.save()
    assert_contains(cadre_client.get("/"), '<span class="who">王新名</span>')


def test_an_account_linked_to_a_person_gets_the_persons_menu_on_its_next_page(client):
    user = get_user_model().objects.create_user("newcomer")
    client.force_login(user)
    assert_not_contains(client.get("/"), "我的学习")
    Person.objects.create(user=user, display_name="新同志")
    assert_contains(client.get("/"), "我的学习")


def test_a_change_that_sends_no_signal_reaches_the_menu_within_a_minute(
    cadre_client, cadre, monkeypatch
):
    cadre_client.get("/")
    # A bulk update, as a data fix in the shell would make: nothing tells the header.
    Department.objects.filter(pk=cadre.department_id).update(head=cadre)
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
