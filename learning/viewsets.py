"""Admin registration: role targets (a setting), plans, records, self-study, notes, inspections
and notices, grouped under "Learning". Notes are scoped in the admin exactly as on the site."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from .models import (
    FourOnesRecord,
    Inspection,
    InspectionNotice,
    Note,
    Plan,
    SelfStudyWeek,
)


class KeptForGoodPolicy(ModelPermissionPolicy):
    """Inspections are made on the site and never deleted: the admin may read and correct them."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


# --------------------------------------------------------------------------- notes


class NoteScopeMixin:
    """Every admin view of notes works on `Note.objects.visible_to(user)`; changing or deleting
    is further limited to one's own notes (superusers: any note they may see)."""

    changing = False

    def scoped_notes(self):
        notes = Note.objects.visible_to(self.request.user)
        if self.changing and not self.request.user.is_superuser:
            person = getattr(self.request.user, "person", None)
            notes = notes.filter(author=person) if person else notes.none()
        return notes

    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.scoped_notes(), pk=pk)

    def get_base_object_queryset(self):
        return self.scoped_notes()


class NoteIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Note.objects.visible_to(self.request.user).select_related("author")


class NoteEditView(NoteScopeMixin, generic.EditView):
    changing = True


class NoteDeleteView(NoteScopeMixin, generic.DeleteView):
    changing = True


class NoteInspectView(NoteScopeMixin, generic.InspectView):
    pass


class NoteHistoryView(NoteScopeMixin, generic.HistoryView):
    pass


class NoteUsageView(NoteScopeMixin, generic.UsageView):
    pass


class NoteViewSet(ModelViewSet):
    url_prefix = "learning/notes"
    name = "learning_notes"
    model = Note
    icon = "doc-full"
    menu_label = _("Study notes")
    index_view_class = NoteIndexView
    edit_view_class = NoteEditView
    delete_view_class = NoteDeleteView
    inspect_view_class = NoteInspectView
    history_view_class = NoteHistoryView
    usage_view_class = NoteUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "author", "date", "characters", "visibility"]
    list_filter = ["visibility", "source_kind", "date"]
    search_fields = ["title", "source"]
    inspect_view_fields = [
        "title",
        "author",
        "date",
        "source_kind",
        "source",
        "body",
        "visibility",
        "characters",
    ]


# --------------------------------------------------------------------------- the rest


class PlanViewSet(ModelViewSet):
    url_prefix = "learning/plans"
    name = "learning_plans"
    model = Plan
    icon = "list-ul"
    menu_label = _("Learning plans")
    list_display = ["person", "year", "updated_at"]
    list_filter = ["year", "person__department"]
    search_fields = ["person__display_name", "summary"]
    copy_view_enabled = False
    inspect_view_enabled = True


class RecordViewSet(ModelViewSet):
    url_prefix = "learning/records"
    name = "learning_records"
    model = FourOnesRecord
    icon = "tasks"
    menu_label = _("Four-ones records")
    list_display = ["title", "person", "kind", "date"]
    list_filter = ["kind", "date", "person__department"]
    search_fields = ["title", "person__display_name"]
    copy_view_enabled = False
    inspect_view_enabled = True


class SelfStudyViewSet(ModelViewSet):
    url_prefix = "learning/self-study"
    name = "learning_self_study"
    model = SelfStudyWeek
    icon = "time"
    menu_label = _("Self-study")
    list_display = ["person", "week_start", "days", "content"]
    list_filter = ["week_start", "person__department"]
    search_fields = ["person__display_name", "content"]
    copy_view_enabled = False
    inspect_view_enabled = True


class InspectionViewSet(ModelViewSet):
    url_prefix = "learning/inspections"
    name = "learning_inspections"
    model = Inspection
    icon = "clipboard-list"
    menu_label = _("Notes inspections")
    list_display = ["person", "year", "month", "mark", "inspector_name", "updated_at"]
    list_filter = ["year", "month", "mark", "person__department"]
    search_fields = ["person__display_name", "inspector_name", "comment"]
    copy_view_enabled = False
    inspect_view_enabled = True


class NoticeViewSet(ModelViewSet):
    url_prefix = "learning/notices"
    name = "learning_notices"
    model = InspectionNotice
    icon = "mail"
    menu_label = _("Inspection notices")
    list_display = ["title", "year", "month", "status", "published_at"]
    list_filter = ["status", "year"]
    search_fields = ["title"]
    copy_view_enabled = False
    inspect_view_enabled = True


class LearningViewSetGroup(ModelViewSetGroup):
    menu_label = _("Learning")
    menu_icon = "glasses"
    menu_order = 260
    items = (
        PlanViewSet,
        RecordViewSet,
        SelfStudyViewSet,
        NoteViewSet,
        InspectionViewSet,
        NoticeViewSet,
    )
