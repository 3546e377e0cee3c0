"""Page text in each language: `locales/<lang>/*.json`, one file per part of the app.

Every file of one language is merged into one table; a test checks that both languages
have the same keys, so no text is ever missing in one of them. Ordinals (1st, 21st; 1er,
21e) take their endings from the same tables, chosen by each language's rule.

Text made far from the page (a problem in a data file, a notice about an address) is a
`Message`: a key and its values, written in the reader's language only where it is shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

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


@dataclass(frozen=True, slots=True)
class Message:
    """A text to be written in the reader's language: its key in the locales and the
    values of its placeholders, as (name, value) pairs. A value is text (shown as it is),
    a whole number (a quantity, grouped as the language groups digits: 10,000; 10 000),
    or another `Message` (written in the same language). Make one with `message()`."""

    key: str
    values: tuple[tuple[str, str | int | Message], ...] = ()

    def text(self, lang: str) -> str:
        return t(lang, self.key, **{name: _value_text(v, lang) for name, v in self.values})

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)

    def to_data(self) -> dict:
        """As JSON can hold it (for a dcc.Store); `from_data` reads it back."""
        values = {
            name: value.to_data() if isinstance(value, Message) else value
            for name, value in self.values
        }
        return {"key": self.key, "values": values}

    @classmethod
    def from_data(cls, data: dict) -> Message:
        values = data.get("values") or {}
        return message(
            str(data["key"]),
            **{
                name: cls.from_data(value) if isinstance(value, dict) else value
                for name, value in values.items()
            },
        )


def message(key: str, **values: str | int | Message) -> Message:
    """`Message(key, values)` from keyword values: message("notice_unknown_view", value="x")."""
    return Message(key, tuple(values.items()))


def placeholders(prefix: str) -> dict[str, frozenset[str]]:
    """The names of the `{placeholders}` of each text whose key starts with `prefix`, in
    every language (the page checks a `Message` it sends back against these)."""
    keys = [key for key in strings(DEFAULT_LANG) if key.startswith(prefix)]
    return {
        key: frozenset(
            name
            for lang in LANGS
            for _, name, _, _ in Formatter().parse(strings(lang).get(key, ""))
            if name
        )
        for key in keys
    }


def _value_text(value: str | int | Message, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, int) and not isinstance(value, bool):
        separator = t(lang, "number_one_thousand")[1:-3]  # how the language writes 1,000
        return f"{value:,}".replace(",", separator)
    return str(value)


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
