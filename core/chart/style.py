"""How the chart looks: the colours, marker shapes and font every view of a timeline shares.

Colour *and* shape give an event's kind (Okabe-Ito colours, colour-blind safe), stable
across filters: the chart, the filters' glyphs and the list all take them from here.
"""

from __future__ import annotations

from core.load.model import Vocabulary

# Okabe & Ito (2008), ordered so the weakest colour on white (yellow) comes last.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "star",
    "hexagon",
    "cross",
    "triangle-down",
)
NO_KIND_COLOUR = "#0072B2"
FONT = "Atkinson Hyperlegible, system-ui, sans-serif"
# The marker shapes as text, for the filters and the list (same order as SYMBOLS).
GLYPHS = dict(zip(SYMBOLS, "●■◆▲★⬢✚▼", strict=True))


def kind_style(kind: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """(colour, marker symbol) for a kind, stable across filters."""
    kinds = list(vocabulary.kinds)
    if kind not in kinds:
        return NO_KIND_COLOUR, "circle"
    index = kinds.index(kind)
    return PALETTE[index % len(PALETTE)], SYMBOLS[index % len(SYMBOLS)]
