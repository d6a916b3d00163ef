from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Post, StudyGroupPage, StudySession, Thread


@hooks.register("before_serve_page")
def guard_closed_groups(page, request, serve_args, serve_kwargs):
    """A closed group's page, routes (threads, attachments, sessions) and summaries: members only.

    Answered with 404, so that a closed group's existence is not confirmed to others either.
    """
    from .membership import can_view_group
    from .models import DiscussionSummaryPage

    group = None
    if isinstance(page, StudyGroupPage):
        group = page
    elif isinstance(page, DiscussionSummaryPage):
        group = page.group
    if group is not None and not can_view_group(request.user, group):
        raise Http404


@hooks.register("gongxue_site_structure")
def ensure_groups_index(home):
    from home.site_structure import ensure_child

    from .models import StudyGroupIndexPage
    from .workflow import ensure_summary_workflow

    index = ensure_child(home, StudyGroupIndexPage, "groups", "学习小组")
    ensure_summary_workflow(index)


@hooks.register("gongxue_nav_items")
def groups_nav_item(request):
    from .models import Notification

    label = _("Study groups")
    person = getattr(request.user, "person", None)
    unread = Notification.objects.filter(recipient=person).unread().count() if person else 0
    if unread:
        return {"order": 30, "url": "/groups/notifications/", "label": f"{label} ({unread})"}
    return {"order": 30, "url": "/groups/", "label": label}


@hooks.register("gongxue_home_panels")
def coming_sessions_panel(request):
    person = getattr(request.user, "person", None)
    if person is None:
        return None
    sessions = StudySession.objects.of_person(person).upcoming().for_listing()[:5]
    return {
        "order": 30,
        "title": _("Your groups' coming sessions"),
        "template": "study_groups/panels/coming_sessions.html",
        "sessions": sessions,
    }


@hooks.register("gongxue_home_panels")
def groups_behind_panel(request):
    from .meeting_rules import groups_behind
    from .views import may_see_meeting_rules

    if not may_see_meeting_rules(request.user):
        return None
    return {
        "order": 35,
        "title": _("Study groups behind their meeting rule"),
        "template": "study_groups/panels/groups_behind.html",
        "behind": groups_behind(),
    }


@hooks.register("gongxue_tag_sections")
def summaries_with_tag(request, tag):
    """Published summaries under a tag join the shared, tagged knowledge (closed groups: members)."""
    from .models import DiscussionSummaryPage

    summaries = list(
        DiscussionSummaryPage.objects.visible_to(request.user)
        .filter(tags=tag)
        .select_related("session")
        .order_by("-first_published_at")[:20]
    )
    if not summaries:
        return None
    return {
        "title": _("Discussion summaries"),
        "template": "study_groups/panels/tagged_summaries.html",
        "summaries": summaries,
    }


@hooks.register("gongxue_lecture_audiences")
def study_group_audience():
    """Lectures may be for one study group: its members are the roster and get the reminders."""
    from lectures.audience import AudienceKind

    from .audience import describe_group, group_lectures, group_people

    return AudienceKind(
        key="study_group",
        label=_("a study group"),
        people=group_people,
        lectures_for=group_lectures,
        describe=describe_group,
    )


@hooks.register("gongxue_demo_content")
def demo_study_groups(stdout, password):
    from .demo import load_study_groups

    return load_study_groups(stdout, password)


demo_study_groups.demo_order = 40


class StudyGroupPageListing(PageListingViewSet):
    model = StudyGroupPage
    menu_label = _("Study groups")
    icon = "group"
    menu_order = 255
    add_to_admin_menu = True
    list_display = ["title", "kind", "is_open", "leader", "secretary", "meeting_interval"]
    list_filter = ["kind", "is_open", "meeting_interval"]


class StudySessionViewSet(SnippetViewSet):
    model = StudySession
    icon = "date"
    menu_label = _("Study sessions")
    list_display = ["topic", "group", "starts_at", "duration_hours", "place", "facilitator"]
    list_filter = ["group", "starts_at"]
    search_fields = ["topic", "place"]
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return StudySession.objects.select_related("group", "facilitator")


class ThreadViewSet(SnippetViewSet):
    model = Thread
    icon = "comment"
    menu_label = _("Discussion threads")
    list_display = ["title", "group", "session", "author", "created_at"]
    list_filter = ["group", "created_at"]
    search_fields = ["title"]
    ordering = ["-created_at"]
    panels = [FieldPanel("title"), FieldPanel("group"), FieldPanel("session"), FieldPanel("tags")]

    def get_queryset(self, request):
        return Thread.objects.select_related("group", "session", "author")


class PostViewSet(SnippetViewSet):
    """Posts, for the admin's oversight of hidden posts and their reasons."""

    model = Post
    icon = "comment"
    menu_label = _("Posts")
    list_display = ["__str__", "created_at", "edited_at", "hidden_at", "hidden_reason"]
    list_filter = ["thread__group", "created_at", "hidden_at"]
    search_fields = ["body"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Post.objects.select_related("thread__group", "author")


class StudyGroupsAdminGroup(SnippetViewSetGroup):
    menu_label = _("Sessions and threads")
    menu_icon = "group"
    menu_order = 260
    items = (StudySessionViewSet, ThreadViewSet, PostViewSet)


register_snippet(StudyGroupsAdminGroup)


@hooks.register("register_admin_viewset")
def register_study_group_listing():
    return StudyGroupPageListing("study_group_pages")
