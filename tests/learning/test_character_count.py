"""Characters are counted the way the office counts them: each Chinese character is one, each
run of Latin letters or digits is one word, and markup, whitespace and punctuation count zero."""

import pytest

from learning.character_count import count_characters, count_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("学习型机关", 5),
        ("学习，思考；实践。", 6),  # Chinese punctuation counts zero
        ("Wagtail", 1),
        ("team learning matters", 3),
        ("学习Wagtail框架", 5),  # 学 习 + Wagtail + 框 架
        ("2025年工作报告", 6),  # 2025 is one, then five characters
        ("第5项修炼", 5),
        ("COVID-19疫情", 4),  # COVID, 19, 疫, 情
        ("GDP增长5.2%", 5),  # GDP, 增, 长, 5, 2
        ("  \n\t  ", 0),
        ("“系统思考”——《第五项修炼》", 9),
        ("ＡＢＣ１２３全角", 3),  # a full-width run is one word too
        ("Café au lait", 3),
        ("〇", 1),
        ("snake_case", 2),  # the underscore is punctuation
    ],
)
def test_plain_text_is_counted_by_the_office_rule(text, expected):
    assert count_text(text) == expected


def test_markup_counts_zero():
    html = '<p>学习<b>型</b>机关</p><p><a href="https://example.gov/a-very-long-url">链接</a></p>'
    assert count_characters(html) == 7


def test_a_tag_between_blocks_separates_words_but_inline_tags_do_not():
    assert count_characters("<p>team</p><p>learning</p>") == 2
    assert count_characters("team<br>learning") == 2
    assert count_characters("<b>Wag</b>tail") == 1


def test_entities_are_decoded_before_counting():
    assert count_characters("<p>R&amp;D&nbsp;投入&lt;5%</p>") == 5  # R, D, 投, 入, 5


def test_scripts_and_styles_count_zero():
    assert (
        count_characters("<script>var x = '很多很多字';</script><style>p{}</style><p>笔记</p>") == 2
    )


def test_a_mixed_chinese_and_english_note():
    html = (
        "<h2>读《The Fifth Discipline》笔记</h2>"
        "<p>Peter Senge提出了5项修炼：personal mastery、mental models等。</p>"
        "<ul><li>系统思考 systems thinking</li><li>团队学习</li></ul>"
    )
    # 读 笔 记 (3) + The Fifth Discipline (3)
    # Peter Senge (2) + 提 出 了 (3) + 5 (1) + 项 修 炼 (3) + personal mastery mental models (4) + 等 (1)
    # 系 统 思 考 (4) + systems thinking (2) + 团 队 学 习 (4)
    assert count_characters(html) == 3 + 3 + 2 + 3 + 1 + 3 + 4 + 1 + 4 + 2 + 4
