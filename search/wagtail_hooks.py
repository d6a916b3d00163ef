from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
