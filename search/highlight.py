"""Marking what matched: titles and fragments of bodies with <mark>, drawn in Python.

Both the Elasticsearch path and the database fallback use these functions, so a result looks the
same either way. The text arrives as the index stores it (normalised, see search.text); the terms
are the query's words (search.queries.query_terms). Chinese terms are marked wherever they stand,
as the character pairs match them; English words and numbers only as whole words, as the word
field matches them. Everything else is escaped.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from html import escape  # Django's escape is this one behind a lazy-string check; plain str here

from .text import has_han

FRAGMENT_SIZE = 90
FRAGMENTS = 2
# A body with no match (the title or a tag matched) shows its opening.
OPENING_SIZE = 120
MAX_WINDOWS = 40


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        if not term:
            continue
        escaped = re.escape(term)
        if has_han(term):
            parts.append(escaped)
        else:
            # Whole words only: "learn" is not marked inside "learning", as it did not match there.
            parts.append(rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def marked(text: str, terms: list[str], written: str = "") -> str:
    """`text` escaped, with every match of the terms in <mark> (neighbouring marks merged).

    `written` is the same text as its author wrote it, when normalising changed it (學習 for
    学习): that is shown, marked where `text` matched. Should the two differ in length (a rare
    compatibility character), it is shown unmarked rather than in a script it was not written in.
    """
    shown = written or text
    if written and len(written) != len(text):
        return escape(written)
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return escape(shown)
    out, last = [], 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out += [escape(shown[last:start]), f"<mark>{escape(shown[start:end])}</mark>"]
        last = end
    out.append(escape(shown[last:]))
    return "".join(out).replace("</mark><mark>", "")


def fragments(
    body: str,
    terms: list[str],
    size: int = FRAGMENT_SIZE,
    count: int = FRAGMENTS,
    written: str = "",
) -> list[str]:
    """Up to `count` marked fragments of about `size` characters where the terms are densest.

    The fragment that holds the most different terms comes first; a body with no match gives its
    opening, unmarked. `written` is the body as its author wrote it, when normalising changed it:
    the fragments are found in `body` and shown from `written` (as `marked` does for titles), or
    from `body` should the two differ in length.
    """
    shown = written if written and len(written) == len(body) else body
    pattern = _pattern(tuple(terms))
    found = list(pattern.finditer(body)) if pattern is not None else []
    if not found:
        return [_ellipsised(body, 0, OPENING_SIZE, escape(shown[:OPENING_SIZE]))] if body else []
    starts = [m.start() for m in found]
    # A common word can match hundreds of times: a few dozen windows, spread over the body, are
    # enough to find the densest, and keep this linear in the body's length.
    step = max(1, len(found) // MAX_WINDOWS)
    windows: dict[int, list[re.Match]] = {}  # start -> the matches inside
    for match in found[::step]:
        start = max(0, min(match.start() - size // 4, len(body) - size))
        windows[start] = _inside(found, starts, start, size)

    def rank(start: int) -> tuple:
        # The most different terms first, then the most matches, then the earliest.
        inside = windows[start]
        return len({m.group(0).lower() for m in inside}), len(inside), -start

    chosen: list[int] = []
    for start in sorted(windows, key=rank, reverse=True):
        if any(abs(start - other) < size for other in chosen):
            continue
        # A passage written twice (a summary that repeats the opening paragraph) is shown once:
        # a window whose matches, from its first to its last, are already shown brings nothing.
        inside = windows[start]
        if len(inside) > 1:
            marked_run = body[inside[0].start() : inside[-1].end()]
            if any(marked_run in body[other : other + size] for other in chosen):
                continue
        chosen.append(start)
        if len(chosen) == count:
            break
    result = []
    for start in chosen:
        inside = windows[start]
        # A window holding no whole match (a term longer than the window) keeps its edges.
        first, last = (inside[0].start(), inside[-1].end()) if inside else (start, start + size)
        begin, end = _whole_words(body, start, start + size, first, last)
        html = marked(body[begin:end], terms, shown[begin:end] if shown is not body else "")
        result.append(_ellipsised(body, begin, end - begin, html))
    return result


def _inside(found: list[re.Match], starts: list[int], start: int, size: int) -> list[re.Match]:
    """The matches wholly inside the window [start, start + size) (`starts`: their positions)."""
    window = found[bisect_left(starts, start) : bisect_left(starts, start + size)]
    return [m for m in window if m.end() <= start + size]


def _in_a_word(body: str, at: int) -> bool:
    # Between two ASCII letters or digits: English words are not cut; Chinese may be cut anywhere.
    return (
        0 < at < len(body)
        and body[at - 1].isascii()
        and body[at - 1].isalnum()
        and (body[at].isascii() and body[at].isalnum())
    )


def _whole_words(body: str, begin: int, end: int, first: int, last: int) -> tuple[int, int]:
    """The window moved inwards so that it neither opens nor closes inside an English word, never
    past its first and last match."""
    while begin < first and _in_a_word(body, begin):
        begin += 1
    while end > last and _in_a_word(body, end):
        end -= 1
    return begin, end


def _ellipsised(body: str, start: int, size: int, html: str) -> str:
    return ("…" if start > 0 else "") + html + ("…" if start + size < len(body) else "")
