"""The background task that applies the search outbox (django-tasks, backend alias "search").

In production and `make run` the "search" backend is django-tasks-db's database backend and
`manage.py db_worker --backend search` runs the task; in tests it is the immediate backend.
"""

import logging

from django_tasks import TaskResultStatus, task, task_backends

from django.utils import timezone

logger = logging.getLogger(__name__)

BACKEND = "search"


@task(backend=BACKEND)
def apply_outbox() -> dict:
    """Apply what the outbox holds; on an outage, come back when the backoff says so."""
    from .indexing import apply_pending, prune_applied

    result = apply_pending()
    if result.failed and result.next_attempt_at:
        schedule_retry(result.next_attempt_at)
    elif result.applied:
        prune_applied()
    return {"applied": result.applied, "failed": result.failed, "error": result.error}


def backend():
    return task_backends[BACKEND]


def schedule_apply() -> None:
    """Ask the worker to apply the outbox now. Never raises: the entries are safe in the outbox."""
    try:
        apply_outbox.enqueue()
    except Exception:
        logger.exception("search: could not enqueue the outbox task")


def schedule_retry(when) -> None:
    """Run the task again at `when`, unless a run is already waiting (one retry chain at a time)."""
    if not backend().supports_defer:
        return  # the immediate backend (tests): `search_index --drain` or the next change applies it
    if _retry_waiting():
        return
    try:
        apply_outbox.using(run_after=when).enqueue()
    except Exception:
        logger.exception("search: could not schedule the outbox retry")


def _retry_waiting() -> bool:
    try:
        from django_tasks_db.models import DBTaskResult, get_date_max
    except ImportError:  # pragma: no cover - another deferring backend: let it queue
        return False
    return (
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY,
            task_path=apply_outbox.module_path,
            run_after__gt=timezone.now(),
        )
        .exclude(run_after=get_date_max())
        .exists()
    )
