"""Page text: both languages have every key, with the same placeholders."""

import re

import pytest

from core.i18n import pick_lang, strings, t


def test_both_languages_have_the_same_keys_and_placeholders():
    en, fr = strings("en"), strings("fr")
    assert set(en) == set(fr)
    for key in en:
        assert set(re.findall(r"{\w+}", en[key])) == set(re.findall(r"{\w+}", fr[key])), key
        assert fr[key].strip(), key


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("de", "en"),
        (None, "en"),
        ("", "en"),
        ("<script>", "en"),
    ],
)
def test_pick_lang(value, lang):
    assert pick_lang(value) == lang


def test_placeholders_are_filled():
    assert t("fr", "count", shown=3, total=25) == "3 événements sur 25"
