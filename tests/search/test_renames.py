"""Documents copy names from related objects (a department, a person, a tag, a study group): a
rename re-indexes every document that shows the name, a deletion takes it out of them, and any
other save of those objects records nothing."""

from django.contrib.auth.models import Group

from taggit.models import Tag
from wagtail.models import PageViewRestriction

from knowledge.models import ArticlePage
from learning.models import Visibility
from search.checks import check_dependencies
from search.models import OutboxEntry
from search.sources import Dependency, SearchSource, dependency_errors, sources
from study_groups.models import DiscussionSummaryPage
from tests.knowledge.factories import ArticlePageFactory, library
from tests.learning.factories import NoteFactory
from tests.lectures.factories import LecturePageFactory
from tests.people.factories import DepartmentFactory, PersonFactory
from tests.study_groups.factories import StudyGroupPageFactory, thread_in

from .conftest import index_now

TITLE = "基层治理的经验总结"
SUMMARY = "总结街道社区开展基层治理的做法。"


def search(client, q, **filters) -> dict:
    return client.get("/api/search/", {"q": q, **filters}).json()


def titles(found: dict) -> list[str]:
    return [result["title"] for result in found["results"]]


def facet(found: dict, name: str) -> dict[str, int]:
    return {value["value"]: value["count"] for value in found["facets"][name]}


# ------------------------------------------------------------------ departments


def test_a_renamed_department_finds_its_articles_under_the_new_name_only(
    cadre_client, search_index
):
    department = DepartmentFactory(name="档案科")
    ArticlePageFactory(title=TITLE, summary=SUMMARY, department=department)
    index_now()

    department.name = "督查室"
    department.save()
    index_now()

    assert titles(search(cadre_client, "督查室")) == [TITLE]
    filtered = search(cadre_client, "基层治理", department="督查室")
    assert titles(filtered) == [TITLE]
    assert facet(filtered, "department") == {"督查室": 1}
    assert search(cadre_client, "基层治理", department="档案科")["count"] == 0
    assert search(cadre_client, "档案科")["count"] == 0


def test_a_deleted_department_leaves_its_articles_without_one(cadre_client, search_index):
    department = DepartmentFactory(name="档案科")
    ArticlePageFactory(title=TITLE, summary=SUMMARY, department=department)
    index_now()

    department.delete()
    index_now()

    found = search(cadre_client, "基层治理")
    assert titles(found) == [TITLE]
    assert facet(found, "department") == {}


def test_changing_a_departments_head_records_nothing_to_re_index(db):
    department = DepartmentFactory(name="档案科")
    ArticlePageFactory(title=TITLE, summary=SUMMARY, department=department)
    before = OutboxEntry.objects.count()

    department.head = PersonFactory(department=department)
    department.save()
    department.save(update_fields=["sort_order"])

    assert OutboxEntry.objects.count() == before


# ------------------------------------------------------------------ people


def test_a_renamed_author_finds_their_article_under_the_new_name(cadre_client, search_index):
    author = PersonFactory(display_name="周建国")
    ArticlePageFactory(title=TITLE, summary=SUMMARY, authors=[author])
    index_now()

    author.display_name = "吴卫东"
    author.save()
    index_now()

    assert titles(search(cadre_client, "吴卫东")) == [TITLE]
    assert search(cadre_client, "周建国")["count"] == 0


def test_a_deleted_author_no_longer_finds_their_article(cadre_client, search_index):
    author = PersonFactory(display_name="周建国")
    ArticlePageFactory(title=TITLE, summary=SUMMARY, authors=[author])
    index_now()

    author.user.delete()
    index_now()

    assert search(cadre_client, "周建国")["count"] == 0
    assert titles(search(cadre_client, "基层治理")) == [TITLE]


def test_a_renamed_speaker_finds_their_lecture_under_the_new_name(cadre_client, search_index):
    speaker = PersonFactory(display_name="周建国")
    LecturePageFactory(title="基层治理专题讲座", speakers=[speaker])
    index_now()

    speaker.display_name = "吴卫东"
    speaker.save()
    index_now()

    assert titles(search(cadre_client, "吴卫东")) == ["基层治理专题讲座"]
    assert search(cadre_client, "周建国")["count"] == 0


def test_a_shared_note_follows_its_author_to_a_new_department_and_name(cadre_client, search_index):
    author = PersonFactory(display_name="周建国", department=DepartmentFactory(name="档案科"))
    NoteFactory(author=author, title=TITLE, visibility=Visibility.EVERYONE)
    index_now()

    author.display_name = "吴卫东"
    author.department = DepartmentFactory(name="督查室")
    author.save()
    index_now()

    found = search(cadre_client, "吴卫东")
    assert titles(found) == [TITLE]
    assert facet(found, "department") == {"督查室": 1}


# ------------------------------------------------------------------ tags


def test_a_renamed_tag_shows_in_the_facet_under_its_new_name(cadre_client, search_index):
    ArticlePageFactory(title=TITLE, summary=SUMMARY, tags=["网格管理"])
    index_now()

    tag = Tag.objects.get(name="网格管理")
    tag.name = "网格化服务"
    tag.save()
    index_now()

    found = search(cadre_client, "基层治理")
    assert facet(found, "tag") == {"网格化服务": 1}
    assert titles(search(cadre_client, "基层治理", tag="网格化服务")) == [TITLE]


def test_a_deleted_tag_leaves_the_facet(cadre_client, search_index):
    ArticlePageFactory(title=TITLE, summary=SUMMARY, tags=["网格管理", "社区"])
    index_now()

    Tag.objects.get(name="网格管理").delete()
    index_now()

    assert facet(search(cadre_client, "基层治理"), "tag") == {"社区": 1}


# ------------------------------------------------------------------ study groups


def test_a_renamed_study_group_shows_its_new_name_on_its_summaries_and_threads(
    cadre_client, search_index
):
    group = StudyGroupPageFactory(title="青年理论学习小组")
    summary = DiscussionSummaryPage(
        title="基层治理讨论纪要", studied="<p>基层治理</p>", main_points="<p>网格管理</p>"
    )
    group.add_child(instance=summary)
    summary.save_revision().publish()
    thread_in(group, group.leader, title="基层治理交流", body="<p>谈谈基层治理。</p>")
    index_now()

    group.title = "机关青年读书会"
    group.save_revision().publish()
    index_now()

    found = search(cadre_client, "基层治理")
    assert facet(found, "study_group") == {"机关青年读书会": 2}
    assert sorted(titles(search(cadre_client, "基层治理", study_group="机关青年读书会"))) == [
        "基层治理交流",
        "基层治理讨论纪要",
    ]


def test_a_thread_follows_its_groups_new_address_and_view_restriction(cadre_client, search_index):
    group = StudyGroupPageFactory(title="青年理论学习小组", slug="youth")
    thread = thread_in(group, group.leader, title="基层治理交流", body="<p>谈谈基层治理。</p>")
    index_now()

    group.slug = "young-cadres"
    group.save_revision().publish()
    index_now()
    [result] = search(cadre_client, "基层治理")["results"]
    assert result["url"] == f"/groups/young-cadres/threads/{thread.pk}/"

    # A restriction added in the privacy dialog saves no page: the thread must follow it too.
    restriction = PageViewRestriction.objects.create(
        page=group, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="青年读书会成员"))
    index_now()
    assert search(cadre_client, "基层治理")["count"] == 0


def test_a_new_slug_of_the_library_moves_its_articles_addresses(
    cadre_client, search_index, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(title=TITLE, summary=SUMMARY, slug="grassroots")
    index_now()

    knowledge = library()
    knowledge.slug = "library"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells of a slug after commit
        knowledge.save_revision().publish()
    index_now()

    [result] = search(cadre_client, "基层治理")["results"]
    assert result["url"] == "/library/grassroots/" == ArticlePage.objects.get(pk=article.pk).url


def test_saving_a_draft_of_a_study_group_records_nothing_to_re_index(db):
    group = StudyGroupPageFactory(title="青年理论学习小组")
    thread_in(group, group.leader, title="基层治理交流", body="<p>谈谈基层治理。</p>")
    before = OutboxEntry.objects.count()

    group.title = "机关青年读书会"
    group.save_revision()

    assert OutboxEntry.objects.count() == before


# ------------------------------------------------------------------ the declarations (no database)


def test_every_sources_dependencies_point_at_real_models_fields_and_lookups():
    for source in sources():
        assert dependency_errors(source) == [], source
    assert check_dependencies() == []
    declared = {(s.name, d.model) for s in sources() for d in s.depends_on}
    for name in ("article", "lecture", "note", "study_group_summary", "study_group_thread"):
        assert (name, "people.Person") in declared
        assert (name, "people.Department") in declared
        assert (name, "taggit.Tag") in declared


def test_a_wrong_dependency_is_reported():
    class Broken(SearchSource):
        name = "broken"
        model = ArticlePage
        depends_on = (
            Dependency("people.Department", fields=("title",), via="department"),
            Dependency("people.Person", fields=("display_name",), via="department"),
            Dependency("people.Person", fields=("display_name",), via="writers"),
            Dependency("people.Nobody", fields=("name",), via="department"),
        )

    assert dependency_errors(Broken()) == [
        "broken: people.Department has no field 'title'",
        "broken: 'department' leads to people.Department, not people.Person",
        "broken: 'writers' is not a lookup on knowledge.ArticlePage",
        "broken: no model 'people.Nobody'",
    ]
