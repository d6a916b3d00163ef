"""Attendance (考勤) at every concentrated study event: lectures, study-group sessions and more.

An `AttendanceEvent` is linked to the thing it records (a lecture page, a study session ...) by a
generic relation, and copies the title, times and link it needs, so that reports never have to
load the event itself and survive the event's deletion. The rules that change attendance live in
`attendance.rules`; reports in `attendance.reports`.
"""

import datetime
import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CODE_LENGTH = 6


def content_type_of(obj) -> ContentType:
    """The content type an event object is recorded under; a page counts as its specific type."""
    # A page fetched as a plain `Page` must still find the attendance of its LecturePage.
    model = getattr(obj, "specific_class", None) or type(obj)
    return ContentType.objects.get_for_model(model)


def new_code() -> str:
    """A fresh session code: six digits, easy to read aloud and type on a phone."""
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


class Status(models.TextChoices):
    EXPECTED = "expected", _("not yet recorded")
    PRESENT = "present", _("present")
    LATE = "late", _("late")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent without reason")


# The results an event ends with; "expected" only exists until the event is closed.
RESULTS = [Status.PRESENT, Status.LATE, Status.EXCUSED, Status.ABSENT]


class Method(models.TextChoices):
    CODE = "code", _("checked in with the code")
    ORGANISER = "organiser", _("marked by the organiser")
    LEAVE = "leave", _("approved leave")
    CLOSING = "closing", _("recorded when the event was closed")


class AttendanceEventQuerySet(models.QuerySet):
    def for_object(self, obj):
        """The attendance event of this lecture, session or other event object."""
        return self.filter(content_type=content_type_of(obj), object_id=obj.pk)

    def between(self, start: datetime.date | None, end: datetime.date | None):
        """Events starting on or after `start` and on or before `end` (local dates, inclusive)."""
        qs = self
        if start:
            qs = qs.filter(start__date__gte=start)
        if end:
            qs = qs.filter(start__date__lte=end)
        return qs

    def organised_by(self, person):
        return self.filter(organisers=person)

    def open_for_closing(self, now: datetime.datetime):
        """Events that ended (and whose check-in window closed) but were not closed yet."""
        return self.filter(closed_at=None, end__lt=now)


class AttendanceEvent(models.Model):
    """One concentrated study event whose attendance is recorded."""

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("event id"), null=True, blank=True)
    event = GenericForeignKey("content_type", "object_id")

    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("address of the event"), max_length=500, blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    organisers = models.ManyToManyField(
        "people.Person",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_attendance_events",
    )
    code = models.CharField(
        _("session code"),
        max_length=CODE_LENGTH,
        default=new_code,
        help_text=_("Attendees type this code to check in; the organiser announces it."),
    )
    opens_before = models.PositiveSmallIntegerField(
        _("check-in opens (minutes before the start)"), default=30
    )
    closes_after = models.PositiveSmallIntegerField(
        _("check-in closes (minutes after the end)"), default=0
    )
    late_after = models.PositiveSmallIntegerField(
        _("late after (minutes after the start)"),
        default=10,
        help_text=_("A check-in later than this is recorded as late."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AttendanceEventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "pk"]
        verbose_name = _("attendance event")
        verbose_name_plural = _("attendance events")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(content_type__isnull=False),
                name="attendance_one_event_per_object",
            ),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="attendance_event_ends_after_start"
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.title} ({local:%Y-%m-%d %H:%M})"

    @property
    def window_opens(self) -> datetime.datetime:
        return self.start - datetime.timedelta(minutes=self.opens_before)

    @property
    def window_closes(self) -> datetime.datetime:
        return self.end + datetime.timedelta(minutes=self.closes_after)

    @property
    def late_from(self) -> datetime.datetime:
        return self.start + datetime.timedelta(minutes=self.late_after)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def window_is_open(self, now: datetime.datetime) -> bool:
        return self.window_opens <= now <= self.window_closes and not self.is_closed

    @property
    def kind_label(self) -> str:
        """What kind of event this is ("lecture", "study session" ...), for reports."""
        if self.content_type_id:
            model = ContentType.objects.get_for_id(self.content_type_id).model_class()
            if model is not None:
                return str(model._meta.verbose_name)
        return str(_("concentrated study"))


class AttendanceRecordQuerySet(models.QuerySet):
    def for_reports(self):
        return self.select_related("event", "person", "person__department", "person__user")

    def between(self, start: datetime.date | None, end: datetime.date | None):
        qs = self
        if start:
            qs = qs.filter(event__start__date__gte=start)
        if end:
            qs = qs.filter(event__start__date__lte=end)
        return qs

    def absent_without_reason(self):
        return self.filter(status=Status.ABSENT)

    def in_departments(self, departments):
        return self.filter(person__department__in=departments)


class AttendanceRecord(models.Model):
    """One person's row on an event's roster and, once known, their result."""

    event = models.ForeignKey(
        AttendanceEvent,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="records",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="attendance_records",
    )
    expected = models.BooleanField(
        _("on the roster"),
        default=True,
        help_text=_("Expected from the event's audience; otherwise added by the organiser."),
    )
    status = models.CharField(
        _("result"), max_length=20, choices=Status.choices, default=Status.EXPECTED
    )
    method = models.CharField(_("recorded by"), max_length=20, choices=Method.choices, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("remark"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AttendanceRecordQuerySet.as_manager()

    class Meta:
        ordering = ["event", "person__department__sort_order", "person__display_name"]
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="attendance_one_record_each")
        ]

    def __str__(self):
        return f"{self.person} · {self.event.title} · {self.get_status_display()}"

    @property
    def has_result(self) -> bool:
        return self.status != Status.EXPECTED


class LeaveStatus(models.TextChoices):
    PENDING = "pending", _("awaiting a decision")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not approved")


class LeaveRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=LeaveStatus.PENDING)


class LeaveRequest(models.Model):
    """A request (请假) to be excused from an event, with a reason, decided by an organiser."""

    event = models.ForeignKey(
        AttendanceEvent,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="leave_requests",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="leave_requests",
    )
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(
        _("decision"), max_length=20, choices=LeaveStatus.choices, default=LeaveStatus.PENDING
    )
    decided_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("comment on the decision"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    objects = LeaveRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("leave request")
        verbose_name_plural = _("leave requests")
        constraints = [
            # At most one open request per person and event; a refused one may be asked again.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status="pending"),
                name="attendance_one_pending_leave_each",
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.event.title} · {self.get_status_display()}"
