"""The one place that knows how to reach Elasticsearch, configured from ELASTICSEARCH_URL."""

from functools import cache

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ApiError, TransportError
from elasticsearch.serializer import OrjsonSerializer

from django.conf import settings

NOT_CONFIGURED = "not configured"
UP = "up"
DOWN = "down"


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@cache
def _client_for(url: str, timeout: float) -> Elasticsearch:
    # orjson writes a document's JSON several times faster than the standard library.
    return Elasticsearch(
        url,
        request_timeout=timeout,
        retry_on_timeout=False,
        max_retries=0,
        serializer=OrjsonSerializer(),
    )


def get_client(timeout: float = 5.0) -> Elasticsearch | None:
    """A client for the configured server, or None when search runs without Elasticsearch."""
    if not is_configured():
        return None
    return _client_for(settings.ELASTICSEARCH_URL, timeout)


def forget_clients() -> None:
    """Drop the cached clients (a forked process must not share its parent's connections)."""
    _client_for.cache_clear()


def index_name(name: str) -> str:
    """The full name of one of Gongxue's indices, with the environment's prefix."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{name}"


def health() -> str:
    """'not configured', 'up' or 'down'; never raises."""
    client = get_client(timeout=2.0)
    if client is None:
        return NOT_CONFIGURED
    try:
        # The cluster health endpoint, not GET /: Elastic's minimal distribution has no root handler.
        status = client.cluster.health()["status"]
    except (ApiError, TransportError, OSError):
        return DOWN
    return UP if status in ("green", "yellow") else DOWN


def server_version() -> str:
    """The Elasticsearch version of the node we talk to."""
    nodes = get_client().nodes.info(node_id="_local")["nodes"]
    return next(iter(nodes.values()))["version"]
