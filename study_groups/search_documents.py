"""What search finds of study groups: published summaries and discussion threads.

An open group's content follows its page's view restrictions (usually every signed-in person);
a closed group's content carries only "study_group:<id>", the principal its members hold.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.sources import (
    STAFF,
    Dependency,
    SearchDocument,
    SearchSource,
    page_access,
    register,
    register_principals,
    strip_tags,
)

from .cleaning import plain_text
from .membership import search_principals
from .models import DiscussionSummaryPage, StudyGroupPage, Thread

register_principals(search_principals)


def group_access(group) -> list[str]:
    """Who may see what this group has: its page's restrictions, narrowed to members if closed."""
    access = page_access(group)
    if group.is_open:
        return access
    if access != [STAFF]:
        # Closed and restricted by the page as well: both must hold, which no single principal
        # expresses; only superusers find it.
        return []
    return [f"study_group:{group.pk}"]


def summaries_under(groups) -> list:
    """Pks of the summaries filed under these groups (a summary is a child page of its group)."""
    query = Q()
    for group in groups:
        query |= Q(path__startswith=group.path, depth=group.depth + 1)
    if not query:
        return []
    return list(DiscussionSummaryPage.objects.filter(query).values_list("pk", flat=True))


def _groups(*conditions, **lookup):
    return StudyGroupPage.objects.filter(*conditions, **lookup).only("path", "depth")


@register
class DiscussionSummarySource(SearchSource):
    name = "study_group_summary"
    model = DiscussionSummaryPage
    kind_labels = {"discussion_summary": _("discussion summary")}
    # A summary shows its group (its parent page): title, department, leader and secretary, and
    # is found only while the group is live, by whom the group's openness allows.
    depends_on = (
        Dependency(
            "study_groups.StudyGroupPage",
            fields=("title", "live", "is_open", "department", "leader", "secretary"),
            via=lambda group: summaries_under([group]),
        ),
        Dependency(
            "people.Department",
            fields=("name",),
            via=lambda department: summaries_under(_groups(department=department)),
        ),
        Dependency("people.Person", fields=("display_name",), via="follow_up_tasks__owner"),
        Dependency(
            "people.Person",
            fields=("display_name",),
            via=lambda person: summaries_under(_groups(Q(leader=person) | Q(secretary=person))),
        ),
        Dependency("taggit.Tag", fields=("name",), via="tags"),
    )

    def get_queryset(self):
        return DiscussionSummaryPage.objects.all()

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        group = StudyGroupPage.objects.filter(path=obj.path[: -obj.steplen]).first()
        if group is None or not group.live:
            return None
        tasks = obj.follow_up_tasks.select_related("owner")
        published = obj.first_published_at or obj.last_published_at
        body = "\n".join(
            [
                strip_tags(obj.studied),
                strip_tags(obj.main_points),
                strip_tags(obj.conclusions),
                *[task.task for task in tasks],
            ]
        )
        people = [p.display_name for p in (group.leader, group.secretary) if p is not None]
        people += [task.owner.display_name for task in tasks if task.owner]
        return SearchDocument(
            title=obj.title,
            body=body,
            kind="discussion_summary",
            url=obj.url,
            date=timezone.localdate(published) if published else None,
            tags=[tag.name for tag in obj.tags.all()],
            people=sorted(set(people)),
            department=group.department.name if group.department_id else "",
            study_group=group.title,
            access=group_access(group),
        )


@register
class ThreadSource(SearchSource):
    name = "study_group_thread"
    model = Thread
    kind_labels = {"discussion_thread": _("discussion thread")}
    # A thread's address is under its group's page; group moves and view restrictions reach it
    # through the `group` lookup (see search.signal_handlers.record_page_subtree).
    depends_on = (
        Dependency(
            "study_groups.StudyGroupPage",
            fields=("title", "live", "is_open", "department", "url_path"),
            via="group",
        ),
        Dependency("people.Department", fields=("name",), via="group__department"),
        Dependency("people.Person", fields=("display_name",), via="posts__author"),
        Dependency("taggit.Tag", fields=("name",), via="tags"),
    )

    def get_queryset(self):
        return Thread.objects.select_related("group")

    def to_document(self, obj) -> SearchDocument | None:
        group = StudyGroupPage.objects.filter(pk=obj.group_id).first()
        if group is None or not group.live:
            return None
        posts = list(obj.posts.shown().select_related("author").order_by("created_at", "pk"))
        if not posts:
            return None
        return SearchDocument(
            title=obj.title,
            body="\n".join(plain_text(post.body) for post in posts),
            kind="discussion_thread",
            url=f"{group.url}threads/{obj.pk}/",
            date=timezone.localdate(posts[-1].created_at),
            tags=[tag.name for tag in obj.tags.all()],
            people=sorted({post.author.display_name for post in posts if post.author}),
            department=group.department.name if group.department_id else "",
            study_group=group.title,
            access=group_access(group),
        )
