"""Chinese-aware analysis from Elasticsearch's core only, with words found in Python."""

import pytest

from django.test import override_settings

from search import client, index, indexing, pinyin, queries
from search.params import SearchParams
from search.sources import SearchDocument, SearchSource
from search.text import ascii_words, normalize, segmented, segmenter_version, words

pytestmark = pytest.mark.django_db


class Samples(SearchSource):
    name = "sample"


def put(*docs: tuple[str, str, str]):
    """Index (id, title, body) samples straight into the test's index."""
    built = indexing.Built(version=indexing.now_version())
    for doc_id, title, body in docs:
        doc = SearchDocument(
            title=title, body=body, kind="theory", url=f"/{doc_id}/", access=["staff"]
        )
        built.write[doc_id] = indexing.document_body(doc, Samples())
    indexing.write_index(built, refresh=True)


def ids(user, q):
    return [hit.doc_id for hit in queries.search(SearchParams(q=q), user).hits]


def analyzed(field, text):
    result = client.get_client().indices.analyze(index=index.alias_name(), field=field, text=text)
    return [token["token"] for token in result["tokens"]]


def test_the_core_profile_uses_only_what_the_core_distribution_has():
    analysis = index.analysis_settings()
    for definition in analysis.get("analyzer", {}).values():
        assert definition["tokenizer"] in index.CORE_TOKENIZERS
        for name in definition.get("filter", []):
            kind = analysis.get("filter", {}).get(name, {}).get("type", name)
            assert kind in index.CORE_FILTERS, name
    assert not analysis.get("tokenizer") and not analysis.get("char_filter")
    custom = set(analysis.get("analyzer", {}))

    def analyzers(properties):
        for field in properties.values():
            for key in ("analyzer", "search_analyzer"):
                if key in field:
                    yield field[key]
            yield from analyzers(field.get("fields", {}))

    used = set(analyzers(index.mapping().to_dict()["properties"]))
    assert used <= custom | index.CORE_ANALYZERS, used - custom - index.CORE_ANALYZERS


def test_the_core_profile_index_is_accepted_by_the_minimal_server(search_index):
    assert index.index_meta() == {
        "schema": index.SCHEMA_VERSION,
        "segmenter": segmenter_version(),
        "pinyin": pinyin.version(),
        "plugin_analyzer": "",
    }


def test_a_plugin_analyzer_adds_a_field_and_nothing_else(search_index):
    core = index.mapping().to_dict()["properties"]
    with override_settings(GONGXUE_SEARCH_PLUGIN_ANALYZER="smartcn"):
        plugin = index.mapping().to_dict()["properties"]
        assert plugin["title"]["fields"]["plugin"] == {"type": "text", "analyzer": "smartcn"}
        assert plugin["body"]["fields"]["plugin"]["analyzer"] == "smartcn"
        assert index.expected_meta()["plugin_analyzer"] == "smartcn"
        for props in (plugin, core):
            for field in ("title", "body"):
                subfields = props[field].get("fields", {})
                subfields.pop("plugin", None)
                if not subfields:
                    props[field].pop("fields", None)
        assert plugin == core
        # The minimal server has no smartcn: the plugin profile is for production clusters only.
        with pytest.raises(Exception, match="smartcn"):
            index.create_physical(f"{index.alias_name()}-plugin-probe")


def test_characters_pairs_and_words_of_a_chinese_sample(search_index):
    assert analyzed("title", "学习型组织") == ["学", "习", "型", "组", "织"]
    assert analyzed("title.bigrams", "学习型组织") == ["学 习", "习 型", "型 组", "组 织"]
    # Bodies keep the pairs (and the words), not single characters: see search.index.
    assert analyzed("body", "学习型组织") == ["学 习", "习 型", "型 组", "组 织"]
    assert segmented("学习型组织建设的思考") == "学习型 组织 建设 的 思考"
    assert analyzed("title_words", segmented("学习型组织建设")) == ["学习型", "组织", "建设"]
    assert analyzed("title", "Team LEARNING 2024") == ["team", "learning", "2024"]


def test_a_body_keeps_its_chinese_as_pairs_and_its_english_as_words():
    # The dictionary cuts titles and queries; a body's Chinese is its pairs, so its word field
    # holds only the words in ASCII, cut where the dictionary cuts a query.
    body = "建设学习型组织：Field notes on COVID-19, node.js and 5G网络。"
    assert ascii_words(body) == "field notes on covid 19 node js and 5g"
    assert ascii_words(body).split() == [w for w in words(body) if w.isascii()]


def test_a_word_in_another_script_does_not_hide_a_body_with_the_rest(search_index, cadre):
    put(
        ("accented", "读书笔记", "关于 café culture 的随笔"),
        ("other", "读书笔记", "关于 tea culture 的随笔"),
    )
    # "café" is "caf" and "é" to the dictionary; bodies keep "caf" and find it.
    assert ids(cadre.user, "café") == ["accented"]
    assert set(ids(cadre.user, "culture")) == {"accented", "other"}


def test_full_width_forms_are_normalised_and_punctuation_is_no_word():
    assert normalize("ＡＢＣ１２３　数字政府，（试行）。") == "ABC123 数字政府，（试行）。"
    assert words("数字政府，Digital Government！") == ["数字", "政府", "digital", "government"]


def test_a_two_character_word_does_not_match_its_characters_apart(search_index, cadre):
    put(
        ("together", "学习型组织", "团队学习大于个人学习之和"),
        ("apart", "学生的好习惯", "学校里养成的习惯"),
    )
    assert ids(cadre.user, "学习") == ["together"]
    # A single character still finds something.
    assert set(ids(cadre.user, "学")) == {"together", "apart"}


def test_the_exact_phrase_ranks_first_and_a_title_beats_a_body(search_index, cadre):
    put(
        ("scattered", "组织工作随笔", "建设学习型机关，加强组织建设"),
        ("body", "机关建设随笔", "我们要建设学习型组织，久久为功"),
        ("title", "学习型组织", "一些想法"),
    )
    assert ids(cadre.user, "学习型组织") == ["title", "body", "scattered"]


def test_words_typed_in_one_run_rank_first_where_they_stand_together(search_index, cadre):
    put(
        ("apart", "工作随笔", "基层工作，治理能力，调研"),
        (
            "together",
            "工作随笔",
            "关于基层治理的一些调研，还有许多别的想法和体会，都写在这篇随笔里面了",
        ),
    )
    # 基层治理 is cut into 基层 and 治理; the space before 调研 sets that word apart.
    assert ids(cadre.user, "基层治理 调研") == ["together", "apart"]


def test_english_is_case_insensitive_and_mixed_queries_work(search_index, cadre):
    put(
        ("en", "Digital Government Research", "How offices go digital"),
        ("mixed", "数字政府 Digital Government", "数字政府建设的调研"),
        ("zh", "乡村振兴", "调研报告"),
    )
    assert set(ids(cadre.user, "DIGITAL government")) == {"en", "mixed"}
    assert ids(cadre.user, "数字政府 digital") == ["mixed"]


def test_traditional_characters_are_read_as_simplified():
    assert normalize("學習型組織，乾燥") == "学习型组织，干燥"
    # Phrases keep what Simplified keeps, and Simplified text is left as it is.
    assert normalize("乾隆年间的著作") == "乾隆年间的著作"
    assert segmented("團隊學習") == "团队 学习"


def test_a_search_in_either_script_finds_both(search_index, cadre):
    put(
        ("traditional", "團隊學習的體會", "建設學習型組織"),
        ("simplified", "团队学习心得", "建设学习型组织"),
        ("other", "乡村振兴", "调研报告"),
    )
    assert set(ids(cadre.user, "團隊學習")) == {"traditional", "simplified"}
    assert set(ids(cadre.user, "学习型组织")) == {"traditional", "simplified"}
