"""vis-timeline JSON: items with and without groups, dates of every kind, problems by item."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.load.formats.converted import ERROR, WARNING
from core.load.formats.visdates import parse_vis_date
from core.load.formats.visjson import convert


def said(converted) -> list[tuple]:
    """The converter's problems with their messages in English, as a person reads them."""
    return [
        (row, column, str(what), severity) for row, column, what, severity in converted.problems
    ]


def one_event(item: dict) -> dict[str, str]:
    converted = convert([item], "items.json")
    assert said(converted) == []
    ((row, event),) = converted.events
    assert row == 1
    return event


DATE_CASES = [
    # (value, EDTF, time)
    ("2013-04-24", "2013-04-24", ""),
    ("2013-04-24T10:00:00Z", "2013-04-24", "10:00:00 UTC"),
    ("2013-04-24T10:00:00.000Z", "2013-04-24", "10:00:00.000 UTC"),
    ("2013-04-24 10:30", "2013-04-24", "10:30"),
    ("2013-04-24T23:30:00-05:00", "2013-04-24", "23:30:00 -05:00"),
    ("2013-04-24T00:00:00Z", "2013-04-24", ""),
    ("1984-05", "1984-05", ""),
    ("1984", "1984", ""),
    ("476", "0476", ""),
    (" 1984 ", "1984", ""),
    ("+001984-05-03", "1984-05-03", ""),
    ("-000044-03-15", "-0044-03-15", ""),
    ("0000", "0000", ""),
    (1366070400000, "2013-04-16", ""),
    (1366070400000.0, "2013-04-16", ""),
    ("1366070400000", "2013-04-16", ""),
    (0, "1970-01-01", ""),
    (-1, "1969-12-31", "23:59:59 UTC"),
    (1366070400000 + 5 * 3600_000 + 30 * 60_000, "2013-04-16", "05:30 UTC"),
    (
        -62198755200000,
        "-0001-01-01",
        "",
    ),  # new Date(-62198755200000).toISOString() == "-000001-01-01T00:00:00.000Z"
    (951782400000, "2000-02-29", ""),
    ("/Date(1198908717056)/", "2007-12-29", "06:11:57 UTC"),
]


@pytest.mark.parametrize(("value", "date", "time"), DATE_CASES)
def test_dates(value: object, date: str, time: str) -> None:
    part, found_time, note = parse_vis_date(value)
    assert (part.plain, found_time, note) == (date, time, None)


BAD_DATES = [
    (
        "April 24, 2013",
        "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found 'April 24, 2013'",
    ),
    ("2013-13-01", "expected a month from 01 to 12; found '2013-13-01'"),
    ("2013-02-29", "expected a day that exists in that month; found '2013-02-29'"),
    ("2013-04-24T25:00", "expected a time of day from 00:00 to 23:59; found '2013-04-24T25:00'"),
    (
        "+012345",
        "expected a year from -9999 to 9999 (the app's dates have four digits); found '+012345'",
    ),
    (
        True,
        "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found 'True'",
    ),
    (
        {"$date": 1},
        "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found '{'$date': 1}'",
    ),
    (
        float("nan"),
        "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found 'nan'",
    ),
    (
        9e15,
        "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found '9000000000000000.0'",
    ),
]


@pytest.mark.parametrize(("value", "message"), BAD_DATES)
def test_bad_dates(value: object, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_vis_date(value)
    assert str(caught.value) == message


def test_short_negative_year_is_iso_with_a_warning() -> None:
    converted = convert([{"content": "Caesar", "start": "-44"}], "items.json")
    assert converted.events[0][1]["date"] == "-0044"
    assert said(converted) == [
        (
            1,
            "start",
            "expected an ISO year such as -000044; found '-44', which vis-timeline does not read as "
            "a year BCE: read as the ISO year -44, that is 45 BCE",
            WARNING,
        )
    ]


@settings(max_examples=300, deadline=None)
@given(st.integers(-62_000_000_000_000, 250_000_000_000_000))
def test_milliseconds_agree_with_the_calendar(ms: int) -> None:
    import datetime as dt

    part, _, _ = parse_vis_date(ms)
    expected = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=ms)
    assert (part.year, part.month, part.day) == (expected.year, expected.month, expected.day)


ITEM_CASES = [
    # (id, item, expected fields)
    (
        "box",
        {"id": 1, "content": "item 1", "start": "2013-04-20"},
        {"date": "2013-04-20", "end": "", "title": "item 1"},
    ),
    (
        "range",
        {"id": 2, "content": "r", "start": "2013-04-16", "end": "2013-04-19"},
        {"date": "2013-04-16", "end": "2013-04-19"},
    ),
    (
        "explicit range",
        {"content": "r", "start": "1984", "end": "1989", "type": "range"},
        {"date": "1984", "end": "1989"},
    ),
    ("point", {"content": "p", "start": "2013-04-20", "type": "point"}, {"date": "2013-04-20"}),
    (
        "content html",
        {"content": "<b>Bold</b> &amp; <i>it</i>", "start": "1984"},
        {"title": "Bold & it"},
    ),
    (
        "content with script and javascript link",
        {
            "content": '<script>x()</script><a href="javascript:y()">Go</a> <img src=x onerror=z()>',
            "start": "1984",
        },
        {"title": "Go"},
    ),
    (
        "title tooltip is the summary",
        {
            "content": "c",
            "title": "<p>More</p><p>about <a href='https://x.org'>it</a></p>",
            "start": "1984",
        },
        {"summary": "More\n\nabout it (https://x.org)"},
    ),
    (
        "title only",
        {"content": "", "title": "Tip", "start": "1984"},
        {"title": "", "summary": "Tip"},
    ),
    ("numeric content", {"content": 42, "start": "1984"}, {"title": "42"}),
    (
        "className ignored",
        {
            "content": "c",
            "start": "1984",
            "className": "red",
            "style": "color: red",
            "editable": True,
        },
        {"title": "c"},
    ),
    (
        "time kept",
        {"content": "c", "start": "2013-04-24T10:00:00Z", "end": "2013-04-24T12:30:00Z"},
        {
            "date": "2013-04-24",
            "end": "2013-04-24",
            "time": "10:00:00 UTC",
            "end_time": "12:30:00 UTC",
        },
    ),
    ("group without groups list", {"content": "c", "start": "1984", "group": 7}, {"group": "7"}),
    ("end equal to start", {"content": "c", "start": "1984", "end": "1984"}, {"end": "1984"}),
]


@pytest.mark.parametrize(
    ("item", "expected"), [c[1:] for c in ITEM_CASES], ids=[c[0] for c in ITEM_CASES]
)
def test_items(item: dict, expected: dict[str, str]) -> None:
    event = one_event(item)
    assert {k: event[k] for k in expected} == expected


def test_event_has_the_same_keys_as_timelinejs_events() -> None:
    from core.load.formats.converted import EVENT_KEYS

    assert set(one_event({"content": "c", "start": "1984"})) == set(EVENT_KEYS)


def test_groups_and_nested_groups() -> None:
    data = {
        "items": [
            {"id": 1, "content": "a", "start": "2014-01-01", "group": "eu"},
            {"id": 2, "content": "b", "start": "2014-01-02", "group": "fr"},
            {"id": 3, "content": "c", "start": "2014-01-03", "group": "paris"},
            {"id": 4, "content": "d", "start": "2014-01-04", "group": 5},
            {"id": 5, "content": "e", "start": "2014-01-05", "group": "5"},
        ],
        "groups": [
            {"id": "eu", "content": "<b>Europe</b>", "nestedGroups": ["fr"]},
            {"id": "fr", "content": "France", "nestedGroups": ["paris"]},
            {"id": "paris", "content": "Paris &amp; suburbs"},
            {"id": 5, "content": ""},
        ],
    }
    converted = convert(json.loads(json.dumps(data)), "g.json")
    assert said(converted) == []
    assert [e["group"] for _, e in converted.events] == [
        "Europe",
        "Europe / France",
        "Europe / France / Paris & suburbs",
        "5",
        "5",
    ]


def test_group_problems() -> None:
    data = {
        "items": [{"content": "a", "start": "2014", "group": "nowhere"}],
        "groups": [
            {"id": "a", "content": "A", "nestedGroups": ["missing", "a"]},
            "not a group",
            {"content": "no id"},
        ],
    }
    converted = convert(data, "g.json")
    assert said(converted) == [
        (
            None,
            "groups",
            "expected group 2 to be an object with an id and a content; found 'not a group': ignored",
            WARNING,
        ),
        (
            None,
            "groups",
            "expected group 3 to be an object with an id and a content; found '{'content': 'no id'}': ignored",
            WARNING,
        ),
        (
            None,
            "groups",
            "expected the nestedGroups of group 1 to be group ids; found 'missing', which no group has: ignored",
            WARNING,
        ),
        (
            1,
            "group",
            "expected the id of a group in 'groups'; found 'nowhere': kept as its id",
            WARNING,
        ),
    ]
    assert converted.events[0][1]["group"] == "nowhere"


def test_nested_group_cycle_does_not_loop() -> None:
    data = {
        "items": [{"content": "x", "start": "2014", "group": "a"}],
        "groups": [
            {"id": "a", "content": "A", "nestedGroups": ["b"]},
            {"id": "b", "content": "B", "nestedGroups": ["a"]},
        ],
    }
    converted = convert(data, "g.json")
    assert converted.events[0][1]["group"] in ("A", "B / A")


def test_background_items_are_eras() -> None:
    data = [
        {
            "id": "A",
            "content": "Period <i>A</i>",
            "start": "2014-01-16",
            "end": "2014-01-22",
            "type": "background",
        },
        {"id": "B", "start": "2014-01-23", "end": "2014-01-26", "type": "background", "group": "g"},
        {"id": 1, "content": "event", "start": "2014-01-20"},
    ]
    converted = convert(data, "bg.json")
    assert said(converted) == []
    assert converted.eras == [
        (1, {"start": "2014-01-16", "end": "2014-01-22", "label": "Period A"}),
        (2, {"start": "2014-01-23", "end": "2014-01-26", "label": ""}),
    ]
    assert [n for n, _ in converted.events] == [3]


ITEM_PROBLEMS = [
    # (id, item, problem)
    (
        "no start",
        {"content": "c"},
        (
            "start",
            ERROR,
            "expected a start date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found nothing",
        ),
    ),
    (
        "bad start",
        {"content": "c", "start": "yesterday"},
        (
            "start",
            ERROR,
            "expected a date such as 2013-04-24, 2013-04-24T10:00:00Z, 1984-05, 1984 or milliseconds since 1970; found 'yesterday'",
        ),
    ),
    (
        "bad end",
        {"content": "c", "start": "1984", "end": "2013-02-30"},
        ("end", ERROR, "expected a day that exists in that month; found '2013-02-30'"),
    ),
    (
        "end before start",
        {"content": "c", "start": "2013-05-01", "end": "2013-04-01"},
        ("end", ERROR, "expected an end on or after the start 2013-05-01; found 2013-04-01"),
    ),
    (
        "no content and no title",
        {"start": "1984"},
        ("content", ERROR, "expected a content (the item's text) or a title; found both empty"),
    ),
    (
        "content only markup",
        {"content": "<iframe src=x></iframe>", "start": "1984"},
        ("content", ERROR, "expected a content (the item's text) or a title; found both empty"),
    ),
    (
        "content an object",
        {"content": {"a": 1}, "start": "1984"},
        ("content", ERROR, "expected HTML text; found '{'a': 1}'"),
    ),
    (
        "unknown type",
        {"content": "c", "start": "1984", "type": "bar"},
        (
            "type",
            WARNING,
            "expected a type of box, point, range or background; found 'bar': read as an event",
        ),
    ),
    (
        "point with end",
        {"content": "c", "start": "1984", "end": "1990", "type": "point"},
        (
            "end",
            WARNING,
            "expected no end for a point item (vis-timeline draws it at its start); found one: ignored",
        ),
    ),
    (
        "box with end",
        {"content": "c", "start": "1984", "end": "1990", "type": "box"},
        (
            "end",
            WARNING,
            "expected no end for a box item (vis-timeline draws it at its start); found one: ignored",
        ),
    ),
    (
        "range without end",
        {"content": "c", "start": "1984", "type": "range"},
        ("end", WARNING, "expected an end for a range item; found none: read as a single date"),
    ),
    (
        "background without end",
        {"content": "c", "start": "1984", "type": "background"},
        (
            "end",
            ERROR,
            "expected an end: a background item is an era, with a start and an end; found none",
        ),
    ),
    (
        "not an object",
        "just text",
        (None, ERROR, "expected an item: an object with a start and a content; found 'just text'"),
    ),
]


@pytest.mark.parametrize(
    ("item", "problem"), [c[1:] for c in ITEM_PROBLEMS], ids=[c[0] for c in ITEM_PROBLEMS]
)
def test_item_problems(item: object, problem: tuple[str | None, str, str]) -> None:
    ok = {"content": "ok", "start": "2000"}
    converted = convert([ok, ok, item], "items.json")
    column, severity, message = problem
    assert said(converted) == [(3, column, message, severity)]
    rows_read = sorted(n for n, _ in converted.events + converted.eras)
    assert rows_read == ([1, 2] if severity == ERROR else [1, 2, 3])


def test_every_problem_at_once() -> None:
    converted = convert(
        [{"start": "x"}, {"content": "ok", "start": "1984"}, {"content": "c"}], "items.json"
    )
    assert [(p[0], p[1], p[3]) for p in said(converted)] == [
        (1, "start", ERROR),
        (1, "content", ERROR),
        (3, "start", ERROR),
    ]
    assert [n for n, _ in converted.events] == [2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"nodes": []},
            "expected a vis-timeline list of items, or an object with 'items' (and 'groups'); found '{'nodes': []}'",
        ),
        (
            "text",
            "expected a vis-timeline list of items, or an object with 'items' (and 'groups'); found 'text'",
        ),
        ([], "expected at least one item; found none in f.json"),
        ({"items": []}, "expected at least one item; found none in f.json"),
    ],
)
def test_whole_file_problems(data: object, message: str) -> None:
    assert said(convert(data, "f.json")) == [(None, None, message, ERROR)]


def test_groups_not_a_list_is_a_warning() -> None:
    converted = convert(
        {"items": [{"content": "c", "start": "1984", "group": 1}], "groups": {"1": "x"}}, "f.json"
    )
    assert said(converted) == [
        (None, "groups", "expected a list of groups; found '{'1': 'x'}': ignored", WARNING)
    ]
    assert converted.events[0][1]["group"] == "1"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "content",
                    "start",
                    "end",
                    "type",
                    "group",
                    "title",
                    "items",
                    "groups",
                    "nestedGroups",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_never_raises_on_any_json(data: object) -> None:
    converted = convert(data, "f.json")
    assert all(p[3] in (ERROR, WARNING) for p in said(converted))
