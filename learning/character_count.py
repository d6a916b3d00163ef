"""How the office counts the characters of study notes (字数).

- Each Chinese character (a CJK ideograph) counts as one.
- Each run of letters or digits that are not Chinese characters (Latin words such as "Wagtail",
  numbers such as "2025", also accented and full-width letters) counts as one word, i.e. one.
- Markup, whitespace and punctuation (Chinese or Western) count zero.

So "学习Wagtail 2025版。" counts 学 习 版 = 3, "Wagtail" = 1 and "2025" = 1: five in all.
The browser's live counter in learning/static/learning/notes.js follows the same rules.
"""

import re
import unicodedata
from html.parser import HTMLParser

# CJK Unified Ideographs and their extensions, the compatibility ideographs, and 〇 (ling, zero).
HAN_RANGES = (
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2F800, 0x2FA1F),
    (0x30000, 0x323AF),
)
HAN = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in HAN_RANGES) + "]")
# Letters and digits of any script (\w without the underscore); Chinese characters are taken out first.
WORD = re.compile(r"[^\W_]+")

# Tags that end a block of text: words on either side of them are separate words. Inline tags
# (<b>, <em>, <a> ...) do not split a word: "<b>Wag</b>tail" is one word.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIPPED_TAGS = frozenset({"script", "style", "template"})


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def text_from_html(html: str) -> str:
    """The readable text of an HTML fragment: tags dropped, entities decoded, blocks kept apart."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.parts)


def count_text(text: str) -> int:
    """The office's count of plain text: Chinese characters plus runs of other letters and digits."""
    text = unicodedata.normalize("NFC", text or "")
    han = len(HAN.findall(text))
    rest = HAN.sub(" ", text)
    return han + len(WORD.findall(rest))


def count_characters(html: str) -> int:
    """The office's count of a rich-text (HTML) note body; markup counts zero."""
    return count_text(text_from_html(html))
