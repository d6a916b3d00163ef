from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .models import Department, Person


class DepartmentAdmin(ModelAdmin):
    model = Department
    menu_label = _("Departments")
    menu_icon = "group"
    list_display = ("name", "head", "leader_in_charge")
    search_fields = ("name",)


class PersonAdmin(ModelAdmin):
    model = Person
    menu_label = _("People")
    menu_icon = "user"
    list_display = ("display_name", "user", "department", "position")
    list_filter = ("department", "position")
    search_fields = ("display_name", "user__username")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "department")


class PeopleGroup(ModelAdminGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 250
    items = (DepartmentAdmin, PersonAdmin)


modeladmin_register(PeopleGroup)


@hooks.register("gongxue_demo_content")
def demo_people(stdout, password):
    from .demo import load_people

    return load_people(stdout, password)


demo_people.demo_order = 10
