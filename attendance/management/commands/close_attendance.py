from tqdm import tqdm

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance import rules
from attendance.models import AttendanceEvent


class Command(BaseCommand):
    help = (
        "Close the attendance of events whose check-in window has ended: everyone not yet "
        "recorded becomes absent without reason. Safe to run as often as you like."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # The window may stay open after the end; close only once it has shut.
        candidates = [
            e for e in AttendanceEvent.objects.open_for_closing(now) if e.window_closes < now
        ]
        absent = 0
        for event in tqdm(candidates, desc=_("Closing"), disable=not candidates, file=self.stderr):
            absent += rules.close_event(event, now=now)
        self.stdout.write(
            _("%(events)s events closed; %(absent)s people recorded absent without reason.")
            % {"events": len(candidates), "absent": absent}
        )
