"""The weekly digest's record: one row per person and ISO week, so a week is never sent twice."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentDigest(models.Model):
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="study_group_digests",
    )
    iso_year = models.PositiveSmallIntegerField(_("year"))
    iso_week = models.PositiveSmallIntegerField(_("week"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    item_count = models.PositiveIntegerField(_("items"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent digest")
        verbose_name_plural = _("sent digests")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "iso_year", "iso_week"], name="study_groups_one_digest_a_week"
            )
        ]

    def __str__(self):
        return f"{self.person} {self.iso_year}-W{self.iso_week:02d}"
