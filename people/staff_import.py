"""Importing staff from a CSV or XLSX file, all or nothing.

Every row is validated before anything is written; if any row is bad, the import reports each bad
row with its reason and writes nothing. Importing the same file again changes nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Department, Person, Position
from .roles import CADRES, DEPARTMENT_HEADS, ROLE_ALIASES

# Column names accepted in the header row, in English and in the users' words.
COLUMNS = {
    "username": ("username", "用户名", "账号"),
    "display_name": ("display_name", "name", "姓名"),
    "email": ("email", "邮箱", "电子邮箱"),
    "department": ("department", "科室"),
    "position": ("position", "职务"),
    "roles": ("roles", "角色"),
    "oversees": ("oversees", "分管科室"),
}
REQUIRED = ("username", "display_name")

POSITION_ALIASES = {
    "leading_cadre": Position.LEADING_CADRE,
    "leading cadre": Position.LEADING_CADRE,
    "领导干部": Position.LEADING_CADRE,
    "department_head": Position.DEPARTMENT_HEAD,
    "department head": Position.DEPARTMENT_HEAD,
    "科室负责人": Position.DEPARTMENT_HEAD,
    "科长": Position.DEPARTMENT_HEAD,
    "cadre": Position.CADRE,
    "干部": Position.CADRE,
    "机关干部": Position.CADRE,
    "": Position.CADRE,
}
USERNAME_RE = re.compile(r"^[\w.@+-]{1,150}$")
LIST_SPLIT = re.compile(r"[;；,，、]")


class StaffImportError(Exception):
    """The file cannot be imported; `errors` lists each problem (row number and reason)."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class StaffRow:
    line: int
    username: str
    display_name: str
    email: str = ""
    department: str = ""
    position: str = Position.CADRE
    roles: list[str] = field(default_factory=list)
    oversees: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    departments_created: int = 0


def read_table(path: Path) -> list[list[str]]:
    """The file's rows as lists of strings; CSV (UTF-8, with or without BOM, or GBK) or XLSX."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise StaffImportError(
                [_("Cannot read the XLSX file: %(error)s") % {"error": exc}]
            ) from exc
        return [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    if suffix == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise StaffImportError([_("The CSV file is neither UTF-8 nor GBK text.")])
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    raise StaffImportError(
        [_("Unsupported file type %(suffix)s: use .csv or .xlsx.") % {"suffix": suffix or "?"}]
    )


def parse_rows(table: list[list[str]]) -> list[StaffRow]:
    """Validate every row; raise StaffImportError listing all bad rows, or return them all."""
    if not table:
        raise StaffImportError([_("The file is empty.")])
    header = [cell.strip().lower() for cell in table[0]]
    index: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for position, cell in enumerate(header):
            if cell in names:
                index[key] = position
    missing = [key for key in REQUIRED if key not in index]
    if missing:
        raise StaffImportError(
            [_("The header row lacks the column(s): %(columns)s") % {"columns": ", ".join(missing)}]
        )

    errors: list[str] = []
    rows: list[StaffRow] = []
    seen: dict[str, int] = {}
    heads: dict[str, int] = {}
    for line, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue

        def cell(key, cells=cells):
            position = index.get(key)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        problems = []
        username = cell("username")
        if not username:
            problems.append(_("the username is empty"))
        elif not USERNAME_RE.match(username):
            problems.append(
                _("the username %(username)s has characters other than letters, digits and @.+-_")
                % {"username": username}
            )
        elif username in seen:
            problems.append(
                _("the username %(username)s is already on row %(line)s")
                % {"username": username, "line": seen[username]}
            )
        display_name = cell("display_name")
        if not display_name:
            problems.append(_("the name is empty"))
        email = cell("email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("%(email)s is not an e-mail address") % {"email": email})
        position_text = cell("position").lower()
        position = POSITION_ALIASES.get(position_text)
        if position is None:
            problems.append(_("unknown position %(position)s") % {"position": cell("position")})
        roles = []
        for role_text in filter(None, (r.strip() for r in LIST_SPLIT.split(cell("roles")))):
            role = ROLE_ALIASES.get(role_text.lower())
            if role is None:
                problems.append(_("unknown role %(role)s") % {"role": role_text})
            else:
                roles.append(role)
        department = cell("department")
        if position == Position.DEPARTMENT_HEAD:
            if not department:
                problems.append(_("a department head needs a department"))
            elif department in heads:
                problems.append(
                    _("%(department)s already has a head on row %(line)s")
                    % {"department": department, "line": heads[department]}
                )
            else:
                heads[department] = line
        oversees = [d.strip() for d in LIST_SPLIT.split(cell("oversees")) if d.strip()]
        if oversees and position != Position.LEADING_CADRE:
            problems.append(_("only a leading cadre can be in charge of departments"))
        if problems:
            errors.append(
                _("Row %(line)s: %(problems)s") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        seen[username] = line
        rows.append(
            StaffRow(line, username, display_name, email, department, position, roles, oversees)
        )
    if errors:
        raise StaffImportError(errors)
    if not rows:
        raise StaffImportError([_("The file has a header but no staff rows.")])
    return rows


def import_rows(rows: list[StaffRow]) -> ImportReport:
    """Write validated rows in one transaction: create or update each person by username."""
    User = get_user_model()
    report = ImportReport()
    groups = {g.name: g for g in Group.objects.all()}
    with transaction.atomic():
        departments = {d.name: d for d in Department.objects.all()}
        for name in {r.department for r in rows if r.department} | {
            d for r in rows for d in r.oversees
        }:
            if name not in departments:
                departments[name] = Department.objects.create(name=name)
                report.departments_created += 1
        for row in rows:
            user, created = User.objects.get_or_create(username=row.username)
            person = Person.objects.filter(user=user).first()
            department = departments.get(row.department)
            before = (
                None
                if person is None
                else (person.display_name, person.department_id, person.position, user.email)
            )
            if person is None:
                person = Person(user=user)
            person.display_name = row.display_name
            person.department = department
            person.position = row.position
            person.save()
            if row.email and user.email != row.email:
                user.email = row.email
                user.save(update_fields=["email"])
            role_names = set(row.roles) | {CADRES}
            if row.position == Position.DEPARTMENT_HEAD:
                role_names.add(DEPARTMENT_HEADS)
            missing_roles = [
                groups[n]
                for n in role_names
                if n in groups and not user.groups.filter(name=n).exists()
            ]
            user.groups.add(*missing_roles)
            if row.position == Position.DEPARTMENT_HEAD and department.head_id != person.pk:
                department.head = person
                department.save(update_fields=["head"])
            for name in row.oversees:
                overseen = departments[name]
                if overseen.leader_in_charge_id != person.pk:
                    overseen.leader_in_charge = person
                    overseen.save(update_fields=["leader_in_charge"])
            after = (person.display_name, person.department_id, person.position, user.email)
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                report.created += 1
            elif before != after or missing_roles:
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def import_staff(path: Path) -> ImportReport:
    """Read, validate and import a staff file; raises StaffImportError and writes nothing if any row is bad."""
    return import_rows(parse_rows(read_table(path)))
