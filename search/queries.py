"""Searching the index: the relevance query, filters, facets, highlights, suggestions and related.

Every query is filtered by the person's principals INSIDE Elasticsearch (a `terms` filter on
`access`), so that counts, facets, pages, suggestions and related items only ever reflect what
that person may see. Any failure to reach the server raises SearchUnavailable; the views then
answer from the database (search.fallback).
"""

import math
import time
from collections import Counter
from dataclasses import dataclass, field

from elasticsearch.dsl import MultiSearch, Q, Search
from elasticsearch.dsl.query import Query
from elasticsearch.exceptions import ApiError, TransportError

from django.utils.safestring import SafeString, mark_safe

from . import client, highlight, index, pinyin, synonyms
from .params import PAGE_SIZE, SearchParams
from .sources import kind_labels, principals_for, principals_for_request, source_for_model
from .text import has_han, is_ascii_word, normalize, segmented, sets_chinese_apart, words

FACETS = ("kind", "tag", "department", "study_group", "year")
FACET_FIELDS = {
    "kind": "kind",
    "tag": "tags",
    "department": "department",
    "study_group": "study_group",
    "year": "year",
}
# Fields the index matches and a page never shows: left out of the documents it sends back.
MATCHED_ONLY = [
    "title_words", "title_pinyin", "title_initials", "body_words", "meta_words", "fingerprint"
]  # fmt: skip
# A query is cut to this many words: longer ones add time and nothing a reader would notice.
MAX_QUERY_WORDS = 32


class SearchUnavailable(Exception):
    """Elasticsearch is not configured, not reachable, or refused the query."""


@dataclass
class Hit:
    doc_id: str
    title: str
    title_html: SafeString
    url: str
    kind: str
    kind_label: str
    highlights: list[SafeString]
    date: str | None
    tags: list[str]
    department: str = ""
    study_group: str = ""
    people: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "highlights": [str(h) for h in self.highlights],
            "date": self.date,
            "tags": self.tags,
            "department": self.department,
            "study_group": self.study_group,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Results:
    params: SearchParams
    count: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str = ""
    # Synonyms an editor wrote down for the words searched, looked for too (search.synonyms).
    synonyms: list[str] = field(default_factory=list)
    limited: bool = False  # answered from the database: fewer features
    # Counted, without who searched, for the editors' report of searches that found nothing.
    noted: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / PAGE_SIZE))

    @property
    def has_next(self) -> bool:
        return self.params.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.params.page > 1

    def as_json(self) -> dict:
        return {
            "query": self.params.q,
            "count": self.count,
            "page": self.params.page,
            "num_pages": self.num_pages,
            "limited": self.limited,
            "suggestion": self.suggestion,
            "synonyms": self.synonyms,
            "problems": [str(p) for p in self.problems],
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in self.facets.items()
            },
        }


# ------------------------------------------------------------------ the relevance query


def query_terms(q: str) -> list[str]:
    """The words of a query, normalised, punctuation and query syntax dropped, at most 32.

    Chinese characters the dictionary leaves single side by side (a name, a new word) are joined
    again, so that they are looked for side by side, never apart.
    """
    terms: list[str] = []
    in_run = False
    for word in words(q):
        single = len(word) == 1 and has_han(word)
        if single and in_run:
            terms[-1] += word
        else:
            terms.append(word)
        in_run = single
    return terms[:MAX_QUERY_WORDS]


def term_clause(term: str) -> Query:
    """How one word of the query may match a document, best ways scoring highest.

    A Chinese word of two characters or more must find its character pairs; in a title they must
    stand side by side (a phrase on a short field is cheap), in a body every pair must be there
    and `phrase_rescore` then ranks the bodies that have them side by side first.
    """
    if has_han(term) and len(term) >= 2:
        clauses = [
            Q("match_phrase", **{"title.bigrams": {"query": term, "boost": 6}}),
            Q("match", body={"query": term, "operator": "and", "boost": 1.5}),
            Q("term", title_words={"value": term, "boost": 4}),
            Q("term", meta_words={"value": term, "boost": 3}),
        ]
    elif has_han(term):
        # One character: in a title it is a token; in a body, every pair that starts with it.
        clauses = [
            Q("match", title={"query": term, "boost": 4}),
            Q("prefix", body={"value": f"{term} ", "boost": 0.5}),
            Q("term", title_words={"value": term, "boost": 2}),
            Q("term", meta_words={"value": term, "boost": 3}),
        ]
    else:
        clauses = [
            Q("match", title={"query": term, "boost": 4}),
            Q("term", title_words={"value": term, "boost": 2}),
            Q("term", meta_words={"value": term, "boost": 3}),
        ]
        if _found_in_bodies(term):
            clauses.append(Q("term", body_words={"value": term, "boost": 1}))
    return Q("bool", should=clauses, minimum_should_match=1)


def _found_in_bodies(term: str) -> bool:
    # Bodies keep Chinese as character pairs and other words only when written in ASCII
    # (search.text.ascii_words); a letter of another script (é, д) is found in titles and tags.
    return has_han(term) or is_ascii_word(term)


def text_query(q: str) -> Query | None:
    """The query that finds and first ranks the documents for what a person typed, or None when
    it has no word to look for. Phrases in bodies are ranked by `phrase_rescore`."""
    terms = query_terms(q)
    if not terms:
        return None
    # Each word, or run of words an editor made one with its synonyms (search.synonyms).
    units = synonyms.runs(list(dict.fromkeys(terms)))
    # Words a body cannot hold rank what they find but do not decide, unless they are all there is.
    deciding = [unit for unit in units if any(_found_in_bodies(t) for t in unit[0])] or units
    required = len(deciding) if len(deciding) <= 2 else max(2, math.ceil(len(deciding) * 0.75))
    clauses = [_unit_clause(*unit) for unit in deciding]
    phrase = " ".join(terms)
    boosts = [_unit_clause(*unit) for unit in units if unit not in deciding]
    if _is_phrase(terms):
        # The exact phrase in a title ranks first of all.
        boosts.append(Q("match_phrase", **{"title.bigrams": {"query": phrase, "boost": 10}}))
    plugin = index.plugin_analyzer()
    if plugin:
        boosts.append(
            Q(
                "multi_match",
                query=normalize(q)[:200],
                fields=["title.plugin^3", "body.plugin"],
                type="best_fields",
            )
        )
    must = Q("bool", should=clauses, minimum_should_match=required)
    return Q("bool", must=[must], should=boosts) if boosts else must


def _all_of(terms) -> Query:
    return (
        term_clause(terms[0])
        if len(terms) == 1
        else Q("bool", must=[term_clause(t) for t in terms])
    )


def _unit_clause(run: tuple[str, ...], alternatives: list[synonyms.Synonym]) -> Query:
    """What the typed words of a run match, or, ranked lower, any synonym of them."""
    typed = _all_of(run)
    if not alternatives:
        return typed
    others = [_all_of(alternative.terms) for alternative in alternatives]
    synonym = Q("bool", should=others, minimum_should_match=1, boost=synonyms.WEIGHT)
    return Q("bool", should=[typed, synonym], minimum_should_match=1)


def _is_phrase(terms: list[str]) -> bool:
    return len(terms) > 1 or (has_han(terms[0]) and len(terms[0]) > 1)


# How many of the best documents a phrase in the body may lift: a reader looks at the first pages.
RESCORE_WINDOW = 200


def phrase_rescore(q: str, window: int = RESCORE_WINDOW) -> dict | None:
    """A rescore that ranks first, among the best `window` documents, those whose body holds the
    query's Chinese words (and the whole query) side by side.

    Checking positions costs time in proportion to the documents that hold the characters; over
    the best few hundred that is nothing, over a hundred thousand it would be most of the query.
    """
    terms = query_terms(q)
    if not terms:
        return None
    phrases = [t for t in dict.fromkeys(terms) if has_han(t) and len(t) > 2]
    # What was typed in one run and cut by the dictionary (基层治理: 基层 治理) is a phrase too.
    for run in normalize(q).split():
        run_terms = query_terms(run)
        if len(run_terms) > 1 and has_han(run) and " ".join(run_terms) not in phrases:
            phrases.append(" ".join(run_terms))
    should = [Q("match_phrase", body={"query": t, "boost": 1.5}) for t in phrases]
    # The whole query side by side, unless its writer set Chinese words apart with a space
    # (基层治理 调研): then they asked for both, not for the one phrase, which costs the most.
    if _is_phrase(terms) and not sets_chinese_apart(normalize(q)):
        should.append(Q("match_phrase", body={"query": " ".join(terms), "boost": 3}))
    if not should:
        return None
    return {
        "window_size": window,
        "query": {
            "rescore_query": Q("bool", should=should).to_dict(),
            "query_weight": 1.0,
            "rescore_query_weight": 1.0,
        },
    }


def access_filter(user) -> Query | None:
    """The permission filter: documents whose access list shares a principal with the person."""
    principals = principals_for(user)
    if principals is None:
        return None  # a superuser
    return Q("terms", access=principals or ["-nobody-"])


# After a failure, Elasticsearch is left alone for a few seconds: a server that is down must not
# slow every request by a connection attempt.
BREAKER_SECONDS = 5.0
_down_until: dict[str, float] = {}


def _check_breaker():
    from django.conf import settings

    if _down_until.get(settings.ELASTICSEARCH_URL, 0.0) > time.monotonic():
        raise SearchUnavailable("Elasticsearch failed a moment ago")


def _trip_breaker():
    from django.conf import settings

    _down_until[settings.ELASTICSEARCH_URL] = time.monotonic() + BREAKER_SECONDS


def reset_breaker():
    """Try Elasticsearch again on the next request (after it is known to be back)."""
    _down_until.clear()


def base_search(user) -> Search:
    es = client.get_client(timeout=3.0)
    if es is None:
        raise SearchUnavailable("Elasticsearch is not configured")
    _check_breaker()
    search = Search(using=es, index=index.alias_name())
    access = access_filter(user)
    if access is not None:
        search = search.filter(access)
    return search


def apply_filters(search: Search, params: SearchParams) -> Search:
    if params.kind:
        search = search.filter("term", kind=params.kind)
    for tag in params.tags:
        search = search.filter("term", tags=tag)
    if params.department:
        search = search.filter("term", department=params.department)
    if params.study_group:
        search = search.filter("term", study_group=params.study_group)
    if params.year:
        search = search.filter("term", year=params.year)
    return search


REQUEST_ERRORS = (ApiError, TransportError, OSError)


def _unavailable(error: Exception) -> SearchUnavailable:
    """What a failed request means for the page; a server error or no answer trips the breaker
    (a refused query, 4xx, does not: the server is fine)."""
    if not isinstance(error, ApiError) or error.status_code >= 500:
        _trip_breaker()
    return SearchUnavailable(str(error))


def _execute(search: Search | MultiSearch):
    try:
        return search.execute()
    except REQUEST_ERRORS as error:
        raise _unavailable(error) from error


def _answers(search: MultiSearch) -> list[dict]:
    """The answers of a multi-search as Elasticsearch sent them: a page reads a few fields of
    ten hits, which elasticsearch-dsl's response objects would wrap field by field."""
    try:
        sent = search.to_dict()
        answers = client.get_client(timeout=3.0).msearch(index=index.alias_name(), body=sent)
    except REQUEST_ERRORS as error:
        raise _unavailable(error) from error
    for answer in answers["responses"]:
        if answer.get("error"):
            raise SearchUnavailable(str(answer["error"]))
    return answers["responses"]


def counts_for(searches: list[str], user) -> dict[str, int]:
    """How many documents each search finds, as `user` may see them (one round trip a hundred).

    Raises SearchUnavailable. A search with no word to look for is left out."""
    found: dict[str, int] = {}
    base = base_search(user)
    asked = [(q, query) for q in dict.fromkeys(searches) if (query := text_query(q)) is not None]
    for start in range(0, len(asked), 100):
        batch = asked[start : start + 100]
        multi = MultiSearch(using=base._using, index=index.alias_name())
        for _q, query in batch:
            multi = multi.add(base.query(query).extra(size=0, track_total_hits=True))
        for (q, _query), answer in zip(batch, _answers(multi), strict=True):
            found[q] = answer["hits"]["total"]["value"]
    return found


# ------------------------------------------------------------------ the search page


def build_search(params: SearchParams, user, query: Query) -> MultiSearch:
    """The Elasticsearch request for one page of results with its count and facets.

    Two searches in one round trip, which the server runs side by side: the page (the best
    documents only, so Lucene may skip those that cannot make it) and the count with the facets
    (every match counted; as it returns no documents, the server's request cache keeps it until
    the index next changes, so a search asked again, or paged through, costs little).
    """
    matching = apply_filters(base_search(user).query(query), params)
    page = matching
    if params.sort == "date":
        page = page.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    start = (params.page - 1) * PAGE_SIZE
    page = page[start : start + PAGE_SIZE]
    rescore = phrase_rescore(params.q, max(RESCORE_WINDOW, start + PAGE_SIZE))
    if rescore is not None and params.sort != "date":
        page = page.extra(rescore=rescore)
    # The body comes back for highlighting in Python (search.highlight): Elasticsearch reads the
    # whole stored document for a hit anyway, and its highlighters would analyse the text again.
    page = page.source(excludes=MATCHED_ONLY)
    page = page.extra(track_total_hits=False)
    counts = matching.extra(size=0, track_total_hits=True).params(request_cache=True)
    for name in FACETS:
        size = 30 if name != "kind" else 20
        counts.aggs.bucket(name, "terms", field=FACET_FIELDS[name], size=size)
    return MultiSearch(using=page._using, index=index.alias_name()).add(page).add(counts)


def search(params: SearchParams, user) -> Results:
    """One page of results for `params` as `user` may see them, with facets and highlights."""
    results = Results(params=params, problems=list(params.problems))
    query = text_query(params.q)
    if query is None:
        return results
    page, counts = _answers(build_search(params, user, query))
    results.count = counts["hits"]["total"]["value"]
    typed = query_terms(params.q)
    brought = synonyms.used(typed)
    results.synonyms = [synonym.word for synonym in brought]
    terms = synonyms.with_alternatives(typed, brought)
    results.hits = [_hit(h["_id"], h["_source"], terms) for h in page["hits"]["hits"]]
    results.facets = _facets(counts["aggregations"], params)
    if results.count == 0:
        results.suggestion = did_you_mean(params.q, user)
    return results


def _hit(doc_id: str, source: dict, terms: list[str]) -> Hit:
    """A result from a document's stored fields (`_source`)."""
    kind = source["kind"]
    shown_title = source.get("shown_title") or ""
    return Hit(
        doc_id=doc_id,
        title=shown_title or source["title"],
        title_html=mark_safe(  # noqa: S308 - escaped there
            highlight.marked(source["title"], terms, shown_title)
        ),
        url=source["url"],
        kind=kind,
        kind_label=str(kind_labels().get(kind, kind)),
        highlights=[
            mark_safe(f)  # noqa: S308 - escaped there
            for f in highlight.fragments(
                source.get("body") or "", terms, written=source.get("shown_body") or ""
            )
        ],
        date=source.get("date"),
        tags=list(source.get("tags") or []),
        department=source.get("department") or "",
        study_group=source.get("study_group") or "",
        people=list(source.get("people") or []),
    )


def _facets(aggregations, params: SearchParams) -> dict[str, list[FacetValue]]:
    labels = kind_labels()
    selected = params.chosen
    facets = {}
    for name in FACETS:
        values = []
        for bucket in aggregations[name]["buckets"]:
            value = str(bucket["key"])
            label = str(labels.get(value, value)) if name == "kind" else value
            values.append(FacetValue(value, label, bucket["doc_count"], value in selected[name]))
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        facets[name] = values
    return facets


# ------------------------------------------------------------------ suggestions


def suggest_titles(prefix: str, user, limit: int = 8) -> list[dict]:
    """Titles the person may see that contain what they have typed so far, or a synonym of it."""
    text = normalize(prefix)[:50].lower()
    if not text.strip():
        return []
    should = [
        Q("match_phrase_prefix", title={"query": text, "max_expansions": 20, "boost": 2}),
        Q("match_phrase", **{"title.bigrams": {"query": text}}),
    ]
    # A whole word an editor gave synonyms (放管服) offers titles with those too (简政放权), below.
    should += [
        Q("match_phrase", title={"query": synonym.word, "boost": synonyms.WEIGHT})
        for synonym in synonyms.of_whole(query_terms(text))
    ]
    s = base_search(user).query(Q("bool", should=should, minimum_should_match=1))
    s = s.source(includes=SUGGESTED)[:limit]
    found = [_suggested(h) for h in _execute(s)]
    if len(found) < limit and not has_han(text):
        # Letters may be pinyin, typed with the input method off or still being composed, or the
        # initials of a title's words.
        for titles, size in ((_spelling_titles, 5 * limit), (_initials_titles, limit)):
            if len(found) >= limit:
                break
            found += [
                t for hit, _ in titles(text, user, size) if (t := _suggested(hit)) not in found
            ]
    return found[:limit]


SUGGESTED = ["title", "shown_title", "url", "kind"]


def _suggested(hit) -> dict:
    return {
        "title": getattr(hit, "shown_title", None) or hit.title,
        "url": hit.url,
        "kind": hit.kind,
    }


def _spelling_titles(typed: str, user, size: int) -> list[tuple]:
    """(hit, words) for titles this person may see whose `words` read as `typed`, pinyin typed
    as letters; none when `typed` is not pinyin of two syllables or more.

    The index finds the titles that have every syllable (title_pinyin); some have them apart, so
    it is asked for `size` and the words are then looked for side by side.
    """
    heard = pinyin.syllables(typed)
    if not heard or not 2 <= len(heard) <= pinyin.MOST_SYLLABLES:
        return []
    query = Q("match", title_pinyin={"query": " ".join(heard), "operator": "and"})
    return _titles_with_words(query, user, size, lambda title: pinyin.written_as(title, heard))


def _initials_titles(typed: str, user, size: int) -> list[tuple]:
    """(hit, words) for titles this person may see whose `words` have the initials `typed`; none
    when `typed` is not two to six letters that could be initials (search.pinyin.typed_initials)."""
    letters = pinyin.typed_initials(typed)
    if letters is None:
        return []
    query = Q("term", title_initials=letters)
    return _titles_with_words(query, user, size, lambda title: pinyin.written_with(title, letters))


def _titles_with_words(query: Query, user, size: int, words_in) -> list[tuple]:
    """(hit, words) for the titles `query` finds that this person may see, where `words_in(title)`
    finds the words (the index matched the sounds or letters, not yet side by side)."""
    s = base_search(user).query(query).source(includes=SUGGESTED).extra(size=size)
    found = ((hit, words_in(hit.title)) for hit in _execute(s))
    return [(hit, words) for hit, words in found if words]


def did_you_mean(q: str, user) -> str:
    """A corrected query that finds something this person may see, or ''.

    Pinyin typed as letters (the input method switched off), or the initials of words (szzf),
    becomes the words of a title it spells. Otherwise each word is replaced by the closest word
    the index knows: for Chinese, one that sounds the same comes first (a pinyin input method's
    mistake, wherever it falls in the word), then one that starts with the same character; for
    other words, one that starts with the same letter.
    """
    try:
        for suggest in (_spelled_in_pinyin, _spelled_in_initials, _corrected_words):
            suggestion = suggest(q, user)
            # Offered only when it finds something this person may see: it reveals nothing.
            if suggestion and _finds_something(suggestion, user):
                return suggestion
    except SearchUnavailable:
        pass
    return ""


def _spelled_in_pinyin(q: str, user) -> str:
    """The words of a title this person may see that `q`, typed as pinyin, spells, or ''."""
    return _most_spelled(_spelling_titles(q, user, 20))


def _spelled_in_initials(q: str, user) -> str:
    """The words of a title this person may see whose initials `q` is (szzf: 数字政府), or ''."""
    return _most_spelled(_initials_titles(q, user, 20))


def _most_spelled(found: list[tuple]) -> str:
    # The spelling most titles share; among equals, the one in the best-ranked title.
    spelled = Counter(words for _, words in found)
    return spelled.most_common(1)[0][0] if spelled else ""


def _corrected_words(q: str, user) -> str:
    terms = query_terms(q)
    if not terms or len(terms) > 8:
        return ""
    s = base_search(user).extra(size=0)
    joined = " ".join(terms)
    # prefix_length 0: a homophone is as often wrong in its first character as in any other.
    # Candidates are filtered below, so ask for enough of them.
    options = {"suggest_mode": "always", "min_word_length": 2, "prefix_length": 0, "size": 25}
    s = s.suggest("words", joined, term={"field": "title_words", **options})
    s = s.suggest("body_words", joined, term={"field": "body_words", **options})
    candidates: dict[str, list] = {}
    response = _execute(s)
    for name in ("words", "body_words"):
        for entry in getattr(response.suggest, name, []):
            candidates.setdefault(entry.text, []).extend(entry.options)
    corrected = [_closest_word(t, candidates.get(t, [])) or t for t in terms]
    if corrected == terms:
        return ""
    return "".join(corrected) if all(has_han(t) for t in corrected) else " ".join(corrected)


def _finds_something(q: str, user) -> bool:
    query = text_query(q)
    if query is None:
        return False
    return _execute(base_search(user).query(query).extra(size=0)).hits.total.value > 0


def _closest_word(term: str, options: list) -> str | None:
    """The suggester's option to put in place of `term`, or None to keep it.

    Options are ranked by the suggester's score (how alike the spellings are), then by how many
    documents have the word.
    """
    if has_han(term):
        alike = [o for o in options if pinyin.sounds_alike(term, o.text)]
        if alike:
            return max(alike, key=lambda o: (o.score, o.freq)).text
    same_start = [o for o in options if o.text[:1] == term[:1] and o.text != term]
    if same_start:
        return max(same_start, key=lambda o: (o.score, o.freq)).text
    return None


# ------------------------------------------------------------------ related knowledge


def document_id_for(obj_or_doc_id) -> str | None:
    if isinstance(obj_or_doc_id, str):
        return obj_or_doc_id
    model = getattr(obj_or_doc_id, "specific_class", None) or type(obj_or_doc_id)
    source = source_for_model(model)
    return source.document_id(obj_or_doc_id.pk) if source else None


def related(obj_or_doc_id, user, limit: int = 4) -> list[Hit]:
    """Other documents this person may see that share most with this one (tags, words)."""
    doc_id = document_id_for(obj_or_doc_id)
    if doc_id is None:
        return []
    es = client.get_client(timeout=3.0)
    if es is None:
        raise SearchUnavailable("Elasticsearch is not configured")
    _check_breaker()
    try:
        found = es.options(ignore_status=404).get(
            index=index.alias_name(),
            id=doc_id,
            source_includes=["tags", "title_words", "body", "body_words"],
        )
    except REQUEST_ERRORS as error:
        raise _unavailable(error) from error
    if not found.get("found"):
        # Not indexed (yet): the caller shows its own related items meanwhile.
        raise SearchUnavailable(f"{doc_id} is not in the index")
    source = found["_source"]
    should = [Q("term", tags={"value": tag, "boost": 3}) for tag in source.get("tags", [])]
    # An artificial document, so that each field reads the text with its own analyzer: the
    # title's words (counted twice), the body's character pairs and its other words.
    title_words = source.get("title_words", "")
    like = {
        "title_words": f"{title_words} {title_words}",
        "body": source.get("body", "")[:3000],
        "body_words": source.get("body_words", "")[:3000],
    }
    should.append(
        Q(
            "more_like_this",
            fields=["title_words", "body", "body_words"],
            like=[{"doc": like}],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=40,
            minimum_should_match="20%",
        )
    )
    s = base_search(user).query(Q("bool", should=should, minimum_should_match=1))
    s = s.exclude("ids", values=[doc_id])
    s = s.source(excludes=["body", "shown_body", *MATCHED_ONLY])
    s = s[:limit]
    return [_hit(h.meta.id, h.to_dict(), []) for h in _execute(s)]


def related_or_none(obj_or_doc_id, request, limit: int = 4) -> list[Hit] | None:
    """`related` for the request's person, or None when Elasticsearch is not configured or does
    not answer (the caller then shows its own database-based related items)."""
    if not client.is_configured():
        return None
    principals_for_request(request)
    try:
        return related(obj_or_doc_id, request.user, limit)
    except SearchUnavailable:
        return None


def document_words(doc_id: str) -> str:
    """The indexed word-level text of a document (for tests and diagnostics)."""
    es = client.get_client()
    found = es.get(index=index.alias_name(), id=doc_id, source_includes=["title_words"])
    return found["_source"]["title_words"]


__all__ = [
    "FACETS",
    "Results",
    "SearchUnavailable",
    "did_you_mean",
    "related",
    "search",
    "segmented",
    "suggest_titles",
    "text_query",
]
