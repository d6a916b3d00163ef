"""Words the office uses for the same thing, kept by editors (search.models.SynonymGroup).

Government writing is full of abbreviations beside their full forms (放管服 and 简政放权、放管结合、
优化服务) and of programmes with a Chinese and an English name (乡村振兴, rural revitalisation). A
search for one word of a group also finds the others, ranked below what matches the words typed;
fragments mark whichever was found. The expansion happens at query time, so a new group needs no
rebuild.

Each process keeps the groups for a minute (one query a minute, none a search); saving or deleting
a group forgets them at once in the process that did it.
"""

import logging
import re
import time
from typing import NamedTuple

from django.db import DatabaseError

logger = logging.getLogger(__name__)

MAX_WORDS = 20
MAX_WORD_LENGTH = 50
KEEP_SECONDS = 60
# A synonym's matches score this much of what the typed words' would: the words typed rank first.
WEIGHT = 0.7

# Commas of either width, the enumeration comma, semicolons and line breaks separate the words;
# a space does not (rural revitalisation is one word of a group).
_SEPARATORS = re.compile(r"[,，、;；\r\n]+")

Key = tuple[str, ...]


class Synonym(NamedTuple):
    word: str  # as the group has it
    terms: Key  # as a query's terms come (see _key)


_kept: dict = {"at": float("-inf"), "table": {}}


def words_of(text: str) -> list[str]:
    """A group's words as the editor wrote them down, normalised and lower-cased, each once."""
    from .text import normalize

    found: list[str] = []
    for piece in _SEPARATORS.split(text or ""):
        word = normalize(piece).lower()
        if word and word not in found:
            found.append(word)
    return found


def _key(word: str) -> Key:
    # A word as a query's terms come (search.queries.query_terms): 乡村振兴 may be one term,
    # rural revitalisation two, so a group's word is looked for as a run of terms.
    from .queries import query_terms

    return tuple(query_terms(word))


def _load() -> dict[Key, list[Synonym]]:
    from .models import SynonymGroup

    table: dict[Key, list[Synonym]] = {}
    for text in SynonymGroup.objects.values_list("words", flat=True):
        # Each word's terms are cut once here, not on every search that brings it.
        synonyms = [Synonym(word, _key(word)) for word in words_of(text)]
        for synonym in synonyms:
            if not synonym.terms:
                continue
            others = table.setdefault(synonym.terms, [])
            others.extend(
                other
                for other in synonyms
                if other.terms and other.terms != synonym.terms and other not in others
            )
    return table


def table() -> dict[Key, list[Synonym]]:
    """Each word's run of terms -> the other words of its groups (kept a minute)."""
    now = time.monotonic()
    if now - _kept["at"] > KEEP_SECONDS:
        try:
            _kept["table"] = _load()
        except DatabaseError:  # before migrate, or the database is unwell: search without them
            logger.warning("search: synonyms could not be read", exc_info=True)
            _kept["table"] = {}
        _kept["at"] = now
    return _kept["table"]


def forget() -> None:
    """Read the groups again on the next search (one was saved or deleted)."""
    _kept["at"] = float("-inf")


def runs(terms: list[str]) -> list[tuple[Key, list[Synonym]]]:
    """The query's terms in runs, each with the other words of the group its run is a word of
    (none for a term in no group). The longest run that is a group's word wins."""
    groups = table()
    longest = max((len(key) for key in groups), default=0)
    found: list[tuple[Key, list[Synonym]]] = []
    i = 0
    while i < len(terms):
        for size in range(min(longest, len(terms) - i), 0, -1):
            run = tuple(terms[i : i + size])
            if run in groups:
                found.append((run, groups[run]))
                i += size
                break
        else:
            found.append(((terms[i],), []))
            i += 1
    return found


def used(terms: list[str]) -> list[Synonym]:
    """The synonyms a search for these terms looks for too, each once."""
    found: list[Synonym] = []
    for _run, alternatives in runs(terms):
        found.extend(synonym for synonym in alternatives if synonym not in found)
    return found


def of_whole(terms: list[str]) -> list[Synonym]:
    """The synonyms of what was typed when all of it is one word of a group: the search box offers
    titles with 简政放权 for 放管服, not for 放管服 改革 (whose titles must hold 改革 too)."""
    found = runs(terms)
    return found[0][1] if len(found) == 1 else []


def with_alternatives(terms: list[str], synonyms: list[Synonym]) -> list[str]:
    """The terms and those of the synonyms they brought (`used`): what fragments mark."""
    marked = list(terms)
    for synonym in synonyms:
        marked.extend(t for t in synonym.terms if t not in marked)
    return marked
