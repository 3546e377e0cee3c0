"""Loading and checking a timeline: every problem reported at once, with row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.load.loader import load_timeline
from core.load.problems import ERROR, WARNING, DataError
from tests.conftest import TINY, read_csv, write_csv


def problems_for(tiny_dir: Path, change: dict[str, str], row: int = 0) -> list:
    """Load the tiny timeline with `change` applied to one events row; return its problems."""
    rows = read_csv(TINY / "events.csv")
    rows[row].update(change)
    write_csv(tiny_dir / "events.csv", rows)
    try:
        return load_timeline(tiny_dir / "events.csv").warnings
    except DataError as exc:
        return exc.problems


def test_tiny_timeline_loads_with_no_problem():
    timeline = load_timeline(TINY / "events.csv")
    assert len(timeline.events) == 6
    assert timeline.warnings == []
    assert list(timeline.events["start"]) == sorted(timeline.events["start"])
    assert timeline.year_range == (1984, 2013)


# (change to the first data row, which the spreadsheet numbers 2; column; words of the message)
BAD_ROWS = [
    ({"date": ""}, "date", "found nothing", ERROR),
    ({"date": "spring 1984"}, "date", "found 'spring 1984'", ERROR),
    ({"date": "1989/1984"}, "date", "to come after its start", ERROR),
    ({"end": "1980"}, "end", "expected an end on or after the date 1984, found '1980'", ERROR),
    ({"end": "soon"}, "end", "found 'soon'", ERROR),
    ({"title_en": "", "title_fr": ""}, "title", "expected a title", ERROR),
    (
        {"id": "First Case!"},
        "id",
        "expected lowercase letters, digits and hyphens (e.g. first-case)",
        ERROR,
    ),
    (
        {"id": "first-paper"},
        "id",
        "expected a unique id; found 'first-paper', already used on row 2",
        ERROR,
    ),
    ({"kind": "miracle"}, "kind", "found 'miracle'", ERROR),
    (
        {"certainty": "sure"},
        "certainty",
        "expected one of verified, secondary, source-text; found 'sure'",
        ERROR,
    ),
    (
        {"sources": "nowhere-2001"},
        "sources",
        "expected a source id from sources.csv; found 'nowhere-2001'",
        ERROR,
    ),
    ({"sources": ""}, "sources", "found none", WARNING),
    ({"tags": "vertebroplasty|magic"}, "tags", "unknown tag 'magic'", WARNING),
]


@pytest.mark.parametrize(("change", "column", "words", "severity"), BAD_ROWS)
def test_each_bad_row_gets_a_message_naming_row_and_column(
    tiny_dir, change, column, words, severity
):
    problems = problems_for(tiny_dir, change)
    matching = [p for p in problems if p.column == column and words in p.message]
    assert matching, problems
    problem = matching[0]
    assert problem.severity == severity
    assert problem.file == "events.csv"
    # the unique-id clash is reported on the second of the two rows
    assert problem.row == (3 if "unique" in words else 2)
    assert f"row {problem.row}, column '{column}'" in str(problem)


def test_every_problem_is_reported_at_once(tiny_dir):
    rows = read_csv(TINY / "events.csv")
    rows[0]["date"] = "never"
    rows[2]["kind"] = "miracle"
    rows[4]["sources"] = "missing"
    write_csv(tiny_dir / "events.csv", rows)
    with pytest.raises(DataError) as caught:
        load_timeline(tiny_dir / "events.csv")
    found = {(p.row, p.column) for p in caught.value.problems}
    assert {(2, "date"), (4, "kind"), (6, "sources")} <= found


def test_rows_are_numbered_as_a_spreadsheet_shows_them_even_after_blank_lines(tiny_dir):
    lines = (TINY / "events.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(2, ",,,,,,,,,,,,,,,")  # an empty spreadsheet row: row 3
    lines[3] = lines[3].replace("1987,", "1987x,", 1)  # now on spreadsheet row 4
    (tiny_dir / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_timeline(tiny_dir / "events.csv")
    assert [(p.row, p.column) for p in caught.value.problems] == [(4, "date")]


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("doi", "doi:10.1/x", "expected a DOI"),
        ("pmid", "PMID123", "made of digits"),
        ("url", "javascript:alert(1)", "starting with http:// or https://"),
        ("type", "blog", "expected one of article"),
        ("year", "nineteen", "expected a year"),
    ],
)
def test_bad_references_are_reported_in_sources_csv(tiny_dir, column, value, words):
    rows = read_csv(TINY / "sources.csv")
    rows[0][column] = value
    write_csv(tiny_dir / "sources.csv", rows)
    with pytest.raises(DataError) as caught:
        load_timeline(tiny_dir / "events.csv")
    (problem,) = caught.value.problems
    assert (problem.file, problem.row, problem.column) == ("sources.csv", 2, column)
    assert words in problem.message and value in problem.message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "expected a file by this name, found none"),
        ("", "expected a header row, found an empty file"),
        (
            "id,date,title_en\na,1984,A,extra,cells\n",
            "expected at most 3 cells, as in the header; found 5",
        ),
    ],
)
def test_unreadable_files_get_one_clear_problem(tiny_dir, content, words):
    path = tiny_dir / "events.csv"
    if content is None:
        path.unlink()
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_timeline(path)
    assert any(words in p.message for p in caught.value.problems), caught.value.problems


def test_headers_match_without_case_or_spaces_and_unknown_columns_warn(tiny_dir):
    text = (TINY / "events.csv").read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    header = header.replace("date", " Date ").replace("certainty", "certainty,colour")
    rest = "\n".join(line + ",red" for line in rest.splitlines()) + "\n"
    (tiny_dir / "events.csv").write_text(header + "\n" + rest, encoding="utf-8")
    timeline = load_timeline(tiny_dir / "events.csv")
    assert len(timeline.events) == 6
    assert [(p.row, p.column, p.severity) for p in timeline.warnings] == [(1, "colour", WARNING)]


def test_text_falls_back_to_the_other_language(tiny_dir):
    problems_for(tiny_dir, {"title_fr": "", "summary_en": ""})
    event = load_timeline(tiny_dir / "events.csv").event("first-case")
    assert event["title_fr"] == "First case"
    assert event["summary_en"] == "La première injection."


def test_search_text_covers_people_and_references_without_accents():
    event = load_timeline(TINY / "events.csv").event("first-case")
    assert "herve deramond" in event["search_en"]
    assert "neurochirurgie" in event["search_fr"]
    assert "3600949" in event["search_en"]
