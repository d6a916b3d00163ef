"""The personnel office imports staff from a spreadsheet: all rows or none."""

import io

import pytest
from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from people import roles
from people.models import Department, Person, Position

pytestmark = pytest.mark.django_db

GOOD_CSV = """用户名,姓名,邮箱,科室,职务,角色,分管科室
zhangwei,张伟,zhangwei@example.gov,政策研究室,干部,,
lina,李娜,lina@example.gov,政策研究室,科室负责人,编辑,
chenjie,陈杰,chenjie@example.gov,,领导干部,学习领导小组,政策研究室；办公室
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_staff", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_creates_people_departments_and_roles(tmp_path):
    out, _ = run(write(tmp_path, "staff.csv", GOOD_CSV))
    assert "3" in out
    lina = Person.objects.get(user__username="lina")
    assert lina.display_name == "李娜"
    assert lina.position == Position.DEPARTMENT_HEAD
    policy = Department.objects.get(name="政策研究室")
    assert policy.head == lina
    assert policy.leader_in_charge.user.username == "chenjie"
    assert Department.objects.get(name="办公室").leader_in_charge.user.username == "chenjie"
    assert (
        lina.has_role(roles.EDITORS)
        and lina.has_role(roles.DEPARTMENT_HEADS)
        and lina.has_role(roles.CADRES)
    )
    assert Person.objects.get(user__username="chenjie").has_role(roles.LEARNING_LEADERSHIP_GROUP)


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = write(tmp_path, "staff.csv", GOOD_CSV)
    run(path)
    out, _ = run(path)
    assert (
        get_user_model().objects.filter(username__in=["zhangwei", "lina", "chenjie"]).count() == 3
    )
    assert Department.objects.filter(name="政策研究室").count() == 1
    assert "0 created" in out or "新建 0" in out or "0" in out


def test_one_bad_row_imports_nothing_and_names_every_bad_row(tmp_path):
    bad = (
        GOOD_CSV + "bad name!,坏行,not-an-email,办公室,部长,超级用户,\n,,,,,,\nzhangwei,重复,,,,,\n"
    )
    with pytest.raises(CommandError) as error:
        out, err = io.StringIO(), io.StringIO()
        call_command("import_staff", str(write(tmp_path, "staff.csv", bad)), stdout=out, stderr=err)
    messages = err.getvalue()
    assert "5" in messages  # the bad row's line number
    assert "not-an-email" in messages
    assert "zhangwei" in messages  # the duplicate
    assert "Nothing was imported" in str(error.value) or "未导入" in str(error.value)
    assert (
        not get_user_model().objects.filter(username__in=["zhangwei", "lina", "chenjie"]).exists()
    )
    assert not Department.objects.filter(name="政策研究室").exists()


def test_xlsx_files_import_too(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD_CSV.strip().splitlines():
        sheet.append(line.split(","))
    path = tmp_path / "staff.xlsx"
    workbook.save(path)
    run(path)
    assert Person.objects.filter(user__username__in=["zhangwei", "lina", "chenjie"]).count() == 3


def test_missing_file_and_wrong_type_get_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="staff.csv"):
        call_command("import_staff", str(tmp_path / "staff.csv"))
    path = write(tmp_path, "staff.txt", "hello")
    with pytest.raises(CommandError):
        call_command("import_staff", str(path), stderr=io.StringIO())


def test_header_without_required_columns_is_refused(tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "import_staff",
            str(write(tmp_path, "staff.csv", "科室\n办公室\n")),
            stderr=io.StringIO(),
        )
    assert not Department.objects.filter(name="办公室").exists()
