import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.fields import RichTextField

from .character_count import count_characters
from .rich_text import sanitize_html

NOTE_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "blockquote", "link"]


def monday_of(day: datetime.date) -> datetime.date:
    """The Monday that starts `day`'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


# --------------------------------------------------------------------------- targets


class LearningTargets(BaseGenericSetting):
    """The yearly targets for each role, which the learning leadership group sets in the admin."""

    cadre_note_characters = models.PositiveIntegerField(
        _("study notes per year (characters)"), default=10_000
    )
    cadre_research_articles = models.PositiveSmallIntegerField(
        _("research articles per year"),
        default=1,
        help_text=_(
            "Research reports published in the knowledge library with the cadre as author."
        ),
    )
    central_note_characters = models.PositiveIntegerField(
        _("study notes per year (characters)"), default=15_000
    )
    central_research_articles = models.PositiveSmallIntegerField(
        _("research articles per year"), default=0
    )
    central_political_theory_books = models.PositiveSmallIntegerField(
        _("political theory books read per year"), default=1
    )
    central_classes_given = models.PositiveSmallIntegerField(
        _("Party classes or theory tutorials given per year"), default=1
    )
    central_newspaper_articles = models.PositiveSmallIntegerField(
        _("articles in a municipal-level or higher newspaper per year"), default=1
    )
    self_study_days_per_week = models.DecimalField(
        _("self-study days per week"),
        max_digits=2,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(7)],
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("cadre_note_characters"), FieldPanel("cadre_research_articles")],
            heading=_("Cadres"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("central_note_characters"),
                FieldPanel("central_research_articles"),
                FieldPanel("central_political_theory_books"),
                FieldPanel("central_classes_given"),
                FieldPanel("central_newspaper_articles"),
            ],
            heading=_("Members of the central study group"),
        ),
        FieldPanel("self_study_days_per_week"),
    ]

    class Meta:
        verbose_name = _("learning targets")


# --------------------------------------------------------------------------- plans


class Plan(ClusterableModel):
    """A person's learning plan for one year: goals, a monthly arrangement and weekly activities."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="learning_plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("what I want to achieve this year"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("year"),
        FieldPanel("summary"),
        InlinePanel("goals", label=_("Goals")),
        InlinePanel("months", label=_("Monthly arrangement")),
        InlinePanel("activities", label=_("Weekly activities")),
    ]

    class Meta:
        ordering = ["-year", "person__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="learning_one_plan_a_year")
        ]
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")

    def __str__(self):
        return f"{self.person} · {self.year}"


class GoalKind(models.TextChoices):
    READING = "reading", _("reading")
    WRITING = "writing", _("writing")
    SKILL = "skill", _("skill")
    RESEARCH = "research", _("research")
    OTHER = "other", _("other")


class Goal(models.Model):
    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="goals")
    kind = models.CharField(_("kind"), max_length=20, choices=GoalKind.choices)
    title = models.CharField(_("goal"), max_length=200)
    target_date = models.DateField(_("target date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    record = models.CharField(_("what was done"), max_length=500, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("target_date"),
        FieldPanel("done_on"),
        FieldPanel("record"),
    ]

    class Meta:
        ordering = ["target_date", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.title

    @property
    def done(self) -> bool:
        return self.done_on is not None


class MonthlyArrangement(models.Model):
    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="months")
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    content = models.TextField(_("arrangement"), max_length=2000)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    record = models.CharField(_("what was done"), max_length=500, blank=True)

    panels = [
        FieldPanel("month"),
        FieldPanel("content"),
        FieldPanel("done_on"),
        FieldPanel("record"),
    ]

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "month"], name="learning_one_arrangement_a_month"
            )
        ]
        verbose_name = _("monthly arrangement")
        verbose_name_plural = _("monthly arrangements")

    def __str__(self):
        return f"{self.month}: {self.content[:40]}"


class WeeklyActivity(models.Model):
    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="activities")
    week_start = models.DateField(_("week"), help_text=_("The Monday of the week."))
    title = models.CharField(_("activity"), max_length=200)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    record = models.CharField(_("what was done"), max_length=500, blank=True)

    panels = [
        FieldPanel("week_start"),
        FieldPanel("title"),
        FieldPanel("done_on"),
        FieldPanel("record"),
    ]

    class Meta:
        ordering = ["week_start", "pk"]
        verbose_name = _("weekly activity")
        verbose_name_plural = _("weekly activities")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.week_start = monday_of(self.week_start)
        super().save(*args, **kwargs)

    @property
    def week_end(self) -> datetime.date:
        return self.week_start + datetime.timedelta(days=6)

    @property
    def iso_week(self) -> int:
        return self.week_start.isocalendar().week

    @property
    def done(self) -> bool:
        return self.done_on is not None


# --------------------------------------------------------------------------- four ones


class RecordKind(models.TextChoices):
    ARTICLE = "article", _("article read")
    BOOK = "book", _("book read")
    THEORY = "theory", _("theoretical article written")
    SKILL = "skill", _("skill mastered")
    CLASS_GIVEN = "class_given", _("Party class or theory tutorial given")
    NEWSPAPER = "newspaper", _("article published in a newspaper")


class NewspaperLevel(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCIAL = "provincial", _("provincial")
    MUNICIPAL = "municipal", _("municipal")
    LOCAL = "local", _("below municipal level")


COUNTING_NEWSPAPER_LEVELS = (
    NewspaperLevel.NATIONAL,
    NewspaperLevel.PROVINCIAL,
    NewspaperLevel.MUNICIPAL,
)


class FourOnesRecord(models.Model):
    """Something a person read, wrote, mastered or gave: the evidence for the four ones."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="four_ones_records",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RecordKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    article = models.ForeignKey(
        "knowledge.ArticlePage",
        verbose_name=_("knowledge library article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(
        _("link"), blank=True, help_text=_("A book, lecture or web page, where there is one.")
    )
    description = models.CharField(_("short record"), max_length=500, blank=True)
    political_theory = models.BooleanField(
        _("political theory book"),
        default=False,
        help_text=_("Counts toward the central study group's political theory book."),
    )
    newspaper_level = models.CharField(
        _("newspaper level"), max_length=20, choices=NewspaperLevel.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("article"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("political_theory"),
        FieldPanel("newspaper_level"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["person", "kind", "date"])]
        verbose_name = _("four-ones record")
        verbose_name_plural = _("four-ones records")

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind == RecordKind.NEWSPAPER and not self.newspaper_level:
            raise ValidationError(
                {"newspaper_level": _("Say at what level the newspaper is published.")}
            )


# --------------------------------------------------------------------------- self-study


class SelfStudyWeek(models.Model):
    """The self-study a person did in one week (the rule: at least one day a week)."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="self_study_weeks",
    )
    week_start = models.DateField(_("week"), help_text=_("The Monday of the week."))
    days = models.DecimalField(
        _("days of self-study"),
        max_digits=2,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(7)],
        help_text=_("Half days are fine: 0.5, 1, 1.5 …"),
    )
    content = models.CharField(_("what I studied"), max_length=500, blank=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("week_start"),
        FieldPanel("days"),
        FieldPanel("content"),
    ]

    class Meta:
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "week_start"], name="learning_one_self_study_log_a_week"
            )
        ]
        verbose_name = _("self-study week")
        verbose_name_plural = _("self-study weeks")

    def __str__(self):
        return f"{self.person} · {self.week_start}"

    def save(self, *args, **kwargs):
        self.week_start = monday_of(self.week_start)
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------- notes


class Visibility(models.TextChoices):
    PRIVATE = "private", _("private")
    DEPARTMENT = "department", _("my department")
    EVERYONE = "everyone", _("everyone")


class SourceKind(models.TextChoices):
    BOOK = "book", _("a book")
    ARTICLE = "article", _("an article")
    LECTURE = "lecture", _("a lecture")
    SESSION = "session", _("a study session")
    OTHER = "other", _("other")


class NoteTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "learning.Note", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NoteQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The notes `user` may see: the one place that decides it for every page, list and export.

        - their own notes, whatever the visibility;
        - notes shared with everyone;
        - notes shared with the department, if they are in the author's department;
        - every note of the people they inspect: a department head sees the notes (private ones
          included) of their department's cadres; a leader in charge sees those of the heads of
          the departments they oversee (see learning.inspectors).
        Superusers get nothing more: a private note stays between its author and their inspector.
        """
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from .inspectors import inspected_by, person_of

        condition = Q(visibility=Visibility.EVERYONE)
        person = person_of(user)
        if person is not None:
            condition |= Q(author=person)
            if person.department_id:
                condition |= Q(
                    visibility=Visibility.DEPARTMENT, author__department_id=person.department_id
                )
            condition |= Q(Exists(inspected_by(person).filter(pk=OuterRef("author_id"))))
        return self.filter(condition)

    def of_year(self, year: int):
        return self.filter(date__year=year)

    def for_listing(self):
        return self.select_related("author").prefetch_related("tags")


class Note(models.Model):
    """A study note (学习笔记): counted in characters against the author's yearly target."""

    author = models.ForeignKey(
        "people.Person", verbose_name=_("author"), on_delete=models.CASCADE, related_name="notes"
    )
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("note"), features=NOTE_FEATURES)
    date = models.DateField(_("date"), default=timezone.localdate)
    source_kind = models.CharField(
        _("source"), max_length=20, choices=SourceKind.choices, default=SourceKind.BOOK
    )
    source = models.CharField(
        _("source title"),
        max_length=200,
        blank=True,
        help_text=_("The book, article, lecture or study session, or anything else in your words."),
    )
    tags = TaggableManager(through=NoteTag, blank=True, verbose_name=_("tags"))
    visibility = models.CharField(
        _("who can see it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        help_text=_(
            "Private: you and the person who inspects your notes. My department: your department "
            "as well. Everyone: the whole office, and the note can be found by search."
        ),
    )
    characters = models.PositiveIntegerField(_("characters"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NoteQuerySet.as_manager()

    panels = [
        FieldPanel("author"),
        FieldPanel("title"),
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("source_kind"), FieldPanel("source")], heading=_("Source")),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("visibility"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["author", "date"])]
        verbose_name = _("study note")
        verbose_name_plural = _("study notes")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Clean and count on every save, whichever form (site, admin, import) wrote the body.
        self.body = sanitize_html(self.body)
        self.characters = count_characters(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body", "characters"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("learning:note", args=[self.pk])


# --------------------------------------------------------------------------- inspection


class Mark(models.TextChoices):
    GOOD = "good", _("good")
    ADEQUATE = "adequate", _("adequate")
    BEHIND = "behind", _("behind")


class InspectionQuerySet(models.QuerySet):
    def of_month(self, year: int, month: int):
        return self.filter(year=year, month=month)


class Inspection(models.Model):
    """One month's inspection of a person's notes, kept for good for the year-end assessment."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person inspected"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    inspector = models.ForeignKey(
        "people.Person",
        verbose_name=_("inspector"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="inspections_made",
    )
    # The name is kept as well: the record must read the same after the inspector has left.
    inspector_name = models.CharField(_("inspector's name"), max_length=100)
    mark = models.CharField(_("mark"), max_length=20, choices=Mark.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    # What the inspector saw, frozen at the time of the inspection.
    notes_count = models.PositiveIntegerField(_("notes this month"), default=0)
    characters_month = models.PositiveIntegerField(_("characters this month"), default=0)
    characters_year = models.PositiveIntegerField(_("characters this year"), default=0)
    target_characters = models.PositiveIntegerField(_("yearly target"), default=0)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InspectionQuerySet.as_manager()

    panels = [
        FieldPanel("person", read_only=True),
        FieldPanel("year", read_only=True),
        FieldPanel("month", read_only=True),
        FieldPanel("inspector_name", read_only=True),
        FieldPanel("mark"),
        FieldPanel("comment"),
    ]

    class Meta:
        ordering = ["-year", "-month", "person__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year", "month"], name="learning_one_inspection_a_month"
            )
        ]
        verbose_name = _("notes inspection")
        verbose_name_plural = _("notes inspections")

    def __str__(self):
        return f"{self.person} · {self.year}-{self.month:02d}"


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class InspectionNoticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=NoticeStatus.PUBLISHED)

    def visible_to(self, user):
        """Everyone sees published notices; the learning leadership group sees drafts too."""
        from .permissions import may_edit_notices

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if may_edit_notices(user):
            return self.all()
        return self.published()


class InspectionNotice(models.Model):
    """The notice (通报) of a month's inspection results, drafted by Gongxue, published by the
    learning leadership group."""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("notice"), features=NOTE_FEATURES)
    status = models.CharField(
        _("status"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT
    )
    drafted_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InspectionNoticeQuerySet.as_manager()

    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("status")]

    class Meta:
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="learning_one_notice_a_month")
        ]
        verbose_name = _("inspection notice")
        verbose_name_plural = _("inspection notices")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("learning:notice", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == NoticeStatus.PUBLISHED
