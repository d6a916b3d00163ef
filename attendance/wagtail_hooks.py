import django_filters

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from people.models import Department

from .models import AttendanceEvent, AttendanceRecord, LeaveRequest, LeaveStatus, Status


def month_choices():
    """The months in which events took place, newest first, as (YYYY-MM, label)."""
    months = AttendanceEvent.objects.datetimes("start", "month", order="DESC", tzinfo=None)
    return [(f"{m:%Y-%m}", f"{m:%Y-%m}") for m in months]


def filter_month(field: str):
    """A filter method keeping rows whose `field` (a datetime) falls in the chosen month."""

    def method(queryset, name, value):
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(**{f"{field}__year": year, f"{field}__month": month})

    return method


class AttendanceEventFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=month_choices, method=filter_month("start")
    )
    closed = django_filters.BooleanFilter(
        label=_("Closed"), field_name="closed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = AttendanceEvent
        fields = []


class AttendanceRecordFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=month_choices, method=filter_month("event__start")
    )
    status = django_filters.ChoiceFilter(label=_("Result"), choices=Status.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="person__department",
        queryset=Department.objects.all(),
    )

    class Meta:
        model = AttendanceRecord
        fields = []


class LeaveRequestFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=month_choices, method=filter_month("event__start")
    )
    status = django_filters.ChoiceFilter(label=_("Decision"), choices=LeaveStatus.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="person__department",
        queryset=Department.objects.all(),
    )

    class Meta:
        model = LeaveRequest
        fields = []


class EventIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("organisers")


class RecordIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("event", "person", "person__department", "marked_by")
        )


class LeaveIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("event", "person", "person__department", "decided_by")
        )


def local_start(event) -> str:
    return f"{timezone.localtime(event.start):%Y-%m-%d %H:%M}"


local_start.short_description = _("starts")
local_start.admin_order_field = "start"


class AttendanceEventViewSet(ModelViewSet):
    name = "attendance_events"
    url_prefix = "attendance/events"
    model = AttendanceEvent
    icon = "date"
    menu_label = _("Events")
    index_view_class = EventIndexView
    list_display = [
        "title",
        Column("start", label=_("starts"), accessor=local_start),
        "place",
        "closed_at",
    ]
    filterset_class = AttendanceEventFilterSet
    search_fields = ["title", "place"]
    copy_view_enabled = False
    ordering = ["-start"]
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldRowPanel(
                    [
                        FieldPanel("opens_before"),
                        FieldPanel("late_after"),
                        FieldPanel("closes_after"),
                    ]
                ),
            ],
            heading=_("Check-in"),
        ),
    ]


def event_title(record) -> str:
    return record.event.title


event_title.short_description = _("event")


def event_start(record) -> str:
    return local_start(record.event)


event_start.short_description = _("starts")


def department_name(record) -> str:
    return record.person.department.name if record.person.department else ""


department_name.short_description = _("department")


class AttendanceRecordViewSet(ModelViewSet):
    name = "attendance_records"
    url_prefix = "attendance/records"
    model = AttendanceRecord
    icon = "tick-inverse"
    menu_label = _("Attendance records")
    index_view_class = RecordIndexView
    list_display = [
        "person",
        Column("department", label=_("department"), accessor=department_name),
        Column("event", label=_("event"), accessor=event_title),
        Column("start", label=_("starts"), accessor=event_start),
        "status",
        "method",
    ]
    list_export = ["person", "event", "status", "method", "checked_in_at", "note"]
    filterset_class = AttendanceRecordFilterSet
    search_fields = ["person__display_name", "event__title"]
    copy_view_enabled = False
    ordering = ["-event__start", "person__display_name"]
    panels = [FieldPanel("status"), FieldPanel("note")]


class LeaveRequestViewSet(ModelViewSet):
    name = "attendance_leave"
    url_prefix = "attendance/leave"
    model = LeaveRequest
    icon = "help"
    menu_label = _("Leave requests")
    index_view_class = LeaveIndexView
    list_display = [
        "person",
        Column("event", label=_("event"), accessor=lambda leave: leave.event.title),
        "reason",
        "status",
        "decided_by",
    ]
    filterset_class = LeaveRequestFilterSet
    search_fields = ["person__display_name", "event__title", "reason"]
    copy_view_enabled = False
    ordering = ["-created_at"]
    inspect_view_enabled = True
    # Decisions are made on the event's roster page, where approving also excuses the person.
    panels = [FieldPanel("decision_note")]


class AttendanceGroup(ViewSetGroup):
    menu_label = _("Attendance")
    menu_icon = "tick-inverse"
    menu_order = 260
    items = (AttendanceEventViewSet, AttendanceRecordViewSet, LeaveRequestViewSet)


@hooks.register("register_admin_viewset")
def register_attendance_admin():
    return AttendanceGroup()


@hooks.register("gongxue_nav_items")
def attendance_nav(request):
    return {"order": 60, "url": reverse("attendance:index"), "label": _("Attendance")}
