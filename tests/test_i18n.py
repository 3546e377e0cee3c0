"""Page text: both languages have every key, with the same placeholders."""

import re

import pytest

from core.i18n import ordinal, pick_lang, roman, strings, t


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


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [
        (1, "1st", "1er"),
        (2, "2nd", "2e"),
        (3, "3rd", "3e"),
        (4, "4th", "4e"),
        (10, "10th", "10e"),
        (11, "11th", "11e"),
        (12, "12th", "12e"),
        (13, "13th", "13e"),
        (21, "21st", "21e"),
        (22, "22nd", "22e"),
        (23, "23rd", "23e"),
        (101, "101st", "101e"),
        (111, "111th", "111e"),
        (112, "112th", "112e"),
    ],
)
def test_ordinals(n, en, fr):
    assert ordinal(n, "en") == en
    assert ordinal(n, "fr") == fr


@pytest.mark.parametrize(
    ("n", "numeral"),
    [
        (1, "I"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (19, "XIX"),
        (21, "XXI"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (1984, "MCMLXXXIV"),
    ],
)
def test_roman_numerals(n, numeral):
    assert roman(n) == numeral
