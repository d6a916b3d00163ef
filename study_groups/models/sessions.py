"""Concentrated study sessions (集中学习) of a study group."""

import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from study_groups.blocks import ReadingsBlock


class StudySessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Sessions that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.filter(ends_at__gte=now).order_by("starts_at", "pk")

    def past(self, now=None):
        """Sessions that have ended, latest first."""
        now = now or timezone.now()
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-pk")

    def visible_to(self, user):
        """Sessions of the groups the person may see."""
        from .groups import StudyGroupPage

        return self.filter(group__in=StudyGroupPage.objects.visible_to(user).values("pk"))

    def of_person(self, person):
        """Sessions of every group the person belongs to."""
        from .groups import StudyGroupPage

        return self.filter(group__in=StudyGroupPage.objects.of_person(person).values("pk"))

    def for_listing(self):
        return self.select_related("group", "facilitator")


class StudySession(models.Model):
    """A concentrated study session: a topic, readings, a time and length, a place, a facilitator."""

    group = models.ForeignKey(
        "study_groups.StudyGroupPage",
        verbose_name=_("study group"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    topic = models.CharField(pgettext_lazy("study session", "topic"), max_length=200)
    description = models.TextField(_("what the session is for"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration_hours = models.DecimalField(
        _("length (hours)"),
        max_digits=3,
        decimal_places=1,
        default=Decimal(3),
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    # Stored so that listings can ask "has it ended?" in the database.
    ends_at = models.DateTimeField(_("ends at"), editable=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    facilitator = models.ForeignKey(
        "people.Person",
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_study_sessions",
    )
    readings = StreamField(ReadingsBlock(), verbose_name=_("readings"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StudySessionQuerySet.as_manager()

    panels = [
        FieldPanel("group"),
        FieldPanel("topic"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_hours")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("facilitator")]),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("readings"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("study session")
        verbose_name_plural = _("study sessions")
        indexes = [models.Index(fields=["group", "starts_at"])]

    def __str__(self):
        return f"{self.topic} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    def save(self, *args, **kwargs):
        self.ends_at = self.starts_at + datetime.timedelta(hours=float(self.duration_hours))
        super().save(*args, **kwargs)

    @property
    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    def get_url(self) -> str:
        return f"{self.group.url}sessions/{self.pk}/"

    def attendance_details(self):
        """What the shared attendance model needs: the roster is the group's members, and the
        leader, secretary and facilitator organise (announce the code, decide leave)."""
        from attendance.rules import EventDetails
        from study_groups.membership import roster_of

        group = self.group
        organisers = [p for p in (group.leader, group.secretary, self.facilitator) if p]
        return EventDetails(
            title=f"{group.title} · {self.topic}",
            start=self.starts_at,
            end=self.ends_at,
            roster=roster_of(group),
            place=self.place,
            url=self.get_url(),
            organisers=organisers,
        )
