"""`timeline export --format timelinejs`: the timeline as a TimelineJS sheet, and the round
trip TimelineJS CSV -> our events -> TimelineJS CSV keeping every field we map."""

from __future__ import annotations

import pytest

from cli import main
from core.load.formats.timelinejs import convert, parse_csv
from core.load.loader import load_timeline
from core.publish.timelinejs import to_sheet
from tests.test_foreign import sheet_text

MAPPED = (
    "date",
    "end",
    "title",
    "summary",
    "display_date",
    "group",
    "image",
    "image_credit",
    "image_caption",
)
ROWS = [
    {"Headline": "Vertebroplasty", "Text": "<p>Thirty years</p>", "Type": "title"},
    {"Year": "-44", "Month": "3", "Day": "15", "Headline": "Ides", "Display Date": "Ides of March"},
    {"Year": "1984", "Headline": "Only a year", "Group": "Clinic"},
    {"Year": "1984", "Month": "5", "End Year": "1989", "Headline": "A period"},
    {
        "Year": "2013",
        "Month": "4",
        "Day": "24",
        "Headline": "<b>Rich</b> text",
        "Text": "<p>One</p><p>Two, see <a href='https://example.org/a'>this</a></p>",
        "Media": "https://example.org/needle.jpg",
        "Media Credit": "Photo: A. Author",
        "Media Caption": "The needle",
        "Group": "Trials",
    },
    None,
    {"Year": "1980", "End Year": "1990", "Headline": "Early years", "Type": "era"},
    {"Year": "1990", "Headline": "=1+1 is not a formula"},
]


def mapped(table: list[list[str]]) -> tuple:
    converted = convert(table, "sheet.csv")
    assert converted.errors == []
    events = sorted(tuple(event[key] for key in MAPPED) for _, event in converted.events)
    title = (converted.title or {}).get("title"), (converted.title or {}).get("subtitle")
    return events, title, [era for _, era in converted.eras]


def test_round_trip_keeps_every_mapped_field(tmp_path):
    original = sheet_text(*ROWS)
    path = tmp_path / "sheet.csv"
    path.write_text(original, encoding="utf-8")
    timeline = load_timeline(path)
    written = to_sheet(timeline, timeline.events, "en").decode("utf-8")
    assert mapped(parse_csv(written)) == mapped(parse_csv(original))


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(sheet_text(*ROWS), encoding="utf-8")
    timeline = load_timeline(path)
    written = to_sheet(timeline, timeline.events, "en").decode("utf-8")
    assert not any(cell.startswith("=") for row in parse_csv(written) for cell in row)


@pytest.mark.parametrize(
    ("date", "lang", "year", "display"),
    [
        ("c. 1987", "en", "1987", "c. 1987"),
        ("1980s", "fr", "1980", "années 1980"),
        ("44 BC", "en", "-44", ""),
        ("-0044-02-29", "fr", "-45", "29 février 45 av. J.-C."),
    ],
)
def test_our_dates_become_parts_and_inexact_ones_a_display_date(
    tmp_path, date, lang, year, display
):
    path = tmp_path / "events.csv"
    path.write_text(f"date,title\n{date},A\n", encoding="utf-8")
    timeline = load_timeline(path)
    rows = parse_csv(to_sheet(timeline, timeline.events, lang).decode("utf-8"))
    header, event = rows[0], rows[2]
    assert event[header.index("Year")] == year
    assert event[header.index("Display Date")] == display


def test_the_command_writes_a_sheet_that_reads_back(tmp_path, capsys):
    data = tmp_path / "sheet.csv"
    data.write_text(sheet_text(*ROWS), encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main(["export", "--format", "timelinejs", "--data", str(data), "--out", str(out)])
    assert code == 0
    assert "TimelineJS" in capsys.readouterr().out
    assert len(load_timeline(out).events) == 5
