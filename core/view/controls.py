"""The page's controls and a `ViewState`, each way: what the address sync reads and writes.

The controls hold lists (kinds ticked, years of the slider); a `ViewState` holds only what
differs from the default view, so an untouched page has the empty address.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.view.address import LANES, SORTS, ViewState


@dataclass(frozen=True)
class Controls:
    """Values of the page's controls, as Dash gives them, in the order of urlsync.CONTROLS."""

    lang: str
    kinds: list[str] | None
    tags: list[str] | None
    years: list[int] | None
    query: str | None
    event: str | None
    sort: str | None
    lanes: str | None
    lanes_all: bool | None
    x_range: list[float] | None


def state_from_controls(
    controls: Controls, base: ViewState, all_kinds: list[str], year_range: tuple[int, int]
) -> ViewState:
    """The view the controls show; what they do not hold (a presentation) comes from `base`."""
    kinds = controls.kinds if controls.kinds is not None else all_kinds
    years = tuple(int(y) for y in controls.years) if controls.years else year_range
    x_range = controls.x_range
    lanes = controls.lanes if controls.lanes in LANES else ""
    return base.with_(
        lang=controls.lang,
        kinds=None if set(kinds) == set(all_kinds) else tuple(k for k in all_kinds if k in kinds),
        tags=tuple(controls.tags or ()),
        years=None if years == tuple(year_range) else (min(years), max(years)),
        query=(controls.query or "").strip(),
        event=controls.event or None,
        sort=controls.sort if controls.sort in SORTS else SORTS[0],
        lanes=lanes,
        lanes_all=bool(lanes and controls.lanes_all is True),
        x_range=(float(x_range[0]), float(x_range[1])) if x_range else None,
    )


def controls_from_state(
    state: ViewState, all_kinds: list[str], year_range: tuple[int, int]
) -> Controls:
    """The control values that show `state`."""
    return Controls(
        lang=state.lang,
        kinds=list(state.kinds) if state.kinds is not None else list(all_kinds),
        tags=list(state.tags),
        years=list(state.years or year_range),
        query=state.query,
        event=state.event,
        sort=state.sort,
        lanes=state.lanes,
        lanes_all=state.lanes_all,
        x_range=list(state.x_range) if state.x_range else None,
    )
