"""Discussion summaries (讨论纪要): the secretary's write-up of a session, approved by the group leader."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import (
    Orderable,
    Page,
    PageManager,
    PagePermissionTester,
    Task,
    TaskState,
    WorkflowState,
)
from wagtail.query import PageQuerySet
from wagtail.search import index

SUMMARY_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4", "blockquote"]


class SummaryTag(TaggedItemBase):
    content_object = ParentalKey(
        "study_groups.DiscussionSummaryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SummaryQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live summaries of the groups the person may see (closed groups: members only)."""
        from .groups import StudyGroupPage

        summaries = self.live()
        groups = StudyGroupPage.objects.visible_to(user)
        if getattr(user, "is_superuser", False):
            return summaries
        paths = list(groups.values_list("path", flat=True))
        if not paths:
            return summaries.none()
        query = models.Q()
        for group_path in paths:
            query |= models.Q(path__startswith=group_path)
        return summaries.filter(query)

    def in_review(self):
        """Summaries submitted to the leader and not yet approved or sent back."""
        return self.filter(
            _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
        ).distinct()


class DiscussionSummaryPage(Page):
    """What was studied, the main points of discussion, the conclusions and the follow-up tasks."""

    session = models.ForeignKey(
        "study_groups.StudySession",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summaries",
    )
    studied = RichTextField(_("what was studied"), features=SUMMARY_FEATURES)
    main_points = RichTextField(_("main points of discussion"), features=SUMMARY_FEATURES)
    conclusions = RichTextField(_("conclusions"), features=SUMMARY_FEATURES, blank=True)
    tags = ClusterTaggableManager(through=SummaryTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(SummaryQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("session"),
        FieldPanel("studied"),
        FieldPanel("main_points"),
        FieldPanel("conclusions"),
        InlinePanel("follow_up_tasks", label=_("Follow-up tasks"), heading=_("Follow-up tasks")),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("studied"),
        index.SearchField("main_points"),
        index.SearchField("conclusions"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["study_groups.StudyGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("discussion summary")
        verbose_name_plural = _("discussion summaries")

    @property
    def group(self):
        return self.get_parent().specific

    def permissions_for_user(self, user):
        # The group leader approves a summary, and approving publishes it: the leader of this
        # summary's own group may publish it, whatever their other page permissions.
        return LeaderPublishesSummary(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["group"] = self.group
        context["tasks"] = self.follow_up_tasks.select_related("owner")
        return context


class FollowUpTask(Orderable):
    page = ParentalKey(
        DiscussionSummaryPage, on_delete=models.CASCADE, related_name="follow_up_tasks"
    )
    task = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        "people.Person",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_group_tasks",
    )
    due_date = models.DateField(_("due by"), null=True, blank=True)

    panels = [FieldPanel("task"), FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date")])]

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up task")
        verbose_name_plural = _("follow-up tasks")

    def __str__(self):
        return self.task


class LeaderPublishesSummary(PagePermissionTester):
    def can_publish(self):
        if super().can_publish():
            return True
        person = getattr(self.user, "person", None) if self.user.is_active else None
        return person is not None and _leader_person_id(self.page) == person.pk


def _leader_person_id(obj):
    """The person id of the leader of the group a summary belongs to, or None."""
    from .groups import StudyGroupPage

    group = StudyGroupPage.objects.filter(path=obj.path[: -obj.steplen]).only("leader_id").first()
    return group.leader_id if group else None


class StudyGroupLeaderApprovalTask(Task):
    """A workflow step in which the leader of the summary's own group approves it or sends it back."""

    def _is_leader(self, obj, user) -> bool:
        person = getattr(user, "person", None) if user.is_authenticated else None
        if person is None or not hasattr(obj, "path"):
            return False
        return _leader_person_id(obj) == person.pk

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self._is_leader(obj, user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self._is_leader(obj, user))

    def user_can_lock(self, obj, user):
        return self._is_leader(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if user.is_superuser or self._is_leader(obj, user):
            return [
                ("reject", _("Send back with a comment"), True),
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve with a comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .groups import StudyGroupPage

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        person = getattr(user, "person", None) if user.is_authenticated else None
        if person is None:
            return TaskState.objects.none()
        led_paths = list(
            StudyGroupPage.objects.filter(leader=person).values_list("path", flat=True)
        )
        if not led_paths:
            return TaskState.objects.none()
        summary_ids = []
        for group_path in led_paths:
            summary_ids += [
                str(pk)
                for pk in DiscussionSummaryPage.objects.filter(
                    path__startswith=group_path
                ).values_list("pk", flat=True)
            ]
        return states.filter(workflow_state__object_id__in=summary_ids)

    @classmethod
    def get_description(cls):
        return _("The leader of the summary's study group approves it or sends it back")

    class Meta:
        verbose_name = _("study group leader's approval")
        verbose_name_plural = _("study group leader's approvals")
