"""A monthly lecture slot moves planned -> materials submitted -> delivered -> summary
published, becomes a lecture page when scheduled, and refuses steps out of order."""

import datetime

import pytest

from django.utils import timezone

from lectures import rotation
from lectures.models import LecturePage, MonthlyLectureSlot, SeriesKind, SlotStatus
from tests.people.factories import PersonFactory

from .factories import LectureSeriesPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(db):
    return LectureSeriesPageFactory(title="月月讲", kind=SeriesKind.MONTHLY_LECTURE)


@pytest.fixture
def slot(series):
    start = in_days(-10)
    return MonthlyLectureSlot.objects.create(
        year=start.year,
        month=start.month,
        speaker=PersonFactory(display_name="张伟"),
        topic="数字政府建设的路径选择",
        confirmed=True,
        materials_due=start.date() - datetime.timedelta(days=7),
    )


def schedule(slot, days=-10):
    start = in_days(days)
    return rotation.schedule(slot, start, start + datetime.timedelta(hours=1), "报告厅")


def test_scheduling_makes_a_draft_lecture_page_with_the_speaker(slot, series):
    page = schedule(slot)
    assert isinstance(page, LecturePage)
    assert page.get_parent().specific == series
    assert page.title == "数字政府建设的路径选择"
    assert not page.live
    assert [s.person for s in page.speakers.all()] == [slot.speaker]
    slot.refresh_from_db()
    assert slot.lecture == page
    assert slot.materials_due == (timezone.localtime(page.start) - rotation.MATERIALS_LEAD).date()


def test_rescheduling_moves_the_same_page(slot):
    first = schedule(slot, days=-10)
    second = schedule(slot, days=-9)
    assert first.pk == second.pk
    assert LecturePage.objects.get(pk=first.pk).get_latest_revision_as_object().start == in_days(-9)


def test_an_unconfirmed_slot_cannot_be_scheduled(slot):
    slot.confirmed = False
    slot.save()
    with pytest.raises(rotation.RotationError):
        schedule(slot)
    assert not LecturePage.objects.exists()


def test_the_whole_way_from_planned_to_summary_published(slot):
    page = schedule(slot)
    assert slot.status == SlotStatus.PLANNED

    rotation.submit_materials(slot, note="讲稿和演示文稿")
    assert slot.status == SlotStatus.MATERIALS_SUBMITTED
    assert slot.materials_submitted_at is not None

    rotation.mark_delivered(slot)
    assert slot.status == SlotStatus.DELIVERED
    assert slot.delivered_at is not None

    page = LecturePage.objects.get(pk=page.pk)
    page.summary = [("paragraph", "<p>讲座要点与讨论</p>")]
    page.save_revision().publish()
    slot.refresh_from_db()
    rotation.publish_summary(slot)
    assert slot.status == SlotStatus.SUMMARY_PUBLISHED
    assert slot.summary_published_at is not None


def test_materials_need_a_file_or_a_note(slot):
    with pytest.raises(rotation.RotationError):
        rotation.submit_materials(slot, note="  ")
    assert slot.status == SlotStatus.PLANNED


def test_delivered_needs_materials_first(slot):
    with pytest.raises(rotation.RotationError):
        rotation.mark_delivered(slot)
    assert MonthlyLectureSlot.objects.get(pk=slot.pk).status == SlotStatus.PLANNED


def test_a_lecture_still_to_come_cannot_be_delivered(slot):
    schedule(slot, days=5)
    rotation.submit_materials(slot, note="提纲")
    with pytest.raises(rotation.RotationError):
        rotation.mark_delivered(slot)
    assert slot.status == SlotStatus.MATERIALS_SUBMITTED


def test_summary_needs_a_published_summary_on_the_page(slot):
    schedule(slot)
    rotation.submit_materials(slot, note="提纲")
    rotation.mark_delivered(slot)
    with pytest.raises(rotation.RotationError):
        rotation.publish_summary(slot)
    assert slot.status == SlotStatus.DELIVERED


def test_steps_cannot_be_repeated_or_skipped(slot):
    rotation.submit_materials(slot, note="提纲")
    with pytest.raises(rotation.RotationError):
        rotation.submit_materials(slot, note="再交一次")
    with pytest.raises(rotation.RotationError):
        rotation.publish_summary(slot)
    assert MonthlyLectureSlot.objects.get(pk=slot.pk).status == SlotStatus.MATERIALS_SUBMITTED


def test_late_materials_show_as_overdue(slot):
    today = timezone.localdate()
    slot.materials_due = today - datetime.timedelta(days=1)
    slot.save()
    assert slot.is_overdue(today)
    assert list(MonthlyLectureSlot.objects.overdue(today)) == [slot]
    rotation.submit_materials(slot, note="补交")
    assert not slot.is_overdue(today)
    assert not MonthlyLectureSlot.objects.overdue(today).exists()
