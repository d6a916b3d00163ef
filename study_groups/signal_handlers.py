import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.signals import page_published, task_submitted

logger = logging.getLogger(__name__)


def _enqueue(obj) -> None:
    """Ask search to refresh a document; search/ arrives with another branch, so it may be absent."""
    try:
        from search.indexing import enqueue
    except ImportError:
        return
    enqueue(obj)


def group_saving(sender, instance, **kwargs):
    """Who belongs to the group before this save, so that group_saved can tell who joined or left.

    Read from the database: the page row and its members are written only after this."""
    from .models import StudyGroupPage

    instance._people_before = set()
    if instance.pk:
        before = StudyGroupPage.objects.filter(pk=instance.pk)
        instance._people_before.update(
            pk
            for pk in (
                *before.values_list("members", flat=True),
                *(before.values_list("leader_id", "secretary_id").first() or ()),
            )
            if pk
        )


def group_saved(sender, instance, **kwargs):
    """Keep the admin access, the coming sessions' rosters and who may search the group's content
    in step with the group.

    What the group's threads and summaries show of it (title, openness, department, people) is
    re-indexed by search, from the dependencies declared in search_documents.py.
    """
    from home.header import changed_for

    from .admin_access import sync_group_access
    from .membership import roster_of

    sync_group_access(instance)
    sync_rosters(instance)
    # Whoever joined or left holds, or no longer holds, the group's search principal: their next
    # search works their principals out again (search keeps them in the session for a minute).
    joined_or_left = getattr(instance, "_people_before", set()) ^ set(roster_of(instance))
    if joined_or_left:
        changed_for(joined_or_left)


def sync_rosters(group) -> None:
    """Members who join or leave are added to or dropped from the coming sessions' rosters."""
    from django.utils import timezone

    from attendance.models import AttendanceEvent
    from attendance.rules import sync_roster

    from .membership import roster_of
    from .models import StudySession

    coming = StudySession.objects.filter(group=group, ends_at__gte=timezone.now())
    roster = roster_of(group)
    for event in AttendanceEvent.objects.filter(
        content_type__app_label="study_groups",
        content_type__model="studysession",
        object_id__in=list(coming.values_list("pk", flat=True)),
        closed_at=None,
    ):
        sync_roster(event, roster)


def session_saved(sender, instance, **kwargs):
    """Each session has its attendance event: times, place, organisers and roster follow it."""
    from attendance.rules import set_up_event

    set_up_event(instance)


def group_published(sender, instance, **kwargs):
    """Published means the new members are saved too: lectures for the group follow them."""
    from .audience import resync_lectures

    resync_lectures(instance)


def post_changed(sender, instance, **kwargs):
    """A thread's search document holds its posts' text: a post saved or deleted refreshes it."""
    from .models import Thread

    thread = Thread.objects.filter(pk=instance.thread_id).first()
    if thread is not None:
        _enqueue(thread)


def tell_leader_about_summary(sender, instance, user=None, **kwargs):
    """A summary was submitted: the group leader gets a notice on the site and an e-mail."""
    from .models import (
        DiscussionSummaryPage,
        Notification,
        NotificationKind,
        StudyGroupLeaderApprovalTask,
    )

    task = instance.task.specific
    if not isinstance(task, StudyGroupLeaderApprovalTask):
        return
    summary = instance.workflow_state.content_object
    summary = DiscussionSummaryPage.objects.filter(pk=summary.pk).first()
    if summary is None:
        return
    group = summary.group
    leader = group.leader
    if leader is None:
        return
    actor = getattr(user, "person", None) if user is not None else None
    Notification.objects.create(
        recipient=leader, kind=NotificationKind.SUMMARY_REVIEW, actor=actor, summary=summary
    )
    if not leader.user.email:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "summary": summary,
            "group": group,
            "actor": actor,
            "url": f"{base}/admin/pages/{summary.pk}/edit/",
        }
        subject = render_to_string("study_groups/email/review_subject.txt", context).strip()
        body = render_to_string("study_groups/email/review.txt", context)

    def send():
        try:
            send_mail(subject, body, None, [leader.user.email])
        except OSError:
            logger.exception("Could not e-mail the review request to %s", leader.user.email)

    transaction.on_commit(send)


def notification_sent(sender, instance, created, **kwargs):
    """A new notification shows in its recipient's header on their next page, not a minute on."""
    if created:
        from home.header import changed_for

        changed_for([instance.recipient_id])


def register():
    from .models import Notification, Post, StudyGroupPage, StudySession

    post_save.connect(
        session_saved, sender=StudySession, dispatch_uid="study_groups.session_attendance"
    )
    pre_save.connect(group_saving, sender=StudyGroupPage, dispatch_uid="study_groups.group_saving")
    post_save.connect(group_saved, sender=StudyGroupPage, dispatch_uid="study_groups.group_saved")
    post_save.connect(post_changed, sender=Post, dispatch_uid="study_groups.post_saved")
    post_delete.connect(post_changed, sender=Post, dispatch_uid="study_groups.post_deleted")
    page_published.connect(
        group_published, sender=StudyGroupPage, dispatch_uid="study_groups.group_published"
    )
    task_submitted.connect(tell_leader_about_summary, dispatch_uid="study_groups.review_notice")
    post_save.connect(
        notification_sent, sender=Notification, dispatch_uid="study_groups.notification_sent"
    )
