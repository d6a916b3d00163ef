import django_filters

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from people.models import Department

from .models import LecturePage, MonthlyLectureSlot, RotationExclusion, SlotStatus


@hooks.register("gongxue_site_structure")
def ensure_lecture_index(home):
    from home.site_structure import ensure_child

    from .models import LectureIndexPage

    ensure_child(home, LectureIndexPage, "lectures", "讲座")


@hooks.register("gongxue_home_panels")
def coming_lectures_panel(request):
    from attendance.access import person_of

    person = person_of(request.user)
    lectures = LecturePage.objects.visible_to(request.user).upcoming().for_listing()[:5]
    my_slot = (
        MonthlyLectureSlot.objects.for_speaker(person).coming().for_listing().first()
        if person
        else None
    )
    return {
        "order": 20,
        "title": _("Coming lectures"),
        "template": "lectures/panels/coming_lectures.html",
        "lectures": lectures,
        "my_slot": my_slot,
    }


@hooks.register("gongxue_nav_items")
def lectures_nav(request):
    return {"order": 20, "url": "/lectures/", "label": _("Lectures")}


@hooks.register("gongxue_demo_content")
def demo_lectures(stdout, password):
    from .demo import load_lectures

    return load_lectures(stdout, password)


demo_lectures.demo_order = 30


@hooks.register("gongxue_document_access")
def monthly_lecture_materials(document, user):
    """Materials handed in for a monthly lecture are the speaker's and the planners' until a
    lecture page uses them; then the page's privacy decides."""
    slot = (
        MonthlyLectureSlot.objects.filter(materials_document=document)
        .select_related("speaker")
        .first()
    )
    if slot is None:
        return None
    from .views import may_plan

    if (slot.speaker and slot.speaker.user_id == user.pk) or may_plan(user):
        return True
    from home.document_access import pages_using

    if pages_using(document).exists():
        return None
    return False


# Admin ---------------------------------------------------------------------------------------


def slot_month_choices():
    return [
        (f"{year}-{month:02d}", f"{year}-{month:02d}")
        for year, month in MonthlyLectureSlot.objects.order_by("-year", "-month")
        .values_list("year", "month")
        .distinct()
    ]


class SlotFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=slot_month_choices, method="filter_month"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SlotStatus.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), field_name="speaker__department", queryset=Department.objects.all()
    )
    confirmed = django_filters.BooleanFilter(label=_("Confirmed"))

    class Meta:
        model = MonthlyLectureSlot
        fields = []

    def filter_month(self, queryset, name, value):
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(year=year, month=month)


class SlotIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("speaker__department", "lecture")


def slot_month(slot) -> str:
    return f"{slot.year}-{slot.month:02d}"


def slot_overdue(slot) -> str:
    return str(_("overdue")) if slot.is_overdue(timezone.localdate()) else ""


class MonthlyLectureSlotViewSet(ModelViewSet):
    model = MonthlyLectureSlot
    name = "monthly_lecture_slots"
    url_prefix = "lectures/rotation"
    icon = "date"
    menu_label = _("Monthly lecture rotation")
    index_view_class = SlotIndexView
    list_display = [
        Column("month", label=_("month"), accessor=slot_month, sort_key="year"),
        "speaker",
        "topic",
        "status",
        "confirmed",
        "materials_due",
        Column("overdue", label=_("overdue"), accessor=slot_overdue),
    ]
    filterset_class = SlotFilterSet
    search_fields = ["topic", "speaker__display_name"]
    ordering = ["-year", "month"]
    copy_view_enabled = False
    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("month")]),
        FieldPanel("speaker"),
        FieldPanel("topic"),
        FieldPanel("confirmed"),
        FieldPanel("materials_due"),
        FieldPanel("status"),
        FieldPanel("materials_document"),
        FieldPanel("materials_note"),
        FieldPanel("lecture"),
    ]


class RotationExclusionViewSet(ModelViewSet):
    model = RotationExclusion
    name = "rotation_exclusions"
    url_prefix = "lectures/exclusions"
    icon = "cross"
    menu_label = _("Rotation exclusions")
    list_display = ["person", "starts", "ends", "reason"]
    list_filter = ["starts"]
    search_fields = ["person__display_name", "reason"]
    copy_view_enabled = False
    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("reason"),
    ]


class LecturesAdminGroup(ViewSetGroup):
    menu_label = _("Lectures")
    menu_icon = "doc-full"
    menu_order = 255
    items = (MonthlyLectureSlotViewSet, RotationExclusionViewSet)


@hooks.register("register_admin_viewset")
def register_lectures_admin():
    return LecturesAdminGroup()
