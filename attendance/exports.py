"""Attendance as spreadsheets: XLSX (openpyxl) with one sheet per table, or CSV of one table.

Cells that a spreadsheet would run as a formula are written as text, so an exported name or note
can never execute in the reader's Excel.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AttendanceRecord
from .reports import DepartmentReport, EventReport, PersonReport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    title: str
    headers: Sequence[str]
    rows: list[Sequence]


def safe_cell(value):
    """Numbers stay numbers; text that looks like a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def records_table(title: str, records: Iterable[AttendanceRecord]) -> Table:
    headers = [
        _("Event"),
        _("Kind"),
        _("Starts"),
        _("Person"),
        _("Department"),
        _("Result"),
        _("Recorded by"),
        _("Checked in at"),
        _("Note"),
    ]
    rows = [
        [
            r.event.title,
            r.event.kind_label,
            _local(r.event.start),
            r.person.display_name,
            r.person.department.name if r.person.department else "",
            r.get_status_display(),
            r.get_method_display(),
            _local(r.checked_in_at),
            r.note,
        ]
        for r in records
    ]
    return Table(title, headers, rows)


def tally_headers() -> list[str]:
    return [_("Present"), _("Late"), _("Excused"), _("Absent without reason"), _("Attendance rate")]


def tally_cells(tally) -> list:
    return [tally.present, tally.late, tally.excused, tally.absent, tally.rate_text]


def department_tables(report: DepartmentReport) -> list[Table]:
    summary = Table(
        _("Departments"),
        [_("Department"), *tally_headers()],
        [[row.name, *tally_cells(row.tally)] for row in report.rows]
        + [[_("Total"), *tally_cells(report.total)]],
    )
    return [summary, records_table(_("Absent without reason"), report.absences)]


def event_tables(report: EventReport) -> list[Table]:
    return [records_table(_("Attendance"), report.records)]


def person_tables(report: PersonReport) -> list[Table]:
    return [records_table(_("Attendance"), report.records)]


def to_xlsx(tables: Sequence[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        # Sheet titles: at most 31 characters and none of []:*?/\ .
        title = "".join(c for c in table.title if c not in "[]:*?/\\")[:31] or "Sheet"
        sheet = workbook.create_sheet(title)
        sheet.append([safe_cell(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([safe_cell(v) for v in row])
        for index, header in enumerate(table.headers, start=1):
            width = max([len(str(header))] + [len(str(row[index - 1])) for row in table.rows])
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width * 1.6, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel on a Chinese Windows opens it correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
