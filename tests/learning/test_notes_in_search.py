"""A note shared with everyone is found by colleagues; a private or department note never is."""

import pytest

from learning.models import Visibility
from tests.assertions import assert_contains, assert_not_contains
from tests.search.conftest import index_now

from .factories import NoteFactory

pytestmark = pytest.mark.django_db

SHARED = "共享笔记：基层调研的方法"
PRIVATE = "私人笔记：基层调研的困惑"
DEPARTMENT = "科室笔记：基层调研的分工"


@pytest.fixture
def notes(search_index, department_head):
    author = department_head
    NoteFactory(author=author, title=SHARED, visibility=Visibility.EVERYONE, tags=["调研"])
    NoteFactory(author=author, title=PRIVATE, visibility=Visibility.PRIVATE, tags=["调研"])
    NoteFactory(author=author, title=DEPARTMENT, visibility=Visibility.DEPARTMENT, tags=["调研"])
    index_now()
    return author


def test_colleague_finds_the_shared_note_and_nothing_else(cadre_client, notes):
    from learning.models import Note

    api = cadre_client.get("/api/search/?q=基层调研").json()
    assert [r["title"] for r in api["results"]] == [SHARED]
    assert api["count"] == 1
    # The page highlights the words inside titles, so look for each note's address there.
    page = cadre_client.get("/search/?q=基层调研")
    for note in Note.objects.all():
        if note.title == SHARED:
            assert_contains(page, note.get_absolute_url())
        else:
            assert_not_contains(page, note.get_absolute_url())


def test_no_suggestion_reveals_a_private_note(cadre_client, notes):
    response = cadre_client.get("/search/suggest/?q=私人笔记")
    assert_not_contains(response, PRIVATE)


def test_a_note_narrowed_to_private_leaves_the_index(cadre_client, notes):
    from learning.models import Note

    note = Note.objects.get(title=SHARED)
    note.visibility = Visibility.PRIVATE
    note.save()
    index_now()
    assert cadre_client.get("/api/search/?q=基层调研").json()["count"] == 0
