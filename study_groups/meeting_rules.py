"""Each group against its meeting rule: at least once a month (or a quarter), each time at least so
many hours. Groups that have fallen behind are shown to the learning leadership group.

A period is a calendar month or quarter. A session counts when it has been held (it has ended)
and lasted at least the group's minimum length. A group is
- on track: a counting session was held in the current period;
- due: none yet in the current period, but the previous period was kept (or the group is new);
- behind: the previous whole period passed without a counting session.
"""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import MeetingInterval, StudyGroupPage, StudySession


class Standing(StrEnum):
    ON_TRACK = "on_track"
    DUE = "due"
    BEHIND = "behind"


STANDING_LABELS = {
    Standing.ON_TRACK: _("on track"),
    Standing.DUE: _("due this period"),
    Standing.BEHIND: _("behind"),
}


def period_of(interval: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month or quarter that contains `day`."""
    months = 3 if interval == MeetingInterval.QUARTERLY else 1
    first_month = ((day.month - 1) // months) * months + 1
    start = day.replace(month=first_month, day=1)
    next_month = first_month + months
    if next_month > 12:
        following = datetime.date(day.year + 1, next_month - 12, 1)
    else:
        following = datetime.date(day.year, next_month, 1)
    return start, following - datetime.timedelta(days=1)


def previous_period(interval: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    start, _end = period_of(interval, day)
    return period_of(interval, start - datetime.timedelta(days=1))


def period_label(interval: str, start: datetime.date) -> str:
    if interval == MeetingInterval.QUARTERLY:
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return f"{start:%Y-%m}"


@dataclass
class GroupStanding:
    group: StudyGroupPage
    standing: Standing
    period: str
    previous: str
    held_this_period: list = field(default_factory=list)
    last_counting: StudySession | None = None
    next_session: StudySession | None = None

    @property
    def label(self):
        return STANDING_LABELS[self.standing]


def standings(groups=None, now=None) -> list[GroupStanding]:
    """Every live group's standing against its rule, in three queries whatever the number."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    if groups is None:
        groups = StudyGroupPage.objects.live()
    groups = list(groups.select_related("leader").order_by("title"))
    sessions = StudySession.objects.filter(group__in=[g.pk for g in groups]).order_by("starts_at")
    by_group: dict[int, list[StudySession]] = {g.pk: [] for g in groups}
    for session in sessions:
        by_group[session.group_id].append(session)

    result = []
    for group in groups:
        start, end = period_of(group.meeting_interval, today)
        previous_start, previous_end = previous_period(group.meeting_interval, today)
        held = [
            s
            for s in by_group[group.pk]
            if s.ends_at <= now and s.duration_hours >= group.minimum_hours
        ]

        def in_range(session, first, last):
            return first <= timezone.localtime(session.starts_at).date() <= last

        this_period = [s for s in held if in_range(s, start, end)]
        previous_kept = any(in_range(s, previous_start, previous_end) for s in held)
        existed_since = timezone.localtime(group.first_published_at or now).date()
        is_new = existed_since > previous_start
        if this_period:
            standing = Standing.ON_TRACK
        elif previous_kept or is_new:
            standing = Standing.DUE
        else:
            standing = Standing.BEHIND
        coming = [s for s in by_group[group.pk] if s.ends_at > now]
        result.append(
            GroupStanding(
                group=group,
                standing=standing,
                period=period_label(group.meeting_interval, start),
                previous=period_label(group.meeting_interval, previous_start),
                held_this_period=this_period,
                last_counting=held[-1] if held else None,
                next_session=coming[0] if coming else None,
            )
        )
    return result


def groups_behind(now=None) -> list[GroupStanding]:
    """The groups that let a whole period pass without a counting session."""
    return [s for s in standings(now=now) if s.standing == Standing.BEHIND]
