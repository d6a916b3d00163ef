"""What members do in threads: start one, reply, edit within the allowed time, and hide (leaders).

Views call these; they do the writing, the mentions and the re-indexing in one place.
"""

import datetime
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .cleaning import clean_post_html
from .mentions import notify_mentions
from .models import Post, PostAttachment, Thread


def edit_window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.GONGXUE_POST_EDIT_MINUTES)


def may_edit(post, person, now=None) -> bool:
    """The author may change their post within the edit window, unless it was hidden."""
    if person is None or post.author_id != person.pk or post.is_hidden:
        return False
    now = now or timezone.now()
    return now - post.created_at <= edit_window()


def may_hide(post, person) -> bool:
    """Only the group's leader hides (and shows again) posts."""
    return person is not None and post.thread.group.leader_id == person.pk


def _attach(post, files) -> None:
    for upload in files:
        PostAttachment.objects.create(
            post=post, file=upload, name=PurePath(upload.name).name[:255], size=upload.size
        )


@transaction.atomic
def start_thread(group, author, *, title, body, session=None, tags=(), files=(), request=None):
    thread = Thread.objects.create(group=group, author=author, title=title, session=session)
    if tags:
        thread.tags.set(list(tags))
    post = Post.objects.create(thread=thread, author=author, body=clean_post_html(body))
    _attach(post, files)
    notify_mentions(post, request)
    return thread


@transaction.atomic
def reply(thread, author, *, body, reply_to=None, files=(), request=None):
    if reply_to is not None and reply_to.thread_id != thread.pk:
        reply_to = None
    post = Post.objects.create(
        thread=thread, author=author, body=clean_post_html(body), reply_to=reply_to
    )
    _attach(post, files)
    notify_mentions(post, request)
    return post


@transaction.atomic
def edit_post(post, person, *, body, now=None, request=None):
    """Change the text; the post then shows that it was edited, and when."""
    if not may_edit(post, person, now):
        raise PermissionDenied
    post.body = clean_post_html(body)
    post.edited_at = now or timezone.now()
    post.save(update_fields=["body", "edited_at"])
    notify_mentions(post, request)
    return post


@transaction.atomic
def hide_post(post, person, *, reason: str):
    """The leader hides a post; the reason is kept with it."""
    if not may_hide(post, person):
        raise PermissionDenied
    post.hidden_at = timezone.now()
    post.hidden_by = person
    post.hidden_reason = reason.strip()
    post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return post


@transaction.atomic
def show_post(post, person):
    """The leader shows a hidden post again; who hid it and why stay on the post's record."""
    if not may_hide(post, person):
        raise PermissionDenied
    post.hidden_at = None
    post.save(update_fields=["hidden_at"])
    return post
