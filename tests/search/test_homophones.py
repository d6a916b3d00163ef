"""Which words sound alike: what a pinyin input method gets wrong."""

from search.homophones import readings, sounds_alike


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
