"""The growth archive (个人成长档案): everything Gongxue knows about a person's learning, by year.

The archive imports no app's models. Each app contributes its own entries through one hook:

    from wagtail import hooks

    @hooks.register("gongxue_archive_entries")
    def lectures_for_archive(person, years, viewer):
        # person: people.Person; years: a range of years; viewer: the user looking.
        # Return entries as dicts (or learning.archive.ArchiveEntry) with the keys
        # year, kind, kind_label, title and optionally date, detail, url.
        return [{"year": 2025, "date": lecture.date, "kind": "lecture_given", ...}, ...]

`register_archive_source(fn)` registers a function on the same hook. A source must leave out
what `viewer` may not see (for example a page under a view restriction, or any private note).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields

from wagtail import hooks

ARCHIVE_HOOK = "gongxue_archive_entries"
YEARS_SHOWN = 10


@dataclass(frozen=True)
class ArchiveEntry:
    year: int
    kind: str
    kind_label: str
    title: str
    date: datetime.date | None = None
    detail: str = ""
    url: str = ""


ENTRY_FIELDS = {f.name for f in fields(ArchiveEntry)}


def register_archive_source(fn: Callable) -> Callable:
    """Register `fn(person, years, viewer) -> iterable of entries` as a source of the archive."""
    hooks.register(ARCHIVE_HOOK, fn)
    return fn


def _entry(value) -> ArchiveEntry:
    if isinstance(value, ArchiveEntry):
        return value
    if isinstance(value, Mapping):
        return ArchiveEntry(**{k: v for k, v in value.items() if k in ENTRY_FIELDS})
    raise TypeError(f"an archive entry must be an ArchiveEntry or a dict, not {type(value)!r}")


def archive_entries(person, years: range, viewer) -> dict[int, list[ArchiveEntry]]:
    """Every registered source's entries for `years`, grouped by year (latest year first), each
    year's entries in time order with the year's summaries (no date) first."""
    by_year: dict[int, list[ArchiveEntry]] = defaultdict(list)
    for source in hooks.get_hooks(ARCHIVE_HOOK):
        produced: Iterable = source(person, years, viewer) or ()
        for value in produced:
            entry = _entry(value)
            if entry.year in years:
                by_year[entry.year].append(entry)
    return {
        year: sorted(
            by_year[year],
            key=lambda e: (e.date is not None, e.date or datetime.date.min, e.kind, e.title),
        )
        for year in sorted(by_year, reverse=True)
    }


def may_view_archive(viewer, person) -> bool:
    """The person, whoever inspects their notes, and the learning leadership group."""
    from .inspectors import Organisation, person_of
    from .permissions import is_leadership

    if not getattr(viewer, "is_authenticated", False):
        return False
    me = person_of(viewer)
    if me is not None and me.pk == person.pk:
        return True
    if is_leadership(viewer):
        return True
    if me is None:
        return False
    return any(i.pk == me.pk for i in Organisation().inspectors_of(person))
