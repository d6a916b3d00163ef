"""The planner's rotation page and the speaker's own page, from the outside."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lectures.models import LecturePage, MonthlyLectureSlot, SeriesKind, SlotStatus
from tests.assertions import assert_contains, assert_not_contains

from .factories import LectureSeriesPageFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year + 1


def test_a_cadre_cannot_open_the_planner(cadre_client):
    assert cadre_client.get(f"/lectures/rotation/{YEAR}/").status_code == 403
    assert (
        cadre_client.post(f"/lectures/rotation/{YEAR}/", {"action": "propose"}).status_code == 403
    )
    assert not MonthlyLectureSlot.objects.exists()


def test_planner_proposes_edits_and_confirms_a_year(planner_client, office):
    response = planner_client.post(
        f"/lectures/rotation/{YEAR}/", {"action": "propose"}, follow=True
    )
    assert_contains(response, "办公室1")
    assert MonthlyLectureSlot.objects.filter(year=YEAR, confirmed=False).count() == 12
    january = MonthlyLectureSlot.objects.get(year=YEAR, month=1)
    planner_client.post(
        f"/lectures/rotation/{YEAR}/",
        {
            "action": "edit",
            "slot": january.pk,
            "speaker": office["综合规划科2"].pk,
            "topic": "推动区域协调发展",
            "materials_due": f"{YEAR}-01-05",
        },
    )
    january.refresh_from_db()
    assert january.speaker == office["综合规划科2"]
    assert january.topic == "推动区域协调发展"
    assert january.materials_due == datetime.date(YEAR, 1, 5)
    planner_client.post(f"/lectures/rotation/{YEAR}/", {"action": "confirm"})
    assert MonthlyLectureSlot.objects.filter(year=YEAR, confirmed=True).count() == 12


def test_planner_schedules_a_month_as_a_lecture_page(planner_client, office):
    LectureSeriesPageFactory(title="月月讲", kind=SeriesKind.MONTHLY_LECTURE)
    slot = MonthlyLectureSlot.objects.create(
        year=YEAR, month=2, speaker=office["办公室2"], topic="文化强市建设", confirmed=True
    )
    response = planner_client.post(
        f"/lectures/rotation/{YEAR}/",
        {
            "action": "schedule",
            "slot": slot.pk,
            "date": f"{YEAR}-02-20",
            "start": "15:00",
            "end": "16:30",
            "place": "机关三楼报告厅",
        },
        follow=True,
    )
    assert_contains(response, "文化强市建设")
    page = LecturePage.objects.get()
    assert timezone.localtime(page.start).hour == 15
    slot.refresh_from_db()
    assert slot.lecture == page


def test_planner_sees_overdue_materials(planner_client, office):
    MonthlyLectureSlot.objects.create(
        year=YEAR - 1,
        month=1,
        speaker=office["政策研究室3"],
        confirmed=True,
        materials_due=timezone.localdate() - datetime.timedelta(days=3),
    )
    assert_contains(planner_client.get(f"/lectures/rotation/{YEAR - 1}/"), "逾期")


def test_bad_planner_input_is_explained(planner_client, office):
    slot = MonthlyLectureSlot.objects.create(year=YEAR, month=4, speaker=office["办公室3"])
    response = planner_client.post(
        f"/lectures/rotation/{YEAR}/",
        {"action": "schedule", "slot": slot.pk, "date": "x", "start": "", "end": "", "place": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert_contains(response, "请填写日期")
    response = planner_client.post(
        f"/lectures/rotation/{YEAR}/", {"action": "delivered", "slot": "999999"}, follow=True
    )
    assert_contains(response, "没有找到")
    response = planner_client.post(
        f"/lectures/rotation/{YEAR}/", {"action": "delivered", "slot": slot.pk}, follow=True
    )
    assert_contains(response, "当前状态")


@pytest.fixture
def my_slot(cadre):
    return MonthlyLectureSlot.objects.create(
        year=YEAR,
        month=3,
        speaker=cadre,
        topic="数字政府建设的路径选择",
        confirmed=True,
        materials_due=datetime.date(YEAR, 3, 1),
    )


def test_speaker_sees_their_slot_on_the_home_page_and_their_page(cadre_client, my_slot):
    assert_contains(cadre_client.get("/"), "数字政府建设的路径选择")
    response = cadre_client.get("/lectures/rotation/mine/")
    assert_contains(response, "数字政府建设的路径选择")
    assert_contains(response, f"{YEAR}-03-01")


def test_speaker_hands_in_materials(cadre_client, my_slot):
    upload = SimpleUploadedFile("outline.pdf", b"%PDF-1.4 outline", content_type="application/pdf")
    response = cadre_client.post(
        "/lectures/rotation/mine/",
        {"slot": my_slot.pk, "file": upload, "note": "讲座提纲"},
        follow=True,
    )
    assert_contains(response, "材料已提交")
    my_slot.refresh_from_db()
    assert my_slot.status == SlotStatus.MATERIALS_SUBMITTED
    assert my_slot.materials_document is not None


def test_materials_of_a_wrong_type_are_refused(cadre_client, my_slot):
    upload = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    response = cadre_client.post(
        "/lectures/rotation/mine/", {"slot": my_slot.pk, "file": upload}, follow=True
    )
    assert_contains(response, "exe")
    my_slot.refresh_from_db()
    assert my_slot.status == SlotStatus.PLANNED


def test_someone_elses_slot_cannot_be_handed_in(editor_client, my_slot):
    response = editor_client.post("/lectures/rotation/mine/", {"slot": my_slot.pk, "note": "x"})
    assert response.status_code == 404
    my_slot.refresh_from_db()
    assert my_slot.status == SlotStatus.PLANNED


def test_materials_are_private_to_the_speaker_and_planners(my_slot, cadre, editor, planner):
    from django.test import Client

    def client_for(person):
        client = Client()
        client.force_login(person.user)
        return client

    speaker = client_for(cadre)
    upload = SimpleUploadedFile("slides.pdf", b"%PDF-1.4 slides", content_type="application/pdf")
    speaker.post("/lectures/rotation/mine/", {"slot": my_slot.pk, "file": upload})
    my_slot.refresh_from_db()
    url = my_slot.materials_document.url
    assert speaker.get(url).status_code == 200
    assert client_for(planner).get(url).status_code == 200
    assert client_for(editor).get(url).status_code == 403


def test_home_page_shows_coming_lectures(cadre_client):
    from .factories import LecturePageFactory

    LecturePageFactory(title="下周的专题讲座")
    response = cadre_client.get("/")
    assert_contains(response, "近期讲座")
    assert_contains(response, "下周的专题讲座")
    assert_not_contains(response, "我的月月讲")


def test_admin_lists_slots_filtered_by_month_status_and_department(
    office, client, django_user_model
):
    MonthlyLectureSlot.objects.create(year=YEAR, month=5, speaker=office["办公室4"], topic="主题甲")
    MonthlyLectureSlot.objects.create(
        year=YEAR, month=6, speaker=office["政策研究室4"], topic="主题乙", status="delivered"
    )
    admin = django_user_model.objects.create_superuser("boss", "boss@example.gov", "x")
    client.force_login(admin)
    response = client.get(f"/admin/lectures/rotation/?month={YEAR}-05&status=planned")
    assert_contains(response, "主题甲")
    assert_not_contains(response, "主题乙")
    department = office["政策研究室4"].department_id
    response = client.get(f"/admin/lectures/rotation/?department={department}")
    assert_contains(response, "主题乙")
    assert_not_contains(response, "主题甲")
