"""The search page, its JSON API and the title suggestions of the search box.

Each answers from Elasticsearch when it can and from the database copy when it cannot, saying so.
"""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import client, fallback, missed_searches, queries
from .params import SearchParams
from .sources import principals_for_request

logger = logging.getLogger(__name__)


def run_search(request) -> queries.Results:
    """Results for the request's query string, from Elasticsearch or else from the database.

    A search that finds nothing is counted for the editors' report (search.missed_searches)."""
    params = SearchParams.from_query(request.GET)
    principals_for_request(request)  # kept in the session: the searches below read them there
    results = None
    if client.is_configured():
        try:
            results = queries.search(params, request.user)
        except queries.SearchUnavailable as error:
            logger.warning("search: answering from the database: %s", error)
    if results is None:
        results = fallback.search(params, request.user)
    results.noted = missed_searches.record(results)
    return results


def search_page(request):
    results = run_search(request)
    params = results.params
    if params.q and results.count and not results.hits:
        results.problems.append(
            _("There is no page %(page)s: the results end at page %(last)s.")
            % {"page": params.page, "last": results.num_pages}
        )
    titles = facet_titles()
    facet_groups = [
        (name, titles[name], facet_links(params, name, values))
        for name, values in results.facets.items()
        if values
    ]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "results": results,
            "params": params,
            "facet_groups": facet_groups,
            "sort_links": [
                (key, label, params.as_query(sort=key if key != "relevance" else ""))
                for key, label in (("relevance", _("Relevance")), ("date", _("Newest first")))
            ],
            "clear_query": params.as_query(kind="", tag=[], department="", study_group="", year=""),
            "previous_query": params.as_query(page=params.page - 1),
            "next_query": params.as_query(page=params.page + 1),
        },
    )


def facet_links(params: SearchParams, name: str, values) -> str:
    """A facet's values as list items, each a link that chooses (or unchooses) it with its count.

    Made here rather than in a template loop: a page shows up to a hundred of them, and the
    template engine would resolve five variables for each.
    """
    return format_html_join(
        "",
        '<li><a href="?{}"{}>{} <span class="facet-count">{}</span></a></li>',
        (
            (
                params.toggled(name, value.value),
                mark_safe(' aria-current="true"') if value.selected else "",
                value.label,
                value.count,
            )
            for value in values
        ),
    )


def facet_titles() -> dict:
    return {
        "kind": _("Kind"),
        "tag": _("Tags"),
        "department": _("Department"),
        "study_group": _("Study group"),
        "year": _("Year"),
    }


def api_search(request):
    """The same search as JSON: count, results (title, url, kind, highlights, date, tags), facets."""
    return JsonResponse(run_search(request).as_json(), json_dumps_params={"ensure_ascii": False})


def suggest(request):
    """Titles the person may see that contain what they typed: {"suggestions": [...]}."""
    prefix = request.GET.get("q", "")
    principals_for_request(request)
    suggestions = []
    if client.is_configured():
        try:
            suggestions = queries.suggest_titles(prefix, request.user)
        except queries.SearchUnavailable:
            suggestions = fallback.suggest_titles(prefix, request.user)
    else:
        suggestions = fallback.suggest_titles(prefix, request.user)
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
