"""Simplified Chinese is the default; a person can switch to English; the catalogues are complete."""

from pathlib import Path

import polib
import pytest

from tests.assertions import assert_contains

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.django_db
def test_login_page_is_chinese_by_default(anonymous_client):
    assert_contains(anonymous_client.get("/login/"), "登录")


@pytest.mark.django_db
def test_switching_to_english(cadre_client):
    cadre_client.post("/i18n/setlang/", {"language": "en", "next": "/knowledge/"})
    assert_contains(cadre_client.get("/knowledge/"), "Knowledge library")


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"
