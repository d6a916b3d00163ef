"""The admin report of searches that found nothing (Reports → Searches that found nothing).

Editors see what colleagues look for that the library lacks, and whether it finds something now;
the learning leadership group sees what the office wants to learn. A spreadsheet export is built in.
"""

from urllib.parse import urlencode

from django_filters import DateFromToRangeFilter

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from . import queries
from .models import MissedSearch
from .sources import principals_for_request

PERMISSION = "gongxue_search.view_missedsearch"
ADD_SYNONYMS = "gongxue_search.add_synonymgroup"
# The width, in pixels, of the bar of the most searched words on a page of the report.
BAR_WIDTH = 80


def may_view(user) -> bool:
    return user.has_perm(PERMISSION)


class TimesColumn(NumberColumn):
    """How often the words were searched, as a number and a bar against the page's most searched."""

    cell_template_name = "search/reports/times_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["bar_width"] = instance.get("bar", 0)
        context["bar_max"] = BAR_WIDTH
        return context


class FindsNowColumn(NumberColumn):
    """How many documents the words find now, as the reader may see them; a dash if search is
    not answering."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["raw_value"] is None:
            context["value"] = "—"
        return context


class AddSynonymsColumn(Column):
    """A link that starts a synonym group with the words, for those who keep the synonyms: a
    search that found nothing is often the office's other word for what the library holds."""

    cell_template_name = "search/reports/add_synonyms_cell.html"


class MissedSearchesFilterSet(WagtailFilterSet):
    day = DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = MissedSearch
        fields = []


def _search_page_url(row: dict) -> str:
    return f"{reverse('search:search')}?{urlencode({'q': row['words']})}"


class MissedSearchesReportView(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "search_reports:missed_searches"
    index_results_url_name = "search_reports:missed_searches_results"
    filterset_class = MissedSearchesFilterSet
    is_searchable = True
    search_fields = ["words"]
    default_ordering = "-times"
    columns = [
        TitleColumn(
            "words",
            label=_("Search words"),
            sort_key="words",
            get_url=_search_page_url,
            link_attrs={"target": "_blank", "rel": "noopener"},
        ),
        TimesColumn("times", label=_("Times searched"), sort_key="times"),
        NumberColumn("days", label=_("Days searched")),
        Column("last_day", label=_("Last searched"), sort_key="last_day"),
        FindsNowColumn("finds_now", label=_("Finds now")),
        AddSynonymsColumn("add_synonyms_url", label=_("Synonyms")),
    ]
    list_export = ["words", "times", "days", "last_day", "finds_now"]
    export_headings = {
        "words": _("Search words"),
        "times": _("Times searched"),
        "days": _("Days searched"),
        "last_day": _("Last searched"),
        "finds_now": _("Finds now"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_valid_orderings(self):
        return ["words", "-words", "times", "-times", "last_day", "-last_day"]

    def get_queryset(self):
        # Filtered and searched row by row (a day, the words), then summed a search a line.
        rows = self.search_queryset(self.filter_queryset(MissedSearch.objects.all()))
        return self.order_queryset(rows.by_words())

    def get_filtered_queryset(self):
        return self.get_queryset()

    def order_queryset(self, queryset):
        ordering = self.ordering
        return queryset.order_by(ordering, "words") if ordering else queryset

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        most = max((row["times"] for row in rows), default=0)
        for row in rows:
            row["bar"] = round(BAR_WIDTH * row["times"] / most) if most else 0
        try:
            principals_for_request(self.request)
            found = (
                queries.counts_for([row["words"] for row in rows], self.request.user)
                if rows
                else {}
            )
        except queries.SearchUnavailable:
            found = None
            messages.warning(
                self.request,
                _("Search is not answering: how much each search finds now cannot be shown."),
            )
        add_url = (
            reverse("wagtailsnippets_gongxue_search_synonymgroup:add")
            if self.request.user.has_perm(ADD_SYNONYMS)
            else ""
        )
        for row in rows:
            row["finds_now"] = found.get(row["words"], 0) if found is not None else None
            # The words, then an enumeration comma: the editor writes the other words after it.
            row["add_synonyms_url"] = (
                f"{add_url}?{urlencode({'words': row['words'] + '、'})}" if add_url else ""
            )
        return rows
