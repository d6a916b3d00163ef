"""Recording changes durably and applying them to the index after commit.

`enqueue(obj)` writes an OutboxEntry in the caller's transaction; on commit a background task
(search.tasks.apply_outbox) runs `apply_pending`, which reads each changed object's current state,
writes its document (or deletes it) to Elasticsearch and to the database copy, and marks the entries
applied. If Elasticsearch is down the entries wait, with exponential backoff, and nothing is lost.

Every write carries an external version: the time in microseconds at which the object was read
from the database, taken before the read. A later read sees a state at least as new, so a write
built from an older read can never overwrite a newer one (Elasticsearch answers 409 and the write
is dropped; the database copy does the same with a conditional update).
"""

import datetime
import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import orjson
from elasticsearch import helpers
from elasticsearch.exceptions import ApiError, TransportError

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from . import client, index, pinyin
from .models import OutboxEntry, SearchEntry
from .sources import (
    SearchDocument,
    SearchSource,
    reading_in_batch,
    source_for_model,
    source_named,
    sources,
)
from .text import ascii_words, segmented

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_BACKOFF = datetime.timedelta(minutes=10)
# Applied entries are kept this long, so that a rebuild can catch up on changes made meanwhile.
KEEP_APPLIED = datetime.timedelta(days=7)

ES_ERRORS = (ApiError, TransportError, OSError, helpers.BulkIndexError)


def now_version() -> int:
    """A version for a write whose data is about to be read: microseconds since the epoch."""
    return time.time_ns() // 1000


# ------------------------------------------------------------------ recording changes


def enqueue(obj) -> bool:
    """Record that `obj` (an instance of a registered model) must be re-indexed.

    The record is written in the current transaction and applied after commit. Returns False when
    no source indexes the object's model.
    """
    model = type(obj)
    specific_class = getattr(obj, "specific_class", None)
    if specific_class is not None:
        model = specific_class
    source = source_for_model(model)
    if source is None:
        return False
    enqueue_keys(source, [obj.pk])
    return True


def enqueue_keys(source: SearchSource, pks: Iterable) -> int:
    """Record that these objects of `source` must be re-indexed (see `enqueue`)."""
    now = timezone.now()
    entries = [
        OutboxEntry(source=source.name, object_pk=str(pk), created_at=now, next_attempt_at=now)
        for pk in pks
        if pk is not None
    ]
    if not entries:
        return 0
    OutboxEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    kick_after_commit()
    return len(entries)


def _kick():
    from .tasks import schedule_apply

    schedule_apply()


def kick_after_commit():
    """Ask for the outbox to be applied once the current transaction commits (once per transaction)."""
    if connection.in_atomic_block and any(
        callback is _kick for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(_kick, robust=True)


# ------------------------------------------------------------------ documents


def document_body(doc: SearchDocument, source: SearchSource) -> dict:
    """The JSON the index stores for one document."""
    meta = [*doc.tags, *doc.people, doc.department, doc.study_group]
    body = {
        "source": source.name,
        "kind": doc.kind,
        "title": doc.title,
        # Only when normalising changed them: most titles and bodies need no second copy.
        "shown_title": doc.shown_title or None,
        "shown_body": doc.shown_body or None,
        "title_words": segmented(doc.title, normalized=True),
        "title_pinyin": pinyin.spoken(doc.title),
        "title_initials": pinyin.initials(doc.title),
        "body": doc.body,
        "body_words": ascii_words(doc.body, normalized=True),
        "tags": doc.tags,
        "people": doc.people,
        "meta_words": segmented(" ".join(m for m in meta if m)),
        # Empty values are left out, so that facets never show a blank entry.
        "department": doc.department or None,
        "study_group": doc.study_group or None,
        "date": doc.date.isoformat() if doc.date else None,
        "year": doc.date.year if doc.date else None,
        "url": doc.url,
        "access": doc.access,
    }
    body["fingerprint"] = fingerprint(body)
    return body


# The fields a fingerprint covers: what the document says. The *_words and *_pinyin fields are
# left out: they follow from these and the segmenter's and pypinyin's tables, whose versions the
# index records (search.index).
FINGERPRINTED = (
    "source", "kind", "title", "shown_title", "body", "shown_body", "tags", "people", "department",
    "study_group", "date", "year", "url", "access",
)  # fmt: skip


def fingerprint(body: dict) -> str:
    """A short hash of what a document body says (see FINGERPRINTED)."""
    said = orjson.dumps([body.get(key) for key in FINGERPRINTED])
    return hashlib.blake2b(said, digest_size=12).hexdigest()


@dataclass
class Built:
    """Documents read from the database for a set of keys: to write, and ids to delete."""

    version: int
    write: dict[str, dict] = field(default_factory=dict)  # doc id -> body
    delete: set[str] = field(default_factory=set)


def build(source: SearchSource, pks: Iterable, version: int | None = None) -> Built:
    """Read these objects now and turn them into documents, or deletions for those that are gone
    or must not be found. `version` must be taken before the read (see `now_version`)."""
    version = version or now_version()
    built = Built(version=version)
    pks = list(pks)
    with reading_in_batch():
        found = source.documents(pks)
    for pk in pks:
        doc_id = source.document_id(pk)
        doc = found.get(str(pk))
        if doc is None:
            built.delete.add(doc_id)
        else:
            built.write[doc_id] = document_body(doc, source)
    return built


# ------------------------------------------------------------------ writing


def write_database_copy(built: Built) -> None:
    """Write documents to SearchEntry, never over a newer version.

    Rows at this version or older are replaced; a row another writer left at a newer version stays
    (its insert conflicts on doc_id and is skipped). Readers never see a document missing: the
    old rows go and the new ones come in one transaction.
    """
    stale = set(built.delete) | set(built.write)
    rows = [entry_values(doc_id, body, built.version) for doc_id, body in built.write.items()]
    with transaction.atomic():
        if stale:
            SearchEntry.objects.filter(doc_id__in=stale, version__lte=built.version).delete()
        if not rows or (connection.vendor == "postgresql" and _copy_entries(rows)):
            return
        SearchEntry.objects.bulk_create(
            [SearchEntry(**dict(zip(ENTRY_FIELDS, row, strict=True))) for row in rows],
            batch_size=BATCH_SIZE,
            ignore_conflicts=True,
        )


# SearchEntry's fields in the order entry_values gives them.
ENTRY_FIELDS = (
    "doc_id", "source", "kind", "title", "shown_title", "body", "shown_body", "meta", "words", "url",
    "date", "tags", "department", "study_group", "access", "version", "fingerprint",
)  # fmt: skip


def entry_values(doc_id: str, body: dict, version: int) -> tuple:
    """A SearchEntry row for a document body, as values in ENTRY_FIELDS order."""
    return (
        doc_id,
        body["source"],
        body["kind"],
        body["title"][:500],
        (body["shown_title"] or "")[:500],
        body["body"],
        body["shown_body"] or "",
        body["meta_words"],
        body["body_words"],
        body["url"][:500],
        body["date"],
        "\n" + "".join(f"{tag}\n" for tag in body["tags"]) if body["tags"] else "",
        (body["department"] or "")[:200],
        (body["study_group"] or "")[:200],
        " " + " ".join(body["access"]) + " ",
        version,
        body["fingerprint"],
    )


def _copy_entries(rows: list[tuple]) -> bool:
    """Insert rows with PostgreSQL's COPY, a fraction of an INSERT's cost for both sides.

    Returns False, having written nothing, when a row is already there (another writer's newer
    version, which must stay): the caller then inserts them skipping conflicts.
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(SearchEntry._meta.get_field(name).column) for name in ENTRY_FIELDS)
    statement = f"COPY {quote(SearchEntry._meta.db_table)} ({columns}) FROM STDIN"
    try:
        # The copy object is psycopg's own: its errors are made Django's as a cursor's are.
        with (
            transaction.atomic(),
            connection.wrap_database_errors,
            connection.cursor() as cursor,
            cursor.copy(statement) as copy,
        ):
            for row in rows:
                copy.write_row(row)
    except IntegrityError:
        return False
    return True


def bulk_actions(built: Built, index_name: str):
    for doc_id, body in built.write.items():
        yield {
            "_op_type": "index",
            "_index": index_name,
            "_id": doc_id,
            "version": built.version,
            "version_type": "external_gte",
            "_source": body,
        }
    for doc_id in built.delete:
        yield {
            "_op_type": "delete",
            "_index": index_name,
            "_id": doc_id,
            "version": built.version,
            "version_type": "external_gte",
        }


def write_index(built: Built, index_name: str | None = None, refresh: bool = False) -> int:
    """Write documents to Elasticsearch; returns how many writes a newer version made moot.

    Raises one of ES_ERRORS when the server is unreachable or refuses the writes.
    """
    es = client.get_client(timeout=10.0)
    target = index_name or index.alias_name()
    if index_name is None:
        index.ensure_index()
    stale = 0
    failures = []
    for ok, item in helpers.streaming_bulk(
        es,
        bulk_actions(built, target),
        chunk_size=BATCH_SIZE,
        raise_on_error=False,
        raise_on_exception=True,
        refresh=refresh,
        # Each write's status and error are all that is read back, not its index, id and shards.
        filter_path="items.*.status,items.*.error",
    ):
        if ok:
            continue
        info = next(iter(item.values()))
        status = info.get("status")
        if status == 409:
            stale += 1  # a newer version is already there: exactly what we want
        elif status == 404 and next(iter(item)) == "delete":
            continue  # deleting what is not there
        else:
            failures.append(info)
    if failures:
        raise helpers.BulkIndexError(f"{len(failures)} document(s) failed to index", failures)
    return stale


# ------------------------------------------------------------------ applying the outbox


@dataclass
class ApplyResult:
    applied: int = 0
    failed: int = 0
    error: str = ""
    next_attempt_at: datetime.datetime | None = None


def backoff(attempts: int) -> datetime.timedelta:
    """5 s, 10 s, 20 s ... up to 10 minutes between attempts."""
    return min(datetime.timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def apply_pending(batch_size: int = BATCH_SIZE, force: bool = False, refresh: bool = False):
    """Apply due outbox entries, batch by batch, until none is due or Elasticsearch fails.

    `force` ignores the backoff (for `search_index --drain`). Never raises for an outage.
    """
    result = ApplyResult()
    while True:
        batch = _apply_batch(batch_size, force, refresh)
        if batch is None:
            break
        result.applied += batch.applied
        result.failed += batch.failed
        if batch.failed:
            result.error = batch.error
            result.next_attempt_at = batch.next_attempt_at
            break
    return result


def _apply_batch(batch_size: int, force: bool, refresh: bool) -> ApplyResult | None:
    with transaction.atomic():
        pending = OutboxEntry.objects.pending() if force else OutboxEntry.objects.due()
        rows = list(pending.order_by("id").select_for_update(skip_locked=True)[:batch_size])
        if not rows:
            return None
        by_source: dict[str, set[str]] = {}
        for row in rows:
            by_source.setdefault(row.source, set()).add(row.object_pk)
        version = now_version()
        built_all = []
        for name, pks in by_source.items():
            source = source_named(name)
            if source is None:
                continue  # a source that no longer exists: nothing to write
            built_all.append(build(source, pks, version))
        for built in built_all:
            write_database_copy(built)
        now = timezone.now()
        ids = [row.pk for row in rows]
        try:
            if client.is_configured():
                for built in built_all:
                    write_index(built, refresh=refresh)
        except ES_ERRORS as error:
            attempts = max(row.attempts for row in rows) + 1
            next_attempt = now + backoff(attempts)
            message = f"{type(error).__name__}: {error}"[:1000]
            OutboxEntry.objects.filter(pk__in=ids).update(
                attempts=attempts, next_attempt_at=next_attempt, last_error=message
            )
            logger.warning("search: %d change(s) wait for Elasticsearch: %s", len(ids), message)
            return ApplyResult(failed=len(ids), error=message, next_attempt_at=next_attempt)
        OutboxEntry.objects.filter(pk__in=ids).update(applied_at=now, last_error="")
        return ApplyResult(applied=len(ids))


def backlog() -> int:
    """How many recorded changes are not yet in the index."""
    try:
        return OutboxEntry.objects.pending().count()
    except DatabaseError:
        return -1


def prune_applied(older_than: datetime.timedelta = KEEP_APPLIED) -> int:
    """Forget applied entries older than the catch-up window."""
    deleted, _ = OutboxEntry.objects.filter(applied_at__lt=timezone.now() - older_than).delete()
    return deleted


def all_sources() -> list[SearchSource]:
    return sources()
