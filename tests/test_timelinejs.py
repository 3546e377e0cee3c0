"""TimelineJS sheets read by convert: every column, every problem, whole sheets."""

from __future__ import annotations

import pytest

from core.load.formats.converted import ERROR, WARNING
from core.load.formats.timelinejs import (
    HEADERS,
    astronomical_to_tjs_year,
    convert,
    is_timelinejs,
    parse_csv,
    tjs_year_to_astronomical,
    valid_time,
)


def said(converted) -> list[tuple]:
    """The converter's problems with their messages in English, as a person reads them."""
    return [
        (row, column, str(what), severity) for row, column, what, severity in converted.problems
    ]


# --- building sheets --------------------------------------------------------------------


def sheet(
    *rows: dict[str, str] | None, header: list[str] | None = None, blank_before: int = 0
) -> list[list[str]]:
    """A table as read from a spreadsheet: the header, then one list per row (None = blank)."""
    header = header or HEADERS
    table: list[list[str]] = [[] for _ in range(blank_before)] + [list(header)]
    for row in rows:
        table.append([] if row is None else [row.get(name, "") for name in header])
    return table


def one_event(row: dict[str, str]) -> dict[str, str]:
    converted = convert(sheet(row), "t.csv")
    assert [p for p in said(converted) if p[3] == ERROR] == []
    assert len(converted.events) == 1
    number, event = converted.events[0]
    assert number == 2
    return event


H = {"Headline": "H"}

# --- reading: columns ------------------------------------------------------------------

COLUMN_CASES = [
    # (id, row, expected fields of the event)
    ("only a year", {"Year": "1984", **H}, {"date": "1984", "end": "", "title": "H"}),
    ("year and month", {"Year": "2008", "Month": "5", **H}, {"date": "2008-05"}),
    ("full date", {"Year": "2013", "Month": "04", "Day": "24", **H}, {"date": "2013-04-24"}),
    ("leap day", {"Year": "1984", "Month": "2", "Day": "29", **H}, {"date": "1984-02-29"}),
    ("44 BCE", {"Year": "-44", **H}, {"date": "-0043"}),
    (
        "ides of March 44 BCE",
        {"Year": "-44", "Month": "3", "Day": "15", **H},
        {"date": "-0043-03-15"},
    ),
    ("1 BCE is EDTF year 0", {"Year": "-1", **H}, {"date": "0000"}),
    ("1 CE", {"Year": "1", **H}, {"date": "0001"}),
    ("three-digit year padded", {"Year": "476", **H}, {"date": "0476"}),
    ("10000 BCE is the earliest", {"Year": "-10000", **H}, {"date": "-9999"}),
    ("thousands separator", {"Year": "1,984", **H}, {"date": "1984"}),
    ("spaces in cells", {"Year": " 1984 ", "Month": " 5", **H}, {"date": "1984-05"}),
    ("period in years", {"Year": "1984", "End Year": "1989", **H}, {"date": "1984", "end": "1989"}),
    (
        "period in days",
        {
            "Year": "1815",
            "Month": "12",
            "Day": "10",
            "End Year": "1852",
            "End Month": "11",
            "End Day": "27",
            **H,
        },
        {"date": "1815-12-10", "end": "1852-11-27"},
    ),
    ("BCE period", {"Year": "-753", "End Year": "-509", **H}, {"date": "-0752", "end": "-0508"}),
    (
        "period across year 1",
        {"Year": "-4", "End Year": "30", **H},
        {"date": "-0003", "end": "0030"},
    ),
    ("end same as start kept", {"Year": "1984", "End Year": "1984", **H}, {"end": "1984"}),
    (
        "coarser end inside start's year",
        {"Year": "1984", "Month": "5", "Day": "3", "End Year": "1984", **H},
        {"end": "1984"},
    ),
    (
        "time kept as text",
        {"Year": "1969", "Month": "7", "Day": "20", "Time": "20:17", **H},
        {"date": "1969-07-20", "time": "20:17"},
    ),
    (
        "end time kept",
        {"Year": "1969", "End Year": "1969", "End Time": "11:59 PM", **H},
        {"end_time": "11:59 PM"},
    ),
    (
        "display date",
        {"Year": "1984", "Display Date": "spring 1984", **H},
        {"display_date": "spring 1984"},
    ),
    (
        "display date markup stripped",
        {"Year": "1984", "Display Date": "<b>c.</b> 1984", **H},
        {"display_date": "c. 1984"},
    ),
    (
        "headline html",
        {"Year": "1984", "Headline": "<i>Nature</i> &amp; <b>Science</b>"},
        {"title": "Nature & Science"},
    ),
    (
        "text only, no headline",
        {"Year": "1984", "Text": "Only text"},
        {"title": "", "summary": "Only text"},
    ),
    (
        "text paragraphs and links",
        {
            "Year": "1984",
            **H,
            "Text": '<p>First <a href="https://a.org/x">source</a>.</p><p>Second</p>',
        },
        {"summary": "First source (https://a.org/x).\n\nSecond"},
    ),
    (
        "text with script and javascript link",
        {
            "Year": "1984",
            **H,
            "Text": 'Hi<script>alert(1)</script> <a href="javascript:steal()">there</a>',
        },
        {"summary": "Hi there"},
    ),
    (
        "text with iframe and onclick",
        {
            "Year": "1984",
            **H,
            "Text": '<p onclick="x()">a</p><iframe src="https://e.vil">b</iframe>',
        },
        {"summary": "a"},
    ),
    (
        "media url",
        {"Year": "1984", **H, "Media": "https://upload.wikimedia.org/a.jpg"},
        {"image": "https://upload.wikimedia.org/a.jpg"},
    ),
    (
        "media path",
        {"Year": "1984", **H, "Media": "images/amiens.jpg"},
        {"image": "images/amiens.jpg"},
    ),
    (
        "media credit with a link",
        {
            "Year": "1984",
            **H,
            "Media Credit": '<a href="https://commons.wikimedia.org">Wikimedia</a>',
        },
        {"image_credit": "Wikimedia (https://commons.wikimedia.org)"},
    ),
    (
        "media caption html",
        {"Year": "1984", **H, "Media Caption": "<em>Portrait</em> by X"},
        {"image_caption": "Portrait by X"},
    ),
    (
        "media thumbnail",
        {"Year": "1984", **H, "Media Thumbnail": "https://x.org/t.png"},
        {"image_thumbnail": "https://x.org/t.png"},
    ),
    ("group", {"Year": "1984", **H, "Group": "Surgery"}, {"group": "Surgery"}),
    ("group entity", {"Year": "1984", **H, "Group": "R &amp; D"}, {"group": "R & D"}),
    # Display Date and Group are decoded twice, as TimelineJS shows them.
    (
        "display date escaped markup",
        {"Year": "1984", "Display Date": "&lt;b&gt;c.&lt;/b&gt; 1984", **H},
        {"display_date": "c. 1984"},
    ),
    ("group escaped twice", {"Year": "1984", **H, "Group": "R &amp;amp; D"}, {"group": "R & D"}),
    ("empty type is an event", {"Year": "1984", **H, "Type": ""}, {"date": "1984"}),
]


@pytest.mark.parametrize(
    ("row", "expected"), [c[1:] for c in COLUMN_CASES], ids=[c[0] for c in COLUMN_CASES]
)
def test_columns(row: dict[str, str], expected: dict[str, str]) -> None:
    event = one_event(row)
    assert {k: event[k] for k in expected} == expected


def test_event_has_every_key() -> None:
    event = one_event({"Year": "1984", **H})
    assert set(event) == {
        "date",
        "end",
        "time",
        "end_time",
        "title",
        "summary",
        "display_date",
        "group",
        "image",
        "image_credit",
        "image_caption",
        "image_thumbnail",
        "image_alt",
    }


def test_header_case_and_spacing_and_tag_column() -> None:
    header = ["YEAR", " month ", "day", "headline", "TEXT", "Tag"]
    table = [header, ["1984", "5", "", "H", "T", "Surgery"]]
    converted = convert(table, "t.csv")
    assert said(converted) == []
    assert converted.events[0][1]["date"] == "1984-05"
    assert converted.events[0][1]["group"] == "Surgery"


def test_group_column_wins_over_tag() -> None:
    table = [["Year", "Headline", "Tag", "Group", "Text"], ["1984", "H", "old", "new", ""]]
    assert convert(table, "t.csv").events[0][1]["group"] == "new"


def test_media_html_goes_to_summary_with_a_warning() -> None:
    row = {
        "Year": "1948",
        "Headline": "Edith Clarke",
        "Media": "<blockquote>There is no demand <cite>E. C.</cite></blockquote>",
    }
    converted = convert(sheet(row), "t.csv")
    event = converted.events[0][1]
    assert event["image"] == ""
    assert event["summary"] == "There is no demand E. C."
    assert [(p[0], p[1], p[3]) for p in said(converted)] == [(2, "Media", WARNING)]
    assert "found HTML" in said(converted)[0][2]


def test_media_iframe_only_is_enough_to_warn_but_not_a_summary() -> None:
    row = {"Year": "1948", "Headline": "H", "Media": '<iframe src="https://maps.example"></iframe>'}
    converted = convert(sheet(row), "t.csv")
    assert converted.events[0][1]["summary"] == ""
    assert said(converted)[0][1:] == (
        "Media",
        "expected a path or a web address (http or https) of an image; found HTML "
        "('<iframe src=\"https://maps.example\"></iframe>'): ignored",
        WARNING,
    )


# --- reading: problems -------------------------------------------------------------------

PROBLEM_CASES = [
    # (id, row, (column, severity, message))
    (
        "year not a number",
        {"Year": "abc", **H},
        ("Year", ERROR, "expected a year such as 1984 or -44; found 'abc'"),
    ),
    (
        "year decimal",
        {"Year": "1984.5", **H},
        ("Year", ERROR, "expected a year such as 1984 or -44; found '1984.5'"),
    ),
    (
        "year missing",
        {"Month": "5", **H},
        ("Year", ERROR, "expected a year such as 1984 or -44 for an event; found nothing"),
    ),
    (
        "year zero",
        {"Year": "0", **H},
        (
            "Year",
            ERROR,
            "expected a year such as 1984 or -44 (there is no year 0: 1 BCE is -1); found '0'",
        ),
    ),
    (
        "year too early",
        {"Year": "-4500000000", **H},
        (
            "Year",
            ERROR,
            "expected a year from -10000 to 9999 (the app's dates have four digits); found '-4500000000'",
        ),
    ),
    (
        "year too late",
        {"Year": "10000", **H},
        (
            "Year",
            ERROR,
            "expected a year from -10000 to 9999 (the app's dates have four digits); found '10000'",
        ),
    ),
    (
        "month 13",
        {"Year": "1984", "Month": "13", **H},
        ("Month", ERROR, "expected a month number from 1 to 12; found '13'"),
    ),
    (
        "month 0",
        {"Year": "1984", "Month": "0", **H},
        ("Month", ERROR, "expected a month number from 1 to 12; found '0'"),
    ),
    (
        "month name",
        {"Year": "1984", "Month": "May", **H},
        ("Month", ERROR, "expected a month number from 1 to 12; found 'May'"),
    ),
    (
        "30 February",
        {"Year": "1983", "Month": "2", "Day": "30", **H},
        ("Day", ERROR, "expected a day from 1 to 28 for February 1983; found '30'"),
    ),
    (
        "29 February not leap",
        {"Year": "1900", "Month": "2", "Day": "29", **H},
        ("Day", ERROR, "expected a day from 1 to 28 for February 1900; found '29'"),
    ),
    (
        "31 April",
        {"Year": "1984", "Month": "4", "Day": "31", **H},
        ("Day", ERROR, "expected a day from 1 to 30 for April 1984; found '31'"),
    ),
    (
        "day 0",
        {"Year": "1984", "Month": "4", "Day": "0", **H},
        ("Day", ERROR, "expected a day from 1 to 30 for April 1984; found '0'"),
    ),
    (
        "day not a number",
        {"Year": "1984", "Month": "4", "Day": "1st", **H},
        ("Day", ERROR, "expected a day such as 1 or 31; found '1st'"),
    ),
    (
        "29 February 44 BCE (EDTF -0043, not leap)",
        {"Year": "-44", "Month": "2", "Day": "29", **H},
        ("Day", ERROR, "expected a day from 1 to 28 for February 44 BCE; found '29'"),
    ),
    (
        "day without month",
        {"Year": "1984", "Day": "5", **H},
        ("Day", ERROR, "expected a Month with the Day; found a Day ('5') and no Month"),
    ),
    (
        "end month without end year",
        {"Year": "1984", "End Month": "5", **H},
        ("End Year", ERROR, "expected an End Year with the End Month; found none"),
    ),
    (
        "end day and time without end year",
        {"Year": "1984", "End Day": "5", "End Time": "10:00", **H},
        ("End Year", ERROR, "expected an End Year with the End Day, End Time; found none"),
    ),
    (
        "end year not a number",
        {"Year": "1984", "End Year": "soon", **H},
        ("End Year", ERROR, "expected a year such as 1984 or -44; found 'soon'"),
    ),
    (
        "end month 13",
        {"Year": "1984", "End Year": "1985", "End Month": "13", **H},
        ("End Month", ERROR, "expected a month number from 1 to 12; found '13'"),
    ),
    (
        "end before start",
        {"Year": "1990", "End Year": "1980", **H},
        ("End Year", ERROR, "expected an end on or after the start (1990); found 1980"),
    ),
    (
        "end day before start day",
        {
            "Year": "1984",
            "Month": "5",
            "Day": "3",
            "End Year": "1984",
            "End Month": "5",
            "End Day": "1",
            **H,
        },
        ("End Year", ERROR, "expected an end on or after the start (3 May 1984); found 1 May 1984"),
    ),
    (
        "BCE end before start",
        {"Year": "-44", "End Year": "-100", **H},
        ("End Year", ERROR, "expected an end on or after the start (44 BCE); found 100 BCE"),
    ),
    (
        "no headline and no text",
        {"Year": "1984"},
        ("Headline", ERROR, "expected a Headline or a Text; found both empty"),
    ),
    (
        "headline only a script",
        {"Year": "1984", "Headline": "<script>x()</script>"},
        ("Headline", ERROR, "expected a Headline or a Text; found both empty"),
    ),
    (
        "bad time",
        {"Year": "1984", "Time": "25:00", **H},
        ("Time", ERROR, "expected a time such as 14:30 or 2:30 PM; found '25:00'"),
    ),
    (
        "bad end time",
        {"Year": "1984", "End Year": "1985", "End Time": "noon", **H},
        ("End Time", ERROR, "expected a time such as 14:30 or 2:30 PM; found 'noon'"),
    ),
    (
        "unknown type",
        {"Year": "1984", "Type": "event", **H},
        ("Type", WARNING, "expected a Type of title, era or none; found 'event': read as an event"),
    ),
    (
        "javascript media",
        {"Year": "1984", "Media": "javascript:alert(1)", **H},
        (
            "Media",
            WARNING,
            "expected a path or a web address (http or https) of an image; found a 'javascript:' address: ignored",
        ),
    ),
    (
        "data thumbnail",
        {"Year": "1984", "Media Thumbnail": "data:image/png;base64,AAAA", **H},
        (
            "Media Thumbnail",
            WARNING,
            "expected a path or a web address (http or https) of an image; found a 'data:' address: ignored",
        ),
    ),
    (
        "era without end",
        {"Year": "1984", "Type": "era", **H},
        ("End Year", ERROR, "expected an End Year: an era has a start and an end; found none"),
    ),
    (
        "era without year",
        {"End Year": "1984", "Type": "era", **H},
        ("Year", ERROR, "expected a year such as 1984 or -44 for an era; found nothing"),
    ),
    (
        "era without headline",
        {"Year": "1984", "End Year": "1990", "Type": "era"},
        ("Headline", WARNING, "expected a Headline to label the era; found none"),
    ),
]


@pytest.mark.parametrize(
    ("row", "expected"), [c[1:] for c in PROBLEM_CASES], ids=[c[0] for c in PROBLEM_CASES]
)
def test_problems(row: dict[str, str], expected: tuple[str, str, str]) -> None:
    converted = convert(sheet(row, {"Year": "2000", **H}), "t.csv")
    column, severity, message = expected
    assert said(converted) == [(2, column, message, severity)]
    rows_read = sorted(n for n, _ in converted.events + converted.eras)
    assert rows_read == ([3] if severity == ERROR else [2, 3])


VALID_TIMES = [
    "9",
    "09:30",
    "9:30:15",
    "9:30:15.5",
    "0930",
    "2:30 PM",
    "12 AM",
    "12:00 p.m.",
    "23:59",
    "10.30",
]
INVALID_TIMES = ["25:00", "13 PM", "noon", "10:75", "1:2:3:4:5", "9:30:15.5.5", ":30", "10:aa"]


@pytest.mark.parametrize("time", VALID_TIMES)
def test_valid_times(time: str) -> None:
    assert valid_time(time)


@pytest.mark.parametrize("time", INVALID_TIMES)
def test_invalid_times(time: str) -> None:
    assert not valid_time(time)


# --- reading: whole sheets ---------------------------------------------------------------


def test_every_problem_at_once_with_sheet_row_numbers() -> None:
    table = sheet(
        {"Year": "1984", **H},
        {"Year": "abc", "Month": "13", **H},
        None,
        {"Year": "1990", "End Year": "1980"},
        {"Year": "2000", "Type": "slide", **H},
        blank_before=2,
    )
    converted = convert(table, "t.csv")
    assert [(p[0], p[1], p[3]) for p in said(converted)] == [
        (5, "Year", ERROR),
        (5, "Month", ERROR),
        (7, "End Year", ERROR),
        (7, "Headline", ERROR),
        (8, "Type", WARNING),
    ]
    assert [n for n, _ in converted.events] == [4, 8]


def test_empty_rows_are_skipped_silently() -> None:
    table = sheet(
        None, {"Year": "1984", **H}, {name: "  " for name in HEADERS}, None, {"Year": "1985", **H}
    )
    table.append([""] * 5)
    converted = convert(table, "t.csv")
    assert said(converted) == []
    assert [n for n, _ in converted.events] == [3, 6]


def test_background_is_one_warning_naming_the_first_row() -> None:
    table = sheet(
        {"Year": "1984", **H},
        {"Year": "1985", **H, "Background": "#ff0000"},
        {"Year": "1986", **H, "Background": "https://x.org/bg.jpg"},
    )
    converted = convert(table, "t.csv")
    assert said(converted) == [
        (
            3,
            "Background",
            "expected no Background (a slide's colour or image, which this app does not draw); "
            "found one: ignored in every row (this is the first row that has one)",
            WARNING,
        )
    ]
    assert len(converted.events) == 3


def test_title_row() -> None:
    table = sheet(
        {
            "Headline": "Women in <b>Computing</b>",
            "Text": "<p class='lead'>A sample</p>",
            "Media": "https://x.org/t.jpg",
            "Type": "title",
        },
        {"Year": "1984", **H},
    )
    converted = convert(table, "t.csv")
    assert said(converted) == []
    assert converted.title == {
        "title": "Women in Computing",
        "subtitle": "A sample",
        "image": "https://x.org/t.jpg",
        "row": 2,
    }
    assert [n for n, _ in converted.events] == [3]


def test_title_type_in_any_case() -> None:
    converted = convert(sheet({"Headline": "T", "Type": "Title"}, {"Year": "1984", **H}), "t.csv")
    assert converted.title is not None and converted.title["title"] == "T"


def test_second_title_row_with_a_year_is_an_event_with_a_warning() -> None:
    table = sheet(
        {"Headline": "T1", "Type": "title"}, {"Year": "1984", "Headline": "T2", "Type": "title"}
    )
    converted = convert(table, "t.csv")
    assert converted.title is not None and converted.title["title"] == "T1"
    assert [(n, e["title"]) for n, e in converted.events] == [(3, "T2")]
    assert said(converted) == [
        (
            3,
            "Type",
            "expected one title row (the first is row 2); found another: read as an event, as TimelineJS does",
            WARNING,
        )
    ]


def test_second_title_row_without_a_year_is_ignored_with_a_warning() -> None:
    table = sheet(
        {"Headline": "T1", "Type": "title"},
        {"Headline": "T2", "Type": "title"},
        {"Year": "1984", **H},
    )
    converted = convert(table, "t.csv")
    assert converted.title is not None and converted.title["title"] == "T1"
    assert said(converted) == [
        (3, "Type", "expected one title row (the first is row 2); found another: ignored", WARNING)
    ]


def test_era_rows() -> None:
    table = sheet(
        {"Year": "1984", **H},
        {"Year": "1984", "End Year": "1989", "Headline": "The <i>Amiens</i> years", "Type": "era"},
        {"Year": "-509", "End Year": "-27", "Headline": "Roman Republic", "Type": "ERA"},
    )
    converted = convert(table, "t.csv")
    assert said(converted) == []
    assert converted.eras == [
        (3, {"start": "1984", "end": "1989", "label": "The Amiens years"}),
        (4, {"start": "-0508", "end": "-0026", "label": "Roman Republic"}),
    ]
    assert len(converted.events) == 1


def test_no_header_is_an_error() -> None:
    converted = convert([[], ["", " "]], "empty.csv")
    assert said(converted) == [
        (
            None,
            None,
            "expected a TimelineJS header row (Year, Month, Day, ... Headline, Text, ...); found an empty file (empty.csv)",
            ERROR,
        )
    ]


def test_header_without_headline_is_an_error() -> None:
    converted = convert([["Year", "Month", "Text"], ["1984", "", "x"]], "t.csv")
    assert said(converted) == [
        (
            1,
            None,
            "expected the TimelineJS columns Year and Headline in the header row; found no Headline",
            ERROR,
        )
    ]


def test_no_events_is_an_error() -> None:
    converted = convert(sheet({"Headline": "T", "Type": "title"}), "t.csv")
    assert said(converted) == [
        (
            None,
            None,
            "expected at least one event row (a row with a Year and a Headline or a Text); found none in t.csv",
            ERROR,
        )
    ]


# Three rows of TimelineJS's own sample sheet (women_in_computing.csv in its sources).
SAMPLE = '''Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,Women in Computing,"<p class=""lead"">In this sample timeline, we'll walk you through it.</p>",,,,,title,,https://upload.wikimedia.org/ENIAC.gif
1815,12,10,,1852,11,27,,,Ada Lovelace,"<p>Take <a href=""https://en.wikipedia.org/wiki/Ada_Lovelace"">Ada Lovelace</a>: the first programmer.</p><span class=""tl-note"">A simple ""image"" media type.</span>",https://upload.wikimedia.org/Ada.jpg,Wikimedia Commons,"<a href=""https://en.wikipedia.org/wiki/Ada"" title="""">Portrait by Chalon</a>",,,,
1943,7,,,1946,,,,,...And the women who made it work,"<p>The ENIAC programmers.</p> <span class=""tl-note"">You can add a YouTube URL.
.</span>",https://www.youtube.com/watch?v=aPweFhhXFvY,"<a href=""https://www.youtube.com/channel/X"">Computer History Museum</a>",Jean Bartik talks,,,,https://upload.wikimedia.org/ENIAC.png
'''


def test_timelinejs_sample_sheet() -> None:
    table = parse_csv(SAMPLE)
    assert is_timelinejs(table[0])
    converted = convert(table, "women_in_computing.csv")
    assert converted.title == {
        "title": "Women in Computing",
        "subtitle": "In this sample timeline, we'll walk you through it.",
        "image": "",
        "row": 2,
    }
    assert said(converted) == [
        (
            2,
            "Background",
            "expected no Background (a slide's colour or image, which this app does not draw); "
            "found one: ignored in every row (this is the first row that has one)",
            WARNING,
        )
    ]
    (n1, ada), (n2, eniac) = converted.events
    assert (n1, ada["date"], ada["end"]) == (3, "1815-12-10", "1852-11-27")
    assert ada["summary"] == (
        "Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): the first programmer.\n\n"
        'A simple "image" media type.'
    )
    assert ada["image_caption"] == "Portrait by Chalon (https://en.wikipedia.org/wiki/Ada)"
    assert (n2, eniac["date"], eniac["end"]) == (4, "1943-07", "1946")
    assert eniac["image_credit"] == "Computer History Museum (https://www.youtube.com/channel/X)"
    assert eniac["summary"] == "The ENIAC programmers.\n\nYou can add a YouTube URL. ."


IS_TIMELINEJS = [
    (HEADERS, True),
    (["Year", "Month", "Day", "Headline"], True),
    (["year ", " HEADLINE", "text", "media"], True),
    (["Year", "Headline", "Text", "Tag"], True),
    (["Year", "Headline"], False),
    (["Year", "Month", "Day", "Text"], False),
    (["Headline", "Text", "Media", "Group"], False),
    (["date", "title", "summary", "end"], False),
    (["id", "start", "end", "label_en", "label_fr"], False),
    ([], False),
]


@pytest.mark.parametrize(("header", "expected"), IS_TIMELINEJS)
def test_is_timelinejs(header: list[str], expected: bool) -> None:
    assert is_timelinejs(header) is expected


@pytest.mark.parametrize(
    ("tjs", "astronomical"), [(-44, -43), (-1, 0), (1, 1), (1984, 1984), (-10000, -9999)]
)
def test_year_mapping_both_ways(tjs: int, astronomical: int) -> None:
    assert tjs_year_to_astronomical(tjs) == astronomical
    assert astronomical_to_tjs_year(astronomical) == tjs


def test_year_zero_has_no_mapping() -> None:
    with pytest.raises(ValueError):
        tjs_year_to_astronomical(0)
