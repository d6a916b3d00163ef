from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lectures.reminders import parse_duration, send_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to the audience of each lecture starting within the given time "
        "(for example --within 24h). Each person gets each reminder once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--within",
            default="24h",
            help="How far ahead to look: a number with m, h or d (default 24h).",
        )

    def handle(self, *args, **options):
        try:
            within = parse_duration(options["within"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        quiet = options["verbosity"] == 0

        def progress(items):
            return tqdm(items, desc=_("Reminders"), file=self.stderr, disable=quiet or not items)

        run = send_reminders(within, progress=progress)
        self.stdout.write(
            _(
                "%(lectures)s lectures starting soon: %(sent)s reminders sent, "
                "%(already)s already sent before, %(no_email)s people without e-mail, "
                "%(failed)s failed."
            )
            % {
                "lectures": run.lectures,
                "sent": run.sent,
                "already": run.already_sent,
                "no_email": run.no_email,
                "failed": run.failed,
            }
        )
        if run.failed:
            raise CommandError(_("Some reminders could not be sent; run again to retry them."))
