"""Text on its way into the index and out of a query: normalised and cut into words in Python.

Elasticsearch's core distribution has no Chinese word segmenter nor script conversion, so both
happen here: Traditional characters become Simplified (OpenCC), and words are found (rjieba,
jieba's dictionary in Rust; jieba itself when rjieba is missing) and sent to the index already cut,
separated by spaces, for a field analysed by the built-in `whitespace` analyzer. The segmenter's
name and version are written into the index's metadata: when they change, the index must be
rebuilt (see `search.index.needs_rebuild`).
"""

import html
import importlib.metadata
import re
import unicodedata
from functools import cache

import opencc

try:  # pragma: no branch - which segmenter is installed is a deployment fact
    import rjieba as _segmenter

    SEGMENTER = "rjieba"
except ImportError:  # pragma: no cover
    import jieba as _segmenter

    SEGMENTER = "jieba"


@cache
def _converter():
    # OpenCC's Traditional-to-Simplified configuration: characters and phrases (乾燥 -> 干燥,
    # but 乾隆 stays), so that a text in either script is indexed and searched in Simplified.
    return opencc.OpenCC("t2s")


@cache
def _traditional() -> re.Pattern:
    """Characters OpenCC changes on their own: a text with none of them is left as it is."""
    candidates = "".join(
        chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)
    )
    # One call for all of them, one a line, so that no phrase forms across characters.
    converted = _converter().convert("\n".join(candidates)).split("\n")
    changed = sorted(a for a, b in zip(candidates, converted, strict=True) if a != b)
    return re.compile(f"[{''.join(changed)}]")


@cache
def segmenter_version() -> str:
    """Which word segmenter and script conversion made the indexed text, recorded in the index
    ('rjieba 0.2.2 dictionary-only; opencc 1.4.2 t2s'): a change asks for a rebuild."""
    return (
        f"{SEGMENTER} {importlib.metadata.version(SEGMENTER)} dictionary-only; "
        f"opencc {importlib.metadata.version('opencc')} t2s"
    )


_TAGS = re.compile(r"<[^>]+>")
# Letters and digits of any script; everything else (punctuation, symbols) separates words.
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_HAN_CHARACTER = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN = re.compile(_HAN_CHARACTER)
_CHINESE_SET_APART = re.compile(rf"{_HAN_CHARACTER}\s+{_HAN_CHARACTER}")


# Chinese full-width punctuation (，。：；！？（）…) is how Chinese is written: it stays as it is.
# Everything else NFKC would change (full-width letters and digits, the ideographic space,
# compatibility forms) is found by one precomputed pattern, so plain text costs one regex scan.
_KEEP = {chr(c) for c in range(0xFF01, 0xFF66) if unicodedata.category(chr(c))[0] in "PS"} | set(
    "、。「」『』【】〈〉《》〔〕"
)


def _changing_pattern() -> re.Pattern:
    ranges, start, previous = [], None, None
    for code in range(0x80, 0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        changes = char not in _KEEP and unicodedata.normalize("NFKC", char) != char
        if changes and start is None:
            start = code
        if not changes and start is not None:
            ranges.append((start, previous))
            start = None
        previous = code
    if start is not None:
        ranges.append((start, previous))
    parts = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{parts}]+")


_CHANGING = _changing_pattern()


def _nfkc(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


@cache
def _changing_or_traditional() -> re.Pattern:
    # Both character classes in one: most texts hold neither, and then one scan decides it.
    return re.compile(f"{_CHANGING.pattern[:-2]}{_traditional().pattern[1:]}")


def normalize(text: str) -> str:
    """NFKC for letters and digits (full-width ＡＢＣ１２３ become ABC123), Chinese punctuation kept,
    Traditional characters made Simplified (學習 becomes 学习), spaces (the ideographic one too)
    squeezed."""
    text = text or ""
    if _changing_or_traditional().search(text):
        text = _CHANGING.sub(_nfkc, text)
        if _traditional().search(text):
            text = _converter().convert(text)
    # str.split() finds the same spaces as a regular expression would, in a third of the time.
    return " ".join(text.split())


def normalized_and_written(text: str) -> tuple[str, str]:
    """`normalize(text)`, and the text as written (its spaces squeezed alike) when normalising
    changed more than spaces, else "": results show what the author wrote (Traditional stays
    Traditional) where the index matched its normalised form."""
    text = text or ""
    if not _changing_or_traditional().search(text):
        return " ".join(text.split()), ""
    normalized, written = normalize(text), " ".join(text.split())
    return normalized, written if written != normalized else ""


def strip_tags(markup: str) -> str:
    """Plain text from HTML: tags dropped, entities decoded. Not normalised: a SearchDocument
    normalises its text once, whatever it is made of."""
    return html.unescape(_TAGS.sub(" ", markup or ""))


def has_han(text: str) -> bool:
    """Whether the text has a Chinese character."""
    return bool(_HAN.search(text))


def sets_chinese_apart(text: str) -> bool:
    """Whether a space stands between two Chinese characters of the text (基层治理 调研)."""
    return bool(_CHINESE_SET_APART.search(text))


def words(text: str, normalized: bool = False) -> list[str]:
    """The words of a text, normalised and lower-cased: Chinese cut by the dictionary, the rest
    as is. Punctuation-only pieces are dropped, so the result is what a reader calls the words.
    """
    text = (text if normalized else normalize(text)).lower()
    if not text:
        return []
    return [
        w
        # Dictionary words only (no HMM guessing): twice as fast, and the query side joins
        # characters the dictionary leaves single back into a phrase (search.queries).
        for w in _segmenter.cut(text, False)
        if not w.isspace() and (w[0].isalnum() or _WORDLIKE.search(w))
    ]


def segmented(text: str, normalized: bool = False) -> str:
    """The text cut into words and joined with spaces, for the index's word-level field.

    The same words as `words`; this runs over every document a rebuild writes, so the common case
    (a word of letters or digits) is decided without a regular expression.
    """
    text = (text if normalized else normalize(text)).lower()
    return " ".join([w for w in _segmenter.cut(text, False) if w.isalnum() or _WORDLIKE.search(w)])


# Every byte but ASCII letters and digits becomes a space (non-ASCII characters arrive as "?").
_NOT_ASCII_WORD = bytes(
    c if chr(c).isascii() and chr(c).isalnum() else ord(" ") for c in range(256)
)


def ascii_words(text: str, normalized: bool = False) -> str:
    """The words of a text written in ASCII letters and digits (English, pinyin, numbers),
    lower-cased and joined with spaces: the words of a body its character pairs do not find.

    Byte operations, not the dictionary nor a regular expression: this runs over every body a
    rebuild writes. For such words the dictionary cuts queries the same way (runs of letters
    and digits); other scripts are found through the character pairs (search.queries).
    """
    text = (text if normalized else normalize(text)).lower()
    return " ".join(text.encode("ascii", "replace").translate(_NOT_ASCII_WORD).decode().split())


def is_ascii_word(term: str) -> bool:
    """Whether `term` is one word as `ascii_words` keeps them (ASCII letters and digits only):
    the words the index's body_words and the copy's word column hold."""
    return bool(term) and ascii_words(term, normalized=True) == term.lower()


_SKIPPED_KEYS = {"id", "type", "url", "image", "document"}


def text_from_streamfield(value) -> str:
    """The readable text of a StreamField value (headings, paragraphs, quotes, captions ...).

    Reads the stored JSON (`raw_data`) rather than building every block: the same words, at a
    fraction of the cost when a rebuild reads a hundred thousand pages.
    """
    parts: list[str] = []

    def walk(item):
        if isinstance(item, str):
            if item:
                parts.append(item)
        elif isinstance(item, dict):
            if "type" in item and "value" in item:
                walk(item["value"])
            else:
                for key, sub in item.items():
                    if key not in _SKIPPED_KEYS:
                        walk(sub)
        elif isinstance(item, list | tuple):
            for sub in item:
                walk(sub)
        elif item is not None and hasattr(item, "source"):
            parts.append(item.source)  # RichText in a value built in Python

    raw = getattr(value, "raw_data", value)
    walk(list(raw) if raw is not None else [])
    return strip_tags(" ".join(parts))
