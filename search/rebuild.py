"""Rebuilding the index without stopping search, checking it, and draining the outbox.

A rebuild fills a new physical index from the database while the alias still serves the old one,
catches up on the changes recorded meanwhile, checks the counts, then swaps the alias in one atomic
step, catches up once more, and drops the old index. Searches are answered throughout.
"""

import datetime
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field

from elasticsearch import helpers

from django.conf import settings
from django.db import connection, connections
from django.db.models import Q
from django.utils import timezone

from . import client, index
from .indexing import BATCH_SIZE, build, now_version, write_database_copy, write_index
from .models import OutboxEntry, SearchEntry
from .sources import source_named, sources

Progress = Callable[[int], None]


@dataclass
class RebuildReport:
    index: str = ""
    documents: int = 0
    deleted_from_copy: int = 0
    caught_up: int = 0
    counted: int = 0
    old_indices: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def total_objects() -> int:
    return sum(source.get_queryset().count() for source in sources())


def default_workers() -> int:
    """How many processes fill a new index: the setting, else one a core."""
    return int(getattr(settings, "GONGXUE_SEARCH_REBUILD_WORKERS", 0) or os.cpu_count() or 1)


def rebuild(
    progress: Progress | None = None, keep_old: bool = False, workers: int | None = None
) -> RebuildReport:
    """Build a new index (and the database copy) from the database and swap the alias to it.

    If anything fails before the swap, the half-built index is dropped and the alias keeps
    serving the old one.
    """
    report = RebuildReport()
    try:
        return _rebuild(report, progress, keep_old, workers or default_workers())
    except BaseException:
        if report.index and report.index not in (index.current_physical() or ""):
            client.get_client().options(ignore_status=404).indices.delete(index=report.index)
        raise


def _rebuild(
    report: RebuildReport, progress: Progress | None, keep_old: bool, workers: int
) -> RebuildReport:
    started = timezone.now()
    start_version = now_version()
    use_es = client.is_configured()
    target = None
    es = client.get_client(timeout=60.0) if use_es else None
    if use_es:
        target = index.create_physical()
        report.index = target
        # Refreshing while filling is wasted work: the index is not searched until the swap.
        es.indices.put_settings(index=target, settings={"index": {"refresh_interval": "-1"}})
    seen: set[str] = set()
    for written, count in fill(target, workers):
        seen.update(written)
        report.documents += len(written)
        if progress:
            progress(count)
    # The database copy keeps only what the rebuild wrote, or what was written after it began.
    report.deleted_from_copy = _delete_unseen_in_batches(seen, start_version)
    report.caught_up = catch_up(started, target, seen)
    if use_es:
        es.indices.put_settings(index=target, settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=target)
        report.counted = es.count(index=target)["count"]
        expected = len(seen)
        if report.counted != expected:
            raise RuntimeError(
                f"The new index {target} holds {report.counted} documents, {expected} expected; "
                "the alias still points at the old index."
            )
        swap_at = timezone.now()
        report.old_indices = index.swap_alias(target)
        # Changes applied to the old index between the catch-up and the swap are applied again.
        report.caught_up += catch_up(swap_at - datetime.timedelta(seconds=5), None)
        if not keep_old:
            for name in report.old_indices:
                es.options(ignore_status=404).indices.delete(index=name)
    report.seconds = (timezone.now() - started).total_seconds()
    return report


def _chunks() -> Iterator[tuple[str, list]]:
    """(source name, primary keys) for every batch of every source, in key order."""
    for source in sources():
        pks = list(source.get_queryset().order_by("pk").values_list("pk", flat=True))
        for i in range(0, len(pks), BATCH_SIZE):
            yield source.name, pks[i : i + BATCH_SIZE]


def write_chunk(source_name: str, pks: list, target: str | None) -> tuple[list[str], int]:
    """Read these objects, write their documents to the database copy and to the index `target`.

    Returns the ids of the documents written and how many objects were read. Runs in a worker
    process during a parallel rebuild.
    """
    built = build(source_named(source_name), pks)
    write_database_copy(built)
    if target is not None:
        write_index(built, target)
    return list(built.write), len(pks)


def fill(target: str | None, workers: int) -> Iterator[tuple[list[str], int]]:
    """Write every batch to the database copy and to the index `target` (with None, to the copy
    alone), in worker processes when that pays (PostgreSQL, enough objects). Yields what
    `write_chunk` returns, batch by batch."""
    chunks = list(_chunks())
    parallel = (
        workers > 1
        and len(chunks) >= 2 * workers
        and connection.vendor == "postgresql"
        # Inside a transaction (a test's), other processes would not see its rows.
        and not connection.in_atomic_block
    )
    if not parallel:
        for name, pks in chunks:
            yield write_chunk(name, pks, target)
        return
    # Each worker opens its own database connection and Elasticsearch client after the fork.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_started) as pool:
        pending: set[Future] = set()
        for name, pks in chunks:
            pending.add(pool.submit(write_chunk, name, pks, target))
            # Two batches a worker in flight: each reads one while Elasticsearch takes the other.
            while len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()  # raises what the worker raised
        for future in as_completed(pending):
            yield future.result()


def _worker_started():
    # A forked worker must never talk over a connection it inherited: the socket is its parent's
    # (or a thread's of its parent). Dropping the wrapper's handle makes Django open a new one;
    # psycopg does not close a connection from a process other than the one that opened it.
    for alias in connections:
        connections[alias].connection = None
    client.forget_clients()


def _delete_unseen_in_batches(seen: set[str], start_version: int) -> int:
    deleted = 0
    stale = SearchEntry.objects.filter(version__lt=start_version).values_list("doc_id", flat=True)
    batch = [doc_id for doc_id in stale.iterator(chunk_size=5000) if doc_id not in seen]
    for i in range(0, len(batch), 1000):
        deleted += SearchEntry.objects.filter(doc_id__in=batch[i : i + 1000]).delete()[0]
    return deleted


def catch_up(since: datetime.datetime, target: str | None, seen: set[str] | None = None) -> int:
    """Apply again every change recorded or applied since `since` (to `target`, or the alias)."""
    keys = (
        OutboxEntry.objects.filter(
            Q(applied_at__isnull=True) | Q(applied_at__gte=since) | Q(created_at__gte=since)
        )
        .values_list("source", "object_pk")
        .distinct()
    )
    by_source: dict[str, set[str]] = {}
    for name, pk in keys:
        by_source.setdefault(name, set()).add(pk)
    count = 0
    for source in sources():
        pks = by_source.get(source.name)
        if not pks:
            continue
        built = build(source, pks)
        write_database_copy(built)
        if client.is_configured():
            write_index(built, index_name=target)
        if seen is not None:
            seen.update(built.write)
            seen.difference_update(built.delete)
        count += len(pks)
    return count


@dataclass
class CheckReport:
    expected: int = 0
    indexed: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    # The same three for the database copy (search.models.SearchEntry), which the fallback reads.
    copied: int = 0
    copy_missing: list[str] = field(default_factory=list)
    copy_stale: list[str] = field(default_factory=list)
    copy_extra: list[str] = field(default_factory=list)
    needs_rebuild: bool = False
    backlog: int = 0

    @property
    def differences(self) -> set[str]:
        """The ids of every document the index or the copy holds otherwise than the database says."""
        return {
            *self.missing, *self.stale, *self.extra,
            *self.copy_missing, *self.copy_stale, *self.copy_extra,
        }  # fmt: skip

    @property
    def ok(self) -> bool:
        return not (self.differences or self.needs_rebuild)


def _compare(expected: dict[str, str], held: dict[str, str]) -> tuple[list, list, list]:
    """Missing, stale and extra document ids of `held` against `expected` (id -> fingerprint)."""
    return (
        sorted(set(expected) - set(held)),
        sorted(doc_id for doc_id in set(expected) & set(held) if expected[doc_id] != held[doc_id]),
        sorted(set(held) - set(expected)),
    )


def check(progress: Progress | None = None) -> CheckReport:
    """Compare the index, and the database copy, with what the database says they should hold."""
    from .indexing import backlog

    report = CheckReport(backlog=backlog())
    es = client.get_client(timeout=60.0)
    expected: dict[str, str] = {}
    for name, pks in _chunks():
        for doc_id, body in build(source_named(name), pks).write.items():
            expected[doc_id] = body["fingerprint"]
        if progress:
            progress(len(pks))
    report.expected = len(expected)
    copied = dict(SearchEntry.objects.values_list("doc_id", "fingerprint").iterator(5000))
    report.copied = len(copied)
    report.copy_missing, report.copy_stale, report.copy_extra = _compare(expected, copied)
    if es is None:
        return report
    report.needs_rebuild = index.current_physical() is not None and index.needs_rebuild()
    indexed: dict[str, str] = {}
    if index.current_physical():
        for hit in helpers.scan(
            es, index=index.alias_name(), query={"_source": ["fingerprint"]}, size=1000
        ):
            indexed[hit["_id"]] = hit["_source"].get("fingerprint", "")
    report.indexed = len(indexed)
    report.missing, report.stale, report.extra = _compare(expected, indexed)
    return report


def repair(report: CheckReport) -> int:
    """Record a change for every document `report` found missing, stale or extra, so that the
    outbox writes (or deletes) it as for any edit, with the same version rules; returns how many.

    What changed behind the signals' back (a bulk UPDATE, a restored backup) is put right this
    way without a rebuild. A document of a source that no longer exists is deleted at once.
    """
    from .indexing import enqueue_keys

    by_source: dict[str, list[str]] = {}
    for doc_id in report.differences:
        name, _, pk = doc_id.partition(":")
        by_source.setdefault(name, []).append(pk)
    recorded = 0
    for name, pks in by_source.items():
        source = source_named(name)
        if source is not None:
            recorded += enqueue_keys(source, pks)
            continue
        orphans = [f"{name}:{pk}" for pk in pks]
        SearchEntry.objects.filter(doc_id__in=orphans).delete()
        if client.is_configured():
            # One bulk of deletes: the minimal distribution has no delete-by-query.
            client.get_client().bulk(
                operations=[{"delete": {"_index": index.alias_name(), "_id": i}} for i in orphans],
                refresh=True,
            )
        recorded += len(orphans)
    return recorded


def is_current() -> bool:
    """Whether search is built, by this code: the index is there and was made with this schema,
    segmenter and pinyin table (without Elasticsearch, the database copy has something), and the
    database copy holds no entry written before entries had fingerprints (`--check` would call
    every such entry stale: search.migrations.0005 added the field blank)."""
    if SearchEntry.objects.filter(fingerprint="").exists():
        return False
    if client.is_configured():
        return index.current_physical() is not None and not index.needs_rebuild()
    return SearchEntry.objects.exists()
