"""Whether two Chinese words sound alike: the mistake a pinyin input method makes.

Most Chinese is typed as pinyin and the input method offers characters that sound the same, so a
mistyped word is usually a homophone of the meant one (正府 for 政府, 按全 for 安全), often wrong in
its first character. "Did you mean" (search.queries.did_you_mean) prefers a correction that sounds
like what was typed.

The readings come from pypinyin's table of characters. Importing the package itself loads its
phrase dictionary too (about 57 MB and a third of a second); a character's readings are all this
needs, so the table is read on its own, once, when a search first finds nothing.
"""

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

# Tone marks are dropped (an input method offers every tone of a syllable); the diaeresis is not:
# lü (绿) and lu (路) are different syllables.
_TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}


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


def sounds_alike(typed: str, word: str) -> bool:
    """Whether `word` could be what a pinyin input method should have given for `typed`.

    Both must have the same number of characters, and each pair of characters must be the same or
    share a reading. A character with no known reading (a letter, a digit) matches only itself.
    """
    if len(typed) != len(word) or typed == word:
        return False
    return all(a == b or readings(a) & readings(b) for a, b in zip(typed, word, strict=True))
