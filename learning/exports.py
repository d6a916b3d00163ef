"""The inspection status as a spreadsheet (XLSX) or CSV, for the learning leadership group.

Only figures and marks go out: no note's title or text, so no private note can leave this way.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .inspection import MemberRow, Month

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these would be run as a formula by a spreadsheet program.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Month"),
        _("Department"),
        _("Name"),
        _("Username"),
        _("Inspected by"),
        _("Notes this month"),
        _("Characters this month"),
        _("Characters this year"),
        _("Yearly target"),
        _("Pace (%)"),
        _("Pace"),
        _("Mark"),
        _("Comment"),
        _("Inspector"),
    ]


def rows(month: Month, members: list[MemberRow]) -> list[list]:
    table = []
    for row in members:
        inspection = row.inspection
        table.append(
            [
                month.key,
                row.department.name if row.department else "",
                row.person.display_name,
                row.person.user.get_username(),
                row.inspector_names,
                row.notes_month,
                row.characters_month,
                row.progress.characters,
                row.progress.target,
                row.progress.pace_percent if row.progress.pace_percent is not None else "",
                str(row.progress.pace_label),
                inspection.get_mark_display() if inspection else _("not inspected"),
                inspection.comment if inspection else "",
                inspection.inspector_name if inspection else "",
            ]
        )
    return table


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def filename(month: Month, extension: str) -> str:
    return f"notes-inspection-{month.key}.{extension}"


def csv_response(month: Month, members: list[MemberRow]) -> HttpResponse:
    buffer = io.StringIO()
    # The byte order mark makes Excel on Chinese Windows read the file as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows(month, members):
        writer.writerow([safe_cell(v) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(month, "csv")}"'
    return response


def xlsx_response(month: Month, members: list[MemberRow]) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = month.key
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(month, members):
        sheet.append([safe_cell(v) for v in row])
    for column, width in zip(
        "ABCDEFGHIJKLMN", [9, 16, 10, 12, 12, 10, 10, 10, 10, 8, 10, 8, 40, 10], strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename(month, "xlsx")}"'
    return response
