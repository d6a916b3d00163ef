"""Relevance on a judged query set: nDCG@10 and MRR of Gongxue's analysis, beside a baseline.

The baseline is the plain single-character approach: the standard analyzer alone on title and
body, queried with a multi_match. Gongxue's analysis must reach nDCG@10 >= 0.85 and MRR >= 0.9,
and beat the baseline by at least 0.05 nDCG@10.
"""

import math
import sys
import uuid

import pytest

from search import client, index, indexing, queries
from search.sources import SearchDocument, SearchSource

from .relevance_corpus import build_corpus, build_queries

pytestmark = pytest.mark.django_db

K = 10


class Judged(SearchSource):
    name = "judged"


def ndcg_at_k(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    for i, doc_id in enumerate(ranked):
        if grades.get(doc_id, 0) > 0:
            return 1 / (i + 1)
    return 0.0


@pytest.fixture(scope="module")
def corpus():
    return build_corpus()


@pytest.fixture
def indices(search_index, corpus):
    es = client.get_client()
    built = indexing.Built(version=indexing.now_version())
    for doc in corpus:
        body = indexing.document_body(
            SearchDocument(
                title=doc.title, body=doc.body, kind="theory", url="/", access=["staff"]
            ),
            Judged(),
        )
        built.write[doc.doc_id] = body
    indexing.write_index(built, refresh=True)
    baseline = f"{index.alias_name()}-baseline-{uuid.uuid4().hex[:6]}"
    es.indices.create(
        index=baseline,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={
            "properties": {
                "title": {"type": "text", "analyzer": "standard"},
                "body": {"type": "text", "analyzer": "standard"},
            }
        },
    )
    from elasticsearch import helpers

    helpers.bulk(
        es,
        (
            {"_index": baseline, "_id": d.doc_id, "_source": {"title": d.title, "body": d.body}}
            for d in corpus
        ),
        refresh=True,
    )
    yield index.alias_name(), baseline
    es.indices.delete(index=baseline)


def ours(alias: str, q: str) -> list[str]:
    # The ranking the search page uses: the query, then phrases in bodies among the best.
    query, rescore = queries.text_query(q), queries.phrase_rescore(q)
    response = client.get_client().search(
        index=alias, query=query.to_dict(), rescore=rescore, size=K, source=False
    )
    return [hit["_id"] for hit in response["hits"]["hits"]]


def plain(baseline: str, q: str) -> list[str]:
    response = client.get_client().search(
        index=baseline,
        query={"multi_match": {"query": q, "fields": ["title", "body"]}},
        size=K,
        source=False,
    )
    return [hit["_id"] for hit in response["hits"]["hits"]]


def evaluate(run, target, corpus, judged_queries):
    ndcgs, rrs = [], []
    for q, topic in judged_queries:
        grades = {d.doc_id: d.grades[topic] for d in corpus if topic in d.grades}
        ranked = run(target, q)
        ndcgs.append(ndcg_at_k(ranked, grades))
        rrs.append(reciprocal_rank(ranked, grades))
    return sum(ndcgs) / len(ndcgs), sum(rrs) / len(rrs), ndcgs


def test_the_analysis_finds_the_right_things_first(indices, corpus, capsys):
    alias, baseline = indices
    judged_queries = build_queries()
    assert len(corpus) >= 150
    assert len(judged_queries) >= 40
    ndcg, mrr, per_query = evaluate(ours, alias, corpus, judged_queries)
    base_ndcg, base_mrr, _ = evaluate(plain, baseline, corpus, judged_queries)
    worst = sorted(zip(per_query, [q for q, _ in judged_queries], strict=True))[:3]
    with capsys.disabled():
        sys.stdout.write(
            f"\nrelevance over {len(judged_queries)} queries, {len(corpus)} documents:\n"
            f"  gongxue analysis  nDCG@10 {ndcg:.3f}  MRR {mrr:.3f}\n"
            f"  standard baseline nDCG@10 {base_ndcg:.3f}  MRR {base_mrr:.3f}\n"
            f"  weakest queries: {', '.join(f'{q} ({v:.2f})' for v, q in worst)}\n"
        )
    assert ndcg >= 0.85
    assert mrr >= 0.9
    assert ndcg - base_ndcg >= 0.05
