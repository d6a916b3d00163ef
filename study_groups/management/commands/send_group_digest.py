from tqdm import tqdm

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from study_groups.digest import recipients, send_digest


class Command(BaseCommand):
    help = (
        "E-mail each study group member this week's digest of new threads, replies and summaries: "
        "once per ISO week per member, and only when there is something new."
    )

    def handle(self, *args, **options):
        people = list(recipients())
        counts = {"sent": 0, "nothing new": 0, "already sent": 0}
        progress = tqdm(
            people,
            desc=_("Digests"),
            unit=_("member"),
            file=self.stderr._out,
            disable=not people or options.get("verbosity", 1) == 0,
        )
        for person in progress:
            counts[send_digest(person)] += 1
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Digests: %(sent)s sent, %(empty)s with nothing new, %(already)s already sent this week."
                )
                % {
                    "sent": counts["sent"],
                    "empty": counts["nothing new"],
                    "already": counts["already sent"],
                }
            )
        )
