"""How Chinese sounds, for "did you mean": homophones and pinyin typed as letters.

Most Chinese is typed as pinyin through an input method, which offers characters that sound the
same; two mistakes follow. A mistyped word is usually a homophone of the meant one (正府 for 政府,
按全 for 安全), often wrong in its first character. And with the input method switched off, the
pinyin itself arrives as letters (shuzizhengfu for 数字政府), or only the words' initials (szzf),
the shortcut many office systems take. search.queries.did_you_mean offers the word that sounds like
what was typed, and the search box's suggestions take pinyin and initials alike.

The readings come from pypinyin's table of characters. Importing the package itself loads its
phrase dictionary too (about 57 MB and a third of a second); a character's readings are all this
needs, so the table is read on its own, once, when a search first finds nothing or a document is
first indexed.
"""

import importlib.metadata
import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

# Tone marks are dropped (an input method offers every tone of a syllable); the diaeresis is not:
# lü (绿) and lu (路) are different syllables.
_TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}
# Syllables that are interjections (呣 m, 嗯 n, ng, hm, hng) or a letter's name (欸 ê): letters
# typed by a person are never split into them.
_NOT_TYPED = {"m", "n", "ng", "hm", "hng", "ê"}
_LONGEST = 6  # zhuang, shuang, chuang
MOST_SYLLABLES = 12  # a few words: what a search box holds, not a sentence
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzü")


def version() -> str:
    """pypinyin's version: the index records it, as its readings are indexed."""
    return importlib.metadata.version("pypinyin")


@cache
def _table() -> dict[int, str]:
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    return {int(code): readings for code, readings in json.loads(path.read_text("utf-8")).items()}


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


@cache
def readings(char: str) -> frozenset[str]:
    """The syllables a character may be read as, without tones (行: xing, hang, heng)."""
    listed = _table().get(ord(char), "")
    return frozenset(_toneless(r) for r in listed.split(",") if r)


@cache
def _typed_syllables() -> frozenset[str]:
    every = {_toneless(r) for listed in _table().values() for r in listed.split(",") if r}
    return frozenset(every - _NOT_TYPED)


def sounds_alike(typed: str, word: str) -> bool:
    """Whether `word` could be what a pinyin input method should have given for `typed`.

    Both must have the same number of characters, and each pair of characters must be the same or
    share a reading. A character with no known reading (a letter, a digit) matches only itself.
    """
    if len(typed) != len(word) or typed == word:
        return False
    return all(a == b or readings(a) & readings(b) for a, b in zip(typed, word, strict=True))


def spoken(text: str) -> str:
    """Every syllable the Chinese characters of `text` may be read as, once each, for the index.

    Positions do not matter (a character with two readings gives both): the index finds the
    titles that have all the syllables typed, and `written_as` then finds them side by side.
    """
    heard: dict[str, None] = {}
    for char in text:
        heard.update(_in_order(char))
    return " ".join(heard)


@cache
def _in_order(char: str) -> dict[str, None]:
    # A rebuild hears every title: the sorting is done once a character.
    return dict.fromkeys(sorted(readings(char)))


def syllables(typed: str) -> list[str] | None:
    """Letters typed as pinyin, cut into syllables (shuzizhengfu: shu zi zheng fu), else None.

    Spaces and apostrophes are ignored and v stands for ü, as input methods take it. Of the ways
    to cut the letters, the one with the fewest syllables wins (xian is 先, not 西安); letters
    that are no pinyin at all (an English word, mostly) give None.
    """
    # Input methods show the letters being composed with spaces or apostrophes between syllables.
    letters = "".join(typed.lower().replace("'", " ").split()).replace("v", "ü")
    if not letters or len(letters) > MOST_SYLLABLES * _LONGEST or not set(letters) <= _LETTERS:
        return None  # nothing, too long to be a few words, or not letters
    known = _typed_syllables()
    best: list[list[str] | None] = [None] * (len(letters) + 1)
    best[len(letters)] = []
    for start in range(len(letters) - 1, -1, -1):
        for end in range(min(len(letters), start + _LONGEST), start, -1):
            rest, shortest = best[end], best[start]
            if rest is None or letters[start:end] not in known:
                continue
            if shortest is None or len(rest) + 1 < len(shortest):
                best[start] = [letters[start:end], *rest]
    return best[0]


# Initials: the first letter of each character's syllable (数字政府: szzf), the shortest way to
# type a title's words in many office systems. Two to six of them: a word or two.
FEWEST_INITIALS, MOST_INITIALS = 2, 6
# A run of characters whose several readings start differently gives each way (行: x, h), up to
# this many: more is a run of rare characters, and the first ones do.
_MOST_SPELLINGS = 8
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@cache
def initials_of(char: str) -> str:
    """The letters the character's readings start with, in order (行: hx; 绿 lü: l; a letter: "")."""
    return "".join(sorted({reading[0].replace("ü", "v") for reading in readings(char)}))


def initials(text: str) -> str:
    """The initials of every run of two to six characters in `text`, for the index.

    数字政府 gives sz, szz, szzf, zz, zzf and zf; a character with readings that start differently
    gives each. Only characters side by side: punctuation, letters and digits part runs.
    """
    found: dict[str, None] = {}
    for run in _HAN_RUN.findall(text):
        letters = [initials_of(char) or "?" for char in run]
        if all(len(one) == 1 for one in letters):
            # Most titles: one way to spell the run, whose slices are the initials.
            spelled = "".join(letters)
            found.update(
                dict.fromkeys(
                    spelled[start:end]
                    for start in range(len(spelled) - 1)
                    for end in range(
                        start + FEWEST_INITIALS, min(len(spelled), start + MOST_INITIALS) + 1
                    )
                )
            )
            continue
        for start in range(len(letters) - 1):
            spellings = [""]
            for choices in letters[start : start + MOST_INITIALS]:
                spellings = [s + letter for s in spellings for letter in choices][:_MOST_SPELLINGS]
                if len(spellings[0]) >= FEWEST_INITIALS:
                    found.update(dict.fromkeys(spellings))
    # A character with no reading (a rare one) parts words as punctuation does.
    return " ".join(spelled for spelled in found if "?" not in spelled)


def typed_initials(typed: str) -> str | None:
    """Letters typed as a word's initials (szzf), lower case, else None: two to six letters that
    are not pinyin of two syllables or more (shuzi is spelled, not initials)."""
    letters = "".join(typed.lower().split())
    if not FEWEST_INITIALS <= len(letters) <= MOST_INITIALS or not set(letters) <= _LETTERS:
        return None
    cut = syllables(letters)
    return letters if cut is None or len(cut) < 2 else None


def written_with(text: str, letters: str) -> str | None:
    """The first run of characters in `text` whose initials are `letters`, or None
    (数字政府建设调研 with zf: 政府)."""
    size = len(letters)
    for start in range(len(text) - size + 1):
        if all(letters[k] in initials_of(text[start + k]) for k in range(size)):
            return text[start : start + size]
    return None


def written_as(text: str, heard: list[str]) -> str | None:
    """The first run of characters in `text` that may be read as the syllables `heard`, or None
    (数字政府建设调研 with zheng fu: 政府)."""
    size = len(heard)
    for start in range(len(text) - size + 1):
        if all(heard[k] in readings(text[start + k]) for k in range(size)):
            return text[start : start + size]
    return None
