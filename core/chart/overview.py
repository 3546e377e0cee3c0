"""The overview of a large timeline: events grouped by kind and by a few pixels of time.

Above `MAX_MARKS` events, one mark per event would mean tens of thousands of SVG nodes
and labels that cannot fit. Instead each kind gets one row, and the events of that kind
falling in the same `BIN_PX`-wide slice of the chart become one mark, its size growing
with the count, its hover saying how many and when. The number of marks is then bounded
by the chart's width, not by the data: 100,000 events draw as fast as 1,000. Zooming in
or filtering until fewer than `MAX_MARKS` events remain shows each event again.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from core.chart.style import kind_style
from core.i18n import t
from core.load.model import Vocabulary

MAX_MARKS = 1500  # above this many events, the chart groups them
BIN_PX = 8  # width of one group on the chart


def group_events(
    events: pd.DataFrame, first: float, last: float, plot_width_px: float
) -> pd.DataFrame:
    """One row per (kind, slice of time) with its count and its first and last year."""
    bins = max(1, int(plot_width_px / BIN_PX))
    middle = (events["start"] + events["end"]) / 2
    inside = (middle >= first) & (middle <= last)
    events, middle = events[inside], middle[inside]
    slot = np.clip(((middle - first) / (last - first) * bins).astype(int), 0, bins - 1)
    frame = pd.DataFrame({"kind": events["kind"], "slot": slot, "middle": middle})
    grouped = (
        frame.groupby(["kind", "slot"], sort=False)
        .agg(count=("middle", "size"), x=("middle", "mean"), low=("middle", "min"))
        .reset_index()
    )
    grouped["high"] = frame.groupby(["kind", "slot"], sort=False)["middle"].max().to_numpy()
    return grouped


def add_groups(
    fig,  # core.chart.figure.Parts
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    kinds: list[str],
    first: float,
    last: float,
    plot_width_px: float,
    lang: str,
) -> int:
    """Draw the grouped marks, one row per kind in `kinds`; return the number of rows."""
    grouped = group_events(events, first, last, plot_width_px)
    for row, kind in enumerate(kinds):
        part = grouped[grouped["kind"] == kind]
        if part.empty:
            continue
        colour, symbol = kind_style(kind, vocabulary)
        name = html.escape(vocabulary.kind_label(kind, lang) if kind else "—", quote=False)
        counts = part["count"].to_numpy()
        years = [
            f"{int(low // 1)}" if int(low // 1) == int(high // 1) else f"{int(low)}–{int(high)}"
            for low, high in zip(part["low"], part["high"], strict=True)
        ]
        fig.add_trace(
            dict(
                type="scatter",
                x=part["x"].round(3),
                y=[row] * len(part),
                mode="markers",
                name=name,
                legendgroup=kind,
                marker={
                    "size": np.minimum(6 + 3 * np.log2(counts), 24).round(1),
                    "color": colour,
                    "symbol": symbol,
                    "opacity": 0.85,
                    "line": {"width": 1, "color": colour},
                },
                customdata=[
                    [None, year, f"{name}: {t(lang, 'grouped_hover', count=count)}"]
                    for year, count in zip(years, counts, strict=True)
                ],
                hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]}<extra></extra>",
                cliponaxis=False,
            )
        )
    return len(kinds)
