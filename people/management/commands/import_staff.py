from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from people.staff_import import StaffImportError, import_staff


class Command(BaseCommand):
    help = "Import staff (people, departments, roles) from a CSV or XLSX file, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file with a header row")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": file})
        try:
            report = import_staff(file)
        except StaffImportError as error:
            for line in error.errors:
                self.stderr.write(line)
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) found.")
                % {"count": len(error.errors)}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(departments)s new departments."
                )
                % {
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "departments": report.departments_created,
                }
            )
        )
