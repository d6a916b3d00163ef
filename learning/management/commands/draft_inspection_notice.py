from django.core.management.base import BaseCommand, CommandError

from learning.four_ones import local_today
from learning.inspection import Month, parse_month
from learning.notices import draft_notice


class Command(BaseCommand):
    help = (
        "Draft (or redraft) the notice of a month's notes inspection for the learning leadership "
        "group to edit and publish. Defaults to last month; a published notice is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="the month as YYYY-MM (default: last month)")

    def handle(self, *args, **options):
        today = local_today()
        if options["month"]:
            month, problem = parse_month(options["month"], today)
            if problem:
                raise CommandError(problem)
        else:
            month = Month(today.year, today.month).previous()
        notice = draft_notice(month, today)
        state = "published already, left as it is" if notice.is_published else "drafted"
        self.stdout.write(self.style.SUCCESS(f"{notice.title}: {state}."))
