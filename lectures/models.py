"""Lectures (讲座): series, lecture pages, the monthly lecture rotation and calendar feeds."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.privacy import restrict_pages

from . import audience
from .blocks import MaterialsBlock

LECTURES_PER_PAGE = 12


class SeriesKind(models.TextChoices):
    THEORY_TUTORIAL = "theory_tutorial", _("theory tutorial")
    PARTY_CLASS = "party_class", _("Party class")
    EXPERT_LECTURE = "expert_lecture", _("expert lecture")
    MONTHLY_LECTURE = "monthly_lecture", _("monthly lecture")
    OTHER = "other", _("other lectures")


class LectureQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live lectures the user may see under Wagtail's view restrictions."""
        return restrict_pages(self, user)

    def upcoming(self, now: datetime.datetime | None = None):
        """Lectures not yet over, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime.datetime | None = None):
        """Lectures that are over, latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def for_audience_of(self, person):
        """Lectures whose audience includes this person (see lectures.audience)."""
        return self.filter(audience.lectures_for(person)).distinct()

    def in_month(self, year: int, month: int):
        return self.filter(start__year=year, start__month=month)

    def for_listing(self):
        """What a listing shows of each lecture, fetched in a fixed number of queries."""
        return self.select_related("series_page").prefetch_related(
            "speakers__person", "tags", "audience_departments"
        )


class LectureTag(TaggedItemBase):
    content_object = ParentalKey(
        "lectures.LecturePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LectureIndexPage(Page):
    """/lectures/: coming and past lectures, a month calendar, and filters."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["lectures.LectureSeriesPage"]
    max_count = 1

    class Meta:
        verbose_name = _("lecture index")

    def get_context(self, request, *args, **kwargs):
        from .browse import lecture_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lecture_listing_context(request, LecturePage.objects.descendant_of(self)))
        return context


class LectureSeriesPage(Page):
    """A series of lectures of one kind: theory tutorials, Party classes, expert lectures,
    monthly lectures."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=SeriesKind.choices, default=SeriesKind.OTHER
    )
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["lectures.LectureIndexPage"]
    subpage_types = ["lectures.LecturePage"]

    class Meta:
        verbose_name = _("lecture series")
        verbose_name_plural = _("lecture series")

    def get_context(self, request, *args, **kwargs):
        from .browse import lecture_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lecture_listing_context(request, LecturePage.objects.child_of(self), series=self)
        )
        return context


class LecturePage(Page):
    """One lecture: who speaks, when and where, for whom, what to read, and what was said."""

    series_page = models.ForeignKey(
        LectureSeriesPage,
        verbose_name=_("series"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept equal to the parent series, so listings need no tree query."),
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("For lectures held online: the meeting address on the office network."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=30,
        choices=audience.audience_choices,
        default=audience.EVERYONE,
    )
    audience_departments = ParentalManyToManyField(
        "people.Department",
        verbose_name=_("departments in the audience"),
        blank=True,
        related_name="lectures",
        help_text=_("Used when the audience is certain departments."),
    )
    audience_study_group = models.ForeignKey(
        "study_groups.StudyGroupPage",
        verbose_name=_("study group in the audience"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lectures",
        help_text=_("Used when the audience is a study group."),
    )
    abstract = RichTextField(
        _("abstract"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    materials = StreamField(
        MaterialsBlock(),
        verbose_name=_("materials"),
        blank=True,
        help_text=_("Slides and handouts, and the recording on the office's video server."),
    )
    summary = StreamField(
        BaseStreamBlock(),
        verbose_name=_("summary after the lecture"),
        blank=True,
        help_text=_("What was said and the main points of the discussion."),
    )
    tags = ClusterTaggableManager(through=LectureTag, blank=True, verbose_name=_("tags"))
    organisers = ParentalManyToManyField(
        "people.Person",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_lectures",
        help_text=_("They announce the check-in code, mark attendance and decide leave."),
    )
    record_attendance = models.BooleanField(
        _("record attendance"),
        default=True,
        help_text=_("Concentrated study: the audience checks in and absences are reported."),
    )

    objects = PageManager.from_queryset(LectureQuerySet)()

    content_panels = [
        *Page.content_panels,
        InlinePanel("speakers", label=_("Speakers"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("online_link"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("audience_departments"),
                FieldPanel("audience_study_group"),
            ],
            heading=_("Audience"),
        ),
        FieldPanel("abstract"),
        FieldPanel("materials"),
        InlinePanel("readings", label=_("Reading list")),
        FieldPanel("tags"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("record_attendance"), FieldPanel("organisers")],
            heading=_("Attendance"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("abstract"),
        index.SearchField("summary"),
        index.FilterField("start"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("speakers", [index.SearchField("name")]),
    ]

    parent_page_types = ["lectures.LectureSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lecture")
        verbose_name_plural = _("lectures")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A lecture cannot end before it starts.")})
        if not self.place and not self.online_link:
            raise ValidationError({"place": _("Give a place, an online link, or both.")})
        if self.audience == "study_group" and not self.audience_study_group_id:
            raise ValidationError(
                {"audience_study_group": _("Choose the study group the lecture is for.")}
            )

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.depth else None
        if parent is not None and parent.specific_class is LectureSeriesPage:
            self.series_page_id = parent.pk
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from attendance.rules import event_for

        from .views import check_in_context

        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speakers.select_related("person", "person__department")
        context["readings"] = self.visible_readings(request.user)
        context["audience_text"] = audience.describe(self)
        context.update(check_in_context(request, self, event_for(self)))
        return context

    # What lists and feeds show --------------------------------------------------------------

    @cached_property
    def speaker_names(self) -> str:
        return "、".join(s.display_name for s in self.speakers.all())

    @property
    def is_upcoming(self) -> bool:
        return self.end >= timezone.now()

    @property
    def summary_published(self) -> bool:
        return bool(self.summary) and self.live

    def visible_readings(self, user):
        from knowledge.models import ArticlePage

        visible = set(
            ArticlePage.objects.visible_to(user)
            .filter(pk__in=self.readings.values("article_id"))
            .values_list("pk", flat=True)
        )
        return [r for r in self.readings.select_related("article") if r.article_id in visible]

    def audience_people(self):
        return audience.audience_people(self)

    def attendance_details(self):
        """What attendance needs to know of this lecture (see attendance.rules.set_up_event)."""
        from attendance.rules import EventDetails

        return EventDetails(
            title=self.title,
            start=self.start,
            end=self.end,
            roster=self.audience_people(),
            place=self.place or str(_("online")),
            url=self.url or "",
            organisers=list(self.organisers.all()),
        )


class LectureSpeaker(Orderable):
    """A speaker: a person on the platform, or an invited expert with their affiliation."""

    page = ParentalKey(LecturePage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lecture_talks",
    )
    name = models.CharField(
        _("name of an invited expert"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty for a person on the platform."),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=200,
        blank=True,
        help_text=_("For example: the municipal Party School."),
    )
    role = models.CharField(_("title or role"), max_length=100, blank=True)

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("affiliation")]),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if not self.person_id and not self.name.strip():
            raise ValidationError(
                {"name": _("Choose a person or give the name of the invited expert.")}
            )

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.display_name
        return self.name

    @property
    def display_affiliation(self) -> str:
        if self.affiliation:
            return self.affiliation
        if self.person_id and self.person.department_id:
            return self.person.department.name
        return ""


class LectureReading(Orderable):
    """A knowledge article to read before or after the lecture."""

    page = ParentalKey(LecturePage, on_delete=models.CASCADE, related_name="readings")
    article = models.ForeignKey(
        "knowledge.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("why read it"), max_length=255, blank=True)

    panels = [FieldPanel("article"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("reading-list item")
        verbose_name_plural = _("reading list")


# --------------------------------------------------------------------------------------------
# The monthly lecture rotation (月月讲)


class SlotStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    MATERIALS_SUBMITTED = "materials_submitted", _("materials submitted")
    DELIVERED = "delivered", _("delivered")
    SUMMARY_PUBLISHED = "summary_published", _("summary published")


class SlotQuerySet(models.QuerySet):
    def of_year(self, year: int):
        return self.filter(year=year).order_by("month")

    def overdue(self, today: datetime.date | None = None):
        """Confirmed slots still waiting for materials after their due date."""
        today = today or timezone.localdate()
        return self.filter(
            confirmed=True, status=SlotStatus.PLANNED, materials_due__lt=today
        ).exclude(speaker=None)

    def for_speaker(self, person):
        return self.filter(speaker=person, confirmed=True)

    def coming(self, today: datetime.date | None = None):
        """Slots of this month and later that are not delivered yet."""
        today = today or timezone.localdate()
        return self.filter(
            Q(year__gt=today.year) | Q(year=today.year, month__gte=today.month),
            status__in=[SlotStatus.PLANNED, SlotStatus.MATERIALS_SUBMITTED],
        ).order_by("year", "month")

    def for_listing(self):
        return self.select_related(
            "speaker", "speaker__department", "lecture", "materials_document"
        )


class MonthlyLectureSlot(models.Model):
    """One month of the monthly lecture: a speaker, a topic, and how far it has got."""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(
        _("month"), choices=[(m, str(m)) for m in range(1, 13)]
    )
    speaker = models.ForeignKey(
        "people.Person",
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monthly_lecture_slots",
    )
    topic = models.CharField(_("topic"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=SlotStatus.choices, default=SlotStatus.PLANNED
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_("A proposal until the planner confirms the year's rotation."),
    )
    proposal_reason = models.CharField(_("why proposed"), max_length=255, blank=True)
    materials_due = models.DateField(_("materials due"), null=True, blank=True)
    materials_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("materials"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    materials_note = models.CharField(_("note on the materials"), max_length=255, blank=True)
    lecture = models.OneToOneField(
        LecturePage,
        verbose_name=_("lecture page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rotation_slot",
    )
    materials_submitted_at = models.DateTimeField(_("materials submitted"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    summary_published_at = models.DateTimeField(_("summary published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        ordering = ["year", "month"]
        verbose_name = _("monthly lecture slot")
        verbose_name_plural = _("monthly lecture slots")
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="lectures_one_slot_a_month")
        ]

    def __str__(self):
        who = self.speaker.display_name if self.speaker_id else "—"
        return f"{self.year}-{self.month:02d} · {who}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.confirmed
            and self.speaker_id is not None
            and self.status == SlotStatus.PLANNED
            and self.materials_due is not None
            and self.materials_due < today
        )

    @property
    def overdue(self) -> bool:
        return self.is_overdue()


class RotationExclusion(models.Model):
    """A time in which someone cannot give the monthly lecture: leave, secondment, training."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="rotation_exclusions",
    )
    starts = models.DateField(_("from"))
    ends = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=255)

    class Meta:
        ordering = ["starts"]
        verbose_name = _("rotation exclusion")
        verbose_name_plural = _("rotation exclusions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gte=models.F("starts")), name="lectures_exclusion_ends_after"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.starts}–{self.ends} · {self.reason}"

    def covers_month(self, year: int, month: int) -> bool:
        first = datetime.date(year, month, 1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return self.starts <= last and self.ends >= first


# --------------------------------------------------------------------------------------------
# Calendar feeds and reminders


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at=None)


class CalendarFeed(models.Model):
    """A person's private calendar address: anyone holding it sees their lectures, so it can be
    revoked and replaced."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="lecture_feeds",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(revoked_at=None), name="lectures_one_active_feed"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"


class SentReminder(models.Model):
    """A reminder e-mail that went out, so the same one never goes twice. A lecture moved to a
    new time is a new reminder."""

    lecture = models.ForeignKey(
        LecturePage, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="lecture_reminders"
    )
    start = models.DateTimeField(_("lecture start"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["lecture", "person", "start"], name="lectures_one_reminder_each"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.lecture} · {self.sent_at:%Y-%m-%d %H:%M}"
