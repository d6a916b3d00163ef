"""The rules of attendance, as plain functions: set an event up, check in, ask for leave, decide
leave, mark, close. Views call these and show the refusal's message; nothing here renders.

Every refusal raises `AttendanceRefused` with a message for the person and changes nothing.
"""

import datetime
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from people.models import Person

from .access import may_organise
from .models import (
    AttendanceEvent,
    AttendanceRecord,
    LeaveRequest,
    LeaveStatus,
    Method,
    Status,
    content_type_of,
    new_code,
)

# Guessing a six-digit code is a million tries; a few wrong ones in a row lock the code form for a
# while (the organiser can still mark the person), so that nobody checks in from home by script.
MAX_WRONG_CODES = 5
WRONG_CODE_LOCK = datetime.timedelta(minutes=10)


class AttendanceRefused(Exception):
    """A request the rules refused; `reason` is a stable key, `message` is for the person."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class EventDetails:
    """What an event tells attendance about itself; the event's `attendance_details()` returns it.

    `roster` is the expected attendees, computed from the event's audience by the event's app.
    """

    title: str
    start: datetime.datetime
    end: datetime.datetime
    roster: Iterable[Person] = ()
    place: str = ""
    url: str = ""
    organisers: Iterable[Person] = field(default_factory=list)


def _when(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i")


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


def event_for(obj) -> AttendanceEvent | None:
    """The attendance event of a lecture, session or other event object, if it has one."""
    return AttendanceEvent.objects.for_object(obj).first()


def set_up_event(obj=None, details: EventDetails | None = None) -> AttendanceEvent:
    """Create or update the attendance event of `obj` from its details, and its roster.

    `details` defaults to `obj.attendance_details()`. Call it whenever the event is saved or
    published: times, title and organisers follow the event; the roster follows its audience.
    With no `obj`, a stand-alone event is made (concentrated study that has no page of its own).
    """
    if details is None:
        details = obj.attendance_details()
    values = {
        "title": details.title[:255],
        "start": details.start,
        "end": max(details.end, details.start),
        "place": (details.place or "")[:255],
        "url": (details.url or "")[:500],
    }
    with transaction.atomic():
        if obj is None:
            event = AttendanceEvent.objects.create(**values)
        else:
            event, created = AttendanceEvent.objects.select_for_update().get_or_create(
                content_type=content_type_of(obj), object_id=obj.pk, defaults=values
            )
            if not created:
                for name, value in values.items():
                    setattr(event, name, value)
                event.save()
        event.organisers.set(list(details.organisers))
        sync_roster(event, details.roster)
    return event


def sync_roster(event: AttendanceEvent, people: Iterable[Person]) -> tuple[int, int]:
    """Make the roster the expected `people`: add newcomers, drop those no longer expected.

    A row that already holds a result or a leave request is kept (as not expected) rather than
    dropped, so no history is lost. A closed event's roster no longer changes.
    Returns (added, removed).
    """
    if event.is_closed:
        return 0, 0
    wanted = {p.pk if isinstance(p, Person) else int(p) for p in people}
    records = {r.person_id: r for r in event.records.all()}
    with_leave = set(event.leave_requests.values_list("person_id", flat=True))
    new = [AttendanceRecord(event=event, person_id=pk) for pk in wanted - set(records)]
    AttendanceRecord.objects.bulk_create(new, ignore_conflicts=True)
    removed = 0
    for pk, record in records.items():
        if pk in wanted and not record.expected:
            record.expected = True
            record.save(update_fields=["expected", "updated_at"])
        elif pk not in wanted and record.expected:
            if record.has_result or pk in with_leave:
                record.expected = False
                record.save(update_fields=["expected", "updated_at"])
            else:
                record.delete()
                removed += 1
    return len(new), removed


def normalise_code(code: str) -> str:
    """Digits as typed on any keyboard: full-width digits and spaces are accepted."""
    return "".join(unicodedata.normalize("NFKC", code or "").split())


def _wrong_code_key(event, person) -> str:
    return f"attendance:wrong-code:{event.pk}:{person.pk}"


def check_in(
    event: AttendanceEvent, person: Person, code: str, now: datetime.datetime | None = None
) -> AttendanceRecord:
    """Check `person` in to `event` with the session code.

    Present when in the window up to `late_after` minutes after the start, late after that.
    Refuses, changing nothing, a closed event, someone not on the roster, a second check-in, a
    moment outside the window, too many wrong codes and a wrong code.
    """
    now = _now(now)
    if event.is_closed:
        raise AttendanceRefused(
            "closed", _("Attendance for this event has been closed. Please ask the organiser.")
        )
    with transaction.atomic():
        record = (
            AttendanceRecord.objects.select_for_update()
            .filter(event=event, person=person)
            .order_by("pk")  # the default ordering joins departments, which cannot be locked
            .first()
        )
        if record is None:
            raise AttendanceRefused(
                "not_on_roster",
                _("You are not on this event's roster. Please ask the organiser to add you."),
            )
        if record.status in (Status.PRESENT, Status.LATE):
            raise AttendanceRefused(
                "already_checked_in",
                _("You have already checked in (%(when)s). Nothing was changed.")
                % {"when": _when(record.checked_in_at or record.updated_at)},
            )
        if now < event.window_opens:
            raise AttendanceRefused(
                "too_early",
                _("Check-in opens at %(when)s. Please try again then.")
                % {"when": _when(event.window_opens)},
            )
        if now > event.window_closes:
            raise AttendanceRefused(
                "too_late",
                _("Check-in closed at %(when)s. Please ask the organiser.")
                % {"when": _when(event.window_closes)},
            )
        key = _wrong_code_key(event, person)
        if cache.get(key, 0) >= MAX_WRONG_CODES:
            raise AttendanceRefused(
                "locked",
                _(
                    "Too many wrong codes. Please wait %(minutes)s minutes or ask the organiser to mark you."
                )
                % {"minutes": int(WRONG_CODE_LOCK.total_seconds() // 60)},
            )
        if not secrets.compare_digest(normalise_code(code), event.code):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, int(WRONG_CODE_LOCK.total_seconds()))
            raise AttendanceRefused(
                "wrong_code",
                _("That is not this event's code. Please check the code the organiser gave."),
            )
        cache.delete(key)
        record.status = Status.LATE if now > event.late_from else Status.PRESENT
        record.method = Method.CODE
        record.checked_in_at = now
        record.marked_by = None
        record.save()
    return record


def request_leave(
    event: AttendanceEvent, person: Person, reason: str, now: datetime.datetime | None = None
) -> LeaveRequest:
    """Ask to be excused from `event`, with a reason; an organiser decides."""
    reason = (reason or "").strip()
    if not reason:
        raise AttendanceRefused("no_reason", _("Please give the reason for your leave request."))
    if len(reason) > 1000:
        raise AttendanceRefused(
            "reason_too_long", _("Please keep the reason under 1,000 characters.")
        )
    if event.is_closed:
        raise AttendanceRefused(
            "closed", _("Attendance for this event has been closed. Please ask the organiser.")
        )
    with transaction.atomic():
        record = (
            AttendanceRecord.objects.select_for_update()
            .filter(event=event, person=person)
            .order_by("pk")  # the default ordering joins departments, which cannot be locked
            .first()
        )
        if record is None:
            raise AttendanceRefused(
                "not_on_roster", _("You are not on this event's roster, so no leave is needed.")
            )
        if record.status in (Status.PRESENT, Status.LATE):
            raise AttendanceRefused(
                "already_checked_in",
                _("You have already checked in, so no leave is needed. Nothing was changed."),
            )
        existing = event.leave_requests.filter(
            person=person, status__in=[LeaveStatus.PENDING, LeaveStatus.APPROVED]
        ).first()
        if existing is not None and existing.status == LeaveStatus.APPROVED:
            raise AttendanceRefused(
                "already_excused", _("Your leave for this event has already been approved.")
            )
        if existing is not None:
            raise AttendanceRefused(
                "already_requested",
                _("You have already asked for leave; it is awaiting the organiser's decision."),
            )
        return LeaveRequest.objects.create(event=event, person=person, reason=reason)


def _require_organiser(event: AttendanceEvent, by: Person | None) -> None:
    if by is None or not may_organise(event, by.user):
        raise AttendanceRefused("not_organiser", _("Only the event's organisers may do this."))


def decide_leave(
    leave: LeaveRequest,
    by: Person,
    approve: bool,
    note: str = "",
    now: datetime.datetime | None = None,
) -> LeaveRequest:
    """Approve or refuse a pending leave request. Approved leave makes the person excused, unless
    they came after all; a refused request leaves their record as it was."""
    event = leave.event
    _require_organiser(event, by)
    now = _now(now)
    with transaction.atomic():
        leave = LeaveRequest.objects.select_for_update().get(pk=leave.pk)
        if leave.status != LeaveStatus.PENDING:
            raise AttendanceRefused(
                "already_decided",
                _("This request was already decided (%(decision)s). Nothing was changed.")
                % {"decision": leave.get_status_display()},
            )
        leave.status = LeaveStatus.APPROVED if approve else LeaveStatus.REJECTED
        leave.decided_by = by
        leave.decided_at = now
        leave.decision_note = (note or "").strip()[:255]
        leave.save()
        if approve:
            record, _created = AttendanceRecord.objects.select_for_update().get_or_create(
                event=event, person=leave.person, defaults={"expected": False}
            )
            if record.status not in (Status.PRESENT, Status.LATE):
                record.status = Status.EXCUSED
                record.method = Method.LEAVE
                record.marked_by = by
                record.save()
    return leave


def mark(
    event: AttendanceEvent,
    person: Person,
    status: str,
    by: Person,
    note: str = "",
    now: datetime.datetime | None = None,
) -> AttendanceRecord:
    """The organiser records a person's result, also someone not on the roster, also after the
    event is closed (corrections); only an open event's record can be set back to unrecorded."""
    _require_organiser(event, by)
    if status not in Status.values:
        raise AttendanceRefused("bad_status", _("That is not an attendance result."))
    if status == Status.EXPECTED and event.is_closed:
        raise AttendanceRefused(
            "closed", _("The event is closed: choose present, late, excused or absent.")
        )
    with transaction.atomic():
        record, _created = AttendanceRecord.objects.select_for_update().get_or_create(
            event=event, person=person, defaults={"expected": False}
        )
        record.status = status
        record.method = Method.ORGANISER if status != Status.EXPECTED else ""
        record.marked_by = by
        if note:
            record.note = note.strip()[:255]
        if status not in (Status.PRESENT, Status.LATE):
            record.checked_in_at = None
        record.save()
    return record


def close_event(
    event: AttendanceEvent, by: Person | None = None, now: datetime.datetime | None = None
) -> int:
    """Close attendance: everyone still unrecorded becomes absent without reason.

    `by` is the organiser closing it, or None when the scheduled command closes finished events.
    Returns how many people were recorded absent. Closing twice changes nothing the second time.
    """
    if by is not None:
        _require_organiser(event, by)
    now = _now(now)
    if now < event.start:
        raise AttendanceRefused(
            "not_started", _("The event has not started yet; it can be closed once it has begun.")
        )
    with transaction.atomic():
        locked = AttendanceEvent.objects.select_for_update().get(pk=event.pk)
        if locked.is_closed:
            event.closed_at = locked.closed_at
            return 0
        absent = locked.records.filter(status=Status.EXPECTED).update(
            status=Status.ABSENT, method=Method.CLOSING, updated_at=now
        )
        locked.closed_at = now
        locked.save(update_fields=["closed_at", "updated_at"])
    event.closed_at = now
    return absent


def new_session_code(event: AttendanceEvent, by: Person) -> str:
    """Give the event a new code, for when the old one went round too widely."""
    _require_organiser(event, by)
    event.code = new_code()
    event.save(update_fields=["code", "updated_at"])
    return event.code
