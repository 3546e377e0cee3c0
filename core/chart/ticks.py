"""The x axis's ticks: where Plotly puts them, and where they go on an axis that reaches BCE.

Plotly chooses a linear axis's ticks itself (the figure asks for `nticks` of them):
multiples of a round step, counted from 0. `tick_step` and `ticks` follow its rule, so that
the page's first picture (core/chart/svg.py) draws the same ticks at any width.

Years on the axis are astronomical (year 0 is 1 BCE, -43 is 44 BCE: core/load/dates.py),
so Plotly's ticks before year 1 would read "−500" at the place of 501 BCE. An axis that
reaches before year 1 gets its ticks from `historical_ticks` instead: at round years as
people count them (500 BCE, 1, 500...), named in the page's language ("500 BCE",
"500 av. J.-C."), a step apart as Plotly would space them.
"""

from __future__ import annotations

import math

from core.chart.metrics import text_width_px
from core.load.dates import year_as_written

ROUND_TO = (2, 5, 10)  # Plotly's tick step: the first of these above rough / 10^n, times 10^n


def tick_step(first: float, last: float, nticks: int) -> float:
    """The distance between ticks Plotly chooses for a linear axis asked for `nticks`."""
    rough = abs(last - first) / nticks
    base = 10 ** math.floor(math.log(rough) / math.log(10))  # in the same steps as Plotly
    return base * next((r for r in ROUND_TO if r > rough / base), ROUND_TO[-1])


def ticks(first: float, last: float, nticks: int) -> list[float]:
    """The tick values Plotly draws between `first` and `last` (its ticks start from 0)."""
    step = tick_step(first, last, nticks)
    low, high = min(first, last), max(first, last)
    start = math.ceil(low / step - 1e-9)
    values = []
    n = start
    while n * step <= high + step * 1e-9:
        values.append(round(n * step, 10))
        n += 1
    return values


def historical_ticks(
    first: float, last: float, nticks: int, lang: str
) -> tuple[list[float], list[str]] | None:
    """Ticks and their labels for an axis from `first` to `last` that reaches before year 1;
    None for one that does not (Plotly's own ticks are right there).

    At Plotly's step, whole years only: year N BCE sits at 1 - N, so ticks at N = step,
    2 step... BCE, and at step, 2 step... CE, with year 1 between them when the step
    leaves room for it. They cover the range a span beyond either end, so that a pan shows
    ticks before the server draws the new range."""
    if first >= 1 or last <= first:
        return None
    step = max(1, round(tick_step(first, last, nticks)))
    span = last - first
    low, high = first - span, last + span
    values: list[float] = []
    labels: list[str] = []
    for k in range(max(1, math.ceil((1 - high) / step)), math.floor((1 - low) / step) + 1):
        values.append(1 - k * step)  # k * step BCE
        labels.append(year_as_written(1 - k * step, lang))
    values.reverse()
    labels.reverse()
    if step == 1 or step >= 5:  # year 1 (1 BCE's neighbour): a step from 1 - step
        values.append(1)
        labels.append("1")
    for k in range(max(1, math.ceil(low / step)), math.floor(high / step) + 1):
        if k * step != 1:
            values.append(k * step)
            labels.append(str(k * step))
    kept = [(v, label) for v, label in zip(values, labels, strict=True) if low <= v <= high]
    return [v for v, _ in kept], [label for _, label in kept]


def room_for_end_labels(
    first: float,
    last: float,
    nticks: int,
    lang: str,
    plot_px: float,
    side_px: float,
    label_px: float,
) -> tuple[float, float]:
    """The range from `first` to `last`, widened where the label of its first or last tick
    would pass the chart's edge ("500 av. J.-C." is wide), so that the axis names the years
    BCE where it starts instead of leaving that label out. For an axis that reaches before
    year 1; any other comes back as it is."""
    for _ in range(3):  # a wider range may change the step, and so the ticks
        named = historical_ticks(first, last, nticks, lang)
        if named is None:
            break
        inside = [(v, label) for v, label in zip(*named, strict=True) if first <= v <= last]
        if not inside:
            break

        def need(label: str) -> float:
            """The share of the plot between a tick and the edge its label needs."""
            return (text_width_px(label, label_px) / 2 - side_px + 2) / plot_px

        (low, low_label), (high, high_label) = inside[0], inside[-1]
        low_need, high_need = need(low_label), need(high_label)
        before = first, last
        if (low - first) / (last - first) < low_need:  # the tick sits at that share
            first = (low - low_need * last) / (1 - low_need)
        if (last - high) / (last - first) < high_need:
            last = (high - high_need * first) / (1 - high_need)
        if (first, last) == before:
            break
    return first, last
