"""Text on its way into the index and out of a query: normalised and cut into words in Python.

Elasticsearch's core distribution has no Chinese word segmenter, so words are found here (rjieba,
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

try:  # pragma: no branch - which segmenter is installed is a deployment fact
    import rjieba as _segmenter

    SEGMENTER = "rjieba"
except ImportError:  # pragma: no cover
    import jieba as _segmenter

    SEGMENTER = "jieba"


@cache
def segmenter_version() -> str:
    """'rjieba 0.2.2': which word segmenter cut the indexed text, recorded in the index."""
    return f"{SEGMENTER} {importlib.metadata.version(SEGMENTER)}"


_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
# Letters and digits of any script; everything else (punctuation, symbols) separates words.
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# Chinese full-width punctuation (，。：；！？（）…) is how Chinese is written: it stays as it is,
# shielded from NFKC by a round trip through the private use area.
_KEEP = (
    "".join(chr(c) for c in range(0xFF01, 0xFF66) if unicodedata.category(chr(c))[0] in "PS")
    + "、。「」『』【】〈〉《》〔〕"
)
_SHIELD = {ord(c): 0xE000 + i for i, c in enumerate(_KEEP)}
_UNSHIELD = {v: k for k, v in _SHIELD.items()}


def normalize(text: str) -> str:
    """NFKC for letters and digits (full-width ＡＢＣ１２３ become ABC123), Chinese punctuation kept,
    spaces (the ideographic one too) squeezed."""
    shielded = (text or "").translate(_SHIELD)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", shielded).translate(_UNSHIELD)).strip()


def strip_tags(markup: str) -> str:
    """Plain text from HTML: tags dropped, entities decoded, spaces squeezed."""
    return normalize(html.unescape(_TAGS.sub(" ", markup or "")))


def has_han(text: str) -> bool:
    """Whether the text has a Chinese character."""
    return bool(_HAN.search(text))


def words(text: str) -> list[str]:
    """The words of a normalised, lower-cased text: Chinese cut by the dictionary, the rest as is.

    Punctuation-only pieces are dropped, so the result is what a reader would call the words.
    """
    text = normalize(text).lower()
    if not text:
        return []
    return [
        w for w in (piece.strip() for piece in _segmenter.cut(text)) if w and _WORDLIKE.search(w)
    ]


def segmented(text: str) -> str:
    """The text cut into words and joined with spaces, for the index's word-level field."""
    return " ".join(words(text))


def text_from_streamfield(value) -> str:
    """The readable text of a StreamField value (headings, paragraphs, quotes, captions ...)."""
    parts: list[str] = []

    def walk(item):
        if item is None:
            return
        if hasattr(item, "source") and isinstance(getattr(item, "source", None), str):
            parts.append(strip_tags(item.source))  # RichText
        elif isinstance(item, str):
            parts.append(strip_tags(item))
        elif isinstance(item, dict) or hasattr(item, "items"):
            for key, sub in item.items():
                if key not in ("url", "image", "document"):
                    walk(sub)
        elif hasattr(item, "value") and hasattr(item, "block_type"):
            walk(item.value)  # a StreamChild
        elif isinstance(item, list | tuple) or hasattr(item, "__iter__"):
            for sub in item:
                walk(sub)

    for child in value or []:
        walk(child)
    return normalize(" ".join(p for p in parts if p))
