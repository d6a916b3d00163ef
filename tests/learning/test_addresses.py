"""Each address answers an anonymous visitor with the login page and a signed-in person without
the right with 403 or 404."""

import datetime

import pytest

from django.contrib.auth import get_user_model

from .factories import NoteFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def addresses(office, note):
    return [
        "/me/learning/",
        f"/me/learning/plan/{TODAY.year}/",
        "/me/learning/records/",
        "/me/learning/self-study/",
        "/notes/",
        "/notes/new/",
        "/notes/shared/",
        f"/notes/{note.pk}/",
        f"/notes/{note.pk}/edit/",
        "/inspection/",
        "/inspection/status/",
        "/inspection/status/export.csv",
        "/inspection/status/export.xlsx",
        "/inspection/notices/",
        f"/inspection/{office.cadre.user.username}/{TODAY.year}/{TODAY.month}/",
        f"/people/{office.cadre.user.username}/archive/",
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, office):
    note = NoteFactory(author=office.cadre)
    for path in addresses(office, note):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/login/?next="), path


def test_a_person_without_the_right_gets_403_or_404(as_person, office):
    note = NoteFactory(author=office.cadre)
    client = as_person(office.other_cadre)
    forbidden = [
        f"/notes/{note.pk}/",
        f"/notes/{note.pk}/edit/",
        "/inspection/",
        "/inspection/status/",
        "/inspection/status/export.csv",
        "/inspection/status/export.xlsx",
        f"/inspection/{office.cadre.user.username}/{TODAY.year}/{TODAY.month}/",
        f"/people/{office.cadre.user.username}/archive/",
    ]
    for path in forbidden:
        assert client.get(path).status_code in (403, 404), path


def test_a_signed_in_user_without_a_staff_profile_is_refused_personal_pages(client):
    user = get_user_model().objects.create_user("visitor", password="pw-visitor-1")
    client.force_login(user)
    for path in ("/me/learning/", "/notes/", "/notes/new/", "/me/learning/records/"):
        assert client.get(path).status_code == 403, path


def test_navigation_offers_learning_and_inspection_to_those_who_need_it(as_person, office):
    from tests.assertions import assert_contains, assert_not_contains

    cadre_home = as_person(office.cadre).get("/")
    assert_contains(cadre_home, 'href="/me/learning/"')
    assert_contains(cadre_home, 'href="/notes/"')
    assert_not_contains(cadre_home, 'href="/inspection/"')
    assert_contains(as_person(office.head).get("/"), 'href="/inspection/"')
    assert_contains(as_person(office.leadership).get("/"), 'href="/inspection/status/"')
    assert_contains(cadre_home, "待办事项")
