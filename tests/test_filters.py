"""Filtering by kind, tag, years and search (table-driven, on the tiny timeline)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.filters import year_marks
from core.load.loader import load_timeline
from core.load.text import fold
from core.view.address import MAX_QUERY
from core.view.selection import Filters, apply_filters, finds_any, search_terms
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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ()),
        ("  Cement  ", ("cement",)),
        ("e e e e", ("e",)),  # a word typed again asks nothing more
        ("e cement ce", ("cement",)),  # words inside another are asked by it
        ("Hémangiome first", ("hemangiome", "first")),  # folded, the longest first
    ],
)
def test_search_terms(query, expected):
    assert search_terms(query) == expected


WORDS = st.sampled_from(
    ["first", "fir", "paper", "sham", "e", "trial", "zzz", "Essai", "é", "10.1056"]
)


@settings(deadline=None)  # a property, not a timing: the machine may be busy
@given(st.lists(WORDS, max_size=8), st.sampled_from(["en", "fr"]))
def test_the_one_pass_search_finds_what_a_search_word_by_word_finds(words, lang):
    shown = apply_filters(EVENTS, Filters(query=" ".join(words)), lang)
    expected = EVENTS
    for word in words:
        folded = fold(word)
        expected = expected[expected[f"search_{lang}"].str.contains(folded, regex=False)]
    assert list(shown["id"]) == list(expected["id"])


KINDS = st.one_of(st.none(), st.lists(st.sampled_from(["procedure", "trial", "publication"])))


@settings(deadline=None)
@given(st.lists(WORDS, max_size=4), KINDS, st.sampled_from(["en", "fr"]))
def test_finds_any_says_whether_the_filters_leave_an_event(words, kinds, lang):
    filters = Filters(kinds=tuple(kinds) if kinds is not None else None, query=" ".join(words))
    assert finds_any(EVENTS, filters, lang) == (len(apply_filters(EVENTS, filters, lang)) > 0)


def test_a_search_is_cut_at_the_longest_an_address_keeps():
    assert Filters.from_inputs(None, None, None, "a" * 10_000).query == "a" * MAX_QUERY


def test_the_years_slider_marks_round_years_as_people_count_them():
    # after year 1 as before: the ends, and round years far enough from them
    assert year_marks(1984, 2018) == {
        **{y: str(y) for y in (1984, 1990, 1995, 2000, 2005, 2010)},
        2018: "2018",
    }
    # before year 1, 500 BCE is at -499, and named in the page's language
    assert year_marks(-499, 1499, "fr") == {
        -499: "500 av. J.-C.",
        500: "500",
        1000: "1000",
        1499: "1499",
    }
    assert year_marks(-10, 10) == {-10: "11 BCE", -4: "5 BCE", 5: "5", 10: "10"}
