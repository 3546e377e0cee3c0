"""TimelineJS sheets written by to_csv: each cell, and the round trip through convert."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.load.formats.converted import EVENT_KEYS
from core.load.formats.edtfparts import days_in_month, edtf, human
from core.load.formats.timelinejs import HEADERS, convert, parse_csv, to_csv
from core.load.formats.timelinejs_write import shows_exactly

# --- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "exact"),
    [
        ("1984-02-29", True),
        ("0004-02-29", True),
        ("-0043-03-15", True),
        ("-0044-02-28", True),
        ("-0044-02-29", False),  # TimelineJS shows 1 March 45 BCE
        ("0000-02-29", False),
        ("-0100/0000-02-29", False),
        ("1984~", False),
        ("198X", False),
        ("[1984..1989]", False),
    ],
)
def test_shows_exactly(date, exact):
    assert shows_exactly(date) is exact


def said(converted) -> list[tuple]:
    """The converter's problems with their messages in English, as a person reads them."""
    return [
        (row, column, str(what), severity) for row, column, what, severity in converted.problems
    ]


def written(
    events: list[dict[str, str]],
    title: dict | None = None,
    eras: list[dict[str, str]] | None = None,
) -> list[dict[str, str]]:
    text = to_csv(events, title, eras or [])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]


def cells(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v}


WRITE_CASES = [
    # (id, event, non-empty cells written)
    ("year", {"date": "1984", "title": "H"}, {"Year": "1984", "Headline": "H"}),
    (
        "day",
        {"date": "2013-04-24", "title": "H"},
        {"Year": "2013", "Month": "4", "Day": "24", "Headline": "H"},
    ),
    (
        "44 BCE",
        {"date": "-0043-03-15", "title": "H"},
        {"Year": "-44", "Month": "3", "Day": "15", "Headline": "H"},
    ),
    ("1 BCE", {"date": "0000", "title": "H"}, {"Year": "-1", "Headline": "H"}),
    (
        "end",
        {"date": "1984", "end": "1989-06", "title": "H"},
        {"Year": "1984", "End Year": "1989", "End Month": "6", "Headline": "H"},
    ),
    (
        "period in date",
        {"date": "1984/1989", "title": "H"},
        {"Year": "1984", "End Year": "1989", "Headline": "H"},
    ),
    (
        "approximate",
        {"date": "1984~", "title": "H"},
        {"Year": "1984", "Display Date": "c. 1984", "Headline": "H"},
    ),
    (
        "uncertain BCE",
        {"date": "-0043?", "title": "H"},
        {"Year": "-44", "Display Date": "44 BCE?", "Headline": "H"},
    ),
    (
        "both",
        {"date": "2008-05%", "title": "H"},
        {"Year": "2008", "Month": "5", "Display Date": "c. May 2008?", "Headline": "H"},
    ),
    (
        "display date wins",
        {"date": "1984~", "display_date": "around 1984", "title": "H"},
        {"Year": "1984", "Display Date": "around 1984", "Headline": "H"},
    ),
    (
        "window",
        {"date": "[1984..1989]", "title": "H"},
        {
            "Year": "1984",
            "End Year": "1989",
            "Display Date": "between 1984 and 1989",
            "Headline": "H",
        },
    ),
    (
        "decade",
        {"date": "198X", "title": "H"},
        {"Year": "1980", "End Year": "1989", "Display Date": "1980s", "Headline": "H"},
    ),
    (
        "qualified end",
        {"date": "1984", "end": "1989?", "title": "H"},
        {"Year": "1984", "End Year": "1989", "Display Date": "1984 – 1989?", "Headline": "H"},
    ),
    (
        "decade with an end",
        {"date": "198X", "end": "1995", "title": "H"},
        {"Year": "1980", "End Year": "1995", "Display Date": "1980s – 1995", "Headline": "H"},
    ),
    (
        "qualified period",
        {"date": "1984~/1989", "title": "H"},
        {"Year": "1984", "End Year": "1989", "Display Date": "c. 1984 – 1989", "Headline": "H"},
    ),
    (
        "summary escaped",
        {"date": "1984", "summary": "a < b & c > d"},
        {"Year": "1984", "Text": "a &lt; b &amp; c &gt; d"},
    ),
    (
        "summary paragraphs",
        {"date": "1984", "summary": "First line\nsecond line\n\nNext <para>"},
        {"Year": "1984", "Text": "<p>First line<br>second line</p><p>Next &lt;para&gt;</p>"},
    ),
    (
        "headline formula",
        {"date": "1984", "title": "=HYPERLINK(x)"},
        {"Year": "1984", "Headline": "&#61;HYPERLINK(x)"},
    ),
    (
        "summary formula",
        {"date": "1984", "summary": "-1 point"},
        {"Year": "1984", "Text": "&#45;1 point"},
    ),
    (
        "group formula",
        {"date": "1984", "title": "H", "group": "@team"},
        {"Year": "1984", "Headline": "H", "Group": "&#64;team"},
    ),
    (
        # TimelineJS decodes Display Date and Group twice (it strips their markup, then shows
        # the text left as HTML): escaped once, TimelineJS 3.9.11 showed a bold "c." here.
        "display date escaped twice",
        {"date": "1984~", "display_date": "<b>c.</b> 1984 & after", "title": "H"},
        {
            "Year": "1984",
            "Display Date": "&amp;lt;b&amp;gt;c.&amp;lt;/b&amp;gt; 1984 &amp;amp; after",
            "Headline": "H",
        },
    ),
    (
        # TimelineJS's BCE leap years are one year off: it showed 1 March 45 BCE here.
        "29 February BCE",
        {"date": "-0044-02-29", "title": "H"},
        {
            "Year": "-45",
            "Month": "2",
            "Day": "29",
            "Display Date": "29 February 45 BCE",
            "Headline": "H",
        },
    ),
    (
        "29 February BCE as an end",
        {"date": "-0100", "end": "0000-02-29", "title": "H"},
        {
            "Year": "-101",
            "End Year": "-1",
            "End Month": "2",
            "End Day": "29",
            "Display Date": "101 BCE – 29 February 1 BCE",
            "Headline": "H",
        },
    ),
    (
        "group escaped twice",
        {"date": "1984", "title": "H", "group": "R&D <lab>"},
        {"Year": "1984", "Headline": "H", "Group": "R&amp;amp;D &amp;lt;lab&amp;gt;"},
    ),
    (
        "media columns",
        {
            "date": "1984",
            "title": "H",
            "image": "https://x.org/a.jpg?a=1&b=2",
            "image_credit": "Me & you",
            "image_caption": "A <cap>",
            "image_thumbnail": "t.png",
            "image_alt": "A <needle>\nin bone",
        },
        {
            "Year": "1984",
            "Headline": "H",
            "Media": "https://x.org/a.jpg?a=1&b=2",
            "Media Credit": "Me &amp; you",
            "Media Caption": "A &lt;cap&gt;",
            "Media Thumbnail": "t.png",
            "Alt Text": "A <needle> in bone",  # as it is: TimelineJS sets it, not as HTML
        },
    ),
    (
        "time",
        {"date": "1969-07-20", "time": "20:17", "title": "H"},
        {"Year": "1969", "Month": "7", "Day": "20", "Time": "20:17", "Headline": "H"},
    ),
]


@pytest.mark.parametrize(
    ("event", "expected"), [c[1:] for c in WRITE_CASES], ids=[c[0] for c in WRITE_CASES]
)
def test_to_csv_event(event: dict[str, str], expected: dict[str, str]) -> None:
    (row,) = written([event])
    assert cells(row) == expected


def test_to_csv_title_and_eras() -> None:
    rows = written(
        [{"date": "1984", "title": "H"}],
        title={
            "title": "Vertebroplasty",
            "subtitle": "From Amiens\n\nto the trials",
            "image": "cover.jpg",
            "row": 2,
        },
        eras=[
            {"start": "1984", "end": "1989", "label": "The Amiens years"},
            {"start": "-0508", "end": "-0026", "label": "Republic"},
            {"start": "1990", "end": "1990", "label": "One year"},
            {"start": "1991-03-01", "end": "1991-03-01", "label": "One day"},
        ],
    )
    assert [cells(r) for r in rows] == [
        {
            "Headline": "Vertebroplasty",
            "Text": "<p>From Amiens</p><p>to the trials</p>",
            "Media": "cover.jpg",
            "Type": "title",
        },
        {"Year": "1984", "Headline": "H"},
        {"Year": "1984", "End Year": "1989", "Headline": "The Amiens years", "Type": "era"},
        {"Year": "-509", "End Year": "-27", "Headline": "Republic", "Type": "era"},
        # TimelineJS drops an end equal to its start, then refuses the era: say the same span
        {
            "Year": "1990",
            "End Year": "1990",
            "End Month": "12",
            "End Day": "31",
            "Headline": "One year",
            "Type": "era",
        },
        {
            "Year": "1991",
            "Month": "3",
            "Day": "1",
            "End Year": "1991",
            "End Month": "3",
            "End Day": "1",
            "End Time": "23:59",
            "Headline": "One day",
            "Type": "era",
        },
    ]


@pytest.mark.parametrize(
    "event",
    [
        {"date": "not a date"},
        {"date": ""},
        {"date": "1984-13"},
        {"date": "1984/1989", "end": "1990"},
        {"date": "[1984..1989]", "end": "1990"},
        {"date": "1984-02-30"},
    ],
)
def test_to_csv_refuses_what_is_not_a_date(event: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        to_csv([event], None, [])


def test_to_csv_reads_back_with_qualifiers_spelled_out() -> None:
    events = [
        {"date": "1984~", "title": "A"},
        {"date": "[1984..1989]", "title": "B"},
        {"date": "-0043-03-15", "title": "C"},
    ]
    converted = convert(parse_csv(to_csv(events, None, [])), "t.csv")
    assert said(converted) == []
    assert [(e["date"], e["end"], e["display_date"]) for _, e in converted.events] == [
        ("1984", "", "c. 1984"),
        ("1984", "1989", "between 1984 and 1989"),
        ("-0043-03-15", "", ""),
    ]


# TimelineJS reads CSV with its own parser (src/js/core/CSV.js, from okfn/csv.js): a port,
# to check that what to_csv writes reads the same there as with Python's csv module.
def timelinejs_csv_parse(text: str) -> list[list[str | None]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    in_quote = field_quoted = False
    field = ""
    row: list[str | None] = []
    out: list[list[str | None]] = []

    def process(value: str) -> str | None:
        if not field_quoted:
            return None if value == "" else value.strip()
        return value

    i = 0
    while i < len(text):
        c = text[i]
        if not in_quote and c in (",", "\n"):
            row.append(process(field))
            if c == "\n":
                out.append(row)
                row = []
            field = ""
            field_quoted = False
        elif c != '"':
            field += c
        elif not in_quote:
            in_quote = field_quoted = True
        elif text[i + 1 : i + 2] == '"':
            field += '"'
            i += 1
        else:
            in_quote = False
        i += 1
    row.append(process(field))
    out.append(row)
    return out


def test_timelinejs_csv_port_reads_its_own_quirks() -> None:
    assert timelinejs_csv_parse('a, b ,"c, ""d""",\n"x\ny",') == [
        ["a", "b", 'c, "d"', None],
        ["x\ny", None],
    ]


# --- round trip -------------------------------------------------------------------------

_WORD = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=6,
)
_LINE = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_OPTIONAL_LINE = st.one_of(st.just(""), _LINE)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_TEXT = st.one_of(st.just(""), st.lists(_PARAGRAPH, min_size=1, max_size=3).map("\n\n".join))
_IMAGE = st.one_of(
    st.just(""),
    st.from_regex(r"https://[a-z]{1,8}\.org/[A-Za-z0-9_%&=?./-]{0,20}", fullmatch=True),
    st.from_regex(r"images/[a-z0-9_-]{1,10}\.(jpg|png)", fullmatch=True),
)
_TIME = st.sampled_from(["", "14:30", "2:30 PM", "0930"])


@st.composite
def _part(draw: st.DrawFn) -> tuple[int, int | None, int | None]:
    year = draw(st.integers(-9999, 2100))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = (
        None
        if month is None
        else draw(st.one_of(st.none(), st.integers(1, days_in_month(year, month))))
    )
    return year, month, day


def _bounds(
    part: tuple[int, int | None, int | None],
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    year, month, day = part
    last_month = month or 12
    return (year, month or 1, day or 1), (year, last_month, day or days_in_month(year, last_month))


@st.composite
def _event(draw: st.DrawFn) -> dict[str, str]:
    start = draw(_part())
    end = draw(st.one_of(st.none(), _part()))
    if end is not None and _bounds(end)[1] < _bounds(start)[0]:
        start, end = end, start
    return {
        "date": edtf(*start),
        "end": edtf(*end) if end else "",
        "time": draw(_TIME),
        "end_time": draw(_TIME) if end else "",
        "title": draw(_LINE),
        "summary": draw(_TEXT),
        "display_date": draw(_OPTIONAL_LINE),
        "group": draw(_OPTIONAL_LINE),
        "image": draw(_IMAGE),
        "image_credit": draw(_OPTIONAL_LINE),
        "image_caption": draw(_TEXT),
        "image_thumbnail": draw(_IMAGE),
        "image_alt": draw(_OPTIONAL_LINE),
    }


@st.composite
def _era(draw: st.DrawFn) -> dict[str, str]:
    first, second = draw(_part()), draw(_part())
    if _bounds(second)[1] < _bounds(first)[0]:
        first, second = second, first
    if first == second:
        second = (second[0] + 1, None, None)
    return {"start": edtf(*first), "end": edtf(*second), "label": draw(_LINE)}


_TITLE = st.one_of(
    st.none(),
    st.fixed_dictionaries({"title": _LINE, "subtitle": _TEXT, "image": _IMAGE}),
)


def _display_after_the_trip(event: dict[str, str]) -> str:
    """The event's own Display Date; without one, a date TimelineJS would show a day off
    (29 February before year 1, the only inexact date `_part` draws) comes back with its
    words there, as the writer puts them (see "29 February BCE" above)."""
    dates = [event["date"], *([event["end"]] if event["end"] else [])]
    if event["display_date"] or all(shows_exactly(date) for date in dates):
        return event["display_date"]
    return " – ".join(human(date) for date in dates)


_NO_CELLS = dict.fromkeys((*EVENT_KEYS, "image_alt"), "")
_LEAP_DAY_BCE = _NO_CELLS | {"date": "0000-02-29", "title": "0"}
_ALT_FORMULA_COMMA = _NO_CELLS | {"date": "0000", "title": "0", "image_alt": "@,"}


@settings(max_examples=200)
@given(st.lists(_event(), min_size=1, max_size=6), _TITLE, st.lists(_era(), max_size=3))
@example(events=[_LEAP_DAY_BCE], title=None, eras=[])  # found by hypothesis in CI
@example(events=[_ALT_FORMULA_COMMA], title=None, eras=[])  # found by hypothesis
def test_round_trip(
    events: list[dict[str, str]], title: dict | None, eras: list[dict[str, str]]
) -> None:
    text = to_csv(events, title, eras)
    converted = convert(parse_csv(text), "round.csv")
    assert said(converted) == []
    assert [e for _, e in converted.events] == [
        {**e, "display_date": _display_after_the_trip(e)} for e in events
    ]
    if title is None:
        assert converted.title is None
    else:
        assert converted.title == {**title, "row": 2}
    assert [e for _, e in converted.eras] == eras
    # TimelineJS's own CSV parser reads the same cells (it reads '' as null, and trims a
    # cell unless it is quoted: Alt Text's space before a leading = + - @, there for the
    # spreadsheet, stays in a quoted cell, where a screen reader skips it)
    ours = [[cell.strip() for cell in row] for row in parse_csv(text)]
    theirs = [[(cell or "").strip() for cell in row] for row in timelinejs_csv_parse(text)]
    assert theirs == ours
