"""The search outbox (changes waiting for the index) and the database copy of every document.

A change to anything searchable writes an OutboxEntry in the same transaction as the change, so
that a committed change is never forgotten, even when Elasticsearch is down or the worker stops.
The applier (search.indexing.apply_pending) turns entries into index writes after commit.

SearchEntry keeps each document as the index has it, in the database: search answers from it when
Elasticsearch is not configured or is down.

SynonymGroup is a set of words the office uses for the same thing, kept by editors: a search for
one finds the others (search.synonyms).

MissedSearch counts, day by day, the words people searched for and found nothing: what the office
wants to learn and the library does not hold yet. Only the words and a count; never who.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxQuerySet(models.QuerySet):
    def pending(self):
        """Entries not yet applied to the index."""
        return self.filter(applied_at__isnull=True)

    def due(self, now=None):
        """Pending entries whose next attempt has come."""
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())


class OutboxEntry(models.Model):
    """One object of a registered source that changed and must be written to (or deleted from) the index."""

    source = models.CharField(_("source"), max_length=50)
    object_pk = models.CharField(_("object"), max_length=64)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("search outbox entry")
        verbose_name_plural = _("search outbox")
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=models.Q(applied_at__isnull=True),
                name="search_outbox_pending",
            ),
            models.Index(fields=["applied_at"], name="search_outbox_applied"),
        ]

    def __str__(self):
        return f"{self.source}:{self.object_pk}"


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, principals: list[str] | None):
        """Entries a person with these principals may see (None: a superuser, everything)."""
        if principals is None:
            return self
        if not principals:
            return self.none()
        condition = models.Q()
        for principal in principals:
            condition |= models.Q(access__contains=f" {principal} ")
        return self.filter(condition)


class SearchEntry(models.Model):
    """The database copy of one indexed document (see the module docstring)."""

    doc_id = models.CharField(_("document"), max_length=120, unique=True)
    source = models.CharField(_("source"), max_length=50)
    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    # The title as written, when it differs from the normalised `title` (see SearchDocument).
    shown_title = models.CharField(_("title as written"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    shown_body = models.TextField(_("body as written"), blank=True)
    # Tags, people, department and study group as words, for matching in the fallback search.
    meta = models.TextField(_("keywords"), blank=True)
    # The body's words in ASCII letters and digits, lower-cased (the index's body_words): the
    # fallback finds English words and numbers here with a plain LIKE, not a case-insensitive
    # expression over the whole body.
    words = models.TextField(_("English words and numbers"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    # "\ntag one\ntag two\n": one `contains` finds a tag exactly, on SQLite as on PostgreSQL.
    tags = models.TextField(_("tags"), blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    study_group = models.CharField(_("study group"), max_length=200, blank=True)
    # " staff group:3 user:7 ": principals between spaces, so one `contains` finds each exactly.
    access = models.TextField(_("who may see it"))
    version = models.BigIntegerField(_("version"))
    # The document's fingerprint (search.indexing.fingerprint), so that `search_index --check`
    # finds a stale copy as it finds a stale index document.
    fingerprint = models.CharField(_("fingerprint"), max_length=32, blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split("\n") if t]


class MissedSearchQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(day__gte=day)

    def by_words(self):
        """One row a search: its words, times searched, on how many days, and the last day."""
        return (
            self.values("words")
            .annotate(
                times=models.Sum("times"),
                days=models.Count("day"),
                last_day=models.Max("day"),
            )
            .order_by("-times", "-last_day", "words")
        )


class MissedSearch(models.Model):
    """How often, on one day, a search found nothing (see the module docstring)."""

    words = models.CharField(_("search words"), max_length=100)
    day = models.DateField(_("day"), default=timezone.localdate)
    times = models.PositiveIntegerField(_("times searched"), default=0)

    objects = MissedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        constraints = [
            models.UniqueConstraint(fields=["words", "day"], name="search_missed_words_day")
        ]
        indexes = [models.Index(fields=["day"], name="search_missed_day")]

    def __str__(self):
        return self.words


class SynonymGroup(models.Model):
    """Words that mean the same to the office (an abbreviation and its full form, a programme's
    Chinese and English names): a search for one also finds the others."""

    words = models.TextField(
        _("words"),
        help_text=_(
            "Words that mean the same, separated by commas, enumeration commas (、) or new lines, "
            "e.g. 放管服、简政放权、放管结合、优化服务."
        ),
    )
    note = models.CharField(_("remarks"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")
        ordering = ["-updated_at"]

    def __str__(self):
        from .synonyms import words_of

        return "、".join(words_of(self.words))

    def clean(self):
        from .synonyms import MAX_WORD_LENGTH, MAX_WORDS, words_of

        words = words_of(self.words)
        if len(words) < 2:
            raise ValidationError(
                {"words": _("Write at least two different words that mean the same.")}
            )
        if len(words) > MAX_WORDS:
            raise ValidationError(
                {"words": _("A group holds at most %(count)s words.") % {"count": MAX_WORDS}}
            )
        long = [w for w in words if len(w) > MAX_WORD_LENGTH]
        if long:
            raise ValidationError(
                {
                    "words": _("“%(word)s” is longer than %(count)s characters.")
                    % {"word": long[0][:20] + "…", "count": MAX_WORD_LENGTH}
                }
            )
