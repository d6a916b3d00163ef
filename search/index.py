"""The one search index: its analysis, its mapping, and the alias over versioned physical indices.

Readers and writers use the alias (`gongxue-documents`); each physical index is called
`<alias>-<timestamp>` and a rebuild swaps the alias atomically from the old to the new one.

Analysis uses only what Elasticsearch's core distribution has (the "core profile"):
- `chars`:   the standard tokenizer cuts Chinese into single characters, English into words.
- `bigrams`: the same, followed by a shingle filter that joins neighbours into character pairs, so a
             phrase query on it means "these characters side by side".
- `*_words`: text cut into words in Python (search.text), analysed by the built-in whitespace analyzer.

Titles are short and get all three. Bodies are long and get pairs, plus the words that are not
Chinese: every indexed token (and every word the dictionary cuts) costs rebuild time. A Chinese word
in a body is its pairs side by side, a single character is found through the pairs that start with
it (a prefix query), an English word through the word field. Highlights are drawn in Python
from the stored text (search.highlight), so the index keeps no offsets.
A production cluster with the smartcn, IK or ICU plugin may add a `plugin` sub-field analysed with it
(setting GONGXUE_SEARCH_PLUGIN_ANALYZER); nothing else changes.
"""

import datetime

from elasticsearch.dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Text,
    analyzer,
    token_filter,
)

from django.conf import settings

from . import client, pinyin
from .text import segmenter_version

# Raise when the mapping, the analysis or the fingerprint changes: a running index with another
# number is rebuilt.
SCHEMA_VERSION = 9

# What the core distribution offers and the core profile may use (see tests/search/test_analysis.py).
CORE_TOKENIZERS = {"standard"}
CORE_FILTERS = {"lowercase", "stop", "shingle"}
CORE_ANALYZERS = {"standard", "simple", "whitespace", "stop", "keyword"}

PLUGIN_ANALYZERS = {
    # setting value -> analyzer name the plugin registers
    "smartcn": "smartcn",
    "ik": "ik_max_word",
    "icu": "icu_analyzer",
}

bigram_filter = token_filter(
    "gx_bigram", "shingle", min_shingle_size=2, max_shingle_size=2, output_unigrams=False
)
chars = analyzer("gx_chars", tokenizer="standard", filter=["lowercase"])
bigrams = analyzer("gx_bigrams", tokenizer="standard", filter=["lowercase", bigram_filter])
WORDS = "whitespace"  # the text arrives cut into words and lower-cased (search.text.segmented)


def alias_name() -> str:
    """The name readers and writers use."""
    return client.index_name("documents")


def plugin_analyzer() -> str | None:
    """The production plugin analyzer configured for this site, if any."""
    value = getattr(settings, "GONGXUE_SEARCH_PLUGIN_ANALYZER", "") or ""
    return PLUGIN_ANALYZERS.get(value, value) or None


def expected_meta() -> dict:
    """What the index's `_meta` must say for this code to use it without a rebuild."""
    return {
        "schema": SCHEMA_VERSION,
        "segmenter": segmenter_version(),
        "pinyin": pinyin.version(),
        "plugin_analyzer": plugin_analyzer() or "",
    }


def _plugin_fields() -> dict:
    plugin = plugin_analyzer()
    return {"plugin": Text(analyzer=plugin)} if plugin else {}


def _title_field() -> Text:
    return Text(analyzer=chars, fields={"bigrams": Text(analyzer=bigrams), **_plugin_fields()})


def _body_field() -> Text:
    # Character pairs only (see the module docstring); the plugin field, when set, beside them.
    return Text(analyzer=bigrams, fields=_plugin_fields())


def mapping() -> Mapping:
    m = Mapping()
    # Keywords that are only matched (never counted, sorted or read back from the index's columns)
    # keep no doc values: a rebuild writes less.
    m.field("source", Keyword(doc_values=False))
    # Facets: their global ordinals are built at refresh, not by the first search after it.
    m.field("kind", Keyword(eager_global_ordinals=True))
    m.field("title", _title_field())
    m.field("title_words", Text(analyzer=WORDS))
    # Every syllable the title's characters may be read as (search.pinyin.spoken), so that pinyin
    # typed as letters finds the titles whose words it spells: only which, never where or how
    # often, so no positions, frequencies or norms.
    m.field("title_pinyin", Text(analyzer=WORDS, index_options="docs", norms=False))
    # The initials of each run of two to six of the title's characters (search.pinyin.initials):
    # szzf finds 数字政府. Matched whole, so no positions, frequencies or norms either.
    m.field("title_initials", Text(analyzer=WORDS, index_options="docs", norms=False))
    # The title as written, when normalising changed it (Traditional script): shown, not searched.
    m.field("shown_title", Keyword(index=False, doc_values=False))
    m.field("body", _body_field())
    # The body as written, when normalising changed it: fragments are shown from it.
    m.field("shown_body", Text(index=False))
    # The body's words other than Chinese (English, numbers), matched one by one (never as
    # phrases: the pairs do that), so no positions.
    m.field("body_words", Text(analyzer=WORDS, index_options="freqs"))
    # Tags, department and study group are counted by their exact values (keywords), people
    # matched by theirs; all four are found by their words too (meta_words).
    m.field("tags", Keyword(eager_global_ordinals=True))
    m.field("people", Keyword(doc_values=False))
    m.field("meta_words", Text(analyzer=WORDS))
    m.field("department", Keyword(eager_global_ordinals=True))
    m.field("study_group", Keyword(eager_global_ordinals=True))
    m.field("date", Date())
    m.field("year", Integer())
    m.field("url", Keyword(index=False, doc_values=False))
    m.field("access", Keyword(doc_values=False))
    # A hash of everything above, so `search_index --check` can tell a stale document cheaply.
    m.field("fingerprint", Keyword(index=False, doc_values=False))
    m.meta("_meta", **expected_meta())
    m.meta("dynamic", "strict")
    return m


def index_settings() -> dict:
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        # Deletes are remembered for an hour, so that a late, older write cannot bring back a
        # deleted document (writes carry external versions, see search.indexing).
        "gc_deletes": "1h",
        "max_result_window": 10_000,
        "highlight.max_analyzed_offset": 1_000_000,
    }


def definition(name: str) -> Index:
    """The elasticsearch-dsl Index for a physical index called `name`."""
    index = Index(name)
    index.settings(**index_settings())
    index.mapping(mapping())
    return index


def analysis_settings() -> dict:
    """The analysis part of the index settings, as sent to Elasticsearch."""
    return definition("probe").to_dict()["settings"].get("analysis", {})


def new_physical_name() -> str:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name()}-{stamp}"


def create_physical(name: str | None = None) -> str:
    """Create an empty physical index (not yet behind the alias) and return its name."""
    name = name or new_physical_name()
    definition(name).create(using=client.get_client())
    return name


def current_physical() -> str | None:
    """The physical index the alias points at, or None before the first build."""
    es = client.get_client()
    found = es.options(ignore_status=404).indices.get_alias(name=alias_name())
    if not found or "error" in found or found.get("status") == 404:
        return None
    names = sorted(found.keys())
    return names[-1] if names else None


def ensure_index() -> str:
    """The physical index behind the alias, made (empty) if there is none yet."""
    existing = current_physical()
    if existing:
        return existing
    name = create_physical()
    es = client.get_client()
    es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias_name()}}])
    return name


def swap_alias(new: str) -> list[str]:
    """Point the alias at `new` in one atomic step; return the names it pointed at before."""
    es = client.get_client()
    found = es.options(ignore_status=404).indices.get_alias(name=alias_name())
    old = [n for n in (found or {}) if n not in ("error", "status") and n != new]
    actions = [{"remove": {"index": n, "alias": alias_name()}} for n in old]
    actions.append({"add": {"index": new, "alias": alias_name()}})
    es.indices.update_aliases(actions=actions)
    return old


def index_meta(name: str | None = None) -> dict:
    """The `_meta` of a physical index (of the alias's index by default)."""
    es = client.get_client()
    name = name or current_physical()
    if not name:
        return {}
    body = es.indices.get_mapping(index=name)
    return next(iter(body.values()))["mappings"].get("_meta", {})


def needs_rebuild() -> bool:
    """Whether the live index was built by other code (schema, segmenter, pinyin table or plugin
    changed)."""
    return index_meta() != expected_meta()


def physical_indices() -> list[str]:
    """Every physical index of this site's alias family, old and new."""
    es = client.get_client()
    found = es.options(ignore_status=404).indices.get(index=f"{alias_name()}-*")
    return sorted(k for k in (found or {}) if k not in ("error", "status"))
