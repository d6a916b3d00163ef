"""Search from the database (SearchEntry) when Elasticsearch is not configured or is down.

Same parameters, same results shape, same permission rule; fewer refinements: words are matched
as substrings (so Chinese words match without a segmenter in the database; the query is cut into
words on the way in), titles first, then by date; facets are counted in Python over the matches.
"""

import re
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.safestring import mark_safe

from . import highlight, synonyms
from .models import SearchEntry
from .params import PAGE_SIZE, SearchParams
from .queries import FACETS, FacetValue, Hit, Results, query_terms
from .sources import kind_labels, principals_for
from .text import is_ascii_word, normalize

# Facets are counted over at most this many matches: enough for a sidebar, cheap for the database.
FACET_SAMPLE = 20_000


def _contains(field: str, term: str) -> Q:
    if not any(c.isascii() and c.isalpha() for c in term):
        # Chinese has no case: a plain LIKE spares the database upper-casing every body it reads.
        return Q(**{f"{field}__contains": term})
    if connection.vendor == "postgresql":
        # A case-insensitive regular expression reads each text as it is, where icontains
        # upper-cases every body first: two to three times slower over 100,000 bodies.
        return Q(**{f"{field}__iregex": re.escape(term)})
    return Q(**{f"{field}__icontains": term})


def _found(term: str) -> Q:
    # An English word or a number is looked for among the body's words, lower-cased: a plain LIKE
    # over a few words, where an expression over the whole body took longer than a Chinese word.
    in_body = Q(words__contains=term.lower()) if is_ascii_word(term) else _contains("body", term)
    return _contains("title", term) | in_body | _contains("meta", term)


def _all_found(terms) -> Q:
    wanted = Q()
    for term in terms:
        wanted &= _found(term)
    return wanted


def entries_for(params: SearchParams, user, terms: list[str]):
    entries = SearchEntry.objects.visible_to(principals_for(user))
    for run, alternatives in synonyms.runs(terms):
        # The typed words, all of them, or all the words of one of their synonyms.
        wanted = _all_found(run)
        for alternative in alternatives:
            wanted |= _all_found(alternative.terms)
        entries = entries.filter(wanted)
    if params.kind:
        entries = entries.filter(kind=params.kind)
    for tag in params.tags:
        entries = entries.filter(tags__contains=f"\n{tag}\n")
    if params.department:
        entries = entries.filter(department=params.department)
    if params.study_group:
        entries = entries.filter(study_group=params.study_group)
    if params.year:
        entries = entries.filter(date__year=params.year)
    return entries


@contextmanager
def reading_every_body():
    """Let PostgreSQL share out the scan of the copy's bodies among its parallel workers.

    Its planner prices a LIKE over a body of thousands of characters as if it were over a word, so
    it never finds the scan worth splitting, and the scan is most of a fallback search's time
    (100,000 bodies: 1.16 s in one process, 0.55 s shared with two workers). Only for this
    transaction; a copy smaller than `min_parallel_table_scan_size` is still read by one process.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL parallel_setup_cost = 0")
        cursor.execute("SET LOCAL parallel_tuple_cost = 0")
        yield


def search(params: SearchParams, user) -> Results:
    """One page of results from the database copy of the index.

    The matches are read once, as small columns only (the database scans the text once); count,
    order and facets are worked out from them, then the page's rows are fetched by id.
    """
    results = Results(params=params, problems=list(params.problems), limited=True)
    terms = list(dict.fromkeys(query_terms(params.q)))
    if not terms:
        return results
    entries = entries_for(params, user, terms)
    phrase = "".join(terms) if all(not t.isascii() for t in terms) else " ".join(terms)
    ordering = [F("date").desc(nulls_last=True), F("pk").desc()]
    if params.sort != "date":
        ordering.insert(0, F("rank").desc())
    matching = (
        entries.annotate(
            rank=Case(
                When(_contains("title", phrase), then=Value(3)),
                When(_contains("title", terms[0]), then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by(*ordering)
        .values_list("pk", "date", "kind", "tags", "department", "study_group")
    )
    with reading_every_body():
        matches = _rows(matching)
    results.count = len(matches)
    start = (params.page - 1) * PAGE_SIZE
    page_ids = [m[0] for m in matches[start : start + PAGE_SIZE]]
    rows = SearchEntry.objects.in_bulk(page_ids)
    brought = synonyms.used(terms)
    results.synonyms = [synonym.word for synonym in brought]
    marked = synonyms.with_alternatives(terms, brought)
    results.hits = [_hit(rows[pk], marked) for pk in page_ids if pk in rows]
    results.facets = _facets([m[2:] + (m[1],) for m in matches[:FACET_SAMPLE]], params)
    return results


def _rows(matching) -> list[tuple]:
    """The rows of a values_list, in order. On PostgreSQL as the driver reads them: its types are
    already Python's (int, date, str), and Django's per-row conversions cost a fallback search
    over 100,000 entries about a tenth of a second."""
    if connection.vendor != "postgresql":
        return list(matching)
    sql, sql_params = matching.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        return cursor.fetchall()


def _hit(entry: SearchEntry, terms: list[str]) -> Hit:
    return Hit(
        doc_id=entry.doc_id,
        title=entry.shown_title or entry.title,
        title_html=mark_safe(  # noqa: S308 - escaped there
            highlight.marked(entry.title, terms, entry.shown_title)
        ),
        url=entry.url,
        kind=entry.kind,
        kind_label=str(kind_labels().get(entry.kind, entry.kind)),
        highlights=[
            mark_safe(f)  # noqa: S308 - escaped there
            for f in highlight.fragments(entry.body, terms, written=entry.shown_body)
        ],
        date=entry.date.isoformat() if entry.date else None,
        tags=entry.tag_list,
        department=entry.department,
        study_group=entry.study_group,
    )


def _facets(rows, params: SearchParams) -> dict[str, list[FacetValue]]:
    counters = {name: Counter() for name in FACETS}
    for kind, tags, department, study_group, date in rows:
        counters["kind"][kind] += 1
        counters["tag"].update(t for t in tags.split("\n") if t)
        if department:
            counters["department"][department] += 1
        if study_group:
            counters["study_group"][study_group] += 1
        if date:
            counters["year"][str(date.year)] += 1
    labels = kind_labels()
    selected = params.chosen
    facets = {}
    for name, counter in counters.items():
        values = [
            FacetValue(
                value,
                str(labels.get(value, value)) if name == "kind" else value,
                count,
                value in selected[name],
            )
            for value, count in counter.most_common(30)
        ]
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        facets[name] = values
    return facets


def suggest_titles(prefix: str, user, limit: int = 8) -> list[dict]:
    """Titles containing what was typed, or a synonym of it, from the database copy."""
    text = normalize(prefix)[:50]
    if not text:
        return []
    typed = Q(title__icontains=text)
    wanted = typed
    for synonym in synonyms.of_whole(query_terms(text)):
        wanted |= Q(title__icontains=synonym.word)
    entries = (
        SearchEntry.objects.visible_to(principals_for(user))
        .filter(wanted)
        # What was typed first, as the index ranks it.
        .annotate(typed=Case(When(typed, then=Value(0)), default=Value(1)))
        .order_by("typed", "-date")
        .only("title", "shown_title", "url", "kind")
    )
    return [
        {"title": e.shown_title or e.title, "url": e.url, "kind": e.kind} for e in entries[:limit]
    ]
