"""A person writes, edits and deletes study notes on the site; bodies are cleaned and counted."""

import datetime

import pytest

from learning.models import Note, Visibility
from tests.assertions import assert_contains, assert_not_contains

from .factories import NoteFactory

pytestmark = pytest.mark.django_db


def note_data(**overrides):
    data = {
        "title": "读《第五项修炼》笔记",
        "date": datetime.date.today().isoformat(),
        "source_kind": "book",
        "source": "第五项修炼",
        "body": "<p>团队学习是学习型组织的基础。</p><p>Peter Senge 2006</p>",
        "tags": "团队学习，学习型组织",
        "visibility": Visibility.PRIVATE,
    }
    data.update(overrides)
    return data


def test_the_notes_page_explains_how_characters_are_counted(member_client):
    response = member_client.get("/notes/")
    assert_contains(response, "每个汉字计一个字")


def test_a_cadre_writes_a_note_and_sees_it_counted(member_client, office):
    response = member_client.post("/notes/new/", note_data())
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.author == office.cadre
    assert note.characters == 13 + 3  # 团队学习是学习型组织的基础 + Peter, Senge, 2006
    assert sorted(t.name for t in note.tags.all()) == ["团队学习", "学习型组织"]
    listing = member_client.get("/notes/")
    assert_contains(listing, "读《第五项修炼》笔记")
    assert_contains(listing, '<strong id="year-count">16</strong>')


def test_plain_text_without_the_editor_becomes_paragraphs(member_client):
    member_client.post("/notes/new/", note_data(body="第一段\n\n第二段 & more"))
    assert Note.objects.get().body == "<p>第一段</p><p>第二段 &amp; more</p>"


def test_dangerous_html_is_removed_before_saving(member_client):
    body = (
        '<p onclick="steal()">好<script>alert(1)</script>笔记</p>'
        '<a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe><p style="color:red">红</p>'
    )
    member_client.post("/notes/new/", note_data(body=body))
    saved = Note.objects.get().body
    for bad in ("onclick", "<script", "alert", "javascript:", "<img", "<iframe", "style="):
        assert bad not in saved
    assert "好笔记" in saved


def test_an_empty_note_is_refused_with_a_message(member_client):
    response = member_client.post("/notes/new/", note_data(body="<p>  。，！</p>"))
    assert_contains(response, "请写下笔记内容")
    assert not Note.objects.exists()


def test_a_note_cannot_be_dated_in_the_future(member_client):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    response = member_client.post("/notes/new/", note_data(date=tomorrow.isoformat()))
    assert_contains(response, "日期不能晚于今天")
    assert not Note.objects.exists()


def test_the_author_edits_a_note_and_the_count_follows(member_client, office):
    note = NoteFactory(author=office.cadre, body="<p>短</p>")
    assert note.characters == 1
    response = member_client.post(
        f"/notes/{note.pk}/edit/", note_data(body="<p>更长的一段笔记</p>")
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.characters == 7


def test_the_author_deletes_a_note(member_client, office):
    note = NoteFactory(author=office.cadre)
    response = member_client.post(f"/notes/{note.pk}/delete/")
    assert response.status_code == 302
    assert not Note.objects.filter(pk=note.pk).exists()


def test_nobody_else_can_edit_or_delete_a_note(as_person, office):
    note = NoteFactory(author=office.cadre, visibility=Visibility.EVERYONE)
    for person in (office.colleague, office.head, office.leadership):
        client = as_person(person)
        assert client.get(f"/notes/{note.pk}/edit/").status_code == 404
        assert client.post(f"/notes/{note.pk}/edit/", note_data()).status_code == 404
        assert client.post(f"/notes/{note.pk}/delete/").status_code == 404
    assert Note.objects.filter(pk=note.pk, title=note.title).exists()


def test_own_notes_filter_by_tag_and_year(member_client, office):
    NoteFactory(author=office.cadre, title="关于乡村振兴", tags=["乡村振兴"])
    NoteFactory(author=office.cadre, title="关于数字政府", tags=["数字政府"])
    NoteFactory(author=office.cadre, title="去年的笔记", date=datetime.date(2024, 5, 1))
    response = member_client.get("/notes/?tag=乡村振兴")
    assert_contains(response, "关于乡村振兴")
    assert_not_contains(response, "关于数字政府")
    assert_not_contains(response, "去年的笔记")
    assert_contains(member_client.get("/notes/?year=2024"), "去年的笔记")


def test_a_bad_year_is_explained_not_fatal(member_client):
    response = member_client.get("/notes/?year=abc")
    assert_contains(response, "abc")
    assert response.status_code == 200


def test_saving_in_any_way_cleans_and_counts(office):
    note = Note.objects.create(author=office.cadre, title="t", body="<p>两个<script>x</script></p>")
    assert note.body == "<p>两个</p>"
    assert note.characters == 2
