"""The search app reaches the real Elasticsearch server that `make test` starts."""

import uuid

import pytest

from search import client


@pytest.fixture
def scratch_index():
    es = client.get_client()
    name = client.index_name(f"scratch-{uuid.uuid4().hex[:8]}")
    yield es, name
    es.options(ignore_status=404).indices.delete(index=name)


def test_a_document_indexed_is_found(scratch_index):
    es, name = scratch_index
    es.index(index=name, id="1", document={"title": "团队学习大于个人学习之和"}, refresh=True)
    es.index(index=name, id="2", document={"title": "Digital government research"}, refresh=True)
    hits = es.search(index=name, query={"match": {"title": "government"}})["hits"]["hits"]
    assert [hit["_id"] for hit in hits] == ["2"]


def test_the_server_is_elasticsearch_8():
    assert client.server_version().startswith("8.")
