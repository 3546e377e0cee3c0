"""Label packing: a lane and a side for each event's label, so that no two overlap and
none covers a mark.

Pure arithmetic on the events' positions in decimal years and the chart's width in
pixels; the figure (core/chart/figure.py) draws what this decides. Each label's width is
measured in the app's font at the size it is drawn (core/chart/metrics.py), and starts
clear of its own mark and of the ring drawn round a chosen one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import pandas as pd

from core.chart.metrics import fit_text, line_height_px, text_width_px
from core.load.dates import PERIOD, POINT

LABEL_CHARS = 38
LABEL_FONT_PX = 15
MARK_PX = 15  # the markers' size on the page
CHAR_PX = 0.47 * LABEL_FONT_PX  # the old average advance at 15 px (see core/chart/metrics.py)
LABEL_PAD_PX = 2  # measured widths leave out kerning; this is the rounding's room


def mark_half_px(mark_px: float = MARK_PX) -> float:
    """Half the widest marker's box (the star; its 2 px outline included)."""
    return 0.6 * mark_px + 1


def mark_half_height_px(mark_px: float = MARK_PX) -> float:
    """Half the tallest marker's box (the star and the triangles, outline included)."""
    return 0.57 * mark_px + 1


def ring_px(mark_px: float = MARK_PX) -> float:
    """The diameter of the ring drawn round a chosen event's marker."""
    return round(1.7 * mark_px)


def label_offset_px(mark_px: float = MARK_PX) -> float:
    """From a marker's centre to its label: clear of the marker and of a ring round it."""
    return ring_px(mark_px) / 2 + 1.5 + 2


def lane_pitch_px(label_px: float = LABEL_FONT_PX, mark_px: float = MARK_PX) -> float:
    """How far apart lanes must be for a label to clear the marks of the lanes beside it."""
    return line_height_px(label_px) / 2 + mark_half_height_px(mark_px) + 2


def label_chars(plot_width_px: float) -> int:
    """How many characters a label may have: at most half the plot, so one side always fits."""
    return max(8, min(LABEL_CHARS, int(plot_width_px * 0.5 / CHAR_PX) - 2))


def short_label(title: str, max_chars: int = LABEL_CHARS) -> str:
    return title if len(title) <= max_chars else title[: max_chars - 1].rstrip() + "…"


def label_room_px(
    plot_width_px: float, label_px: float = LABEL_FONT_PX, mark_px: float = MARK_PX
) -> float:
    """The most a label may take: half the plot less its offset, so one side always fits."""
    return max(0.0, plot_width_px * 0.5 - label_offset_px(mark_px) - LABEL_PAD_PX)


def anchor(events: pd.DataFrame) -> pd.Series:
    """Where each event's marker stands: the middle of a point date or window, the start of a period."""
    middle = (events["start"] + events["end"]) / 2
    return middle.where(events["shape"] != PERIOD, events["start"])


# At most this many lanes. Past it, an event that fits nowhere gets a lane in turn and no
# label: 40 lanes of labels is already more than a lecture can read, and scanning every
# lane for every event made 20,000 events take four minutes to draw (100,000: hours).
MAX_LANES = 40
# More events than this are drawn as marks only, spread over the lanes in turn: packing
# labels is worth it for what a person can read, not for 100,000 events at once.
MAX_LABELLED_EVENTS = 1500


@dataclass(frozen=True)
class Placement:
    lane: int
    label_x: float
    label_side: str  # "right" or "left" of label_x
    labelled: bool = True
    text: str = ""  # the label as drawn: the title, or its start with an ellipsis


class _Lane:
    """Occupied stretches of one lane, kept sorted so a new one is checked in O(log n).

    Events come in date order, so most checks are settled by the stretch that reaches
    furthest right: a new one starts after it (fits), or overlaps it (does not)."""

    __slots__ = ("lefts", "rights", "end", "end_left")

    def __init__(self) -> None:
        self.lefts: list[float] = []
        self.rights: list[float] = []
        self.end = float("-inf")  # the furthest right of any stretch
        self.end_left = float("inf")  # where that stretch starts

    def fits(self, left: float, right: float) -> bool:
        if left >= self.end:
            return True
        if right > self.end_left:  # and left < end: it overlaps that stretch
            return False
        i = bisect.bisect_left(self.lefts, left)
        clear_before = i == 0 or self.rights[i - 1] <= left
        clear_after = i == len(self.lefts) or self.lefts[i] >= right
        return clear_before and clear_after

    def take(self, left: float, right: float) -> None:
        i = bisect.bisect_left(self.lefts, left)
        self.lefts.insert(i, left)
        self.rights.insert(i, right)
        if right > self.end:
            self.end, self.end_left = right, left


def place_labels(
    events: pd.DataFrame,
    lang: str,
    px_per_year: float,
    x_min: float,
    x_max: float,
    gap_px: float = 14,
    labelled: bool = True,
    *,
    label_px: float = LABEL_FONT_PX,
    mark_px: float = MARK_PX,
    room_px: float | None = None,
) -> list[Placement]:
    """Choose a lane and a label side for each event so that nothing overlaps.

    Each event, in date order, takes the first lane where its span and its label fit,
    with the label right of the span or, failing that, left of it; a label never runs
    off the chart. A label is the title measured at `label_px`, shortened to `room_px`
    (default: half the plot) and to `LABEL_CHARS` characters. Unlabelled
    (`labelled=False`), only the marks and spans are packed.
    """
    if len(events) > MAX_LABELLED_EVENTS:
        return [
            Placement(number % MAX_LANES, x, "right", labelled=False)
            for number, x in enumerate(anchor(events))
        ]
    lanes: list[_Lane] = []
    placements = []
    overflow = 0
    stretches: list[tuple[int, float, float, int]] = []  # lane, label's ends, placement
    crowded: list[tuple[int, float, float]] = []  # marks put where there was no room
    gap = gap_px / px_per_year
    plot_px = (x_max - x_min) * px_per_year
    room = label_room_px(plot_px, label_px, mark_px) if room_px is None else room_px
    half = mark_half_px(mark_px) / px_per_year
    offset = label_offset_px(mark_px) / px_per_year
    clear = 4 / px_per_year  # between a bar's end and a label
    for x, f_start, f_end, shape, title in zip(
        anchor(events).tolist(),
        events["fuzzy_start"].tolist(),
        events["fuzzy_end"].tolist(),
        events["shape"].tolist(),
        events[f"title_{lang}"].tolist(),
        strict=True,
    ):
        text = fit_text(short_label(title), room, label_px) if labelled else ""
        label = (text_width_px(text, label_px) + LABEL_PAD_PX) / px_per_year if text else 0
        span_left = min(f_start, x - half)
        span_right = max(f_end, x + half)
        if text:
            # a point's precision bar may run under its own label, but not under another's
            right_x = x + offset if shape == POINT else max(x + offset, f_end + clear)
            left_x = min(x - offset, f_start - clear)
            options = [
                ("right", right_x, span_left - gap / 2, right_x + label + gap / 2),
                ("left", left_x, left_x - label - gap / 2, span_right + gap / 2),
            ]
        else:
            options = [("right", x + offset, span_left - gap / 2, span_right + gap / 2)]
        if x > (x_min + x_max) / 2:  # labels lean towards the middle, where there is room
            options.reverse()
        inside = [o for o in options if o[2] >= x_min and o[3] <= x_max] or options[:1]
        chosen = None
        for number, lane in enumerate(lanes):
            end, end_left = lane.end, lane.end_left
            for option in inside:
                # lane.fits, with its two quick answers here: this loop is most of a redraw
                left, right = option[2], option[3]
                if left >= end or (right <= end_left and lane.fits(left, right)):
                    chosen = (number, option)
                    break
            if chosen:
                break
        if chosen is None and len(lanes) >= MAX_LANES:
            # no label, then: the mark where it fits, else in a lane in turn, over labels
            # that give way to it (they are cleared below)
            free = next(
                (n for n, lane in enumerate(lanes) if lane.fits(span_left, span_right)), None
            )
            overflow += 1
            number = overflow % MAX_LANES if free is None else free
            lanes[number].take(span_left, span_right)
            if free is None:
                crowded.append((number, span_left, span_right))
            placements.append(Placement(number, x, "right", labelled=False))
            continue
        if chosen is None:
            lanes.append(_Lane())
            chosen = (len(lanes) - 1, inside[0])
        number, (side, label_x, left, right) = chosen
        lanes[number].take(left, right)
        placements.append(Placement(number, label_x, side, bool(text), text))
        if text:
            ends = (label_x, label_x + label) if side == "right" else (label_x - label, label_x)
            stretches.append((number, *ends, len(placements) - 1))
    return _give_way(placements, stretches, crowded)


# Shares of the plot's width a label may be packed for, most first; 0 packs marks only.
ROOM_SHARES = (0.5, 0.4, 0.32, 0.26, 0.21, 0.17, 0.14, 0.12, 0.1, 0.08, 0.0)


def room_for_lanes(
    events: pd.DataFrame,
    lang: str,
    px_per_year: float,
    x_min: float,
    x_max: float,
    lanes: int,
    *,
    label_px: float = LABEL_FONT_PX,
    mark_px: float = MARK_PX,
) -> tuple[float, list[Placement]]:
    """The most room (px) each label can be packed for in at most `lanes` lanes, and the
    labels so packed: the largest of `ROOM_SHARES` of the plot's width (and no more than
    `label_room_px`) that fits; 0 (marks only) when none does."""
    plot_px = (x_max - x_min) * px_per_year
    widest = label_room_px(plot_px, label_px, mark_px)
    placements: list[Placement] = []
    for share in ROOM_SHARES:
        room = min(widest, share * plot_px)
        placements = place_labels(
            events,
            lang,
            px_per_year,
            x_min,
            x_max,
            labelled=room > 0,
            label_px=label_px,
            mark_px=mark_px,
            room_px=room,
        )
        if max((p.lane for p in placements), default=0) + 1 <= lanes:
            return room, placements
    return 0.0, placements  # the last tried: marks only


def _give_way(
    placements: list[Placement],
    stretches: list[tuple[int, float, float, int]],
    crowded: list[tuple[int, float, float]],
) -> list[Placement]:
    """Labels under a mark that had to go over them are left to hover."""
    for lane, left, right in crowded:
        for number, start, end, index in stretches:
            if number == lane and start < right and left < end:
                placement = placements[index]
                placements[index] = Placement(
                    placement.lane, placement.label_x, placement.label_side, False
                )
    return placements
