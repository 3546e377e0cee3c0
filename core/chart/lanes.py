"""Which lane each event goes in when the chart draws lanes: by kind, by group or by topic.

A pure partition, kept apart from the figure so that drawing can call it per lane: each
lane has its key (a kind id, a group name or a tag id; "" for events that have none), its
label in the page's language, and the positions of its events in the events frame. An
event with several topics is in each of its topics' lanes (the same row, so the same id).
Lanes past `max_lanes` fold into one "N more" (`LaneSplit.folded`), drawn as one lane.

`lanes_figure` draws them without touching the figure builder: it builds one figure per
lane with `figure_dict` (the same x range for all, so label packing is done within each
lane), stacks them by moving each lane's y down below the previous one, and writes each
lane's label at the left on a row of its own, so no label of an event can overlap it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

import pandas as pd

from core.chart.figure import LANE_PX, FigureOptions, figure_dict
from core.chart.overview import MAX_MARKS
from core.chart.style import FONT
from core.i18n import t
from core.load.model import Era, Vocabulary

LANE_BYS = ("kind", "group", "tag")
NO_LANE = ""  # the key of the lane of events that have no kind, group or topic
MAX_LANES = 8  # more fold into "N more": each lane needs a row for its label


@dataclass(frozen=True, slots=True)
class Lane:
    key: str
    label: str
    rows: tuple[int, ...]  # positions (iloc) in the events frame


@dataclass(frozen=True, slots=True)
class LaneSplit:
    lanes: tuple[Lane, ...]  # drawn, top to bottom
    folded: tuple[Lane, ...] = ()  # the "N more"

    def more_label(self, lang: str) -> str | None:
        return t(lang, "lanes_more", count=len(self.folded)) if self.folded else None

    def lanes_of(self, row: int) -> tuple[str, ...]:
        """The labels of the lanes (drawn or folded) that position `row` is in."""
        return tuple(lane.label for lane in (*self.lanes, *self.folded) if row in lane.rows)


def _keys(events: pd.DataFrame, by: str) -> list[tuple[str, ...]]:
    if by == "kind":
        return [(kind,) for kind in events["kind"].tolist()]
    if by == "group":
        column = events["group"] if "group" in events else pd.Series([""] * len(events))
        return [(group,) for group in column.tolist()]
    return [tuple(tags) for tags in events["tags"].tolist()]


def _order(by: str, vocabulary: Vocabulary) -> list[str]:
    """The vocabulary's order for kinds and topics; groups keep the data's order."""
    return list({"kind": vocabulary.kinds, "tag": vocabulary.tags}.get(by, {}))


def _label(by: str, key: str, vocabulary: Vocabulary, lang: str) -> str:
    if key == NO_LANE:
        return t(lang, "lane_none")
    if by == "kind":
        return vocabulary.kind_label(key, lang)
    if by == "tag":
        return vocabulary.tag_label(key, lang)
    return key


def split_lanes(
    events: pd.DataFrame, by: str, vocabulary: Vocabulary, lang: str, max_lanes: int = MAX_LANES
) -> LaneSplit:
    """The events split into lanes by `by` (one of LANE_BYS); at most `max_lanes` drawn.

    Lanes come in the vocabulary's order (kinds, topics) or the data's (groups), the lane
    of events with none last; when there are more than `max_lanes`, the last ones fold.
    """
    if by not in LANE_BYS:
        raise ValueError(f"expected one of {', '.join(LANE_BYS)}; found {by!r}")
    members: dict[str, list[int]] = {}
    for row, keys in enumerate(_keys(events, by)):
        for key in dict.fromkeys(keys or (NO_LANE,)):
            members.setdefault(key or NO_LANE, []).append(row)
    known = [key for key in _order(by, vocabulary) if key in members]
    rest = [key for key in members if key not in known and key != NO_LANE]
    keys = known + rest + ([NO_LANE] if NO_LANE in members else [])
    lanes = tuple(Lane(key, _label(by, key, vocabulary, lang), tuple(members[key])) for key in keys)
    if len(lanes) <= max_lanes:
        return LaneSplit(lanes)
    shown = max(max_lanes - 1, 1)  # one row for the "N more"
    return LaneSplit(lanes[:shown], lanes[shown:])


def _moved(trace: dict, offset: int) -> dict:
    """A trace of one lane's figure, moved down by `offset` rows."""
    if "y" not in trace:
        return trace
    return {**trace, "y": [None if y is None else y + offset for y in trace["y"]]}


def _lane_label(text: str, row: int) -> dict:
    return {
        "text": f"<b>{html.escape(text, quote=False)}</b>",
        "xref": "paper",
        "yref": "y",
        "x": 0,
        "y": row,
        "xanchor": "left",
        "showarrow": False,
        "font": {"size": 15, "family": FONT, "color": "#1a1a1a"},
    }


def lanes_figure(
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    eras: list[Era],
    options: FigureOptions,
    by: str,
    max_lanes: int = MAX_LANES,
) -> dict:
    """The chart with its events in lanes by `by`, as `figure_dict` gives a figure.

    Each lane has a row for its label, then its own packed rows of events. The events of
    lanes past `max_lanes` are drawn together in a last lane, "N more: their names".
    Above MAX_MARKS events, the figure is the usual one (grouped marks have no lanes).
    """
    base = figure_dict(events, vocabulary, eras, options)
    if events.empty or len(events) > MAX_MARKS:
        return base
    split = split_lanes(events, by, vocabulary, options.lang, max_lanes)
    first, last = base["layout"]["xaxis"]["range"]
    one = replace(options, x_range=(first, last))
    data: list[dict] = []
    annotations = [a for a in base["layout"]["annotations"] if a.get("yref") != "y"]
    drawn = [(lane.label, lane.rows) for lane in split.lanes]
    if split.folded:  # their events still drawn, together, under "N more: their names"
        folded = sorted({r for lane in split.folded for r in lane.rows})
        names = ", ".join(lane.label for lane in split.folded)
        drawn.append((f"{split.more_label(options.lang)}: {names}", tuple(folded)))
    row = 0
    for label, members in drawn:
        part = figure_dict(events.iloc[list(members)], vocabulary, [], one)
        annotations.append(_lane_label(label, row))
        rows = int(round(part["layout"]["yaxis"]["range"][0] + 0.4))
        data += [_moved(trace, row + 1) for trace in part["data"]]
        row += rows + 1
    layout = {
        **base["layout"],
        "height": max(380, 150 + row * LANE_PX),
        "yaxis": {**base["layout"]["yaxis"], "range": [row - 0.4, -0.8]},
        "annotations": annotations,
        "meta": {**base["layout"].get("meta", {}), "lanes": by},
    }
    return {"data": data, "layout": layout}
