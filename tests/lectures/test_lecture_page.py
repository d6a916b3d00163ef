"""A lecture page: speakers, time and place, audience, materials, reading list, summary."""

import pytest

from django.core.exceptions import ValidationError

from lectures.blocks import MaterialsBlock
from tests.assertions import assert_contains, assert_not_contains, header_forgotten
from tests.knowledge.factories import ArticlePageFactory
from tests.people.factories import DepartmentFactory, PersonFactory

from .factories import LecturePageFactory, in_days

pytestmark = pytest.mark.django_db


def test_lecture_page_shows_speakers_time_place_and_audience(cadre_client):
    lecture = LecturePageFactory(
        title="数字经济与城市高质量发展",
        speakers=[PersonFactory(display_name="陈杰"), ("王建国", "市委党校")],
        departments=[DepartmentFactory(name="经济发展科")],
    )
    response = cadre_client.get(lecture.url)
    for text in (
        "数字经济与城市高质量发展",
        "陈杰",
        "王建国",
        "市委党校",
        "机关三楼报告厅",
        "经济发展科",
    ):
        assert_contains(response, text)


def test_reading_list_shows_only_articles_the_reader_may_see(cadre_client):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from lectures.models import LecturePage, LectureReading

    open_article = ArticlePageFactory(title="公开的参考文章")
    closed_article = ArticlePageFactory(title="内部参考文章")
    restriction = PageViewRestriction.objects.create(
        page=closed_article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    lecture = LecturePageFactory()
    lecture = LecturePage.objects.get(pk=lecture.pk)
    lecture.readings.add(LectureReading(article=open_article, note="课前阅读"))
    lecture.readings.add(LectureReading(article=closed_article))
    lecture.save_revision().publish()
    response = cadre_client.get(lecture.url)
    assert_contains(response, "公开的参考文章")
    assert_contains(response, "课前阅读")
    assert_not_contains(response, "内部参考文章")


def test_summary_and_recording_are_shown_after_the_lecture(cadre_client):
    from lectures.models import LecturePage

    lecture = LecturePage.objects.get(pk=LecturePageFactory(start=in_days(-3)).pk)
    lecture.summary = [("paragraph", "<p>讨论认为要加强跨科室协同。</p>")]
    lecture.materials = [("recording", {"url": "http://video.intranet/l/1.mp4", "caption": "录像"})]
    lecture.save_revision().publish()
    response = cadre_client.get(lecture.url)
    assert_contains(response, "讨论认为要加强跨科室协同")
    assert_contains(response, "http://video.intranet/l/1.mp4")


def test_recordings_only_from_the_office_video_server():
    block = MaterialsBlock()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python([{"type": "recording", "value": {"url": "https://youtube.com/x"}}])
        )
    block.clean(
        block.to_python([{"type": "recording", "value": {"url": "http://video.intranet/x.mp4"}}])
    )


def test_a_lecture_needs_a_place_or_an_online_link_and_a_sane_time():
    from lectures.models import LecturePage

    lecture = LecturePage(title="x", slug="x", start=in_days(1), end=in_days(0), place="")
    with pytest.raises(ValidationError) as error:
        lecture.clean()
    assert "end" in error.value.message_dict or "place" in error.value.message_dict


def test_moving_a_lecture_to_another_series_updates_its_series():
    from lectures.models import LecturePage

    from .factories import LectureSeriesPageFactory

    lecture = LecturePageFactory()
    other = LectureSeriesPageFactory(title="党课")
    LecturePage.objects.get(pk=lecture.pk).move(other, pos="last-child")
    assert LecturePage.objects.get(pk=lecture.pk).series_page_id == other.pk


def test_editors_edit_lectures_in_the_wagtail_admin(editor_client):
    from lectures.models import LectureSeriesPage

    lecture = LecturePageFactory(title="编辑中的讲座")
    response = editor_client.get(f"/admin/pages/{lecture.pk}/edit/")
    assert_contains(response, "编辑中的讲座")
    assert_contains(response, 'name="audience"')
    series = LectureSeriesPage.objects.get(pk=lecture.get_parent().pk)
    add = editor_client.get(f"/admin/pages/add/lectures/lecturepage/{series.pk}/")
    assert add.status_code == 200


def _detail_queries(client, lecture) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    header_forgotten(client)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(lecture.url).status_code == 200
    return len(captured)


def test_lecture_page_query_count_is_the_same_with_3_and_30_speakers_and_readings(cadre_client):
    from lectures.models import LecturePage, LectureReading

    def lecture_with(count):
        lecture = LecturePage.objects.get(
            pk=LecturePageFactory(
                speakers=[PersonFactory() for _ in range(count // 2)]
                + [(f"专家{n}", "市委党校") for n in range(count - count // 2)],
                tags=[f"标签{n}" for n in range(count)],
            ).pk
        )
        for _ in range(count):
            lecture.readings.add(LectureReading(article=ArticlePageFactory()))
        lecture.save_revision().publish()
        return lecture

    small, large = lecture_with(3), lecture_with(30)
    # Session, user, person, routing, the page, restrictions; speakers with their people and
    # departments; readings and the articles the reader may see; tags; the attendance event,
    # the reader's record and the organiser check: fixed, whatever the number of items.
    assert _detail_queries(cadre_client, small) == _detail_queries(cadre_client, large)
