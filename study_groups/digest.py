"""The weekly digest: each member hears, once per ISO week, what is new in their groups.

New means since the member's previous digest (or the last seven days, for a first digest):
threads started, replies posted (not their own, not hidden) and summaries published. Nobody is
sent an empty digest, and a SentDigest row per person and week makes a second run in the same
week send nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from people.models import Person

from .cleaning import plain_text
from .models import DiscussionSummaryPage, Post, SentDigest, StudyGroupPage, Thread


@dataclass
class Digest:
    person: Person
    since: datetime.datetime
    threads: list = field(default_factory=list)
    replies: list = field(default_factory=list)
    summaries: list = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return len(self.threads) + len(self.replies) + len(self.summaries)

    @property
    def is_empty(self) -> bool:
        return self.item_count == 0


def iso_week(moment: datetime.datetime) -> tuple[int, int]:
    year, week, _weekday = timezone.localtime(moment).isocalendar()
    return year, week


def recipients():
    """People who belong to at least one live group and can receive e-mail."""
    groups = StudyGroupPage.objects.live()
    ids = set(groups.values_list("members", flat=True))
    ids |= set(groups.values_list("leader", flat=True))
    ids |= set(groups.values_list("secretary", flat=True))
    ids.discard(None)
    return (
        Person.objects.filter(pk__in=ids, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def build_digest(person, now=None) -> Digest:
    """What is new for this person since their last digest."""
    now = now or timezone.now()
    last = SentDigest.objects.filter(person=person).order_by("-sent_at").first()
    since = last.sent_at if last else now - datetime.timedelta(days=7)
    groups = StudyGroupPage.objects.live().of_person(person)
    group_ids = list(groups.values_list("pk", flat=True))
    digest = Digest(person=person, since=since)
    if not group_ids:
        return digest
    digest.threads = list(
        Thread.objects.filter(group__in=group_ids, created_at__gt=since, created_at__lte=now)
        .exclude(author=person)
        .select_related("group", "author")
        .order_by("created_at")
    )
    new_thread_ids = {thread.pk for thread in digest.threads}
    replies = (
        Post.objects.filter(
            thread__group__in=group_ids,
            created_at__gt=since,
            created_at__lte=now,
            hidden_at__isnull=True,
        )
        .exclude(author=person)
        .exclude(thread__in=new_thread_ids)
        .select_related("thread__group", "author")
        .order_by("created_at")
    )
    # The opening post of a thread is the thread itself, not a reply.
    digest.replies = [post for post in replies if post.thread.created_at < post.created_at]
    paths = list(groups.values_list("path", flat=True))
    summaries = DiscussionSummaryPage.objects.live().filter(
        first_published_at__gt=since, first_published_at__lte=now
    )
    digest.summaries = [
        summary
        for summary in summaries.order_by("first_published_at")
        if any(summary.path.startswith(path) for path in paths)
    ]
    return digest


def render(digest: Digest) -> tuple[str, str]:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "digest": digest,
            "base": base,
            "threads": [(t, base + t.get_url()) for t in digest.threads],
            "replies": [(p, base + p.get_url(), plain_text(p.body)[:140]) for p in digest.replies],
            "summaries": [(s, base + s.url) for s in digest.summaries],
        }
        subject = render_to_string("study_groups/email/digest_subject.txt", context).strip()
        body = render_to_string("study_groups/email/digest.txt", context)
    return subject, body


def send_digest(person, now=None) -> str:
    """Send this week's digest to one person: 'sent', 'nothing new' or 'already sent'."""
    now = now or timezone.now()
    year, week = iso_week(now)
    if SentDigest.objects.filter(person=person, iso_year=year, iso_week=week).exists():
        return "already sent"
    digest = build_digest(person, now)
    if digest.is_empty:
        return "nothing new"
    subject, body = render(digest)
    try:
        with transaction.atomic():
            # The record first: a second run racing this one stops at the unique constraint.
            SentDigest.objects.create(
                person=person,
                iso_year=year,
                iso_week=week,
                sent_at=now,
                item_count=digest.item_count,
            )
            send_mail(subject, body, None, [person.user.email])
    except IntegrityError:
        return "already sent"
    return "sent"
