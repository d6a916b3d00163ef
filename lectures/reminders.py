"""Reminder e-mails to a lecture's audience, each sent once: a `SentReminder` row is written in
the same transaction as the decision to send, and a lecture moved to a new time is a new
reminder."""

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home.privacy import can_view_page

from .models import LecturePage, SentReminder

DURATION = re.compile(r"^\s*(\d{1,4})\s*([mhd])\s*$", re.IGNORECASE)
UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_duration(text: str) -> datetime.timedelta:
    """ "24h", "90m" or "2d" as a timedelta; anything else is a ValueError with a clear word."""
    match = DURATION.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ValueError(
            _(
                "“%(value)s” is not a duration: write a number above zero and m, h or d, such as 24h."
            )
            % {"value": text}
        )
    amount, unit = int(match.group(1)), match.group(2).lower()
    return datetime.timedelta(**{UNITS[unit]: amount})


@dataclass
class ReminderRun:
    lectures: int = 0
    sent: int = 0
    already_sent: int = 0
    no_email: int = 0
    failed: int = 0


def lectures_starting_within(within: datetime.timedelta, now: datetime.datetime):
    return (
        LecturePage.objects.live()
        .filter(start__gt=now, start__lte=now + within)
        .order_by("start")
        .for_listing()
    )


def base_url() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def _message(lecture, person) -> EmailMultiAlternatives:
    context = {
        "lecture": lecture,
        "person": person,
        "url": base_url() + (lecture.url or ""),
        "start": timezone.localtime(lecture.start),
        "end": timezone.localtime(lecture.end),
    }
    subject = _("Lecture reminder: %(title)s, %(when)s") % {
        "title": lecture.title,
        "when": f"{context['start']:%m-%d %H:%M}",
    }
    text = render_to_string("lectures/email/reminder.txt", context)
    html = render_to_string("lectures/email/reminder.html", context)
    message = EmailMultiAlternatives(subject, text, to=[person.user.email])
    message.attach_alternative(html, "text/html")
    return message


def send_reminders(
    within: datetime.timedelta,
    now: datetime.datetime | None = None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> ReminderRun:
    """E-mail the audience of every live lecture starting within `within` from now, once."""
    now = now or timezone.now()
    run = ReminderRun()
    lectures = list(lectures_starting_within(within, now))
    run.lectures = len(lectures)
    with translation.override(settings.LANGUAGE_CODE):
        for lecture in lectures:
            already = set(
                SentReminder.objects.filter(lecture=lecture, start=lecture.start).values_list(
                    "person_id", flat=True
                )
            )
            people = lecture.audience_people().select_related("user")
            for person in progress(list(people)):
                if person.pk in already:
                    run.already_sent += 1
                    continue
                if not person.user.email:
                    run.no_email += 1
                    continue
                if not can_view_page(lecture, person.user):
                    continue
                try:
                    with transaction.atomic():
                        SentReminder.objects.create(
                            lecture=lecture, person=person, start=lecture.start
                        )
                        # Sending inside the transaction: if the mail server refuses, the
                        # record is rolled back and the next run tries again.
                        _message(lecture, person).send()
                except IntegrityError:
                    # Another run sent this one a moment ago.
                    run.already_sent += 1
                except OSError:
                    run.failed += 1
                else:
                    run.sent += 1
    return run
