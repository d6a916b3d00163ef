"""Study groups as pages: the index at /groups/ and one page per group, under which its summaries live."""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.privacy import restrict_pages

THREADS_ON_GROUP_PAGE = 20
THREADS_PER_PAGE = 30


class GroupKind(models.TextChoices):
    # With a context: other apps use some of these words for other things (a member of the
    # central group, say), and Django's catalogues share one namespace.
    CENTRAL = "central", pgettext_lazy("study group kind", "central study group")
    YOUTH = "youth", pgettext_lazy("study group kind", "youth study group")
    DEPARTMENT = "department", pgettext_lazy("study group kind", "department group")
    OTHER = "other", pgettext_lazy("study group kind", "other study group")


class MeetingInterval(models.TextChoices):
    MONTHLY = "monthly", _("at least once a month")
    QUARTERLY = "quarterly", _("at least once a quarter")


class StudyGroupQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live groups the person may see: every open group, and the closed groups they belong to."""
        from study_groups.membership import group_ids_of

        queryset = restrict_pages(self, user)
        if getattr(user, "is_superuser", False):
            return queryset
        return queryset.filter(Q(is_open=True) | Q(pk__in=group_ids_of(user)))

    def open(self):
        return self.filter(is_open=True)

    def of_person(self, person):
        """The groups this person belongs to, as member, leader or secretary."""
        return self.filter(Q(members=person) | Q(leader=person) | Q(secretary=person)).distinct()

    def theirs_first(self, user):
        """The person's own groups first, then the others; each part by kind and title."""
        from study_groups.membership import group_ids_of

        mine = group_ids_of(user)
        return self.annotate(
            is_mine=Case(
                When(pk__in=mine or [0], then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("is_mine", "kind_order", "title")

    def for_listing(self):
        """What a listing shows of each group, in a fixed number of queries."""
        return (
            self.select_related("leader", "secretary", "department")
            .prefetch_related("members")
            .annotate(
                kind_order=Case(
                    *[
                        When(kind=value, then=Value(position))
                        for position, value in enumerate(GroupKind.values)
                    ],
                    output_field=IntegerField(),
                )
            )
        )


class StudyGroupIndexPage(RoutablePageMixin, Page):
    """/groups/: the study groups a person may see, theirs first."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["study_groups.StudyGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("study groups")

    def get_context(self, request, *args, **kwargs):
        from study_groups.membership import group_ids_of
        from study_groups.views import may_see_meeting_rules

        context = super().get_context(request, *args, **kwargs)
        groups = list(
            StudyGroupPage.objects.child_of(self)
            .visible_to(request.user)
            .for_listing()
            .theirs_first(request.user)
        )
        mine = group_ids_of(request.user)
        context["my_groups"] = [group for group in groups if group.pk in mine]
        context["other_groups"] = [group for group in groups if group.pk not in mine]
        context["may_see_meeting_rules"] = may_see_meeting_rules(request.user)
        return context

    @path("notifications/")
    def notifications(self, request):
        from study_groups import views

        return views.notifications(request, self)

    @path("meeting-rules/")
    def meeting_rules(self, request):
        from study_groups import views

        return views.meeting_rules_report(request, self)


class StudyGroupPage(RoutablePageMixin, Page):
    """A study group: its members, sessions, discussion threads and published summaries."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=GroupKind.choices, default=GroupKind.DEPARTMENT
    )
    is_open = models.BooleanField(
        _("open group"),
        default=True,
        help_text=_(
            "Everyone may read what an open group publishes. A closed group's threads, "
            "attachments and summaries are for its members alone."
        ),
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    department = models.ForeignKey(
        "people.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_groups",
        help_text=_("For a department group: the department it belongs to"),
    )
    leader = models.ForeignKey(
        "people.Person",
        verbose_name=_("group leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_study_groups",
    )
    secretary = models.ForeignKey(
        "people.Person",
        verbose_name=_("group secretary"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_groups_as_secretary",
        help_text=_("Writes the discussion summaries"),
    )
    members = ParentalManyToManyField(
        "people.Person", verbose_name=_("members"), blank=True, related_name="study_groups"
    )
    meeting_interval = models.CharField(
        _("meets"),
        max_length=20,
        choices=MeetingInterval.choices,
        default=MeetingInterval.MONTHLY,
    )
    minimum_hours = models.DecimalField(
        _("minimum length (hours)"),
        max_digits=3,
        decimal_places=1,
        default=3,
        help_text=_(
            "A session counts towards the meeting rule only if it lasts at least this long"
        ),
    )
    # The Wagtail group whose page permission lets the secretary add summaries under this page;
    # kept in step with `secretary` by study_groups.admin_access.
    secretaries_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PageManager.from_queryset(StudyGroupQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("is_open")]),
                FieldPanel("department"),
                FieldPanel("description"),
            ],
            heading=_("About the group"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("leader"), FieldPanel("secretary")]),
                FieldPanel("members"),
            ],
            heading=_("People"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("meeting_interval"), FieldPanel("minimum_hours")])],
            heading=_("Meeting rule"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("is_open"),
    ]

    parent_page_types = ["study_groups.StudyGroupIndexPage"]
    subpage_types = ["study_groups.DiscussionSummaryPage"]

    class Meta:
        verbose_name = _("study group")
        verbose_name_plural = _("study groups")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        from study_groups.membership import is_member, members_of

        from .sessions import StudySession
        from .summaries import DiscussionSummaryPage
        from .threads import Thread

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        roles = {self.leader_id: 0, self.secretary_id: 1}
        context["members"] = sorted(
            members_of(self).select_related("department"),
            key=lambda person: (roles.get(person.pk, 2), person.display_name),
        )
        context["is_member"] = is_member(user, self)
        context["is_leader"] = self.is_led_by(user)
        context["may_schedule"] = self.may_manage(user)
        context["writes_summaries"] = self.is_secretary(user)
        sessions = StudySession.objects.filter(group=self).for_listing()
        context["coming_sessions"] = sessions.upcoming()
        context["past_sessions"] = sessions.past()[:10]
        threads = Thread.objects.filter(group=self)
        context["threads"] = threads.for_listing()[:THREADS_ON_GROUP_PAGE]
        context["more_threads"] = threads.count() > THREADS_ON_GROUP_PAGE
        context["summaries"] = (
            DiscussionSummaryPage.objects.child_of(self)
            .live()
            .select_related("session")
            .prefetch_related("tags")
            .order_by("-first_published_at")
        )
        if self.may_manage(user):
            context["summaries_in_review"] = DiscussionSummaryPage.objects.child_of(
                self
            ).in_review()
        return context

    @property
    def member_count(self) -> int:
        """Members, leader and secretary, counted once each (uses prefetched members)."""
        ids = {person.pk for person in self.members.all()}
        ids.update(pk for pk in (self.leader_id, self.secretary_id) if pk)
        return len(ids)

    def is_led_by(self, user) -> bool:
        person = getattr(user, "person", None) if user.is_authenticated else None
        return person is not None and person.pk == self.leader_id

    def is_secretary(self, user) -> bool:
        person = getattr(user, "person", None) if user.is_authenticated else None
        return person is not None and person.pk == self.secretary_id

    def may_manage(self, user) -> bool:
        """The leader and the secretary run the group: they schedule its sessions."""
        if getattr(user, "is_superuser", False):
            return True
        person = getattr(user, "person", None) if user.is_authenticated else None
        return person is not None and person.pk in (self.leader_id, self.secretary_id)

    # Routes: the group page's privacy (see study_groups.wagtail_hooks) guards each of them.
    @path("threads/")
    def thread_list(self, request):
        from study_groups import views

        return views.thread_list(request, self)

    @path("threads/new/")
    def new_thread(self, request):
        from study_groups import views

        return views.new_thread(request, self)

    @path("threads/<int:thread_id>/")
    def thread(self, request, thread_id):
        from study_groups import views

        return views.thread_detail(request, self, thread_id)

    @path("threads/<int:thread_id>/since/<int:post_id>/")
    def thread_since(self, request, thread_id, post_id):
        from study_groups import views

        return views.posts_since(request, self, thread_id, post_id)

    @path("posts/<int:post_id>/edit/")
    def edit_post(self, request, post_id):
        from study_groups import views

        return views.edit_post(request, self, post_id)

    @path("posts/<int:post_id>/hide/")
    def hide_post(self, request, post_id):
        from study_groups import views

        return views.hide_post(request, self, post_id)

    @path("attachments/<int:attachment_id>/")
    def attachment(self, request, attachment_id):
        from study_groups import views

        return views.download_attachment(request, self, attachment_id)

    @path("sessions/new/")
    def new_session(self, request):
        from study_groups import views

        return views.edit_session(request, self, None)

    @path("sessions/<int:session_id>/")
    def session(self, request, session_id):
        from study_groups import views

        return views.session_detail(request, self, session_id)

    @path("sessions/<int:session_id>/edit/")
    def change_session(self, request, session_id):
        from study_groups import views

        return views.edit_session(request, self, session_id)
