"""The first sheet of an .xlsx workbook as rows of text cells, read within limits.

An .xlsx is a zip of XML files ("parts"). What it unpacks to is checked in the zip's
directory before anything is unpacked: the number of parts, each part's size and its
ratio to its packed size, their total (core/load/limits.py). Then the sheet is read as a
stream, one cell at a time, and each XML element is dropped once read: a row is built only
from its filled cells, and reading stops at the first limit passed (rows, columns, cells,
time), so a sheet with one cell in the last column on a million rows costs a message, not
gigabytes.

openpyxl gives what a cell means (shared strings, dates from the cell's style, numbers,
booleans); its read-only sheet is not used, as it pads every row to its last cell and, for
a sheet that does not state its size, parses the whole sheet once just to measure it. The
parts of openpyxl used here (`ExcelReader`, `WorkSheetParser.parse_cell`) are not its
documented interface: they are those of the pinned version, and tests/test_limits.py and
tests/test_messy.py read workbooks through them.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from xml.etree.ElementTree import iterparse

from core.i18n import Message, message
from core.load import limits
from core.load.problems import Problem, shorten
from core.load.reading import Bounds, TooLarge, too_many_columns

_EOCD = b"PK\x05\x06"  # the zip's end-of-directory record, which holds its number of parts
_EOCD_SEARCH = 22 + 65535  # the record, and the longest comment a zip may end with
_TIME_CHECK_EVERY = 4096  # cells


def read_xlsx(data: bytes, name: str, problems: list[Problem]) -> list[list[str]] | None:
    """The first sheet of a workbook, one list per spreadsheet row (blank rows kept)."""
    problem = check_parts(data, name)
    if problem is not None:
        problems.append(problem)
        return None
    try:
        with warnings.catch_warnings():  # "extension not supported" and the like: not ours to show
            warnings.simplefilter("ignore")
            rows = _first_sheet(data, Bounds(name))
    except TooLarge as exc:
        problems.append(exc.problem)
        return None
    except Exception as exc:  # noqa: BLE001 - openpyxl on a hostile file can raise anything
        problems.append(
            Problem(name, None, None, message("problem_not_xlsx", error=type(exc).__name__))
        )
        return None
    if not rows:
        problems.append(Problem(name, None, None, message("problem_empty_sheet")))
        return None
    return rows


def check_parts(data: bytes, name: str) -> Problem | None:
    """What is wrong with the zip's parts as its directory lists them, if anything. A file
    that is not a zip at all passes: openpyxl says so next."""
    save_again = message("problem_save_again")

    def problem(said: Message) -> Problem:
        return Problem(name, None, None, said)

    end = data.rfind(_EOCD, max(0, len(data) - _EOCD_SEARCH))
    if end < 0 or len(data) < end + 22:
        return None
    count = int.from_bytes(data[end + 10 : end + 12], "little")  # 0xFFFF: see the zip64 record
    if count > limits.MAX_PARTS:  # before zipfile reads a directory entry per part
        return problem(
            message("problem_xlsx_parts", limit=limits.MAX_PARTS, found=count, fix=save_again)
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if len(parts) > limits.MAX_PARTS:
        return problem(
            message("problem_xlsx_parts", limit=limits.MAX_PARTS, found=len(parts), fix=save_again)
        )
    for part in parts:
        part_name = shorten(part.filename, 60)
        if part.file_size > limits.MAX_PART_BYTES:
            found, limit = limits.size_messages(part.file_size, limits.MAX_PART_BYTES)
            return problem(
                message(
                    "problem_xlsx_part_size",
                    limit=limit,
                    part=part_name,
                    found=found,
                    split=limits.SPLIT_SAID,
                )
            )
        packed = max(part.compress_size, 1)
        if part.file_size > limits.RATIO_FROM_BYTES and part.file_size > limits.MAX_RATIO * packed:
            return problem(
                message(
                    "problem_xlsx_ratio",
                    limit=limits.MAX_RATIO,
                    part=part_name,
                    found=part.file_size // packed,
                    fix=save_again,
                )
            )
    total = sum(part.file_size for part in parts)
    if total > limits.MAX_UNPACKED_BYTES:
        found, limit = limits.size_messages(total, limits.MAX_UNPACKED_BYTES)
        return problem(
            message("problem_xlsx_unpacked", limit=limit, found=found, split=limits.SPLIT_SAID)
        )
    return None


def _first_sheet(data: bytes, bound: Bounds) -> list[list[str]]:
    from openpyxl.reader.excel import ExcelReader

    class Reader(ExcelReader):
        """openpyxl's reader of a workbook, told to read only where its first sheet is."""

        def read_worksheets(self) -> None:
            self.first_sheet = next(
                (
                    rel.target
                    for _sheet, rel in self.parser.find_sheets()
                    if rel.target in self.valid_files and "chartsheet" not in rel.Type
                ),
                None,
            )

    reader = Reader(io.BytesIO(data), read_only=True, data_only=True)
    try:
        reader.read()
        if reader.first_sheet is None:
            return []
        return _rows(reader, bound)
    finally:
        reader.archive.close()


def _rows(reader, bound: Bounds) -> list[list[str]]:
    """The rows of the reader's first sheet, read as a stream (see above)."""
    from openpyxl.worksheet._reader import CELL_TAG, DATA_TAG, ROW_TAG, WorkSheetParser

    book = reader.wb
    cells = WorkSheetParser(
        None,
        reader.shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    rows: list[list[str]] = []
    filled: dict[int, str] = {}  # the row being read: column -> text
    parents: list = []  # the elements open around the one being read
    in_cell = 0  # how deep inside a <c>: its value and text stay until the cell is read
    parsed = 0
    with reader.archive.open(reader.first_sheet) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == CELL_TAG or in_cell:
                    in_cell += 1
                elif element.tag == ROW_TAG:
                    number = element.get("r")
                    cells.row_counter = int(float(number)) if number else cells.row_counter + 1
                    cells.col_counter = 0
                    filled = {}
                parents.append(element)
                continue
            parents.pop()
            if in_cell:
                in_cell -= 1
                if in_cell:
                    continue  # part of a cell: read with it
            if element.tag == CELL_TAG:
                cell = cells.parse_cell(element)
                text = cell_text(cell["value"])
                if text:
                    if cell["column"] > limits.MAX_COLUMNS:
                        raise bound.stop(cells.row_counter, too_many_columns(cell["column"]))
                    filled[cell["column"]] = text
                parsed += 1
                if parsed % _TIME_CHECK_EVERY == 0:
                    bound.in_time(cells.row_counter)
            elif element.tag == ROW_TAG and filled and cells.row_counter > len(rows):
                number = cells.row_counter
                bound.row(number)
                rows.extend([] for _ in range(len(rows), number - 1))  # blank rows before it
                values = [""] * max(filled)
                for column, text in filled.items():
                    values[column - 1] = text
                rows.append(bound.cells(number, values))
            elif element.tag == DATA_TAG:
                break  # the rest of the sheet (merged cells, links, layout) is not read
            if parents:
                parents[-1].remove(element)  # its only child by now: memory stays flat
    return rows


def cell_text(value: object) -> str:
    """A workbook cell as the text a person typed: 1984 not 1984.0, a date as 2013-04-24."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
