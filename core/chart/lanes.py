"""Which lane each event goes in when the chart draws lanes: by kind, by group or by topic.

A pure partition, kept apart from the figure so that drawing can call it per lane: each
lane has its key (a kind id, a group name or a tag id; "" for events that have none), its
label in the page's language, and the positions of its events in the events frame. An
event with several topics is in each of its topics' lanes (the same row, so the same id).
Lanes past `max_lanes` fold into one "N more" (`LaneSplit.folded`), which the page can
offer to show.

Not yet drawn: the figure, the filters' control and the address do not use it yet.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.i18n import t
from core.load.model import Vocabulary

LANE_BYS = ("kind", "group", "tag")
NO_LANE = ""  # the key of the lane of events that have no kind, group or topic


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
    events: pd.DataFrame, by: str, vocabulary: Vocabulary, lang: str, max_lanes: int = 8
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
