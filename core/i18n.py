"""Page text in each language: `locales/<lang>/*.json`, one file per part of the app.

Every file of one language is merged into one table; a test checks that both languages
have the same keys, so no text is ever missing in one of them. Ordinals (1st, 21st; 1er,
21e) take their endings from the same tables, chosen by each language's rule.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from core.load.model import LANGS

DEFAULT_LANG = "en"
_LOCALES = Path(__file__).parent / "locales"


@cache
def strings(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for path in sorted((_LOCALES / lang).glob("*.json")):
        table.update(json.loads(path.read_text(encoding="utf-8")))
    return table


def pick_lang(value: str | None) -> str:
    """A supported language code from user input (`?lang=FR`), or the default."""
    value = (value or "").strip().lower()[:2]
    return value if value in LANGS else DEFAULT_LANG


def t(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled in."""
    text = strings(pick_lang(lang)).get(key) or strings(DEFAULT_LANG)[key]
    return text.format(**values) if values else text


# Which ending an ordinal takes, by each language's rule (the Unicode CLDR's ordinal plural
# categories); the endings themselves are texts: `ordinal_one`, `ordinal_two` and so on.
_ORDINAL_RULES = {
    "en": lambda n: (
        "one"
        if n % 10 == 1 and n % 100 != 11
        else "two"
        if n % 10 == 2 and n % 100 != 12
        else "few"
        if n % 10 == 3 and n % 100 != 13
        else "other"
    ),
    "fr": lambda n: "one" if n == 1 else "other",
}
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """A positive number in roman numerals: 21 -> XXI."""
    parts = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)


def ordinal(n: int, lang: str, roman_numerals: bool = False) -> str:
    """A positive number as an ordinal: 21st, 22nd (English); 1er, 21e, XXIe (French)."""
    lang = pick_lang(lang)
    category = _ORDINAL_RULES[lang](n)
    return t(lang, f"ordinal_{category}", n=roman(n) if roman_numerals else n)
