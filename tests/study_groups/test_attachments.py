"""Posts carry only allowed types of attachment, up to a size; each is served by the group's own
view to those who may read the group, never from a public media address."""

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from study_groups import discussion
from study_groups.models import PostAttachment
from tests.assertions import assert_contains, assert_not_contains

from .factories import thread_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% the reading list"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def thread(open_group, member):
    return thread_in(open_group, member, title="学习资料")


def reply_with(client, thread, *files, body="附上资料"):
    return client.post(thread.get_url(), {"body": body, "attachments": list(files)})


def test_member_attaches_a_pdf_and_an_image(member_client, thread):
    response = reply_with(
        member_client, thread, upload("书单.pdf", PDF, "application/pdf"), upload("图.png", PNG)
    )
    assert response.status_code == 302
    names = sorted(PostAttachment.objects.values_list("name", flat=True))
    assert names == ["书单.pdf", "图.png"]
    page = member_client.get(thread.get_url())
    assert_contains(page, "书单.pdf")
    assert_not_contains(page, settings.MEDIA_URL + "group-attachments")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("image.svg", b"<svg onload=alert(1)></svg>"),
        ("renamed.pdf", b"MZ\x90\x00 a program"),
        ("fake.png", b"GIF89a"),
        ("binary.txt", b"abc\x00def"),
        ("empty.pdf", b""),
    ],
)
def test_disallowed_or_disguised_files_are_refused_with_a_reason(
    member_client, thread, name, content
):
    response = reply_with(member_client, thread, upload(name, content))
    assert response.status_code == 200
    assert_contains(response, name)
    assert thread.posts.count() == 1
    assert not PostAttachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(member_client, thread, settings):
    settings.GONGXUE_GROUP_ATTACHMENT_MAX_BYTES = 1024
    response = reply_with(member_client, thread, upload("大文件.pdf", PDF + b"0" * 2000))
    assert response.status_code == 200
    assert_contains(response, "大文件.pdf")
    assert_contains(response, "1.0\xa0KB")
    assert not PostAttachment.objects.exists()


def test_too_many_files_are_refused(member_client, thread, settings):
    settings.GONGXUE_GROUP_ATTACHMENTS_PER_POST = 2
    files = [upload(f"{n}.pdf", PDF) for n in range(3)]
    response = reply_with(member_client, thread, *files)
    assert response.status_code == 200
    assert not PostAttachment.objects.exists()


def test_download_is_an_attachment_with_safe_headers(member_client, thread, member):
    post = discussion.reply(thread, member, body="见附件", files=[upload("书单.pdf", PDF)])
    attachment = post.attachments.get()
    response = member_client.get(attachment.get_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


def test_attachment_url_is_not_under_media(thread, member):
    post = discussion.reply(thread, member, body="见附件", files=[upload("书单.pdf", PDF)])
    url = post.attachments.get().get_url()
    assert not url.startswith(settings.MEDIA_URL)
    assert url.startswith(thread.group.url)


def test_attachment_of_another_group_is_not_found_through_this_one(
    member_client, thread, member, closed_group
):
    other_thread = thread_in(closed_group, member)
    post = discussion.reply(other_thread, member, body="x", files=[upload("a.pdf", PDF)])
    attachment = post.attachments.get()
    assert member_client.get(f"{thread.group.url}attachments/{attachment.pk}/").status_code == 404


def test_attachment_of_a_hidden_post_is_kept_from_other_members(
    client, thread, member, leader, secretary
):
    post = discussion.reply(thread, member, body="x", files=[upload("a.pdf", PDF)])
    discussion.hide_post(post, leader, reason="与主题无关")
    url = post.attachments.get().get_url()
    client.force_login(secretary.user)
    assert client.get(url).status_code == 404
    client.force_login(member.user)
    assert client.get(url).status_code == 200
    client.force_login(leader.user)
    assert client.get(url).status_code == 200


def test_outsider_cannot_download_from_a_closed_group_but_can_from_an_open_one(
    client, thread, member, closed_group, outsider
):
    open_post = discussion.reply(thread, member, body="x", files=[upload("open.pdf", PDF)])
    closed_post = discussion.reply(
        thread_in(closed_group, member), member, body="x", files=[upload("closed.pdf", PDF)]
    )
    client.force_login(outsider.user)
    assert client.get(open_post.attachments.get().get_url()).status_code == 200
    assert client.get(closed_post.attachments.get().get_url()).status_code == 404
