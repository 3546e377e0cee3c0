"""Fuzzing the loader: whatever bytes or text a file holds, it returns a timeline or raises
`DataError` with at least one error. Nothing else ever escapes (no pandas, csv, codec or
openpyxl exception), so the server can never fall over on a lecturer's file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.load.loader import load_timeline
from core.load.model import Timeline
from core.load.problems import ERROR, DataError

HEADERS = ["date", "title", "Date ", "TITLE", "end", "kind", "tags", "sources", "id", "summary"]
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["1984", "c. 1984", "03/04/2013", "44 BC", "1984-1989", "", '"', "\n", ";"]),
)
SEPARATORS = st.sampled_from([",", ";", "\t"])


def load_or_problems(data: bytes, suffix: str = ".csv") -> Timeline | DataError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"events{suffix}"
        path.write_bytes(data)
        try:
            return load_timeline(path)
        except DataError as exc:
            return exc


def check(outcome: Timeline | DataError) -> None:
    if isinstance(outcome, DataError):
        assert any(p.severity == ERROR for p in outcome.problems)
        assert all(str(p) for p in outcome.problems)
    else:
        assert len(outcome.events) >= 1
        assert outcome.events["start"].is_monotonic_increasing


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_any_bytes_give_events_or_problems(data, suffix):
    check(load_or_problems(data, suffix))


@FUZZ
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_any_text_in_any_encoding_gives_events_or_problems(text, encoding):
    check(load_or_problems(text.encode(encoding, errors="replace")))


@FUZZ
@given(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5),
    st.lists(st.lists(CELLS, max_size=6), max_size=8),
    SEPARATORS,
)
def test_table_shaped_text_gives_events_or_problems(header, rows, separator):
    lines = [separator.join(header)] + [separator.join(row) for row in rows]
    check(load_or_problems("\n".join(lines).encode("utf-8")))
