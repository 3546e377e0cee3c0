"""Page text in each language: `locales/<lang>/*.json`, one file per part of the app.

Every file of one language is merged into one table; a test checks that both languages
have the same keys, so no text is ever missing in one of them.
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
