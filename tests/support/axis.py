"""What a figure's x axis names: its ticks within its range, as (value, label)."""

from __future__ import annotations


def ticks_in_range(xaxis: dict) -> list[tuple[float, str]]:
    """The ticks of an axis given as `tickvals` and `ticktext` that fall in its `range`
    (the others are there for a pan, until the server draws the new range)."""
    first, last = xaxis["range"]
    return [
        (value, label)
        for value, label in zip(xaxis["tickvals"], xaxis["ticktext"], strict=True)
        if first <= value <= last
    ]
