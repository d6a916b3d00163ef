"""The check-in rules: the code, the window, lateness, and refusals that change nothing."""

import pytest

from attendance import rules
from attendance.models import AttendanceRecord, Method, Status

from .factories import at

pytestmark = pytest.mark.django_db


def record_of(event, person) -> AttendanceRecord:
    return AttendanceRecord.objects.get(event=event, person=person)


def test_check_in_with_the_code_before_the_start_is_present(event, cadre):
    record = rules.check_in(event, cadre, "482913", now=at(14, 20))
    assert record.status == Status.PRESENT
    assert record.method == Method.CODE
    assert record.checked_in_at == at(14, 20)


def test_check_in_within_the_grace_period_is_still_present(event, cadre):
    assert rules.check_in(event, cadre, "482913", now=at(14, 40)).status == Status.PRESENT


def test_check_in_after_the_grace_period_is_late(event, cadre):
    assert rules.check_in(event, cadre, "482913", now=at(14, 41)).status == Status.LATE


def test_full_width_digits_and_spaces_are_accepted(event, cadre):
    assert rules.check_in(event, cadre, " ４８２ ９１３ ", now=at(14, 25)).status == Status.PRESENT


@pytest.mark.parametrize(
    ("code", "moment", "reason"),
    [
        ("000000", at(14, 25), "wrong_code"),
        ("482913", at(13, 59), "too_early"),
        ("482913", at(16, 31), "too_late"),
    ],
)
def test_refused_check_in_changes_nothing(event, cadre, code, moment, reason):
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.check_in(event, cadre, code, now=moment)
    assert refusal.value.reason == reason
    assert refusal.value.message
    record = record_of(event, cadre)
    assert record.status == Status.EXPECTED
    assert record.checked_in_at is None


def test_wrong_code_message_says_what_is_wrong(event, cadre):
    with pytest.raises(rules.AttendanceRefused, match="签到码不正确"):
        rules.check_in(event, cadre, "123456", now=at(14, 25))


def test_window_messages_name_the_time(event, cadre):
    with pytest.raises(rules.AttendanceRefused, match="14:00"):
        rules.check_in(event, cadre, "482913", now=at(13, 0))
    with pytest.raises(rules.AttendanceRefused, match="16:30"):
        rules.check_in(event, cadre, "482913", now=at(17, 0))


def test_second_check_in_is_refused_and_keeps_the_first_time(event, cadre):
    rules.check_in(event, cadre, "482913", now=at(14, 20))
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.check_in(event, cadre, "482913", now=at(14, 50))
    assert refusal.value.reason == "already_checked_in"
    record = record_of(event, cadre)
    assert record.status == Status.PRESENT
    assert record.checked_in_at == at(14, 20)


def test_someone_not_on_the_roster_cannot_check_in(event, editor):
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.check_in(event, editor, "482913", now=at(14, 20))
    assert refusal.value.reason == "not_on_roster"
    assert not AttendanceRecord.objects.filter(event=event, person=editor).exists()


def test_closed_event_refuses_check_in(event, cadre, organiser):
    rules.close_event(event, organiser, now=at(16, 0))
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.check_in(event, cadre, "482913", now=at(16, 5))
    assert refusal.value.reason == "closed"
    assert record_of(event, cadre).status == Status.ABSENT


def test_too_many_wrong_codes_lock_the_code_form(event, cadre):
    for _attempt in range(rules.MAX_WRONG_CODES):
        with pytest.raises(rules.AttendanceRefused):
            rules.check_in(event, cadre, "111111", now=at(14, 25))
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.check_in(event, cadre, "482913", now=at(14, 26))
    assert refusal.value.reason == "locked"
    assert record_of(event, cadre).status == Status.EXPECTED


def test_a_new_code_replaces_the_old(event, cadre, organiser):
    code = rules.new_session_code(event, organiser)
    assert len(code) == 6 and code.isdigit()
    if code != "482913":
        with pytest.raises(rules.AttendanceRefused):
            rules.check_in(event, cadre, "482913", now=at(14, 25))
    assert rules.check_in(event, cadre, code, now=at(14, 25)).status == Status.PRESENT


def test_only_organisers_may_change_the_code(event, cadre):
    with pytest.raises(rules.AttendanceRefused) as refusal:
        rules.new_session_code(event, cadre)
    assert refusal.value.reason == "not_organiser"
