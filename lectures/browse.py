"""Browsing lectures: filters from the query string (bad values explained), upcoming and past
lists, and the month calendar."""

import calendar
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from taggit.models import Tag

from people.models import Person

LIST = "list"
CALENDAR = "calendar"


@dataclass
class LectureFilters:
    series: int | None = None
    speaker: str = ""
    tag: str = ""
    year: int | None = None
    view: str = LIST
    month: datetime.date | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query) -> "LectureFilters":
        """Read the filters; a bad value is dropped with a clear word, never a 500."""
        filters = cls()
        for name, message in (
            ("series", _("“%(value)s” is not a lecture series; that filter was ignored.")),
            ("year", _("“%(value)s” is not a year; that filter was ignored.")),
        ):
            raw = (query.get(name) or "").strip()
            if not raw:
                continue
            if raw.isdigit() and len(raw) < 10:
                setattr(filters, name, int(raw))
            else:
                filters.problems.append(message % {"value": raw[:50]})
        filters.speaker = (query.get("speaker") or "").strip()[:100]
        filters.tag = (query.get("tag") or "").strip()[:100]
        view = (query.get("view") or "").strip()
        filters.view = CALENDAR if view == CALENDAR else LIST
        raw_month = (query.get("month") or "").strip()
        if raw_month:
            try:
                year, month = (int(part) for part in raw_month.split("-"))
                filters.month = datetime.date(year, month, 1)
            except ValueError:
                filters.problems.append(
                    _("“%(value)s” is not a month (use YYYY-MM); showing this month.")
                    % {"value": raw_month[:20]}
                )
        return filters

    def apply(self, lectures):
        if self.series:
            lectures = lectures.filter(series_page_id=self.series)
        if self.speaker.startswith("person-") and self.speaker[7:].isdigit():
            lectures = lectures.filter(speakers__person_id=int(self.speaker[7:]))
        elif self.speaker:
            lectures = lectures.filter(speakers__name=self.speaker)
        if self.tag:
            lectures = lectures.filter(tags__slug=self.tag)
        if self.year:
            lectures = lectures.filter(start__year=self.year)
        return lectures.distinct() if (self.speaker or self.tag) else lectures

    def as_query(self, **overrides) -> str:
        values = {
            "series": self.series or "",
            "speaker": self.speaker,
            "tag": self.tag,
            "year": self.year or "",
            "view": self.view if self.view != LIST else "",
            "month": f"{self.month:%Y-%m}" if self.month else "",
        }
        values.update(overrides)
        return urlencode({k: v for k, v in values.items() if v})

    @property
    def hidden_fields(self) -> list[tuple[str, str]]:
        """The other filters, for a form that changes only the speaker."""
        values = {
            "series": self.series or "",
            "tag": self.tag,
            "year": self.year or "",
            "view": self.view if self.view != LIST else "",
            "month": f"{self.month:%Y-%m}" if self.month else "",
        }
        return [(k, str(v)) for k, v in values.items() if v]

    @property
    def active(self) -> bool:
        return bool(self.series or self.speaker or self.tag or self.year)


def facets(lectures, series=None) -> dict:
    """What the sidebar offers, drawn from the lectures the person may see."""
    from .models import LectureSeriesPage, LectureSpeaker

    years = sorted({d.year for d in lectures.dates("start", "year")}, reverse=True)
    tag_ids = lectures.values_list("tagged_items__tag_id", flat=True)
    speaker_rows = LectureSpeaker.objects.filter(page__in=lectures.values("pk"))
    person_ids = set(speaker_rows.exclude(person=None).values_list("person_id", flat=True))
    expert_names = sorted(
        set(speaker_rows.filter(person=None).values_list("name", flat=True)) - {""}
    )
    speakers = [
        (f"person-{p.pk}", p.display_name)
        for p in Person.objects.filter(pk__in=person_ids).order_by("display_name")
    ] + [(name, name) for name in expert_names]
    return {
        "series": []
        if series is not None
        else LectureSeriesPage.objects.live().order_by("path").only("pk", "title"),
        "years": years,
        "tags": Tag.objects.filter(pk__in=tag_ids).order_by("name")[:40],
        "speakers": speakers,
    }


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    lectures: list


def month_grid(lectures, month: datetime.date) -> list[list[CalendarDay]]:
    """The weeks (Monday first) of `month`, each day with its lectures, local time."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    by_day: dict[datetime.date, list] = {}
    for lecture in lectures:
        by_day.setdefault(timezone.localtime(lecture.start).date(), []).append(lecture)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append([CalendarDay(day, first <= day <= last, by_day.get(day, [])) for day in week])
    return weeks


def lecture_listing_context(request, lectures, series=None) -> dict:
    """The context of /lectures/ and of a series page: upcoming, past (paginated) or calendar."""
    from .models import LECTURES_PER_PAGE

    filters = LectureFilters.from_query(request.GET)
    if series is not None:
        filters.series = None
    visible = lectures.visible_to(request.user)
    chosen = filters.apply(visible)
    now = timezone.now()
    context = {"filters": filters, "facets": facets(visible, series), "now": now}
    if filters.view == CALENDAR:
        month = filters.month or timezone.localdate().replace(day=1)
        start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        end = timezone.make_aware(datetime.datetime.combine(next_month, datetime.time.min))
        in_month = chosen.filter(start__gte=start, start__lt=end).order_by("start").for_listing()
        previous_month = (month - datetime.timedelta(days=1)).replace(day=1)
        context.update(
            {
                "month": month,
                "weeks": month_grid(in_month, month),
                "previous_month": previous_month,
                "next_month": next_month,
                "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
            }
        )
    else:
        context["upcoming"] = chosen.upcoming(now).for_listing()
        context["past"] = Paginator(chosen.past(now).for_listing(), LECTURES_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return context
