"""How Chinese sounds: homophones an input method gets wrong, and pinyin typed as letters."""

from search.pinyin import (
    initials,
    readings,
    sounds_alike,
    spoken,
    syllables,
    typed_initials,
    written_as,
    written_with,
)


def test_a_character_typed_for_another_with_the_same_sound_is_a_homophone():
    assert sounds_alike("正府", "政府")
    assert sounds_alike("按全", "安全")
    assert not sounds_alike("乡村振新", "乡村振兴")  # xin is not xing


def test_tones_do_not_matter_but_syllables_do():
    assert sounds_alike("组只", "组织")  # zhǐ and zhī
    assert not sounds_alike("首府", "政府")
    assert not sounds_alike("努", "女")  # nu is not nü


def test_a_character_with_several_readings_matches_on_any_of_them():
    assert {"xing", "hang"} <= readings("行")
    assert sounds_alike("银杭", "银行")


def test_words_of_other_lengths_letters_and_the_word_itself_are_not_homophones():
    assert not sounds_alike("政府", "人民政府")
    assert not sounds_alike("ab", "cb")
    assert not sounds_alike("政府", "政府")


def test_letters_typed_with_the_input_method_off_are_cut_into_syllables():
    assert syllables("shuzizhengfu") == ["shu", "zi", "zheng", "fu"]
    assert syllables("Shuzi Zhengfu") == ["shu", "zi", "zheng", "fu"]
    assert syllables("shu'zi") == ["shu", "zi"]  # as an input method shows it while composing
    assert syllables("lvse") == ["lü", "se"]  # v for ü, as input methods take it
    assert syllables("xian") == ["xian"]  # the fewest syllables: 先, not 西安


def test_english_words_are_not_pinyin():
    assert syllables("government") is None
    assert syllables("team learning") is None
    assert syllables("2024") is None
    assert syllables("") is None
    assert syllables("a" * 2000) is None  # a pasted run of letters, not a few words


def test_the_index_hears_every_reading_and_the_words_are_found_side_by_side():
    assert spoken("银行") == "yin hang heng xing"
    assert written_as("数字政府建设调研", ["zheng", "fu"]) == "政府"
    assert written_as("中国银行年报", ["yin", "hang"]) == "银行"
    assert written_as("政治与府库", ["zheng", "fu"]) is None  # the syllables, but apart


def test_the_index_keeps_the_initials_of_every_run_of_two_to_six_characters():
    assert initials("数字政府").split() == ["sz", "szz", "szzf", "zz", "zzf", "zf"]
    # Every reading's initial (行: hang and xing), and never across punctuation, letters or digits.
    assert set(initials("银行").split()) == {"yh", "yx"}
    assert "fggg" not in initials("“放管服”改革").split()
    assert initials("第12期") == ""


def test_initials_are_found_side_by_side_in_a_title():
    assert written_with("数字政府建设调研", "zf") == "政府"
    assert written_with("中国银行年报", "yh") == "银行"
    assert written_with("绿色发展", "lsfz") == "绿色发展"  # lü: l
    assert written_with("政治与府库", "zf") is None


def test_letters_are_initials_unless_they_spell_two_syllables_or_more():
    assert typed_initials("szzf") == "szzf"
    assert typed_initials("SZ ZF") == "szzf"
    assert typed_initials("shuzi") is None  # pinyin: shu zi
    assert typed_initials("s") is None  # one letter is every title
    assert typed_initials("szzfjsdy") is None  # more than a word or two
    assert typed_initials("数字") is None
