"""Real-world messy files (tests/data/messy/), one per case, with the exact report each gets.

Files that load are checked for what they hold; files that do not are checked for every
problem, word for word, with its row as the spreadsheet numbers it. Warnings about
missing sources are left out of the tables: none of these files cites any.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest

from core.load.loader import load_timeline
from core.load.problems import DataError
from core.load.reading import quote_fault, well_quoted_row
from core.load.schema import MAX_CELL_CHARS
from tests.conftest import ROOT

MESSY = ROOT / "tests" / "data" / "messy"
DATE_HELP = "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, 1984-1989, 44 BC or [1984..1989]"


def reported(path: Path) -> list[str]:
    """Every problem but the expected missing-source warnings, as the --check report says it."""
    try:
        problems = load_timeline(path).warnings
    except DataError as exc:
        problems = exc.problems
    return [
        f"{p.severity}: {p}"
        for p in problems
        if "found none (shown as 'no source')" not in p.message
    ]


# (file, the dates the events get, their English titles)
LOADS = [
    ("minimal.csv", ["1984", "1987"], ["First case", "First paper"]),
    (
        "semicolon-cp1252.csv",
        ["1984", "1987"],
        ["Première vertébroplastie", "Premier article"],
    ),
    ("bom-utf8.csv", ["1984"], ["Hémangiome"]),
    ("utf16-tabs.txt", ["1984"], ["Première"]),
    ("trailing-empty.csv", ["1984", "1987"], ["First case", "First paper"]),
    ("stray-spaces.csv", ["1984"], ["First case"]),
    (
        "human-dates.csv",
        # sorted by start: 44 BC twice, the 1980s, 1984, c. 1984 twice, 1984-1989, ...
        [
            "-0043",
            "-0043",
            "198X",
            "1984",
            "1984~",
            "1984~",
            "1984/1989",
            "2013-04",
            "2013-04",
            "2013-04-24",
            "2013-04-24",
        ],
        list("ijkabchfgde"),
    ),
]


@pytest.mark.parametrize(("name", "dates", "titles"), LOADS)
def test_messy_files_that_load(name, dates, titles):
    timeline = load_timeline(MESSY / name)
    assert list(timeline.events["date"]) == dates
    assert list(timeline.events["title_en"]) == titles
    assert reported(MESSY / name) == []


def test_cells_keep_their_line_breaks_and_quotes(tmp_path):
    text = (MESSY / "quoted-newlines.csv").read_text(encoding="utf-8").replace("1987x", "1987")
    (tmp_path / "events.csv").write_text(text, encoding="utf-8")
    events = load_timeline(tmp_path / "events.csv").events
    assert list(events["summary_en"]) == ["Line one\nline two\n\nline four", 'A "quoted" word']


@pytest.mark.parametrize(
    ("record", "separator", "fault"),
    [
        ("1984,First case\n", ",", None),
        ('1984,"Amiens, France",x\r\n', ",", None),
        ('1984,"A ""quoted"" word",x\n', ",", None),
        ('1984;"a;b";"c\nd"\n', ";", None),
        ('1984,5" screen,x\n', ",", None),  # a quote inside a cell that does not start with one
        ('1984,"open\n1987,next\n', ",", ("open", 1)),
        ('1984,"Smith" et al,x\n', ",", ("after", 1)),
        ('"a"b\tc\n', "\t", ("after", 0)),
    ],
)
def test_where_quoting_breaks_the_rules(record, separator, fault):
    assert quote_fault(record, separator) == fault
    # the reader's fast check (a regular expression) lets through exactly the rows kept
    assert (well_quoted_row(separator).fullmatch(record) is not None) == (fault is None)


def test_a_quoted_cell_whose_lines_hold_the_separator_reads_as_it_is(tmp_path):
    # line breaks and commas inside a well-quoted cell; then text after a closing quote
    # with nothing taken from the rows under it: a warning only, and no row lost
    (tmp_path / "events.csv").write_text(
        'date,title,summary\n1984,First case,"Smith, J.\nJones, K., and Lee"\n'
        '1987,First paper,"Line one\nline two" more\n1990,Third,Plain\n',
        encoding="utf-8",
    )
    events = load_timeline(tmp_path / "events.csv").events
    assert list(events["summary_en"]) == [
        "Smith, J.\nJones, K., and Lee",
        "Line one\nline two more",
        "Plain",
    ]
    assert [line.split(": expected")[0] for line in reported(tmp_path / "events.csv")] == [
        "warning: events.csv, row 3, column 'summary'"
    ]


# (file, every problem reported, in order)
REPORTS = [
    (
        "ambiguous-date.csv",
        [
            "error: ambiguous-date.csv, row 2, column 'date': expected an unambiguous date; found '03/04/2013' "
            "(ambiguous day/month: write 2013-04-03 (3 April) or 2013-03-04 (4 March))"
        ],
    ),
    (
        "bad-dates.csv",
        [
            f"error: bad-dates.csv, row 2, column 'date': {DATE_HELP}; found 'spring 1984'",
            "error: bad-dates.csv, row 3, column 'date': expected a day that exists; found '31/02/2013' (February 2013 has 28 days)",
            "error: bad-dates.csv, row 4, column 'date': expected a closed period such as 1984/1989; found '1984/..' (open ends are not supported)",
            "error: bad-dates.csv, row 5, column 'date': expected a day and a month (dd/mm/yyyy, such as 24/04/2013); found '24/24/2013'",
            "error: bad-dates.csv, row 6, column 'end': expected an end on or after the date 1990, found '1980'",
        ],
    ),
    (
        # the cell with line breaks is one spreadsheet row: the bad date is on row 3, not 6
        "quoted-newlines.csv",
        [f"error: quoted-newlines.csv, row 3, column 'date': {DATE_HELP}; found '1987x'"],
    ),
    (
        # a quote never closed: the rows under it were read into its cell, not lost unsaid
        "unclosed-quote.csv",
        [
            "error: unclosed-quote.csv, row 3, column 'title': expected the quote \" that opens "
            "this cell to close where the cell ends; found it open over lines 3-5 of the file, "
            "which were read into this cell instead of as rows (close the quote, or write a "
            'quote that is part of the text as "")'
        ],
    ),
    (
        # closed too late, by the next row's quote (semicolons, as French Excel writes)
        "stray-quote.csv",
        [
            "error: stray-quote.csv, row 2, column 'summary': expected the quote \" that opens "
            "this cell to close where the cell ends; found it open over lines 2-4 of the file, "
            "which were read into this cell instead of as rows (close the quote, or write a "
            'quote that is part of the text as "")',
            "error: stray-quote.csv, row 2: expected at most 3 cells, as in the header; found 4 "
            "(put quotes around a cell that contains the separator, or give the column a header)",
        ],
    ),
    (
        # text after the quote that closes a cell: it joins the cell, and nothing is lost
        "quote-text-after.csv",
        [
            "warning: quote-text-after.csv, row 2, column 'title': expected a cell that starts "
            'with a quote " to end where that quote closes; found text after it, read as part '
            "of the cell: 'Galibert and Deramond' (the cells after it may have moved; write a "
            'quote that is part of the text as "")'
        ],
    ),
    (
        "too-many-cells.csv",
        [
            "error: too-many-cells.csv, row 2: expected at most 2 cells, as in the header; found 4 "
            "(put quotes around a cell that contains the separator, or give the column a header)"
        ],
    ),
    (
        "no-title.csv",
        [
            "error: no-title.csv, row 2, column 'title': expected a title (column title, title_en or title_fr), found nothing"
        ],
    ),
    (
        "binary-garbage.csv",
        [
            "error: binary-garbage.csv: expected a CSV text file or an .xlsx workbook; found binary data "
            "(a zero byte at offset 0). Save the sheet as CSV or .xlsx"
        ],
    ),
    (
        "old-excel.xls",
        [
            "error: old-excel.xls: expected a CSV file or an .xlsx workbook; found an old .xls workbook "
            "(save it as .xlsx or CSV)"
        ],
    ),
    (
        "hostile/events.csv",
        [
            "error: sources.csv, row 2, column 'url': expected a web address starting with http:// or https://, found 'javascript:alert(3)'",
            "error: sources.csv, row 3, column 'url': expected a web address starting with http:// or https://, found 'data:text/html;base64,PHNjcmlwdD4='",
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), REPORTS, ids=[r[0] for r in REPORTS])
def test_messy_files_get_exact_messages(name, expected):
    assert reported(MESSY / name) == expected


def test_hostile_text_is_kept_as_text_once_the_links_are_fixed(tmp_path):
    (tmp_path / "events.csv").write_bytes((MESSY / "hostile" / "events.csv").read_bytes())
    (tmp_path / "sources.csv").write_text("id,title,url\nbad,Fixed,https://example.org\n")
    event = load_timeline(tmp_path / "events.csv").events.iloc[0]
    assert event["title_en"] == "<script>alert(1)</script>"
    assert event["summary_en"] == "<img src=x onerror=alert(2)>"


def test_a_100000_character_field_is_one_error_naming_its_length(tmp_path):
    long_text = "A" * 100_000
    path = tmp_path / "events.csv"
    path.write_text(f"date,title,summary\n1984,Fine,\n1987,Long,{long_text}\n", encoding="utf-8")
    assert reported(path) == [
        f"error: events.csv, row 3, column 'summary': expected at most {MAX_CELL_CHARS:,} characters; "
        "found 100,000 (shorten it, or move the long text to a source)"
    ]


def test_a_long_bad_value_is_quoted_short(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,title\n" + "9" * 5000 + ",x\n", encoding="utf-8")
    (message,) = reported(path)
    assert "found '99999" in message and "(5,000 characters)" in message
    assert len(message) < 400


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda p: p,
            "expected a file by this name, found none (moved, renamed or deleted?)",
        ),
        (lambda p: p.mkdir() or p, "expected a readable file, found Is a directory"),
    ],
    ids=["missing", "a-folder"],
)
def test_a_file_that_is_not_there_or_not_readable(tmp_path, make, expected):
    path = make(tmp_path / "events.csv")
    assert reported(path) == ["error: events.csv: " + expected]
    assert str(path.parent) not in reported(path)[0]  # the page shows it: no server paths


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_permission(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,title\n1984,x\n")
    path.chmod(0)
    assert reported(path) == [
        "error: events.csv: expected a readable file, found Permission denied"
    ]


@pytest.fixture
def workbook(tmp_path) -> Path:
    """An .xlsx as Excel saves it: typed dates and numbers, a blank row, a bad date after it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([" Date ", "Title", "Place"])
    sheet.append([1984, "Typed as a number", "Amiens"])
    sheet.append([dt.datetime(2013, 4, 24), "Typed as a date", None])
    sheet.append([])  # row 4 left blank
    sheet.append(["April 2008", "Typed as text", None])
    path = tmp_path / "events.xlsx"
    book.save(path)
    return path


def test_xlsx_loads_with_numbers_and_dates_as_typed(workbook):
    events = load_timeline(workbook).events
    assert list(events["date"]) == ["1984", "2008-04", "2013-04-24"]
    assert list(events["row"]) == [2, 5, 3]


def test_xlsx_rows_are_numbered_as_excel_shows_them(workbook):
    book = openpyxl.load_workbook(workbook)
    book.active["A5"] = "03/04/2013"
    book.save(workbook)
    assert [p for p in reported(workbook) if p.startswith("error")] == [
        "error: events.xlsx, row 5, column 'date': expected an unambiguous date; found '03/04/2013' "
        "(ambiguous day/month: write 2013-04-03 (3 April) or 2013-03-04 (4 March))"
    ]


def test_a_file_named_xlsx_that_is_not_one(tmp_path):
    path = tmp_path / "events.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    (message,) = reported(path)
    assert message.startswith(
        "error: events.xlsx: expected an .xlsx workbook; found a file that is not one"
    )
