"""What a reader sees marked in a result: the words that matched, escaped, where they are densest."""

from search.highlight import fragments, marked
from search.text import normalized_and_written


def test_chinese_words_are_marked_wherever_they_stand():
    assert (
        marked("团队学习大于个人学习", ["学习"]) == "团队<mark>学习</mark>大于个人<mark>学习</mark>"
    )


def test_english_words_are_marked_whole_and_without_regard_to_case():
    html = marked("Team Learning for learners, 数字政府learning", ["learning"])
    assert html == "Team <mark>Learning</mark> for learners, 数字政府<mark>learning</mark>"


def test_neighbouring_terms_are_one_mark_and_everything_is_escaped():
    assert (
        marked("<b>学习型</b>组织", ["学习", "型"]) == "&lt;b&gt;<mark>学习型</mark>&lt;/b&gt;组织"
    )


def test_the_fragment_with_the_most_different_terms_comes_first():
    body = "乡村振兴" + "。" * 200 + "乡村振兴与数字政府" + "。" * 200
    first, second = fragments(body, ["数字政府", "乡村振兴"], size=40)
    assert "<mark>乡村振兴</mark>与<mark>数字政府</mark>" in first
    assert first.startswith("…") and first.endswith("…")
    assert second.startswith("<mark>乡村振兴</mark>")


def test_a_passage_written_twice_is_shown_once():
    # The summary repeats the body's opening, as many articles' summaries do.
    opening = "本次调研聚焦基层治理，赴三个县开展座谈，听取基层干部意见建议，梳理基层治理的难点堵点，形成调研报告。"
    body = opening + " " + opening + "。" * 100 + "基层治理要久久为功，推动调研成果转化为工作举措。"
    first, second = fragments(body, ["基层治理", "调研"], size=40)
    assert "工作举措" in second  # not the summary's words again


def test_a_body_without_a_match_shows_its_opening():
    assert fragments("开头的话" * 100, ["不存在"]) == ["开头的话" * 30 + "…"]
    assert fragments("", ["学习"]) == []


def test_a_fragment_neither_opens_nor_closes_inside_an_english_word():
    body = "The study group discussed digital government and agreed on next steps. " * 5
    for fragment in fragments(body, ["digital"], size=50):
        text = fragment.replace("<mark>", "").replace("</mark>", "").strip("…")
        assert body.find(text) >= 0
        start, end = body.find(text), body.find(text) + len(text)
        assert start == 0 or not (body[start - 1].isalnum() and body[start].isalnum())
        assert end == len(body) or not (body[end - 1].isalnum() and body[end].isalnum())


def test_a_title_as_written_is_marked_where_its_normalised_form_matched():
    assert marked("团队学习的体会", ["学习"], written="團隊學習的體會") == (
        "團隊<mark>學習</mark>的體會"
    )
    # Normalising changed its length (a compatibility character): shown as written, unmarked.
    assert marked("学习kg", ["学习"], written="學習㎏") == "學習㎏"


def test_a_fragment_is_shown_as_written_where_its_normalised_form_matched():
    body, written = normalized_and_written("團隊學習大於個人學習之和")
    assert (body, written) == ("团队学习大于个人学习之和", "團隊學習大於個人學習之和")
    assert fragments(body, ["学习"], written=written) == [
        "團隊<mark>學習</mark>大於個人<mark>學習</mark>之和"
    ]
    # Text that normalising leaves as it is keeps no second copy.
    assert normalized_and_written("乾隆年间  的著作") == ("乾隆年间 的著作", "")
