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
