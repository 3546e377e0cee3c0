"""A timeline's file is read within limits: a small file that expands to a lot (a zip bomb,
a sparse sheet, a million short rows) gets one message naming the limit, not the machine.

The hostile files are made here. Those that would take gigabytes or minutes without the
limits are read in a child process with its memory and CPU time capped (`resource`), so
that the test stays bounded whatever the code does, and fails on a crash as on a wrong
message.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest

from core.load import limits
from core.load.reading import read_table
from core.load.workbook import check_parts
from tests.conftest import ROOT

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
SHEET_TAIL = "</sheetData></worksheet>"
LAST_COLUMN = "XFD"  # column 16,384, the last a spreadsheet has
MEMORY_CAP = 1024 * 1024 * 1024  # bytes of address space for the child reading a file
CPU_CAP_S = 60


def workbook(path: Path, rows_xml: Iterable[str], level: int = 6) -> Path:
    """A real .xlsx (from openpyxl) whose first sheet holds `rows_xml`, written as it comes."""
    base = io.BytesIO()
    openpyxl.Workbook().save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for part in source.infolist():
            if part.filename != SHEET:
                target.writestr(part, source.read(part.filename), zipfile.ZIP_DEFLATED)
                continue
            info = zipfile.ZipInfo(SHEET, part.date_time)
            info.compress_type, info._compresslevel = zipfile.ZIP_DEFLATED, level
            with target.open(info, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD.encode())
                chunk: list[str] = []
                for row in rows_xml:
                    chunk.append(row)
                    if len(chunk) == 10_000:
                        sheet.write("".join(chunk).encode())
                        chunk = []
                sheet.write("".join(chunk).encode() + SHEET_TAIL.encode())
    return path


def cell_rows(column: str, count: int, start: int = 1) -> Iterable[str]:
    for row in range(start, start + count):
        yield f'<row r="{row}"><c r="{column}{row}" t="n"><v>1</v></c></row>'


def read_in_a_capped_process(path: Path) -> list[str]:
    """The problems of reading `path`, in a child process with capped memory and CPU."""
    code = (
        "import json, resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))\n"
        f"resource.setrlimit(resource.RLIMIT_CPU, ({CPU_CAP_S}, {CPU_CAP_S}))\n"
        "from pathlib import Path\n"
        "from core.load.reading import read_table\n"
        "problems = []\n"
        "read_table(Path(sys.argv[1]), problems)\n"
        "print(json.dumps([str(p) for p in problems]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=2 * CPU_CAP_S,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def sparse_last_column(path: Path) -> Path:
    return workbook(path / "sparse.xlsx", cell_rows(LAST_COLUMN, 1_000_000))


def million_rows(path: Path) -> Path:
    return workbook(path / "long.xlsx", cell_rows("A", 1_000_000))


def first_and_last_row(path: Path) -> Path:
    return workbook(path / "far.xlsx", [*cell_rows("A", 1), *cell_rows("A", 1, start=1_048_576)])


def zip_bomb(path: Path) -> Path:
    # 60 MB of one repeated row, packed about 1,000 times: it reads as 3 million rows
    return workbook(path / "bomb.xlsx", ['<row><c t="n"><v>1</v></c></row>'] * 2_000_000, 9)


def wide_row(path: Path) -> Path:
    cells = "".join(f'<c t="n"><v>{n}</v></c>' for n in range(200_000))
    return workbook(path / "wide.xlsx", [f'<row r="1">{cells}</row>'])


def million_line_csv(path: Path) -> Path:
    target = path / "long.csv"
    target.write_text("date,title\n" + "1984,x\n" * 1_000_000, encoding="utf-8")
    return target


def many_separators_csv(path: Path) -> Path:
    target = path / "wide.csv"
    target.write_text("date,title\n1984," + "," * 150_000 + "x\n", encoding="utf-8")
    return target


ROWS = f"expected at most {limits.MAX_ROWS:,} rows; found more (reading stopped here)"
COLUMNS = f"expected at most {limits.MAX_COLUMNS:,} columns; found a cell in column"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (sparse_last_column, f"sparse.xlsx, row 1: {COLUMNS} 16,384"),
        (million_rows, f"long.xlsx, row {limits.MAX_ROWS + 1}: {ROWS}"),
        (first_and_last_row, f"far.xlsx, row 1048576: {ROWS}"),
        (zip_bomb, "bomb.xlsx: expected each part of the workbook to unpack to at most 100 times"),
        (wide_row, f"wide.xlsx, row 1: {COLUMNS} 101"),
        (million_line_csv, f"long.csv, row {limits.MAX_ROWS + 1}: {ROWS}"),
        (
            many_separators_csv,
            f"wide.csv, row 2: expected at most {limits.MAX_COLUMNS:,} columns; found a row "
            f"with more than {limits.MAX_ROW_SEPARATORS:,} separators",
        ),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_a_file_that_expands_to_too_much_is_one_message_naming_the_limit(tmp_path, make, expected):
    problems = read_in_a_capped_process(make(tmp_path))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems
    assert (
        "split it into several timelines" in problems[0]
        or "delete the columns" in problems[0]
        or "save the sheet again" in problems[0]
    )


def test_the_size_limit_says_by_how_much_a_file_passed_it(tmp_path):
    path = tmp_path / "events.csv"
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: takes no room on disk
    problems: list = []
    assert read_table(path, problems) is None
    assert [str(p) for p in problems] == [
        "events.csv: expected a file of at most 209,715,200 bytes; found 209,715,201 bytes: "
        f"{limits.SPLIT}"
    ]


@pytest.mark.parametrize(
    ("found", "limit", "expected"),
    [
        (250 * limits.MB, 200 * limits.MB, ("250.0 MB", "200 MB")),
        (200 * limits.MB + 200_000, 200 * limits.MB, ("200.2 MB", "200 MB")),
        (200 * limits.MB + 1, 200 * limits.MB, ("209,715,201 bytes", "209,715,200 bytes")),
    ],
)
def test_sizes_are_shown_precise_enough_to_differ(found, limit, expected):
    assert limits.size_text(found, limit) == expected


def small_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    for row in [["date", "title"], [1984, "x" * 5000], [1987, "y"]]:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        ("MAX_PART_BYTES", 1000, "expected each part of the workbook to unpack to at most"),
        ("MAX_UNPACKED_BYTES", 1000, "expected a workbook that unpacks to at most"),
        ("MAX_PARTS", 3, "expected a workbook of at most 3 parts; found"),
    ],
)
def test_a_workbook_is_checked_in_its_zip_directory_first(
    tmp_path, monkeypatch, limit, value, expected
):
    data = small_workbook(tmp_path / "events.xlsx").read_bytes()
    assert check_parts(data, "events.xlsx") is None
    monkeypatch.setattr(limits, limit, value)
    problem = check_parts(data, "events.xlsx")
    assert problem is not None and problem.message.startswith(expected), problem


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        ("MAX_READ_SECONDS", 0, "row 1: expected a file read within 0 s; reading stopped here"),
        ("MAX_CELLS", 3, "row 2: expected at most 3 cells in all; found more"),
        ("MAX_ROWS", 2, "row 3: expected at most 2 rows; found more"),
    ],
)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_reading_stops_at_the_first_limit_passed(
    tmp_path, monkeypatch, suffix, limit, value, expected
):
    path = small_workbook(tmp_path / "events.xlsx")
    if suffix == ".csv":
        path = tmp_path / "events.csv"
        path.write_text("date,title\n1984," + "x" * 5000 + "\n1987,y\n", encoding="utf-8")
    monkeypatch.setattr(limits, limit, value)
    problems: list = []
    assert read_table(path, problems) is None
    assert len(problems) == 1 and str(problems[0]).startswith(f"{path.name}, {expected}"), problems


def test_a_cell_past_the_read_limit_is_blamed_on_an_open_quote(tmp_path):
    path = tmp_path / "events.csv"
    text = 'date,title\n1984,"' + "x" * (limits.MAX_CELL_CHARS_READ + 1) + "\n"
    path.write_text(text, encoding="utf-8")
    problems: list = []
    assert read_table(path, problems) is None
    assert [str(p) for p in problems] == [
        f"events.csv, row 2: expected cells of at most {limits.MAX_CELL_CHARS_READ:,} "
        'characters; found a longer one (a quote " opened and never closed?)'
    ]


def test_empty_cells_past_the_column_limit_are_not_counted(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,title" + "," * 500 + "\n1984,x" + "," * 500 + "\n", encoding="utf-8")
    problems: list = []
    assert read_table(path, problems) == [["date", "title"], ["1984", "x"]]
    assert problems == []


def test_a_vis_timeline_file_past_its_limits_is_one_message(tmp_path, monkeypatch):
    """JSON is parsed whole: a tighter size limit than a CSV's, and the row limit too."""
    from core.load.foreign import read_vis_json

    path = tmp_path / "items.json"
    items = [{"id": i, "start": "2000-01-01", "content": f"item {i}"} for i in range(30)]
    path.write_text(json.dumps(items), encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_JSON_BYTES", 100)
    problems: list = []
    assert read_vis_json(path, problems) is None
    assert [str(p.what) for p in problems] == [
        f"expected a file of at most 100 bytes; found {path.stat().st_size:,} bytes: "
        + limits.SPLIT
    ]
    monkeypatch.setattr(limits, "MAX_JSON_BYTES", 10 * limits.MB)
    monkeypatch.setattr(limits, "MAX_ROWS", 20)
    problems = []
    assert read_vis_json(path, problems) is None
    assert "expected at most 20 rows" in str(problems[0].what)
