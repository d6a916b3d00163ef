from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import SynonymGroup
from .reports import MissedSearchesReportView, may_view

report_urls = (
    [
        path("", MissedSearchesReportView.as_view(), name="missed_searches"),
        path(
            "results/",
            MissedSearchesReportView.as_view(results_only=True),
            name="missed_searches_results",
        ),
    ],
    "search_reports",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/missed-searches/", include(report_urls))]


class MissedSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)


@hooks.register("register_reports_menu_item")
def register_missed_searches_menu_item():
    return MissedSearchesMenuItem(
        _("Searches that found nothing"),
        reverse("search_reports:missed_searches"),
        name="missed-searches",
        icon_name="search",
        order=1000,
    )


class SynonymGroupCreateView(CreateView):
    def get_initial(self):
        # The report of searches that found nothing offers its words as a group's first one.
        initial = super().get_initial()
        words = self.request.GET.get("words", "")[:200]
        if words:
            initial["words"] = words
        return initial


class SynonymGroupViewSet(SnippetViewSet):
    """Editors keep the words that mean the same; search uses them at once, with no rebuild."""

    model = SynonymGroup
    add_view_class = SynonymGroupCreateView
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["words", "note"]
    ordering = ["-updated_at"]


register_snippet(SynonymGroupViewSet)


@hooks.register("gongxue_demo_content")
def demo_synonyms(stdout, password):
    from .demo import load_synonyms

    return load_synonyms(stdout, password)


demo_synonyms.demo_order = 90
