"""Filtering by kind, tag, years and search (table-driven, on the tiny timeline)."""

import pytest

from core.load.loader import load_timeline
from core.view.selection import Filters, apply_filters
from tests.conftest import TINY

EVENTS = load_timeline(TINY / "events.csv").events


@pytest.mark.parametrize(
    ("filters", "lang", "expected"),
    [
        (
            Filters(),
            "en",
            {"first-case", "first-paper", "experiments", "sham-trial", "debate", "approx-device"},
        ),
        (Filters(kinds=()), "en", set()),
        (Filters(kinds=("trial", "research")), "en", {"sham-trial", "experiments"}),
        (Filters(tags=("osteoporosis",)), "en", {"sham-trial", "debate"}),
        (
            Filters(tags=("implant", "haemangioma")),
            "en",
            {"approx-device", "first-case", "first-paper"},
        ),
        # a year range keeps what overlaps it: the 1984-1989 window and the 2009-2013 period
        (Filters(years=(1988, 1988)), "en", {"experiments"}),
        (Filters(years=(2010, 2012)), "en", {"debate"}),
        (Filters(years=(1985, 1987)), "en", {"first-paper", "experiments"}),
        (Filters(query="sham"), "en", {"sham-trial"}),
        (Filters(query="randomized"), "en", {"sham-trial", "debate"}),  # both cite the NEJM trial
        (Filters(query="ESSAI"), "fr", {"sham-trial"}),
        (Filters(query="herve"), "en", {"first-case"}),  # people, without accents
        (Filters(query="Neurochirurgie"), "en", {"first-case", "first-paper"}),  # references
        (Filters(query="10.1056/NEJMoa0900429"), "en", {"sham-trial", "debate"}),  # DOI
        (Filters(query="first paper"), "en", {"first-paper"}),  # every word must match
        (Filters(query="first nothing"), "en", set()),
        (
            Filters(kinds=("trial", "guideline"), query="debate", years=(2009, 2009)),
            "en",
            {"debate"},
        ),
    ],
)
def test_filters(filters, lang, expected):
    assert set(apply_filters(EVENTS, filters, lang)["id"]) == expected


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ((None, None, None, None), Filters()),
        (
            (["trial"], [], [1984, 1990], " x "),
            Filters(kinds=("trial",), years=(1984, 1990), query="x"),
        ),
        (([], ["osteoporosis"], None, ""), Filters(kinds=(), tags=("osteoporosis",))),
    ],
)
def test_filters_from_page_controls(inputs, expected):
    assert Filters.from_inputs(*inputs) == expected


def test_filtering_keeps_date_order():
    shown = apply_filters(EVENTS, Filters(kinds=("trial", "procedure", "guideline")), "en")
    assert list(shown["start"]) == sorted(shown["start"])
