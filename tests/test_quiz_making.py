"""Making a round: every question has exactly one right answer under the rules (random
timelines, hypothesis), the same seed makes the same round, and the rules' edge cases."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.load.dates import PERIOD, parse_when
from core.load.loader import load_timeline
from core.quiz.making import FIRST, KINDS, MAX_QUESTIONS, ORDER, YEAR, close_years, make_round
from core.quiz.rules import Dated, apart, in_order, year_answer
from tests.conftest import BUILT_IN, TINY

EPSILON = 1e-9


def frame(dates: list[str]) -> pd.DataFrame:
    """Events as the loader leaves them (the columns a round uses), one per date."""
    rows = []
    for n, text in enumerate(dates):
        when = parse_when(text)
        rows.append(
            {
                "id": f"e{n}",
                "date": when.text,
                "start": when.start,
                "end": when.end,
                "fuzzy_start": when.fuzzy_start,
                "fuzzy_end": when.fuzzy_end,
                "shape": when.shape,
            }
        )
    columns = ["id", "date", "start", "end", "fuzzy_start", "fuzzy_end", "shape"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "end", "id"])


years = st.integers(1, 2100)
single = st.one_of(
    years.map(lambda y: f"{y:04d}"),
    st.tuples(years, st.sampled_from("~?%")).map(lambda p: f"{p[0]:04d}{p[1]}"),
    st.tuples(years, st.integers(1, 12)).map(lambda p: f"{p[0]:04d}-{p[1]:02d}"),
    st.tuples(years, st.integers(1, 12), st.integers(1, 28)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"
    ),
    st.tuples(years, st.integers(1, 12), st.sampled_from("~?")).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}{p[2]}"
    ),
    st.integers(100, 209).map(lambda d: f"{d}X"),
)
wide = st.one_of(
    st.tuples(years, st.integers(1, 8)).map(lambda p: f"{p[0]:04d}/{p[0] + p[1]:04d}"),
    st.tuples(years, st.integers(1, 8)).map(lambda p: f"{p[0]:04d}~/{p[0] + p[1]:04d}~"),
    st.tuples(years, st.integers(1, 8)).map(lambda p: f"[{p[0]:04d}..{p[0] + p[1]:04d}]"),
)
# Dates crowd into few years (so ties and overlaps are common), or spread over centuries.
crowded = st.integers(1980, 1990)
timelines = st.lists(st.one_of(single, wide, crowded.map(str)), min_size=0, max_size=40)


def row(events: pd.DataFrame, event_id: str) -> pd.Series:
    return events.set_index("id").loc[event_id]


def certainly_before(a: pd.Series, b: pd.Series) -> bool:
    """The oracle, from the frame's columns: a ends, fuzziness included, by b's start."""
    return a["fuzzy_end"] <= b["fuzzy_start"] + EPSILON


def right_orders(events: pd.DataFrame, ids: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every arrangement of `ids` in which each event certainly came before the next."""
    rows = {i: row(events, i) for i in ids}
    return [
        order
        for order in itertools.permutations(ids)
        if all(certainly_before(rows[a], rows[b]) for a, b in itertools.pairwise(order))
    ]


def check_question(events: pd.DataFrame, question, quiz) -> None:
    assert question.kind in KINDS
    assert len(set(question.shown)) == len(question.shown)
    if question.kind == YEAR:
        (event_id,) = question.shown
        event = row(events, event_id)
        first, last = question.years
        assert event["shape"] != PERIOD
        assert 1 <= first <= last <= first + 2  # known to within three years at most
        # the years that count are exactly the years the date may fall in, no more
        assert first <= event["start"] and event["fuzzy_start"] < first + 1
        assert event["end"] <= last + 1 and last < event["fuzzy_end"]
        low, high = quiz.year_range
        assert low <= first and last <= high
    elif question.kind == FIRST:
        a, b = (row(events, i) for i in question.shown)
        assert certainly_before(a, b) != certainly_before(b, a)  # one, and only one
        assert question.answer == (
            question.shown[0] if certainly_before(a, b) else question.shown[1],
        )
    else:
        assert question.kind == ORDER and 3 <= len(question.shown) <= 4
        assert right_orders(events, question.shown) == [question.answer]
        assert question.shown != question.answer  # never shown already in order


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    dates=timelines, seed=st.text(alphabet="abc123-_", min_size=1, max_size=8), n=st.integers(1, 15)
)
def test_every_question_has_exactly_one_right_answer(dates, seed, n):
    events = frame(dates)
    quiz = make_round(events, seed, n)
    assert len(quiz) <= n
    for question in quiz.questions:
        check_question(events, question, quiz)
    asked = [q.shown[0] for q in quiz.questions if q.kind == YEAR]
    assert len(asked) == len(set(asked))  # no event is asked its year twice
    sets = [frozenset(q.shown) for q in quiz.questions if q.kind != YEAR]
    assert len(sets) == len(set(sets))  # nor the same events compared twice
    # the same seed makes the same round, whatever the frame's object or index
    assert make_round(events.copy().reset_index(drop=True), seed, n) == quiz


@settings(max_examples=60, deadline=None)
@given(dates=timelines, n=st.integers(1, 12))
def test_a_round_is_short_only_when_the_events_cannot_give_more(dates, n):
    events = frame(dates)
    quiz = make_round(events, "s", n)
    rules = [
        Dated(*r)
        for r in events[["id", "fuzzy_start", "fuzzy_end", "shape"]].itertuples(index=False)
    ]
    can_year = any(year_answer(e) for e in rules)
    can_first = any(apart(a, b) for a, b in itertools.combinations(rules, 2))
    if can_year or can_first:
        assert len(quiz) >= 1
    if len(quiz) < n:  # every kind was tried until it ran out
        year_questions = sum(q.kind == YEAR for q in quiz.questions)
        assert year_questions == sum(bool(year_answer(e)) for e in rules)


@pytest.mark.parametrize(
    ("date", "years"),
    [
        ("1984", (1984, 1984)),
        ("2008-05", (2008, 2008)),
        ("2013-04-24", (2013, 2013)),
        ("1984~", (1983, 1985)),  # c. 1984: a range counts as right
        ("1984?", (1983, 1985)),
        ("2008-05~", (2008, 2008)),
        ("2008-12~", (2008, 2009)),  # c. December 2008 may be January 2009
        ("[1984..1985]", (1984, 1985)),  # a narrow window is asked, the window counts
        ("[1984..1989]", None),  # a wide window is never asked
        ("198X", None),
        ("198X~", None),
        ("1984/1989", None),  # periods are never asked by year
        ("1984~/1989~", None),
        ("0001", (1, 1)),
        ("-0043", None),  # before year 1: the answer box takes years from 1
    ],
)
def test_which_dates_are_asked_by_year(date, years):
    when = parse_when(date)
    assert year_answer(Dated("x", when.fuzzy_start, when.fuzzy_end, when.shape)) == years


@pytest.mark.parametrize(
    ("a", "b", "apart_"),
    [
        ("1984", "1985", True),
        ("1984", "1984-05", False),  # a year and a month in it tie
        ("2009-08-06", "2009-08-06", False),  # the two NEJM trials, the same day
        ("1984~", "1985", False),  # c. 1984 may be 1985
        ("1984~", "1986", True),
        ("[1984..1989]", "1987", False),
        ("[1984..1989]", "1990", True),
        ("1984~/1989~", "1990", False),  # c. 1989 may be 1990
        ("1984/1989", "1990-01-01", True),
        ("2009/2013", "2010", False),
    ],
)
def test_which_events_are_compared(a, b, apart_):
    x, y = (Dated(t, parse_when(t).fuzzy_start, parse_when(t).fuzzy_end) for t in (a, b))
    assert apart(x, y) == apart(y, x) == apart_
    assert (in_order([x, y]) is not None) == apart_


def test_the_built_in_timeline_makes_full_rounds_of_every_kind():
    events = load_timeline(BUILT_IN).events
    quiz = make_round(events, "42")
    assert len(quiz) == 10
    assert {q.kind for q in quiz.questions} == set(KINDS)
    asked_by_year = {q.shown[0] for q in quiz.questions if q.kind == YEAR}
    assert not asked_by_year & {"darrason-experiments", "extension-osteoporosis-metastases"}
    for question in quiz.questions:
        check_question(events, question, quiz)
    assert make_round(events, "43") != quiz  # another seed, another round
    assert len(make_round(events, "42", MAX_QUESTIONS)) == MAX_QUESTIONS


def test_the_two_nejm_trials_of_the_same_day_are_never_compared():
    events = load_timeline(BUILT_IN).events
    same_day = {"buchbinder-nejm-2009", "invest-nejm-2009"}
    for seed in range(40):
        for question in make_round(events, str(seed), MAX_QUESTIONS).questions:
            assert not same_day <= set(question.shown)


def test_too_few_events_make_a_short_or_empty_round():
    assert len(make_round(frame([]), "1")) == 0
    assert len(make_round(frame(["[1984..1989]"]), "1")) == 0  # nothing it supports
    only_one = make_round(frame(["1984"]), "1")
    assert [q.kind for q in only_one.questions] == [YEAR]
    tiny = load_timeline(TINY / "events.csv").events
    assert len(make_round(tiny, "1")) == 10  # six events, enough pairs and years for ten


@pytest.mark.parametrize(
    ("span", "close"), [((1984, 2018), 2), ((2000, 2000), 1), ((1000, 2000), 50)]
)
def test_close_is_scaled_to_the_span(span, close):
    assert close_years(span) == close


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "from 500 BCE to 1599"), ("fr", "de 500 av. J.-C. à 1599")]
)
def test_a_round_before_year_1_says_its_years_as_people_count_them(lang, said):
    """The round's introduction named its span as the data counts (-499)."""
    from quiz.page import _about

    sent = {"questions": [{}] * 10, "events_count": 5, "span": [-499, 1599]}
    assert said in _about(sent, lang)
    assert "-499" not in _about(sent, lang)
