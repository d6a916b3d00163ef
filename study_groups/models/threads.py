"""Discussion threads (讨论帖) between sessions: posts, replies, attachments and mentions."""

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class ThreadTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "study_groups.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads of the groups the person may see (a closed group's only to its members)."""
        from .groups import StudyGroupPage

        return self.filter(group__in=StudyGroupPage.objects.visible_to(user).values("pk"))

    def for_listing(self):
        """Each thread with its author, session, tags and counts, in a fixed number of queries."""
        return (
            self.select_related("author", "session", "group")
            .prefetch_related("tags")
            .annotate(
                reply_count=Count("posts", filter=Q(posts__hidden_at__isnull=True)) - 1,
                last_post_at=Max("posts__created_at"),
            )
            .order_by("-last_post_at", "-pk")
        )


class Thread(models.Model):
    """A conversation in one group, optionally about one of its sessions."""

    group = models.ForeignKey(
        "study_groups.StudyGroupPage",
        verbose_name=_("study group"),
        on_delete=models.CASCADE,
        related_name="threads",
    )
    session = models.ForeignKey(
        "study_groups.StudySession",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threads",
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        "people.Person",
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="study_group_threads",
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    tags = TaggableManager(through=ThreadTag, blank=True, verbose_name=_("tags"))

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")

    def __str__(self):
        return self.title

    def get_url(self) -> str:
        return f"{self.group.url}threads/{self.pk}/"

    @property
    def opening_post(self):
        return self.posts.order_by("created_at", "pk").first()


class PostQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden_at__isnull=True)

    def for_thread(self):
        """A thread's posts with everything the page shows, in a fixed number of queries."""
        return (
            self.select_related("author", "reply_to__author", "hidden_by")
            .prefetch_related("attachments")
            .order_by("created_at", "pk")
        )


class Post(models.Model):
    """One message in a thread. Its body is HTML cleaned by study_groups.cleaning on the way in."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        "people.Person",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="study_group_posts",
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"{self.author} · {self.thread}"

    def save(self, *args, **kwargs):
        # Whoever writes a post (the site, the admin, an import), only cleaned HTML is stored.
        from study_groups.cleaning import clean_post_html

        self.body = clean_post_html(self.body)
        super().save(*args, **kwargs)

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def get_url(self) -> str:
        return f"{self.thread.get_url()}#post-{self.pk}"


def attachment_path(instance, filename: str) -> str:
    # A random folder name: the file's name is kept for the download, never used to find it.
    suffix = PurePath(filename).suffix.lower()
    return f"group-attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class PostAttachment(models.Model):
    """A file attached to a post. Never served from MEDIA_URL: only through the group's own view."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name

    @property
    def extension(self) -> str:
        return PurePath(self.name).suffix.lstrip(".").upper()

    def get_url(self) -> str:
        return f"{self.post.thread.group.url}attachments/{self.pk}/"


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("mentioned you")
    SUMMARY_REVIEW = "summary_review", _("summary awaiting your approval")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something a person should know about: a mention, or a summary waiting for their approval."""

    recipient = models.ForeignKey(
        "people.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="study_group_notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        "people.Person",
        verbose_name=pgettext_lazy("notification", "by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    summary = models.ForeignKey(
        "study_groups.DiscussionSummaryPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            # Editing a post never mentions the same person twice.
            models.UniqueConstraint(
                fields=["recipient", "post", "kind"],
                condition=Q(post__isnull=False),
                name="study_groups_one_notification_per_post",
            )
        ]

    def __str__(self):
        return f"{self.recipient}: {self.get_kind_display()}"
