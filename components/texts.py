"""The page's fixed texts in the chosen language: one callback per section of the page.

A section lists what it shows as {(component id, property): text}, each text a locale key
or a function of the language; `register_texts` makes the callback that fills them in
when the language changes. The layout already holds them in the default language, so the
callback skips its first call (tests/test_first_view.py checks that it would agree).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dash import Dash, Input, Output

from core.i18n import t

Text = str | Callable[[str], str]


def register_texts(app: Dash, texts: Mapping[tuple[str, str], Text]) -> None:
    """Fill in `texts` (locale keys, or functions of the language) when the language changes."""
    items = list(texts.items())

    def in_language(lang: str) -> tuple:
        return tuple(t(lang, text) if isinstance(text, str) else text(lang) for _, text in items)

    app.callback(
        *[Output(component, prop) for (component, prop), _ in items],
        Input("lang", "value"),
        prevent_initial_call=True,
    )(in_language)
