"""A private note is seen by its author and the person who inspects their notes, and by nobody
else on any path: the note's page, the lists, the inspection pages, the archive, the exports,
the notices, the home page and the admin."""

import datetime

import pytest

from django.contrib.auth import get_user_model

from learning.inspection import Month
from learning.models import Note, Visibility
from learning.notices import draft_notice
from tests.assertions import assert_contains, assert_not_contains

from .factories import InspectionFactory, NoteFactory

pytestmark = pytest.mark.django_db

SECRET = "只给科长看的私密笔记"


@pytest.fixture
def private_note(office):
    return NoteFactory(author=office.cadre, title=SECRET, body="<p>私密内容：机关里的真实想法</p>")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.gov", "pw-root-123")


def visible_titles(user):
    return set(Note.objects.visible_to(user).values_list("title", flat=True))


# ------------------------------------------------------------------ the one permission scope


def test_private_notes_are_seen_by_the_author_and_their_department_head(office, private_note):
    assert SECRET in visible_titles(office.cadre.user)
    assert SECRET in visible_titles(office.head.user)
    for person in (
        office.colleague,
        office.leader,
        office.other_head,
        office.other_cadre,
        office.leadership,
    ):
        assert SECRET not in visible_titles(person.user), person.user.username


def test_a_department_heads_private_notes_go_to_their_leader_in_charge(office):
    NoteFactory(author=office.head, title="科长的私密笔记")
    assert "科长的私密笔记" in visible_titles(office.leader.user)
    for person in (office.cadre, office.colleague, office.other_head, office.leadership):
        assert "科长的私密笔记" not in visible_titles(person.user)


def test_department_notes_are_seen_within_the_department(office):
    NoteFactory(author=office.cadre, title="科室共享", visibility=Visibility.DEPARTMENT)
    assert "科室共享" in visible_titles(office.colleague.user)
    assert "科室共享" in visible_titles(office.head.user)
    assert "科室共享" not in visible_titles(office.other_cadre.user)
    assert "科室共享" not in visible_titles(office.leadership.user)


def test_notes_shared_with_everyone_are_seen_by_everyone(office, superuser):
    NoteFactory(author=office.cadre, title="全员共享", visibility=Visibility.EVERYONE)
    for person in (office.colleague, office.other_cadre, office.leadership, office.leader):
        assert "全员共享" in visible_titles(person.user)
    assert "全员共享" in visible_titles(superuser)


def test_a_superuser_does_not_see_private_notes(private_note, superuser):
    assert SECRET not in visible_titles(superuser)


def test_anonymous_sees_no_note(private_note):
    from django.contrib.auth.models import AnonymousUser

    NoteFactory(title="公开", visibility=Visibility.EVERYONE)
    assert visible_titles(AnonymousUser()) == set()


# ------------------------------------------------------------------ every path on the site


def test_others_cannot_open_the_private_note(as_person, office, private_note):
    for person in (office.colleague, office.other_head, office.leadership, office.leader):
        response = as_person(person).get(f"/notes/{private_note.pk}/")
        assert response.status_code == 404, person.user.username
    assert_contains(as_person(office.head).get(f"/notes/{private_note.pk}/"), "私密内容")
    assert_contains(as_person(office.cadre).get(f"/notes/{private_note.pk}/"), "私密内容")


def test_the_private_note_is_in_no_one_elses_lists(as_person, office, private_note):
    for person in (office.colleague, office.other_cadre, office.leadership, office.head):
        client = as_person(person)
        assert_not_contains(client.get("/notes/"), SECRET)
        assert_not_contains(client.get("/notes/shared/"), SECRET)
        assert_not_contains(client.get("/"), SECRET)
        assert_not_contains(client.get("/me/learning/"), SECRET)


def test_only_the_inspector_sees_it_on_the_inspection_pages(as_person, office, private_note):
    today = datetime.date.today()
    path = f"/inspection/{office.cadre.user.username}/{today.year}/{today.month}/"
    assert_contains(as_person(office.head).get(path), SECRET)
    for person in (office.other_head, office.leader, office.leadership, office.colleague):
        response = as_person(person).get(path)
        assert response.status_code in (403, 404)
        assert_not_contains(response, SECRET)
    assert_not_contains(as_person(office.leadership).get("/inspection/status/"), SECRET)


def test_the_archive_and_exports_carry_counts_not_private_titles(as_person, office, private_note):
    for person in (office.cadre, office.head, office.leadership):
        assert_not_contains(
            as_person(person).get(f"/people/{office.cadre.user.username}/archive/"), SECRET
        )
    client = as_person(office.leadership)
    for fmt in ("csv", "xlsx"):
        response = client.get(f"/inspection/status/export.{fmt}")
        assert response.status_code == 200
        assert SECRET.encode() not in response.content
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(client.get("/inspection/status/export.xlsx").content)).active
    assert not any(SECRET in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_a_notice_never_cites_a_private_note(office, private_note):
    today = datetime.date.today()
    InspectionFactory(
        person=office.cadre, inspector=office.head, year=today.year, month=today.month
    )
    NoteFactory(author=office.cadre, title="值得推广的公开笔记", visibility=Visibility.EVERYONE)
    notice = draft_notice(Month(today.year, today.month), today)
    assert SECRET not in notice.body
    assert "值得推广的公开笔记" in notice.body


def test_the_admin_shows_a_private_note_to_nobody_else(client, office, private_note, superuser):
    urls = [
        "/admin/learning/notes/",
        f"/admin/learning/notes/edit/{private_note.pk}/",
        f"/admin/learning/notes/inspect/{private_note.pk}/",
        f"/admin/learning/notes/history/{private_note.pk}/",
        f"/admin/learning/notes/usage/{private_note.pk}/",
        f"/admin/learning/notes/delete/{private_note.pk}/",
    ]
    for user in (office.leadership.user, superuser):
        client.force_login(user)
        listing = client.get(urls[0])
        assert listing.status_code == 200
        assert_not_contains(listing, SECRET)
        for url in urls[1:]:
            # Not found, or (without the permission to change notes) sent back to the dashboard.
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (user.username, url)
            assert_not_contains(response, SECRET)
            if user.is_superuser:
                assert response.status_code == 404, url
        assert client.post(urls[-1]).status_code in (302, 403, 404)
    assert Note.objects.filter(pk=private_note.pk).exists()


def test_the_admin_lists_notes_shared_with_everyone(client, office, superuser):
    NoteFactory(author=office.cadre, title="全员共享的笔记", visibility=Visibility.EVERYONE)
    client.force_login(office.leadership.user)
    assert_contains(client.get("/admin/learning/notes/"), "全员共享的笔记")
