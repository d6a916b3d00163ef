"""The search page and its API: highlights, counts, facets, sorting, pages, suggestions."""

import datetime
from urllib.parse import quote_plus

import pytest

from django.test import override_settings

from people.models import Department
from tests.assertions import assert_contains, assert_not_contains
from tests.knowledge.factories import ArticlePageFactory

from .conftest import index_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_articles(search_index):
    policy = Department.objects.create(name="政策研究室")
    office = Department.objects.create(name="办公室")
    ArticlePageFactory(
        title="学习型组织建设的思考",
        summary="团队学习大于个人学习之和，学习型机关建设要久久为功。",
        kind="theory",
        department=office,
        date=datetime.date(2023, 5, 1),
        tags=["团队学习", "学习型机关"],
    )
    ArticlePageFactory(
        title="乡村振兴调研报告",
        summary="赴三个县开展乡村振兴专题调研，形成调研报告。",
        kind="research",
        department=policy,
        date=datetime.date(2024, 3, 2),
        tags=["乡村振兴", "调研"],
    )
    ArticlePageFactory(
        title="数字政府建设调研",
        summary="Digital government: 数字政府建设的调研与思考。",
        kind="research",
        department=policy,
        date=datetime.date(2025, 1, 9),
        tags=["数字政府", "调研"],
    )
    index_now()


def test_results_show_highlighted_fragments_and_a_count(cadre_client, library_articles):
    response = cadre_client.get("/search/", {"q": "调研"})
    assert_contains(response, "2 个结果")
    assert_contains(response, "<mark>调研</mark>")
    assert_not_contains(response, "学习型组织建设的思考")


def test_facets_count_and_combine_as_filters(cadre_client, library_articles):
    response = cadre_client.get("/search/", {"q": "调研"})
    facets = response.context["results"].facets
    assert {v.value: v.count for v in facets["department"]} == {"政策研究室": 2}
    assert {v.value: v.count for v in facets["year"]} == {"2024": 1, "2025": 1}
    assert {v.value: v.count for v in facets["tag"]}["调研"] == 2
    assert {v.value for v in facets["kind"]} == {"research"}
    narrowed = cadre_client.get("/search/", {"q": "调研", "year": "2025", "tag": "调研"})
    assert_contains(narrowed, "数字政府建设<mark>调研</mark>")
    assert_not_contains(narrowed, "乡村振兴")
    assert narrowed.context["results"].count == 1


def test_a_chosen_facet_value_is_marked_and_its_link_unchooses_it(cadre_client, library_articles):
    chosen = cadre_client.get("/search/", {"q": "调研", "year": "2025", "tag": "调研"})
    html = chosen.content.decode()
    q, research, digital = (quote_plus(word) for word in ("调研", "调研", "数字政府"))
    # The chosen year and tag are marked, and their links take them off; another tag adds up.
    assert f'href="?q={q}&amp;tag={research}" aria-current="true">2025' in html
    assert f'href="?q={q}&amp;year=2025" aria-current="true">调研' in html
    assert f'href="?q={q}&amp;tag={research}&amp;tag={digital}&amp;year=2025">数字政府' in html
    unchosen = cadre_client.get(f"/search/?q={q}&tag={research}")
    assert unchosen.context["results"].count == 2  # both years again


def test_sorting_by_date_puts_the_newest_first(cadre_client, library_articles):
    response = cadre_client.get("/search/", {"q": "调研", "sort": "date"})
    titles = [hit.title for hit in response.context["results"].hits]
    assert titles == ["数字政府建设调研", "乡村振兴调研报告"]


def test_a_title_match_ranks_above_a_body_match(cadre_client, library_articles):
    ArticlePageFactory(title="学习笔记", summary="关于数字政府的一点体会。")
    index_now()
    titles = [
        h.title for h in cadre_client.get("/search/", {"q": "数字政府"}).context["results"].hits
    ]
    assert titles[0] == "数字政府建设调研"


def test_results_come_in_pages(cadre_client, search_index):
    for n in range(23):
        ArticlePageFactory(title=f"理论学习第{n}期", summary="理论学习")
    index_now()
    first = cadre_client.get("/search/", {"q": "理论学习"})
    assert_contains(first, "第 1 页，共 3 页")
    third = cadre_client.get("/search/", {"q": "理论学习", "page": "3"})
    assert len(third.context["results"].hits) == 3


def test_no_hits_offer_a_did_you_mean(cadre_client, search_index):
    ArticlePageFactory(title="Digital government research", summary="government services")
    index_now()
    response = cadre_client.get("/search/", {"q": "goverment"})
    assert_contains(response, "您是不是要找")
    assert response.context["results"].suggestion == "government"


def test_a_word_mistyped_by_a_pinyin_input_method_is_corrected_to_the_one_that_sounds_alike(
    cadre_client, search_index
):
    ArticlePageFactory(title="数字政府建设调研")
    # Words one character away from 正府 that do not sound like it, and are in more titles.
    for n in range(3):
        ArticlePageFactory(title=f"自治区首府城市发展第{n}期")
        ArticlePageFactory(title=f"正式文件办理第{n}期")
    index_now()
    response = cadre_client.get("/search/", {"q": "正府"})
    assert response.context["results"].count == 0
    assert response.context["results"].suggestion == "政府"
    assert_contains(response, '<a href="?q=%E6%94%BF%E5%BA%9C">您是不是要找“政府”？</a>')
    assert cadre_client.get("/search/", {"q": "数字正府"}).context["results"].suggestion == (
        "数字政府"
    )
    assert cadre_client.get("/search/", {"q": "数字政付"}).context["results"].suggestion == (
        "数字政府"
    )


def test_pinyin_typed_with_the_input_method_off_is_offered_as_the_chinese_it_spells(
    cadre_client, search_index
):
    ArticlePageFactory(title="数字政府建设调研")
    ArticlePageFactory(title="中国银行业务培训")  # 行 read hang here, xing elsewhere
    index_now()
    response = cadre_client.get("/search/", {"q": "shuzizhengfu"})
    assert response.context["results"].count == 0
    assert response.context["results"].suggestion == "数字政府"
    assert cadre_client.get("/search/", {"q": "yin hang"}).context["results"].suggestion == "银行"


def test_the_search_box_suggests_titles_as_you_type(cadre_client, library_articles):
    response = cadre_client.get("/search/suggest/", {"q": "乡村"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["乡村振兴调研报告"]


def test_the_search_box_suggests_titles_from_pinyin_as_it_is_typed(cadre_client, library_articles):
    def suggested(typed):
        body = cadre_client.get("/search/suggest/", {"q": typed}).json()
        return [s["title"] for s in body["suggestions"]]

    assert suggested("xiangcun") == ["乡村振兴调研报告"]
    assert suggested("xiang'cun'zhen") == ["乡村振兴调研报告"]
    assert suggested("shuzi zhengfu") == ["数字政府建设调研"]
    assert suggested("cunxiang") == []  # the syllables are there, but not in this order


def test_the_search_box_suggests_titles_from_the_initials_of_their_words(
    cadre_client, library_articles
):
    def suggested(typed):
        body = cadre_client.get("/search/suggest/", {"q": typed}).json()
        return [s["title"] for s in body["suggestions"]]

    assert suggested("szzf") == ["数字政府建设调研"]
    assert suggested("XCZX") == ["乡村振兴调研报告"]
    assert suggested("zfsz") == []  # the initials are there, but not in this order


def test_initials_typed_in_the_search_are_offered_as_the_words_they_stand_for(
    cadre_client, search_index
):
    ArticlePageFactory(title="数字政府建设调研")
    ArticlePageFactory(title="中国银行业务培训")  # 行 read hang here: h, as well as x
    index_now()
    response = cadre_client.get("/search/", {"q": "szzf"})
    assert response.context["results"].count == 0
    assert response.context["results"].suggestion == "数字政府"
    assert cadre_client.get("/search/", {"q": "yh"}).context["results"].suggestion == "银行"


def test_the_api_answers_with_the_same_results_as_json(cadre_client, library_articles):
    body = cadre_client.get("/api/search/", {"q": "调研", "department": "政策研究室"}).json()
    assert body["count"] == 2
    first = body["results"][0]
    assert set(first) >= {"title", "url", "kind", "highlights", "date", "tags"}
    assert any("<mark>" in h for r in body["results"] for h in r["highlights"])
    assert {f["value"] for f in body["facets"]["tag"]} >= {"调研", "数字政府", "乡村振兴"}


def test_the_header_has_a_search_box(cadre_client):
    assert_contains(cadre_client.get("/knowledge/"), 'class="site-search"')


def test_related_knowledge_on_an_article_comes_from_the_index(cadre_client, library_articles):
    from knowledge.models import ArticlePage

    article = ArticlePage.objects.get(title="乡村振兴调研报告")
    response = cadre_client.get(article.url)
    assert_contains(response, "相关知识")
    assert_contains(response, "数字政府建设调研")


def test_a_title_and_body_written_in_traditional_script_are_shown_as_written(
    cadre_client, search_index
):
    ArticlePageFactory(title="團隊學習的體會", summary="建設學習型組織的幾點體會。")
    index_now()
    # Found by its Simplified words, shown in the script its author chose, marked where it matched.
    response = cadre_client.get("/search/", {"q": "团队学习"})
    assert_contains(response, "<mark>團隊學習</mark>的體會")
    assert_not_contains(response, "团队学习的体会")
    # Its fragment too.
    assert_contains(response, "建設<mark>學習</mark>型組織")
    api = cadre_client.get("/api/search/", {"q": "學習"}).json()
    assert [r["title"] for r in api["results"]] == ["團隊學習的體會"]
    typed = cadre_client.get("/search/suggest/", {"q": "团队"}).json()
    assert [s["title"] for s in typed["suggestions"]] == ["團隊學習的體會"]


@override_settings(ELASTICSEARCH_URL="")
def test_the_database_fallback_shows_traditional_script_as_written_too(cadre_client):
    ArticlePageFactory(title="團隊學習的體會", summary="建設學習型組織的幾點體會。")
    index_now()
    response = cadre_client.get("/search/", {"q": "团队学习"})
    assert_contains(response, "<mark>團隊學習</mark>的體會")
    assert_contains(response, "建設<mark>學習</mark>型組織")
    typed = cadre_client.get("/search/suggest/", {"q": "團隊"}).json()
    assert [s["title"] for s in typed["suggestions"]] == ["團隊學習的體會"]
