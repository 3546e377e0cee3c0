"""Timelines from other tools read directly by the loader: TimelineJS sheets (CSV and
.xlsx) and vis-timeline JSON, each column and edge case in a sheet made here."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from dash import html

from components.detail import render
from core.load.formats.timelinejs import HEADERS
from core.load.loader import load_timeline
from core.load.problems import ERROR, WARNING, DataError
from core.load.store import TimelineStore
from core.load.text import split_links


def sheet_text(*rows: dict[str, str] | None) -> str:
    """A TimelineJS template CSV with these rows (None: an empty row)."""
    lines = [",".join(HEADERS)]
    for row in rows:
        cells = {} if row is None else row
        lines.append(",".join(json.dumps(cells.get(name, "")) for name in HEADERS))
    return "\n".join(lines) + "\n"


def load_sheet(tmp_path, *rows: dict[str, str] | None):
    path = tmp_path / "sheet.csv"
    path.write_text(sheet_text(*rows), encoding="utf-8")
    return load_timeline(path)


def only(timeline) -> dict:
    (event,) = timeline.events.to_dict("records")
    return event


@pytest.mark.parametrize(
    ("cells", "date"),
    [
        ({"Year": "1984"}, "1984"),
        ({"Year": "1984", "Month": "5"}, "1984-05"),
        ({"Year": "2013", "Month": "4", "Day": "24"}, "2013-04-24"),
        ({"Year": "-44", "Month": "3", "Day": "15"}, "-0043-03-15"),
        ({"Year": "-1"}, "0000"),
        ({"Year": "1,984"}, "1984"),
        ({"Year": "1984", "End Year": "1989"}, "1984/1989"),
        ({"Year": "1984", "Month": "5", "End Year": "1985", "End Month": "2"}, "1984-05/1985-02"),
    ],
)
def test_dates_from_the_parts(tmp_path, cells, date):
    event = only(load_sheet(tmp_path, {**cells, "Headline": "A"}))
    assert event["date"] == date


def test_each_column_lands_in_its_field(tmp_path):
    timeline = load_sheet(
        tmp_path,
        {
            "Year": "1984",
            "Display Date": "Spring <b>1984</b>",
            "Headline": "First <i>injection</i>",
            "Text": "<p>Done in Amiens.</p><p>See <a href='https://example.org/a'>this</a>.</p>",
            "Media": "https://example.org/needle.jpg",
            "Media Credit": "Photo: <b>A. Author</b>",
            "Media Caption": "The needle",
            "Group": "Clinic",
        },
    )
    event = only(timeline)
    assert event["title_en"] == event["title_fr"] == "First injection"
    assert event["summary_en"] == "Done in Amiens.\n\nSee this (https://example.org/a)."
    assert event["display_date_en"] == event["display_date_fr"] == "Spring 1984"
    assert event["image"] == "https://example.org/needle.jpg"
    assert event["image_credit_en"] == "Photo: A. Author"
    assert event["image_caption_en"] == "The needle"
    assert event["group"] == "Clinic"
    assert timeline.warnings == [] or all(p.severity == WARNING for p in timeline.warnings)


def test_a_pictures_alt_text_is_read_and_its_absence_named_by_the_sheets_column(tmp_path):
    with_alt = only(
        load_sheet(
            tmp_path,
            {
                "Year": "1984",
                "Headline": "H",
                "Media": "https://example.org/a.jpg",
                "Alt Text": "A <needle>",
            },
        )
    )
    assert with_alt["image_alt_en"] == with_alt["image_alt_fr"] == "A <needle>"  # plain text
    timeline = load_sheet(
        tmp_path, {"Year": "1984", "Headline": "H", "Media": "https://example.org/a.jpg"}
    )
    (warning,) = [p for p in timeline.warnings if "alternative text" in p.message]
    assert (warning.row, warning.column) == (2, "Alt Text")


def test_script_and_javascript_links_never_reach_the_page(tmp_path):
    event = only(
        load_sheet(
            tmp_path,
            {
                "Year": "1984",
                "Headline": "<script>alert(1)</script>Safe",
                "Text": "<a href='javascript:alert(2)'>click</a> <img src=x onerror=alert(3)>ok",
            },
        )
    )
    assert event["title_en"] == "Safe"
    assert "alert" not in event["summary_en"] and "javascript" not in event["summary_en"]
    assert event["summary_en"] == "click ok"


def test_javascript_media_is_dropped_with_a_warning(tmp_path):
    timeline = load_sheet(tmp_path, {"Year": "1984", "Headline": "A", "Media": "javascript:x()"})
    assert only(timeline)["image"] == ""
    assert [(p.row, p.column, p.what.key) for p in timeline.warnings] == [
        (2, "Media", "tljs_media_scheme")
    ]


def test_title_and_era_rows(tmp_path):
    timeline = load_sheet(
        tmp_path,
        {"Headline": "Vertebroplasty", "Text": "Thirty years", "Type": "title"},
        {"Year": "1984", "Headline": "A"},
        {"Year": "1980", "End Year": "1990", "Headline": "Early years", "Type": "era"},
    )
    assert timeline.front.title("en") == "Vertebroplasty"
    assert timeline.front.subtitle("fr") == "Thirty years"
    (era,) = timeline.eras
    assert era.label("en") == "Early years" and era.start < era.end
    assert len(timeline.events) == 1


def test_background_is_one_warning_and_an_empty_row_is_skipped(tmp_path):
    timeline = load_sheet(
        tmp_path,
        {"Year": "1984", "Headline": "A", "Background": "#fff"},
        None,
        {"Year": "1985", "Headline": "B", "Background": "#000"},
    )
    assert list(timeline.events["title_en"]) == ["A", "B"]
    assert list(timeline.events["row"]) == [2, 4]
    assert [(p.row, p.column) for p in timeline.warnings] == [(2, "Background")]


def test_a_row_with_only_a_text_takes_its_first_line_as_title(tmp_path):
    event = only(load_sheet(tmp_path, {"Year": "1984", "Text": "<p>Only text</p><p>More</p>"}))
    assert event["title_en"] == "Only text"


def test_problems_name_the_sheet_row_and_column(tmp_path):
    with pytest.raises(DataError) as caught:
        load_sheet(
            tmp_path,
            {"Year": "1984", "Headline": "A"},
            None,
            {"Year": "0", "Headline": "B"},
            {"Year": "1984", "Month": "2", "Day": "30", "Headline": "C"},
        )
    assert [(p.file, p.row, p.column, p.severity) for p in caught.value.problems] == [
        ("sheet.csv", 4, "Year", ERROR),
        ("sheet.csv", 5, "Day", ERROR),
    ]


def test_a_missing_local_picture_is_named_by_the_media_column(tmp_path):
    with pytest.raises(DataError) as caught:
        load_sheet(tmp_path, {"Year": "1984", "Headline": "A", "Media": "media/none.png"})
    assert {(p.row, p.column) for p in caught.value.problems} >= {(2, "Media")}


def test_an_xlsx_sheet_is_read_too(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    book.active.append([None] * len(HEADERS))
    book.active.append([-44, 3, 15, None, None, None, None, None, "Ides of March", "Caesar"])
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(out.getvalue())
    event = only(load_timeline(path))
    assert (event["date"], event["title_en"], event["row"]) == ("-0043-03-15", "Caesar", 3)
    assert event["display_date_en"] == "Ides of March"


def write_items(tmp_path, data: object):
    path = tmp_path / "items.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_timeline(path)


def test_vis_items_without_groups(tmp_path):
    timeline = write_items(
        tmp_path,
        [
            {"id": 1, "content": "<b>First</b>", "start": "1984", "title": "Why <i>it</i>"},
            {"id": 2, "content": "Range", "start": "1986-05", "end": "1988-02"},
            {"id": 3, "content": "Era", "start": "1980", "end": "1990", "type": "background"},
        ],
    )
    events = timeline.events.to_dict("records")
    assert [(e["date"], e["title_en"], e["summary_en"], e["group"]) for e in events] == [
        ("1984", "First", "Why it", ""),
        ("1986-05/1988-02", "Range", "", ""),
    ]
    assert [era.label("en") for era in timeline.eras] == ["Era"]


def test_vis_groups_become_the_group_column(tmp_path):
    timeline = write_items(
        tmp_path,
        {
            "items": [
                {"content": "A", "start": "1984-01-01", "group": "c"},
                {"content": "B", "start": "1985-01-01", "group": "t"},
            ],
            "groups": [
                {"id": "c", "content": "Clinic"},
                {"id": "t", "content": "Trials"},
                {"id": "p", "content": "Practice", "nestedGroups": ["c"]},
            ],
        },
    )
    assert list(timeline.events["group"]) == ["Practice / Clinic", "Trials"]


def test_vis_problems_name_the_item(tmp_path):
    with pytest.raises(DataError) as caught:
        write_items(tmp_path, [{"content": "A", "start": "1984"}, {"content": "B"}])
    assert [(p.file, p.row, p.column) for p in caught.value.problems] == [
        ("items.json", 2, "start")
    ]


def test_a_json_file_that_is_not_json_is_one_problem(tmp_path):
    path = tmp_path / "items.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_timeline(path)
    assert [p.what.key for p in caught.value.problems] == ["vis_not_json"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("no link", [("no link", False)]),
        ("see https://a.org/x.", [("see ", False), ("https://a.org/x", True), (".", False)]),
        ("(http://a.org)", [("(", False), ("http://a.org", True), (")", False)]),
        ("javascript:alert(1) ftp://a.org", [("javascript:alert(1) ftp://a.org", False)]),
        ("", []),
    ],
)
def test_split_links(text, pieces):
    assert split_links(text) == pieces
    assert "".join(piece for piece, _ in pieces) == text


def test_the_details_show_the_display_date_the_group_and_links(tmp_path):
    timeline = load_sheet(
        tmp_path,
        {
            "Year": "1984",
            "Display Date": "Spring 1984",
            "Headline": "A",
            "Text": "Read https://example.org/a now",
            "Group": "Clinic",
        },
    )
    texts, links = [], []

    def walk(node):
        if hasattr(node, "to_plotly_json"):
            node = node.to_plotly_json()
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            if node.get("type") == "A" and node["props"].get("href"):
                links.append(node["props"]["href"])
            walk(node.get("props", {}).get("children"))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(html.Div(render(timeline, timeline.events["id"][0], "en")))
    assert "Spring 1984" in texts and "Clinic" in texts
    assert links == ["https://example.org/a"]


def test_live_reload_reads_a_changed_sheet(tmp_path):
    from tests.test_store import Clock, write

    path = tmp_path / "sheet.csv"
    write(path, sheet_text({"Year": "1984", "Headline": "A"}), 0)
    store = TimelineStore(path, clock=(clock := Clock()))
    write(path, sheet_text({"Year": "1984", "Headline": "A"}, {"Year": "0", "Headline": "B"}), 1)
    clock.now += 1.1
    assert list(store.current().events["title_en"]) == ["A"]
    assert [(p.row, p.column) for p in store.problems] == [(3, "Year")]
    write(path, sheet_text({"Year": "1984", "Headline": "A"}, {"Year": "1987", "Headline": "B"}), 2)
    clock.now += 1.1
    assert list(store.current().events["title_en"]) == ["A", "B"]


def test_two_rows_with_the_same_headline_and_year_get_their_own_ids(tmp_path):
    timeline = load_sheet(
        tmp_path, {"Year": "1984", "Headline": "Meeting"}, {"Year": "1984", "Headline": "Meeting"}
    )
    assert list(timeline.events["id"]) == ["meeting-1984", "meeting-1984-2"]


@pytest.mark.parametrize(
    ("write", "column"),
    [
        (
            lambda tmp: load_sheet(
                tmp,
                {"Year": "1984", "Month": "1", "Day": "2", "Headline": "A", "Time": "14:30"},
                {"Year": "1985", "Headline": "B", "Time": "15:00"},
            ),
            "Time",
        ),
        (
            lambda tmp: write_items(tmp, [{"content": "A", "start": "2013-04-24T10:00:00Z"}]),
            "start",
        ),
    ],
)
def test_a_time_of_day_is_one_warning(tmp_path, write, column):
    warnings = [p for p in write(tmp_path).warnings if p.what.key == "foreign_time_ignored"]
    assert [(p.row, p.column) for p in warnings] == [(2 if column == "Time" else 1, column)]
