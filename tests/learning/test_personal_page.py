"""The personal page: this year's progress against each target, as charts, and what is due now;
targets by role come from settings the learning leadership group edits."""

import datetime

import pytest

from wagtail import hooks

from learning.models import LearningTargets, RecordKind
from learning.progress import expected_by, pace_status, progress_for
from learning.targets import central_group_member_ids
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory

from .factories import GoalFactory, NoteFactory, PlanFactory, RecordFactory, SelfStudyFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_the_page_draws_the_year_count_against_the_target_as_a_chart(member_client, office):
    NoteFactory(author=office.cadre, body="<p>" + "学" * 1234 + "</p>")
    response = member_client.get("/me/learning/")
    assert_contains(response, "<svg")
    assert_contains(response, 'class="chart-svg"')
    assert_contains(response, "1234 / 10000")
    # The chart's figures as a table for screen readers.
    assert_contains(response, "<table>")
    assert_contains(response, "<td>1234</td>")


def test_due_now_lists_what_the_current_periods_still_want(member_client, office):
    response = member_client.get("/me/learning/")
    assert_contains(response, "本周读一篇文章")
    assert_contains(response, "制定")  # no plan yet: write one
    RecordFactory(person=office.cadre, kind=RecordKind.ARTICLE, date=TODAY)
    assert_not_contains(member_client.get("/me/learning/"), "本周读一篇文章")


def test_the_five_haves_are_filled_from_records(office):
    progress = progress_for(office.cadre, TODAY.year, TODAY)
    assert [h.done for h in progress.five_haves] == [False] * 5
    GoalFactory(plan=PlanFactory(person=office.cadre, year=TODAY.year))
    NoteFactory(author=office.cadre)
    RecordFactory(person=office.cadre, kind=RecordKind.SKILL)
    ArticlePageFactory(kind="reflection", authors=[office.cadre], date=TODAY)
    ArticlePageFactory(kind="research", authors=[office.cadre], date=TODAY)
    progress = progress_for(office.cadre, TODAY.year, TODAY)
    assert [h.done for h in progress.five_haves] == [True] * 5


def test_the_five_haves_cannot_be_ticked_by_hand(member_client):
    response = member_client.get("/me/learning/")
    checklist = response.content.decode().split('class="checklist"')[1].split("</ul>")[0]
    assert "<input" not in checklist and "<form" not in checklist


def test_a_theoretical_article_counts_once_published_with_the_person_as_author(office):
    RecordFactory(person=office.cadre, kind=RecordKind.THEORY, title="草稿")
    assert progress_for(office.cadre, TODAY.year, TODAY).four_ones.get("theory").met == 0
    draft = ArticlePageFactory(kind="theory", authors=[office.cadre], date=TODAY)
    draft.unpublish()
    ArticlePageFactory(kind="theory", authors=[office.colleague], date=TODAY)
    assert progress_for(office.cadre, TODAY.year, TODAY).four_ones.get("theory").met == 0
    ArticlePageFactory(kind="theory", authors=[office.cadre, office.colleague], date=TODAY)
    assert progress_for(office.cadre, TODAY.year, TODAY).four_ones.get("theory").met == 1


def test_a_cadres_targets_are_10000_characters_and_a_research_article(office):
    progress = progress_for(office.cadre, TODAY.year, TODAY)
    assert [(r.key, r.required) for r in progress.requirements] == [
        ("notes", 10_000),
        ("research", 1),
    ]


def test_the_central_group_by_default_is_the_leading_cadres(office):
    progress = progress_for(office.leader, TODAY.year, TODAY)
    assert progress.targets.central_group
    assert [(r.key, r.required) for r in progress.requirements] == [
        ("notes", 15_000),
        ("political_theory", 1),
        ("classes_given", 1),
        ("newspaper", 1),
    ]


def test_central_group_membership_comes_from_the_hook_when_one_answers(office):
    def members(people):
        return {p.pk for p in people if p.user.username == "zhangwei"}

    with hooks.register_temporarily("gongxue_central_group_members", members):
        ids = central_group_member_ids([office.cadre, office.leader])
        progress = progress_for(office.cadre, TODAY.year, TODAY)
    assert ids == {office.cadre.pk}
    assert progress.target == 15_000


def test_central_group_requirements_count_what_was_recorded(office):
    RecordFactory(person=office.leader, kind=RecordKind.BOOK, political_theory=True)
    RecordFactory(person=office.leader, kind=RecordKind.CLASS_GIVEN)
    RecordFactory(person=office.leader, kind=RecordKind.NEWSPAPER, newspaper_level="local")
    done = {r.key: r.done for r in progress_for(office.leader, TODAY.year, TODAY).requirements}
    assert done["political_theory"] == 1
    assert done["classes_given"] == 1
    assert done["newspaper"] == 0  # below municipal level
    RecordFactory(person=office.leader, kind=RecordKind.NEWSPAPER, newspaper_level="municipal")
    done = {r.key: r.done for r in progress_for(office.leader, TODAY.year, TODAY).requirements}
    assert done["newspaper"] == 1


def test_targets_are_settings_the_leadership_group_edits_in_the_admin(leadership_client, office):
    response = leadership_client.get("/admin/settings/learning/learningtargets/")
    assert response.status_code in (200, 302)
    targets = LearningTargets.load()
    response = leadership_client.post(
        f"/admin/settings/learning/learningtargets/{targets.pk}/",
        {
            "cadre_note_characters": "12000",
            "cadre_research_articles": "2",
            "central_note_characters": "15000",
            "central_research_articles": "0",
            "central_political_theory_books": "1",
            "central_classes_given": "1",
            "central_newspaper_articles": "1",
            "self_study_days_per_week": "1",
        },
    )
    assert response.status_code == 302
    assert progress_for(office.cadre, TODAY.year, TODAY).target == 12_000


def test_a_cadre_cannot_edit_the_targets(member_client):
    response = member_client.get("/admin/settings/learning/learningtargets/")
    assert response.status_code in (302, 403)


def test_pace_is_pro_rata_through_the_year():
    assert expected_by(10_000, 2025, datetime.date(2024, 12, 31)) == 0
    assert expected_by(10_000, 2025, datetime.date(2025, 1, 1)) == 27
    assert expected_by(10_000, 2025, datetime.date(2025, 7, 2)) == 5_014  # day 183 of 365
    assert expected_by(10_000, 2025, datetime.date(2025, 12, 31)) == 10_000
    assert pace_status(4_000, 5_000, 10_000) == "behind"
    assert pace_status(5_000, 5_000, 10_000) == "on_pace"
    assert pace_status(6_000, 5_000, 10_000) == "ahead"


def test_self_study_weeks_meet_the_rule_of_one_day(member_client, office):
    SelfStudyFactory(person=office.cadre, week_start=TODAY, days=1)
    progress = progress_for(office.cadre, TODAY.year, TODAY)
    assert progress.self_study.current.state == "met"
    response = member_client.post(
        "/me/learning/self-study/",
        {"week_start": TODAY.isoformat(), "days": "0.5", "content": "读书"},
    )
    assert response.status_code == 302
    assert progress_for(office.cadre, TODAY.year, TODAY).self_study.current.state == "due"


def test_self_study_takes_half_days_only(member_client):
    response = member_client.post(
        "/me/learning/self-study/", {"week_start": TODAY.isoformat(), "days": "0.3"}
    )
    assert_contains(response, "请按整天或半天填写")


def test_a_record_of_a_newspaper_article_needs_its_level(member_client):
    response = member_client.post(
        "/me/learning/records/",
        {"kind": RecordKind.NEWSPAPER, "title": "发表文章", "date": TODAY.isoformat()},
    )
    assert_contains(response, "请说明报纸的级别")


def test_the_person_records_and_removes_four_ones_records(member_client, office):
    response = member_client.post(
        "/me/learning/records/",
        {
            "kind": RecordKind.BOOK,
            "title": "乡土中国",
            "date": TODAY.isoformat(),
            "description": "读完",
        },
    )
    assert response.status_code == 302
    assert_contains(member_client.get("/me/learning/records/"), "乡土中国")
    record = office.cadre.four_ones_records.get()
    member_client.post(f"/me/learning/records/{record.pk}/delete/")
    assert not office.cadre.four_ones_records.exists()
