"""Counting the searches that find nothing, for the report editors and the learning leadership
group read (search.reports): what colleagues look for that the library does not hold yet.

Only the words and a count a day are kept, never who searched.
"""

import datetime
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import MissedSearch
from .queries import Results
from .text import normalize

logger = logging.getLogger(__name__)

# Long enough to compare a month with the same month a year before.
KEEP_DAYS = 400
MAX_WORDS = MissedSearch._meta.get_field("words").max_length


def counts(results: Results) -> bool:
    """Whether `results` are a search that found nothing worth counting: words on the first page,
    no filter chosen (a filter that leaves nothing says nothing of what the library lacks), and
    answered by the index (the database fallback finds less than the index would)."""
    params = results.params
    return bool(
        params.q
        and not results.count
        and not results.limited
        and params.page == 1
        and not params.has_filters
    )


def words_of(q: str) -> str:
    """The words as the report groups them: normalised (Traditional as Simplified, full-width as
    half-width), in lower case, spaces squeezed, cut to the column's length."""
    return normalize(q).lower()[:MAX_WORDS].strip()


def record(results: Results) -> bool:
    """Count the search behind `results` if it found nothing (see `counts`); never fails the page."""
    if not counts(results):
        return False
    words = words_of(results.params.q)
    if not words:
        return False
    today = timezone.localdate()
    try:
        with transaction.atomic():
            _count(words, today)
    except DatabaseError:
        logger.exception("search: could not count a search that found nothing")
        return False
    return True


def _count(words: str, today: datetime.date) -> None:
    same_day = MissedSearch.objects.filter(words=words, day=today)
    if same_day.update(times=F("times") + 1):
        return
    try:
        with transaction.atomic():
            MissedSearch.objects.create(words=words, day=today, times=1)
    except IntegrityError:  # another request counted the day's first one meanwhile
        same_day.update(times=F("times") + 1)
        return
    # A new row a day at most for each search: the moment to let the oldest go.
    MissedSearch.objects.filter(day__lt=today - datetime.timedelta(days=KEEP_DAYS)).delete()
