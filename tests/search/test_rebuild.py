"""`search_index --rebuild | --check [--repair] | --drain`: a new index without stopping search,
and an index put right after changes made behind the signals' back."""

import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from search import client, fallback, index, queries, rebuild
from search.models import SearchEntry
from search.params import SearchParams
from tests.knowledge.factories import ArticlePageFactory

from .conftest import index_now

pytestmark = pytest.mark.django_db


def found_titles(user, q):
    return {hit.title for hit in queries.search(SearchParams(q=q), user).hits}


def found_in_copy(user, q):
    """What the database fallback finds (search without Elasticsearch)."""
    return {hit.title for hit in fallback.search(SearchParams(q=q), user).hits}


def test_rebuild_answers_searches_throughout_and_catches_up_on_changes(search_index, cadre):
    for n in range(12):
        ArticlePageFactory(title=f"理论学习心得之{n}")
    index_now()
    old_index = index.current_physical()
    answered = []

    def during(count):
        # Searches keep working on the old index while the new one fills...
        answered.append(len(found_titles(cadre.user, "理论学习")))
        if len(answered) == 1:
            # ...and a page published meanwhile is caught up before the swap.
            ArticlePageFactory(title="重建期间发布的理论学习文章")

    report = rebuild.rebuild(progress=during)
    assert answered and all(n == 10 for n in answered)  # one full page every time
    assert index.current_physical() == report.index != old_index
    assert old_index not in index.physical_indices()
    assert report.counted == 13
    assert "重建期间发布的理论学习文章" in found_titles(cadre.user, "重建期间")


def test_make_run_rebuilds_only_an_index_that_is_missing_or_was_built_by_other_code(
    search_index,
):
    ArticlePageFactory(title="数字政府建设调研")
    index_now()
    built = index.current_physical()
    out = io.StringIO()
    call_command("search_index", "--rebuild", "--if-needed", stdout=out)
    assert "nothing to do" in out.getvalue()
    assert index.current_physical() == built

    # An upgrade whose index holds fields this code does not write, or lacks ones it does.
    client.get_client().indices.put_mapping(
        index=built, meta={**index.expected_meta(), "schema": 1}
    )
    out = io.StringIO()
    call_command("search_index", "--rebuild", "--if-needed", stdout=out, stderr=io.StringIO())
    assert "Indexed 1 document(s)" in out.getvalue()
    assert index.current_physical() != built
    assert not index.needs_rebuild()


def test_make_run_rebuilds_a_database_copy_written_before_fingerprints(search_index, cadre):
    ArticlePageFactory(title="数字政府建设调研")
    index_now()
    # An upgrade from before entries had fingerprints: the migration left them blank.
    SearchEntry.objects.update(fingerprint="")
    out = io.StringIO()
    call_command("search_index", "--rebuild", "--if-needed", stdout=out, stderr=io.StringIO())
    assert "Indexed 1 document(s)" in out.getvalue()

    out = io.StringIO()
    call_command("search_index", "--check", stdout=out, stderr=io.StringIO())
    assert "stale" not in out.getvalue()
    assert found_in_copy(cadre.user, "数字政府") == {"数字政府建设调研"}


def test_rebuild_command_reports_progress_and_counts(search_index):
    ArticlePageFactory(title="数字政府建设调研")
    out, err = io.StringIO(), io.StringIO()
    call_command("search_index", "--rebuild", stdout=out, stderr=err)
    assert "Indexed 1 document(s)" in out.getvalue()
    assert "now points at" in out.getvalue()
    assert "1/1" in err.getvalue()  # the progress bar
    assert SearchEntry.objects.count() == 1


def test_rebuild_drops_documents_no_longer_in_the_database(search_index, cadre):
    article = ArticlePageFactory(title="将被删除的文章")
    index_now()
    type(article).objects.filter(pk=article.pk).update(live=False)  # behind the signals' back
    rebuild.rebuild()
    assert found_titles(cadre.user, "删除") == set()
    assert not SearchEntry.objects.exists()


def test_check_reports_missing_and_stale_documents(search_index):
    first, second = ArticlePageFactory(title="第一篇"), ArticlePageFactory(title="第二篇")
    index_now()
    call_command("search_index", "--check", stdout=io.StringIO(), stderr=io.StringIO())
    es = client.get_client()
    es.delete(index=index.alias_name(), id=f"article:{first.pk}", refresh=True)
    es.update(
        index=index.alias_name(),
        id=f"article:{second.pk}",
        doc={"fingerprint": "tampered"},
        refresh=True,
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", "--check", stdout=out, stderr=io.StringIO())
    assert f"1 missing from the index: article:{first.pk}" in out.getvalue()
    assert f"1 stale in the index: article:{second.pk}" in out.getvalue()


def test_check_repair_puts_right_a_rename_made_behind_the_signals_back(search_index, cadre):
    article = ArticlePageFactory(title="旧标题的调研报告")
    ArticlePageFactory(title="未改动的文章")
    index_now()
    # A bulk UPDATE (a data fix, a script) sends no signal: nothing records the change.
    type(article).objects.filter(pk=article.pk).update(title="乡村振兴调研报告")
    out = io.StringIO()
    with pytest.raises(CommandError, match="--check --repair"):
        call_command("search_index", "--check", stdout=out, stderr=io.StringIO())
    assert f"1 stale in the index: article:{article.pk}" in out.getvalue()
    assert f"1 stale in the database copy: article:{article.pk}" in out.getvalue()
    assert found_titles(cadre.user, "乡村振兴") == set()

    out = io.StringIO()
    call_command("search_index", "--check", "--repair", stdout=out, stderr=io.StringIO())
    assert "Recorded 1 document(s)" in out.getvalue()
    assert "none waiting" in out.getvalue()
    client.get_client().indices.refresh(index=index.alias_name())
    assert found_titles(cadre.user, "乡村振兴") == {"乡村振兴调研报告"}
    assert found_titles(cadre.user, "旧标题") == set()
    assert found_in_copy(cadre.user, "乡村振兴") == {"乡村振兴调研报告"}
    out = io.StringIO()
    call_command("search_index", "--check", stdout=out, stderr=io.StringIO())
    assert "match the database" in out.getvalue()


def test_check_repair_removes_what_should_no_longer_be_found(search_index, cadre):
    withdrawn = ArticlePageFactory(title="已撤回的内部材料")
    index_now()
    type(withdrawn).objects.filter(pk=withdrawn.pk).update(live=False)  # behind the signals' back
    # And a document a removed app left behind, which no code can read again.
    client.get_client().index(
        index=index.alias_name(),
        id="retired-app:7",
        document={"title": "已下线栏目的文章", "access": ["staff"], "kind": "article"},
        refresh=True,
    )
    out = io.StringIO()
    call_command("search_index", "--check", "--repair", stdout=out, stderr=io.StringIO())
    assert f"1 in the database copy but should not be: article:{withdrawn.pk}" in out.getvalue()
    assert "2 in the index but should not be" in out.getvalue()
    client.get_client().indices.refresh(index=index.alias_name())
    assert found_titles(cadre.user, "材料") == set()
    assert found_titles(cadre.user, "下线") == set()
    assert not SearchEntry.objects.exists()


@override_settings(ELASTICSEARCH_URL="")
def test_without_elasticsearch_check_repair_mends_the_database_copy(cadre):
    article = ArticlePageFactory(title="旧标题")
    index_now()
    type(article).objects.filter(pk=article.pk).update(title="数字政府建设")
    out = io.StringIO()
    call_command("search_index", "--check", "--repair", stdout=out, stderr=io.StringIO())
    assert "only the database copy is used" in out.getvalue()
    assert f"1 stale in the database copy: article:{article.pk}" in out.getvalue()
    assert found_in_copy(cadre.user, "数字政府") == {"数字政府建设"}


def test_repair_alone_is_refused_with_the_command_to_use(search_index):
    with pytest.raises(CommandError, match="--check --repair"):
        call_command(
            "search_index", "--drain", "--repair", stdout=io.StringIO(), stderr=io.StringIO()
        )


def test_drain_applies_the_backlog_now(search_index, cadre):
    ArticlePageFactory(title="待写入索引的文章")
    out = io.StringIO()
    call_command("search_index", "--drain", stdout=out, stderr=io.StringIO())
    assert "none waiting" in out.getvalue()
    client.get_client().indices.refresh(index=index.alias_name())
    assert found_titles(cadre.user, "待写入") == {"待写入索引的文章"}


def test_an_index_built_by_another_segmenter_asks_for_a_rebuild(search_index, monkeypatch):
    assert not index.needs_rebuild()
    monkeypatch.setattr(index, "segmenter_version", lambda: "jieba 0.1")
    assert index.needs_rebuild()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", "--check", stdout=out, stderr=io.StringIO())
    assert "--rebuild" in out.getvalue()


def test_a_failed_rebuild_leaves_the_old_index_serving(search_index, cadre, monkeypatch):
    ArticlePageFactory(title="失败重建之前的文章")
    index_now()
    before = index.physical_indices()

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(rebuild, "build", broken)
    with pytest.raises(RuntimeError):
        rebuild.rebuild()
    assert index.physical_indices() == before
    assert found_titles(cadre.user, "失败重建") == {"失败重建之前的文章"}


@pytest.mark.django_db(transaction=True)
def test_a_large_rebuild_fills_the_index_from_worker_processes(search_index, cadre, monkeypatch):
    # Batches of two, so that eleven articles make enough batches for two worker processes.
    monkeypatch.setattr(rebuild, "BATCH_SIZE", 2)
    for n in range(11):
        ArticlePageFactory(title=f"并行重建的文章之{n}")
    report = rebuild.rebuild(workers=2)
    assert report.documents == report.counted == 11
    assert len(found_titles(cadre.user, "并行重建")) == 10  # one full page
    assert queries.search(SearchParams(q="并行重建"), cadre.user).count == 11
    assert SearchEntry.objects.count() == 11


@pytest.mark.django_db(transaction=True)
def test_a_failing_worker_stops_the_rebuild_and_the_old_index_serves(
    search_index, cadre, monkeypatch
):
    monkeypatch.setattr(rebuild, "BATCH_SIZE", 2)
    for n in range(8):
        ArticlePageFactory(title=f"工作进程失败之前的文章之{n}")
    rebuild.rebuild(workers=1)
    before = index.physical_indices()

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    # Worker processes are forked after this, so they inherit the broken builder.
    monkeypatch.setattr(rebuild, "build", broken)
    with pytest.raises(RuntimeError, match="went away"):
        rebuild.rebuild(workers=2)
    assert index.physical_indices() == before
    assert queries.search(SearchParams(q="工作进程失败"), cadre.user).count == 8
