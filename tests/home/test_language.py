"""Simplified Chinese is the default; a person can switch to English; the catalogues are complete."""

from pathlib import Path

import polib
import pytest

from tests.assertions import assert_contains

ROOT = Path(__file__).resolve().parents[2]


def catalogues(language):
    """The project's catalogue and every app's own, skipping the virtualenv and caches."""
    return [
        path
        for path in sorted(ROOT.glob(f"**/locale/{language}/LC_MESSAGES/django.po"))
        if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
    ]


@pytest.mark.django_db
def test_login_page_is_chinese_by_default(anonymous_client):
    assert_contains(anonymous_client.get("/login/"), "登录")


@pytest.mark.django_db
def test_switching_to_english(cadre_client):
    cadre_client.post("/i18n/setlang/", {"language": "en", "next": "/knowledge/"})
    assert_contains(cadre_client.get("/knowledge/"), "Knowledge library")


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_every_catalogue_is_complete(language):
    paths = catalogues(language)
    assert paths, f"no {language} catalogue found"
    for path in paths:
        catalogue = polib.pofile(str(path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
        assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


def test_the_same_words_read_the_same_in_every_chinese_catalogue():
    # The project's catalogue wins over the apps' ones, so one msgid translated two ways would
    # show a different text than its app intended.
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in catalogues("zh_Hans"):
        for entry in polib.pofile(str(path)):
            text = entry.msgstr or entry.msgstr_plural.get(0, "")
            key = f"{entry.msgid}|{entry.msgid_plural}" if entry.msgid_plural else entry.msgid
            if entry.msgctxt:
                key = f"{entry.msgctxt}\x04{key}"
            if key in seen and seen[key][0] != text:
                clashes.append(
                    f"{entry.msgid!r}: {seen[key][1]} says {seen[key][0]!r}, {path} says {text!r}"
                )
            seen.setdefault(key, (text, str(path)))
    assert not clashes, "\n".join(clashes[:20])
