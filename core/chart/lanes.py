"""Which lane each event goes in when the chart draws lanes: by kind, by group or by topic.

A pure partition, kept apart from the figure so that drawing can call it per lane: each
lane has its key (a kind id, a group name or a tag id; "" for events that have none), its
label in the page's language, and the positions of its events in the events frame. An
event with several topics is in each of its topics' lanes (the same row, so the same id).

`lanes_figure` draws them without touching the figure builder: it builds one figure per
lane with `figure_dict` (the same x range for all, so label packing is done within each
lane), stacks them by moving each lane's y down below the previous one, and writes each
lane's label at the left on a row of its own, so no label of an event can overlap it.

How many lanes are drawn comes from the chart's real height, in rows (`rows_for_height`
on the page, `rows_for_plot` on a projector): each lane takes a row for its label and
its own packed rows, so a phone draws fewer and a tall screen more (`lanes_that_fit`).
When the lanes with their events' labels do not fit, the later lanes are drawn as marks
alone, in the few rows marks need (titles on hover, a click opens them:
`labelled_that_fit`); when even that does not fit, the lanes that do not fit fold into
one "N more" lane (`LaneSplit.folded`), their events drawn together under it as marks;
asked for every lane (`room_rows=None`, the page's "Show N
more lanes"), the chart grows as tall as its lanes need.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

import pandas as pd

from core.chart.figure import LANE_PX, FigureOptions, figure_dict
from core.chart.marks import Parts, bars_as_fills, kinds_in_order
from core.chart.metrics import fit_text
from core.chart.options import page_height, plot_height
from core.chart.overview import MAX_MARKS, add_groups
from core.chart.style import FONT
from core.i18n import t
from core.load.model import Era, Vocabulary

LANE_BYS = ("kind", "group", "tag")
NO_LANE = ""  # the key of the lane of events that have no kind, group or topic
PAGE_EDGES_PX = 150  # the page's chart: margins and room round the rows (options.page_height)
DEFAULT_HEIGHT_PX = 800  # a chart whose screen has not said its height: a 1280x800 laptop's


@dataclass(frozen=True, slots=True)
class Lane:
    key: str
    label: str
    rows: tuple[int, ...]  # positions (iloc) in the events frame


@dataclass(frozen=True, slots=True)
class LaneSplit:
    lanes: tuple[Lane, ...]  # drawn, top to bottom
    folded: tuple[Lane, ...] = ()  # the "N more"

    def fold(self, drawn: int) -> LaneSplit:
        """The same lanes with only the first `drawn` (at least one) drawn, the rest folded."""
        every = (*self.lanes, *self.folded)
        drawn = max(1, drawn)
        return LaneSplit(every[:drawn], every[drawn:])

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


def split_lanes(events: pd.DataFrame, by: str, vocabulary: Vocabulary, lang: str) -> LaneSplit:
    """The events split into lanes by `by` (one of LANE_BYS), every lane drawn
    (`LaneSplit.fold` folds the last ones).

    Lanes come in the vocabulary's order (kinds, topics) or the data's (groups), the lane
    of events with none last.
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
    return LaneSplit(
        tuple(Lane(key, _label(by, key, vocabulary, lang), tuple(members[key])) for key in keys)
    )


def rows_for_height(height_px: float | None) -> int:
    """How many rows of LANE_PX fit in a page chart `height_px` tall (the screen's height,
    as assets/chart-width.js reports it; unknown: DEFAULT_HEIGHT_PX)."""
    if not isinstance(height_px, int | float) or height_px <= 0:
        height_px = DEFAULT_HEIGHT_PX
    return max(2, int((min(height_px, 20000) - PAGE_EDGES_PX) // LANE_PX))


def rows_for_plot(plot_height_px: float, pitch_px: float) -> int:
    """How many rows fit in a plot `plot_height_px` tall with rows `pitch_px` apart (a chart
    fitted to a projector: its y axis spans the rows and 0.4 of a row more)."""
    return max(2, int(plot_height_px / pitch_px - 0.4))


def lanes_that_fit(heights: Sequence[int], room_rows: int, fold_rows: Callable[[int], int]) -> int:
    """How many lanes, from the first, are drawn in `room_rows` rows: each lane takes
    `heights[i]` rows (its label's and its events'); when some fold, the "N more" lane of
    the lanes from `k` on takes `fold_rows(k)`. At least one lane is drawn."""
    total = len(heights)
    if sum(heights) <= room_rows:
        return total
    used, drawn = 0, 0
    for height in heights:  # the most that fit before any "N more"
        if used + height > room_rows:
            break
        used, drawn = used + height, drawn + 1
    while drawn > 1 and sum(heights[:drawn]) + fold_rows(drawn) > room_rows:
        drawn -= 1
    return max(drawn, 1)


def labelled_that_fit(
    labelled: Sequence[int], bare: Sequence[int], room_rows: int
) -> list[bool] | None:
    """Which lanes keep their events' labels when not all fit in `room_rows` rows, lane `i`
    taking `labelled[i]` rows with them and `bare[i]` as marks alone (titles on hover):
    from the first, each keeps them while the lanes after it still fit as marks. None when
    even every lane as marks does not fit (then lanes fold, `lanes_that_fit`)."""
    if sum(bare) > room_rows:
        return None
    keep, used = [], 0
    for i, (full, mark) in enumerate(zip(labelled, bare, strict=True)):
        rest = sum(bare[i + 1 :])
        keep.append(used + full + rest <= room_rows)
        used += full if keep[-1] else mark
    return keep


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
        "align": "left",
        "showarrow": False,
        "font": {"size": 15, "family": FONT, "color": "#1a1a1a"},
    }


def _grouped(
    events: pd.DataFrame, vocabulary: Vocabulary, _eras: list[Era], options: FigureOptions
) -> dict:
    """One lane's events grouped by kind and slice of time, a row per kind it has."""
    fig = Parts()
    present = set(events["kind"].unique())
    kinds = [k for k in kinds_in_order(events, vocabulary) if k in present]
    first, last = options.x_range
    rows = add_groups(
        fig, events, vocabulary, kinds, first, last, options.plot_width_px, options.lang
    )
    return {"data": fig.data, "layout": {"yaxis": {"range": [rows - 0.4, -0.8]}}}


def _rows(part: dict) -> int:
    """The packed rows of one lane's figure."""
    return int(round(part["layout"]["yaxis"]["range"][0] + 0.4))


def lanes_figure(
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    eras: list[Era],
    options: FigureOptions,
    by: str,
    room_rows: int | None = None,
) -> dict:
    """The chart with its events in lanes by `by`, as `figure_dict` gives a figure.

    Each lane has a row for its label, then its own packed rows of events. As many lanes
    as fit `room_rows` rows are drawn (`lanes_that_fit`; None: every lane); the events of
    the others are drawn together, as marks, in a last lane, "N more: their names". The
    figure's `meta` says how many lanes there are and how many folded. Above MAX_MARKS
    events, each lane's events are grouped as the whole chart's would be
    (core/chart/overview.py), so the marks stay bounded by the width, not by the data.
    """
    # its layout (its data too when there are no events: no bars to fill)
    base = figure_dict(events, vocabulary, eras, options, filled=False)
    if events.empty:
        return base
    every = split_lanes(events, by, vocabulary, options.lang)
    first, last = base["layout"]["xaxis"]["range"]
    one = replace(options, x_range=(first, last))
    # "N more" and lanes with no room for labels: few rows, titles on hover; in lecture
    # mode still the labels of the event told and its neighbours, where they have room
    marks_only = replace(one, room_px=0)
    # each lane's part as lines: its bars are filled once the chart's height is known
    draw = _grouped if len(events) > MAX_MARKS else partial(figure_dict, filled=False)
    parts = [draw(events.iloc[list(lane.rows)], vocabulary, [], one) for lane in every.lanes]
    folds: dict[int, dict] = {}

    def fold_part(drawn: int) -> dict:
        """The events of the lanes from `drawn` on, packed together (kept once made)."""
        if drawn not in folds:
            rows = sorted({r for lane in every.lanes[drawn:] for r in lane.rows})
            folds[drawn] = draw(events.iloc[rows], vocabulary, [], marks_only)
        return folds[drawn]

    split = every
    unlabelled = 0
    if room_rows is not None and sum(1 + _rows(part) for part in parts) > room_rows:
        bare = [
            draw(events.iloc[list(lane.rows)], vocabulary, [], marks_only) for lane in every.lanes
        ]
        labelled = labelled_that_fit(
            [1 + _rows(part) for part in parts], [1 + _rows(part) for part in bare], room_rows
        )
        if labelled is None:  # not even every lane as marks: the last ones fold
            full = [1 + _rows(part) for part in parts]
            marks = [1 + _rows(part) for part in bare]
            shown = lanes_that_fit(marks, room_rows, lambda k: 1 + _rows(fold_part(k)))
            split = every.fold(shown)
            room_left = room_rows - 1 - _rows(fold_part(len(split.lanes)))
            labelled = labelled_that_fit(
                full[: len(split.lanes)], marks[: len(split.lanes)], room_left
            )
            labelled = labelled or [False] * len(split.lanes)
        parts = [
            part if keep else mark for part, mark, keep in zip(parts, bare, labelled, strict=False)
        ]
        unlabelled = labelled.count(False)
    labels = [lane.label for lane in split.lanes]
    drawn = parts[: len(split.lanes)]
    if split.folded:  # their events still drawn, together, under "N more: their names"
        names = ", ".join(lane.label for lane in split.folded)
        more = t(options.lang, "lanes_more_named", more=split.more_label(options.lang), names=names)
        labels.append(fit_text(more, options.plot_width_px, 15, 700) or more)
        drawn.append(fold_part(len(split.lanes)))
    data: list[dict] = []
    annotations = [a for a in base["layout"]["annotations"] if a.get("yref") != "y"]
    row = 0
    for label, part in zip(labels, drawn, strict=True):
        annotations.append(_lane_label(label, row))
        data += [_moved(trace, row + 1) for trace in part["data"]]
        row += _rows(part) + 1
    meta = {
        "lanes": by,
        "lanes_total": len(every.lanes),
        "lanes_folded": len(split.folded),
        "lanes_unlabelled": unlabelled,  # lanes drawn as marks, their titles on hover
        "lanes_rows": row,  # the rows drawn: lane labels and events
    }
    data = bars_as_fills(data, plot_height(options, row), row)
    layout = {
        **base["layout"],
        "height": page_height(row),
        "yaxis": {**base["layout"]["yaxis"], "range": [row - 0.4, -0.8]},
        "annotations": annotations,
        "meta": {**base["layout"].get("meta", {}), **meta},
    }
    return {"data": data, "layout": layout}
