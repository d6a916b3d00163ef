"""The monthly lecture rotation (月月讲): a fair proposal for a year, the planner's confirmation,
and each slot's way from planned to summary published.

Fair means: departments take turns (never the same department two months running while
another can speak, and the department that has spoken least this year next); within the turn,
whoever has not spoken for longest (or never) goes first; nobody speaks twice in a year while
someone else has not spoken; nobody is proposed for a month their leave or another exclusion
covers.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import Person, Position

from .models import (
    LecturePage,
    LectureSeriesPage,
    LectureSpeaker,
    MonthlyLectureSlot,
    RotationExclusion,
    SeriesKind,
    SlotStatus,
)

MONTHS = range(1, 13)
# Materials are due a week before the lecture.
MATERIALS_LEAD = datetime.timedelta(days=7)


class RotationError(Exception):
    """A step the rotation refused, with a message for the planner or speaker."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Proposal:
    month: int
    person: Person | None
    reason: str


def candidates() -> list[Person]:
    """Who takes turns: active cadres and department heads who belong to a department."""
    return list(
        Person.objects.active()
        .exclude(department=None)
        .exclude(position=Position.LEADING_CADRE)
        .select_related("department")
        .order_by("pk")
    )


def last_spoken(before_year: int) -> dict[int, datetime.date]:
    """When each person last had a confirmed monthly lecture slot before `before_year`: the
    first day of that month."""
    result: dict[int, datetime.date] = {}
    rows = (
        MonthlyLectureSlot.objects.filter(year__lt=before_year, confirmed=True)
        .exclude(speaker=None)
        .values_list("speaker", "year", "month")
    )
    for speaker, year, month in rows:
        when = datetime.date(year, month, 1)
        result[speaker] = max(result.get(speaker, when), when)
    return result


def confirmed_speakers(year: int) -> dict[int, Person]:
    """The months of `year` already confirmed, with their speakers; a new proposal keeps them."""
    return {
        slot.month: slot.speaker
        for slot in MonthlyLectureSlot.objects.filter(year=year, confirmed=True)
        .exclude(speaker=None)
        .select_related("speaker")
    }


def exclusions_for(year: int) -> dict[int, list[RotationExclusion]]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    result: dict[int, list[RotationExclusion]] = {}
    for exclusion in RotationExclusion.objects.filter(starts__lte=last, ends__gte=first):
        result.setdefault(exclusion.person_id, []).append(exclusion)
    return result


def _turn_order(person, previous_department, per_department, spoken):
    # Departments take turns: not the department of last month, then the department that has
    # spoken least this year; within that, whoever has been silent longest (or never spoke).
    last = spoken.get(person.pk)
    return (
        person.department_id == previous_department,
        per_department[person.department_id],
        last is not None,
        last or datetime.date.min,
        person.pk,
    )


def propose_year(
    year: int,
    people: Iterable[Person] | None = None,
    history: dict[int, datetime.date] | None = None,
    exclusions: dict[int, list[RotationExclusion]] | None = None,
    fixed: dict[int, Person] | None = None,
) -> list[Proposal]:
    """Propose a speaker for each month of `year` (see the module docstring for "fair").

    `people`, `history` (person id -> when they last spoke), `exclusions` (person id -> their
    exclusions) and `fixed` (month -> the speaker already confirmed) default to the database;
    passing them makes the proposal a pure function, easy to reason about. Fixed months are
    kept and count towards fairness; the proposal covers the other months.
    """
    people = list(candidates() if people is None else people)
    history = last_spoken(year) if history is None else history
    exclusions = exclusions_for(year) if exclusions is None else exclusions
    fixed = confirmed_speakers(year) if fixed is None else fixed
    spoken = dict(history)
    picked_this_year: set[int] = {p.pk for p in fixed.values()}
    per_department: Counter = Counter(p.department_id for p in fixed.values())
    for month, person in fixed.items():
        spoken[person.pk] = max(
            spoken.get(person.pk, datetime.date.min), datetime.date(year, month, 1)
        )
    previous_department = None
    proposals = []
    for month in MONTHS:
        if month in fixed:
            previous_department = fixed[month].department_id
            continue
        available = [
            p
            for p in people
            if not any(e.covers_month(year, month) for e in exclusions.get(p.pk, []))
        ]
        fresh = [p for p in available if p.pk not in picked_this_year]
        # Everyone spoke already this year (a small office): a second round, same rules.
        pool = fresh or available
        if not pool:
            proposals.append(Proposal(month, None, _("Nobody is available this month.")))
            continue

        chosen = min(
            pool,
            key=partial(
                _turn_order,
                previous_department=previous_department,
                per_department=per_department,
                spoken=spoken,
            ),
        )
        last = spoken.get(chosen.pk)
        reason = (
            _("has not given a monthly lecture yet")
            if last is None
            else _("last spoke in %(month)s") % {"month": f"{last:%Y-%m}"}
        )
        proposals.append(Proposal(month, chosen, reason))
        picked_this_year.add(chosen.pk)
        per_department[chosen.department_id] += 1
        previous_department = chosen.department_id
        spoken[chosen.pk] = datetime.date(year, month, 1)
    return proposals


def save_proposal(year: int, proposals: Iterable[Proposal]) -> list[MonthlyLectureSlot]:
    """Write the proposal as unconfirmed slots. Confirmed slots of the year are never touched;
    unconfirmed ones take the new proposal."""
    saved = []
    with transaction.atomic():
        for proposal in proposals:
            slot, _created = MonthlyLectureSlot.objects.select_for_update().get_or_create(
                year=year, month=proposal.month
            )
            if slot.confirmed:
                saved.append(slot)
                continue
            slot.speaker = proposal.person
            slot.proposal_reason = proposal.reason[:255]
            slot.materials_due = slot.materials_due or datetime.date(year, proposal.month, 1)
            slot.save()
            saved.append(slot)
    return saved


def confirm_year(year: int) -> int:
    """The planner accepts the (edited) proposal: every slot with a speaker is confirmed."""
    slots = MonthlyLectureSlot.objects.filter(year=year, confirmed=False).exclude(speaker=None)
    if not MonthlyLectureSlot.objects.filter(year=year).exists():
        raise RotationError(_("There is no rotation for %(year)s yet.") % {"year": year})
    return slots.update(confirmed=True, updated_at=timezone.now())


def _require(slot: MonthlyLectureSlot, *statuses: str) -> None:
    if slot.status not in statuses:
        raise RotationError(
            _("This slot is “%(status)s”; that step is not possible now.")
            % {"status": slot.get_status_display()}
        )


def monthly_series() -> LectureSeriesPage | None:
    return LectureSeriesPage.objects.filter(kind=SeriesKind.MONTHLY_LECTURE).first()


def schedule(
    slot: MonthlyLectureSlot,
    start: datetime.datetime,
    end: datetime.datetime,
    place: str,
    series: LectureSeriesPage | None = None,
    user=None,
) -> LecturePage:
    """Give the slot its lecture page in the monthly lecture series (a draft, or the existing
    page updated), and set the materials due a week before."""
    if not slot.confirmed or slot.speaker_id is None:
        raise RotationError(_("Confirm the slot's speaker before scheduling the lecture."))
    _require(slot, SlotStatus.PLANNED, SlotStatus.MATERIALS_SUBMITTED)
    if end <= start:
        raise RotationError(_("A lecture cannot end before it starts."))
    if not place.strip():
        raise RotationError(_("Please give the place."))
    series = series or monthly_series()
    if series is None:
        raise RotationError(_("There is no monthly lecture series to put the lecture in."))
    topic = slot.topic or _("Monthly lecture")
    with transaction.atomic():
        if slot.lecture_id:
            page = slot.lecture
            page.start, page.end, page.place = start, end, place
            page.title = topic
            page.save_revision(user=user)
            if page.live:
                page.get_latest_revision().publish(user=user)
        else:
            page = LecturePage(
                title=topic,
                slug=f"monthly-{slot.year}-{slot.month:02d}",
                start=start,
                end=end,
                place=place,
                live=False,
                owner=user,
            )
            page.speakers.add(LectureSpeaker(person=slot.speaker))
            series.add_child(instance=page)
            page.save_revision(user=user)
            slot.lecture = page
        slot.materials_due = (timezone.localtime(start) - MATERIALS_LEAD).date()
        slot.save()
    return page


def submit_materials(slot: MonthlyLectureSlot, document=None, note: str = "", now=None) -> None:
    """planned -> materials submitted: the speaker hands in slides or an outline."""
    _require(slot, SlotStatus.PLANNED)
    if document is None and not note.strip():
        raise RotationError(_("Please attach the materials or describe them."))
    slot.status = SlotStatus.MATERIALS_SUBMITTED
    slot.materials_document = document
    slot.materials_note = note.strip()[:255]
    slot.materials_submitted_at = now or timezone.now()
    slot.save()


def mark_delivered(slot: MonthlyLectureSlot, now=None) -> None:
    """materials submitted -> delivered: the lecture took place."""
    _require(slot, SlotStatus.MATERIALS_SUBMITTED)
    now = now or timezone.now()
    if slot.lecture_id and slot.lecture.start > now:
        raise RotationError(_("The lecture has not taken place yet."))
    slot.status = SlotStatus.DELIVERED
    slot.delivered_at = now
    slot.save()


def publish_summary(slot: MonthlyLectureSlot, now=None) -> None:
    """delivered -> summary published: the lecture page carries its summary and is live."""
    _require(slot, SlotStatus.DELIVERED)
    lecture = slot.lecture
    if lecture is None or not lecture.live or not lecture.summary:
        raise RotationError(_("Write the summary on the lecture page and publish it first."))
    slot.status = SlotStatus.SUMMARY_PUBLISHED
    slot.summary_published_at = now or timezone.now()
    slot.save()
