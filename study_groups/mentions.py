"""@mentions: a member named in a post with "@" is told, once, on the site and by e-mail.

Chinese names have no spaces around them, so a mention is found by looking for "@" followed by a
member's display name or username, not by splitting words; the longest name wins ("@张伟明" is not
"@张伟").
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .cleaning import plain_text
from .membership import members_of

logger = logging.getLogger(__name__)


def mentioned_members(text: str, group) -> list:
    """The group's members named with "@" in this text, each once."""
    if "@" not in text:
        return []
    members = list(members_of(group).select_related("user"))
    names = []
    for person in members:
        for name in {person.display_name, person.user.get_username()}:
            if name:
                names.append((name, person))
    # Longest names first, and each matched stretch of text is used up, so that "@张伟明" is not
    # also taken for "@张伟".
    names.sort(key=lambda item: len(item[0]), reverse=True)
    found = {}
    remaining = text
    for name, person in names:
        token = f"@{name}"
        if token in remaining:
            found.setdefault(person.pk, person)
            remaining = remaining.replace(token, " ")
    return list(found.values())


def notify_mentions(post, request=None) -> list:
    """Tell each newly mentioned member of the post's group (never its author); return them."""
    from .models import Notification, NotificationKind

    group = post.thread.group
    recipients = [
        person
        for person in mentioned_members(plain_text(post.body), group)
        if person.pk != post.author_id
    ]
    told = []
    for person in recipients:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=person, kind=NotificationKind.MENTION, actor=post.author, post=post
                )
        except IntegrityError:
            continue  # already told about this post, before an edit
        told.append(person)
        transaction.on_commit(lambda n=notification: email_mention(n, request))
    return told


def email_mention(notification, request=None) -> None:
    """E-mail one mention, in the recipient's site language (Chinese)."""
    recipient = notification.recipient
    if not recipient.user.email or not recipient.user.is_active:
        return
    post = notification.post
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notification": notification,
            "post": post,
            "thread": post.thread,
            "group": post.thread.group,
            "excerpt": plain_text(post.body)[:300],
            "url": base + post.get_url(),
        }
        subject = render_to_string("study_groups/email/mention_subject.txt", context).strip()
        body = render_to_string("study_groups/email/mention.txt", context)
    try:
        send_mail(subject, body, None, [recipient.user.email])
    except OSError:
        logger.exception("Could not e-mail a mention to %s", recipient.user.email)
        return
    type(notification).objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
