"""The real path: a committed change runs the background task, which writes to the index."""

import time

import pytest

from django.db import transaction

from search import queries
from search.models import OutboxEntry
from search.params import SearchParams
from tests.knowledge.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(user, q, seconds=3.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        hits = queries.search(SearchParams(q=q), user).hits
        if hits:
            return [h.title for h in hits]
        time.sleep(0.1)
    return []


def test_a_published_article_is_found_within_three_seconds_of_the_commit(search_index, cadre):
    with transaction.atomic():
        ArticlePageFactory(title="提交后自动写入索引的文章")
        # Nothing is applied before the commit: a rollback would leave no trace.
        assert OutboxEntry.objects.pending().exists()
    assert wait_for(cadre.user, "自动写入索引") == ["提交后自动写入索引的文章"]
    assert not OutboxEntry.objects.pending().exists()


def test_one_task_is_enqueued_per_transaction(search_index, monkeypatch):
    from search import tasks

    calls = []
    monkeypatch.setattr(tasks, "schedule_apply", lambda: calls.append(1))
    with transaction.atomic():
        for n in range(3):
            ArticlePageFactory(title=f"同一事务中的文章{n}")
    assert calls == [1]
