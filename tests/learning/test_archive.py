"""The growth archive reads entries from every app through one registration, by year; the person,
their inspector and the learning leadership group may see it, nobody else."""

import datetime

import pytest

from django.contrib.auth.models import Group

from wagtail import hooks
from wagtail.models import PageViewRestriction

from learning.archive import ARCHIVE_HOOK, ArchiveEntry, archive_entries
from learning.models import RecordKind
from people import roles
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory

from .factories import InspectionFactory, NoteFactory, PlanFactory, RecordFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def archive_url(person):
    return f"/people/{person.user.username}/archive/"


def test_a_later_app_plugs_in_without_the_archive_importing_it(office):
    def lectures(person, years, viewer):
        return [
            {
                "year": TODAY.year,
                "date": TODAY,
                "kind": "lecture_given",
                "kind_label": "讲座",
                "title": "月月讲：数字政府",
            },
            ArchiveEntry(year=1999, kind="too_old", kind_label="x", title="不在范围内"),
        ]

    with hooks.register_temporarily(ARCHIVE_HOOK, lectures):
        entries = archive_entries(
            office.cadre, range(TODAY.year - 1, TODAY.year + 1), office.cadre.user
        )
    titles = [e.title for e in entries[TODAY.year]]
    assert "月月讲：数字政府" in titles
    assert all(e.title != "不在范围内" for year in entries.values() for e in year)


def test_register_archive_source_registers_on_the_hook(office):
    from learning.archive import register_archive_source

    def contests(person, years, viewer):
        return [
            {"year": TODAY.year, "kind": "contest", "kind_label": "竞赛", "title": "知识竞赛二等奖"}
        ]

    with hooks.register_temporarily(ARCHIVE_HOOK, contests):
        assert contests in hooks.get_hooks(ARCHIVE_HOOK)
    assert register_archive_source.__doc__


def test_the_archive_shows_each_years_learning(member_client, office):
    PlanFactory(person=office.cadre, year=TODAY.year, summary="学以致用的一年")
    RecordFactory(person=office.cadre, kind=RecordKind.BOOK, title="乡土中国")
    NoteFactory(author=office.cadre, body="<p>" + "字" * 321 + "</p>")
    InspectionFactory(person=office.cadre, inspector=office.head, comment="继续保持")
    ArticlePageFactory(title="我的理论文章", kind="theory", authors=[office.cadre], date=TODAY)
    response = member_client.get(archive_url(office.cadre))
    for text in ("学以致用的一年", "乡土中国", "321", "继续保持", "我的理论文章", "五有", "四个一"):
        assert_contains(response, text)


def test_articles_read_are_summed_up_by_year(member_client, office):
    for n in range(8):
        RecordFactory(person=office.cadre, kind=RecordKind.ARTICLE, title=f"文章{n}")
    response = member_client.get(archive_url(office.cadre))
    assert_contains(response, "读了8篇文章")
    assert_not_contains(response, "文章7")  # only the first titles are named


def test_an_article_the_viewer_may_not_see_is_left_out(as_person, office):
    article = ArticlePageFactory(title="领导小组内部材料", authors=[office.cadre], date=TODAY)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.EDITORS))
    assert_not_contains(as_person(office.head).get(archive_url(office.cadre)), "领导小组内部材料")


def test_who_may_see_an_archive(as_person, office):
    allowed = [office.cadre, office.head, office.leadership]
    for person in allowed:
        assert as_person(person).get(archive_url(office.cadre)).status_code == 200, person
    for person in (office.colleague, office.other_head, office.other_cadre, office.leader):
        assert as_person(person).get(archive_url(office.cadre)).status_code == 403, person
    # The leader in charge sees the heads' archives, whose notes they inspect.
    assert as_person(office.leader).get(archive_url(office.head)).status_code == 200
    assert as_person(office.cadre).get("/people/nobody/archive/").status_code == 404


def test_the_archive_prints_cleanly(member_client, office):
    response = member_client.get(archive_url(office.cadre))
    assert_contains(response, "window.print()")
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/gongxue.css").read_text()
    assert "@media print" in css and ".archive-year" in css
