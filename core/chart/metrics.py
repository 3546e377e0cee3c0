"""How wide a text is in the app's font, so labels are packed for the room they really take.

The chart is drawn in Atkinson Hyperlegible (assets/fonts, SIL OFL). Its advance widths
are read once from the vendored woff2 files (fontTools, with brotli for woff2), so a
label's width is the sum of its characters' widths at the size it is drawn, as the
browser lays it out (kerning, which only narrows these titles, is left out: a label is
given a hair more room than it takes, never less). A character the font lacks is drawn
by the browser in a fallback font: it is counted wide (a full em for East Asian wide
characters, 0.62 em for the rest). Without the font files the widths fall back to one
average, the measure the chart used before.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_FILES = {
    400: FONTS / "atkinson-hyperlegible-latin-400-normal.woff2",
    700: FONTS / "atkinson-hyperlegible-latin-700-normal.woff2",
}
AVERAGE_EM = 0.47  # one average advance, measured on the built-in titles (before the table)
FALLBACK_EM = 0.62  # a character the font does not have, drawn in a wider fallback font
WIDE_EM = 1.0  # East Asian wide and full-width characters
# A one-line label's box as Chromium draws it: 18 px tall at 15 px (the font's ascent and
# descent are 950 and 290 units of 1000, its glyphs' boxes a little less).
LINE_EM = 1.2
ELLIPSIS = "…"


@cache
def _advances(weight: int) -> dict[str, float]:
    """Each character's advance in ems, read from the font of this weight."""
    path = FONT_FILES.get(weight, FONT_FILES[400])
    if not path.exists():
        return {}
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    per_em = font["head"].unitsPerEm
    metrics = font["hmtx"]
    return {chr(code): metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}


def _em(char: str, advances: dict[str, float]) -> float:
    if char in advances:
        return advances[char]
    if not advances:
        return AVERAGE_EM
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return WIDE_EM
    if unicodedata.combining(char):
        return 0.0
    return FALLBACK_EM


@lru_cache(maxsize=65536)
def _ems(text: str, weight: int) -> float:
    """The width of `text` in ems; kept, as a page redraws the same titles again and again."""
    advances = _advances(weight)
    try:
        return sum(map(advances.__getitem__, text))
    except KeyError:  # a character the font lacks
        return sum(_em(char, advances) for char in text)


def text_width_px(text: str, size_px: float, weight: int = 400) -> float:
    """The width of `text` drawn in the app's font at `size_px`."""
    return _ems(text, weight) * size_px


def fit_text(
    text: str, max_px: float, size_px: float, weight: int = 400, min_chars: int = 4
) -> str:
    """`text` if it fits in `max_px`, else its longest start that fits with an ellipsis
    (cut at a word's end when one is near); "" when fewer than `min_chars` would show."""
    if text_width_px(text, size_px, weight) <= max_px:
        return text
    advances = _advances(weight)
    room = max_px - _em(ELLIPSIS, advances) * size_px
    used, cut = 0.0, 0
    for char in text:
        used += _em(char, advances) * size_px
        if used > room:
            break
        cut += 1
    start = text[:cut].rstrip()
    space = start.rfind(" ")
    if space >= max(min_chars, int(len(start) * 0.75)):  # a word's end, if not much is lost
        start = start[:space].rstrip(" ,;:-–")
    if len(start) < min_chars:
        return ""
    return start + ELLIPSIS


def line_height_px(size_px: float) -> float:
    """The height of a one-line label's box at `size_px`."""
    return LINE_EM * size_px
