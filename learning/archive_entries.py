"""Learning's own entries in the growth archive: plans and how they went, the four ones, study
notes in counts and characters (never titles: the archive's viewers need not see private notes),
self-study, the five haves, and the monthly inspection marks."""

import datetime
from collections import defaultdict

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractIsoYear, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _

from .archive import ArchiveEntry
from .four_ones import local_today
from .inspection import month_label
from .inspectors import person_of
from .models import FourOnesRecord, Inspection, Note, Plan, RecordKind, SelfStudyWeek
from .progress import days_text, month_end, progress_for

ARTICLE_TITLES_SHOWN = 5


def learning_entries(person, years: range, viewer) -> list[ArchiveEntry]:
    entries: list[ArchiveEntry] = []
    today = local_today()
    own = person_of(viewer) is not None and person_of(viewer).pk == person.pk
    active_years: set[int] = set()

    plans = (
        Plan.objects.filter(person=person, year__in=years)
        .annotate(
            goals_total=Count("goals", distinct=True),
            goals_done=Count("goals", filter=Q(goals__done_on__isnull=False), distinct=True),
            activities_total=Count("activities", distinct=True),
            activities_done=Count(
                "activities", filter=Q(activities__done_on__isnull=False), distinct=True
            ),
        )
        .order_by("year")
    )
    for plan in plans:
        active_years.add(plan.year)
        entries.append(
            ArchiveEntry(
                year=plan.year,
                kind="plan",
                kind_label=_("Learning plan"),
                title=plan.summary[:120] or _("Plan for %(year)s") % {"year": plan.year},
                detail=_(
                    "%(done)s of %(goals)s goals achieved; %(activities_done)s of "
                    "%(activities)s weekly activities done"
                )
                % {
                    "done": plan.goals_done,
                    "goals": plan.goals_total,
                    "activities_done": plan.activities_done,
                    "activities": plan.activities_total,
                },
                url=reverse("learning:plan", args=[plan.year]) if own else "",
            )
        )

    for row in (
        Note.objects.filter(author=person, date__year__in=years)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(notes=Count("id"), characters_sum=Sum("characters"))
        .order_by()
    ):
        active_years.add(row["year"])
        entries.append(
            ArchiveEntry(
                year=row["year"],
                kind="notes",
                kind_label=_("Study notes"),
                title=_("%(notes)s notes, %(characters)s characters")
                % {"notes": row["notes"], "characters": intcomma(row["characters_sum"] or 0)},
            )
        )

    # Articles read come weekly: the archive sums them up by year; everything else is listed.
    articles_read: dict[int, list[str]] = defaultdict(list)
    for record in FourOnesRecord.objects.filter(person=person, date__year__in=years).order_by(
        "date"
    ):
        active_years.add(record.date.year)
        if record.kind == RecordKind.ARTICLE:
            articles_read[record.date.year].append(record.title)
            continue
        entries.append(
            ArchiveEntry(
                year=record.date.year,
                date=record.date,
                kind=f"record_{record.kind}",
                kind_label=record.get_kind_display(),
                title=record.title,
                detail=record.description,
                url=record.url,
            )
        )
    for year, titles in articles_read.items():
        distinct = list(dict.fromkeys(titles))
        entries.append(
            ArchiveEntry(
                year=year,
                kind="record_article",
                kind_label=_("Articles read"),
                title=_("%(count)s articles read") % {"count": len(titles)},
                detail="、".join(distinct[:ARTICLE_TITLES_SHOWN])
                + ("…" if len(distinct) > ARTICLE_TITLES_SHOWN else ""),
            )
        )

    for inspection in Inspection.objects.filter(person=person, year__in=years).order_by(
        "year", "month"
    ):
        active_years.add(inspection.year)
        entries.append(
            ArchiveEntry(
                year=inspection.year,
                date=month_end(inspection.year, inspection.month),
                kind="inspection",
                kind_label=_("Notes inspection"),
                title=_("%(month)s: %(mark)s")
                % {
                    "month": month_label(inspection.year, inspection.month),
                    "mark": inspection.get_mark_display(),
                },
                detail=" — ".join(
                    part for part in (inspection.comment, inspection.inspector_name) if part
                ),
            )
        )

    for row in (
        SelfStudyWeek.objects.filter(person=person, week_start__year__in=years)
        # A week belongs to its ISO year, as in the four ones (30 Dec 2024 is in 2025's week 1).
        .annotate(year=ExtractIsoYear("week_start"))
        .values("year")
        .annotate(weeks=Count("id"), days_sum=Sum("days"))
        .order_by()
    ):
        if row["year"] in years:
            active_years.add(row["year"])

    # A summary of each year that has anything in it: the four ones, self-study, the five haves.
    for year in sorted(active_years):
        progress = progress_for(person, year, min(today, datetime.date(year, 12, 31)))
        entries.append(
            ArchiveEntry(
                year=year,
                kind="four_ones",
                kind_label=_("The four ones"),
                title="; ".join(
                    f"{cadence.one.label} {cadence.met}/{cadence.total}"
                    for cadence in progress.four_ones
                ),
            )
        )
        entries.append(
            ArchiveEntry(
                year=year,
                kind="self_study",
                kind_label=_("Self-study"),
                title=_("%(met)s of %(weeks)s weeks with enough self-study, %(days)s days in all")
                % {
                    "met": progress.self_study.met,
                    "weeks": len(progress.self_study.weeks),
                    "days": days_text(progress.self_study.total_days),
                },
            )
        )
        missing = [str(h.label) for h in progress.five_haves if not h.done]
        entries.append(
            ArchiveEntry(
                year=year,
                kind="five_haves",
                kind_label=_("The five haves"),
                title=_("%(done)s of 5") % {"done": progress.five_haves_done},
                detail=(_("Missing: %(missing)s") % {"missing": "、".join(missing)})
                if missing
                else "",
            )
        )
    return entries
