from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from search import client as search_client
from search.indexing import backlog as search_backlog


@never_cache
@login_not_required
def healthz(request):
    """The state of the database and of Elasticsearch, as JSON, for monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "up"
    except DatabaseError:
        database = "down"
    elasticsearch = search_client.health()
    ok = database == "up" and elasticsearch != "down"
    return JsonResponse(
        {
            "status": "ok" if ok else "degraded",
            "database": database,
            "elasticsearch": elasticsearch,
            # Changes recorded but not yet in the search index (they wait while it is down).
            "search_backlog": search_backlog() if database == "up" else None,
        },
        status=200 if database == "up" else 503,
    )


def server_error(request):
    """The 500 page, rendered with the request so it speaks the person's language."""
    return render(request, "500.html", status=500)
