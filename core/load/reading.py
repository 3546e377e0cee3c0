"""Turn a file a spreadsheet wrote into rows of text cells, whatever the spreadsheet was.

Lecturers save from Excel or LibreOffice: comma or semicolon separators (French Excel uses
`;`), UTF-8 with or without a BOM, UTF-16 ("Unicode text"), the 8-bit code page of their
system (Windows-1252, Windows-1250, Mac Roman...: see `core.load.encoding`), quoted cells
with line breaks, trailing empty rows and columns, or an `.xlsx` workbook. All of it is
detected here, never asked for. Anything that is not a table (binary data, a missing or unreadable
file, a file too large to be a timeline) becomes one `Problem`, never an exception.

Row i of the returned list is spreadsheet row i + 1: blank rows are kept as empty lists so
that every later message names the row the lecturer sees.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from pathlib import Path

from core.i18n import Message, message
from core.load.encoding import Guess, Reading
from core.load.encoding import guess as guess_encoding
from core.load.problems import WARNING, Problem, shorten

MAX_FILE_BYTES = 200 * 1024 * 1024  # 100,000 rich rows are about 60 MB
SEPARATORS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls (and .doc)
_BINARY_CONTROLS = {c for c in range(32) if chr(c) not in "\t\n\r"}

csv.field_size_limit(MAX_FILE_BYTES)  # long cells are reported by the loader, not by csv


def read_table(path: Path, problems: list[Problem]) -> list[list[str]] | None:
    """The file's rows as lists of stripped-of-nothing text cells, or None if unreadable."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    name,
                    None,
                    None,
                    message(
                        "problem_file_too_large",
                        limit=str(MAX_FILE_BYTES // 1024 // 1024),
                        size=str(size // 1024 // 1024),
                    ),
                )
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, message("problem_file_missing", path=str(path))))
        return None
    except OSError as exc:  # a folder, no permission, a broken disk
        reason = exc.strerror or type(exc).__name__
        problems.append(
            Problem(name, None, None, message("problem_file_unreadable", reason=reason))
        )
        return None

    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx(data, name, problems)
    if data.startswith(_OLE_MAGIC):
        problems.append(Problem(name, None, None, message("problem_old_xls")))
        return None
    text = _decode(data, name, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(name, None, None, message("problem_empty_file")))
        return None
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=guess_separator(text)))


def _decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    """UTF-16 if it has a BOM; else UTF-8 (BOM or not); else the 8-bit encoding it most
    likely is in (`core.load.encoding`), with a warning when that guess is unsure."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            guessed = Guess(Reading(data.decode("utf-8-sig"), "UTF-8"))
        except UnicodeDecodeError:
            guessed = guess_encoding(data)
        text = guessed.chosen.text
        # Latin-1 decodes any byte, so binary data lands here: control characters give it away
        controls = sum(1 for char in text[:65536] if ord(char) in _BINARY_CONTROLS)
        if controls * 100 <= len(text[:65536]):
            if guessed.unsure is not None:
                problems.append(_unsure(name, guessed.chosen, guessed.unsure))
            return text
    offset = data.find(b"\x00")
    found = (
        message("problem_binary_zero_byte", offset=str(offset))
        if offset >= 0
        else message("problem_binary_controls")
    )
    problems.append(Problem(name, None, None, message("problem_binary", found=found)))
    return None


def _unsure(name: str, chosen: Reading, other: Reading) -> Problem:
    """A warning naming the first cell the other reading reads otherwise (both encodings
    keep ASCII as it is, so separators, quotes and rows fall in the same places)."""
    separator = guess_separator(chosen.text)
    rows = csv.reader(io.StringIO(chosen.text, newline=""), delimiter=separator)
    other_rows = csv.reader(io.StringIO(other.text, newline=""), delimiter=separator)
    header: list[str] = []
    for number, (cells, other_cells) in enumerate(zip(rows, other_rows, strict=False), start=1):
        for index, (cell, other_cell) in enumerate(zip(cells, other_cells, strict=False)):
            if cell != other_cell:
                column = (header[index].strip().lower() or None) if index < len(header) else None
                what = _unsure_what(chosen, cell, other, other_cell)
                return Problem(name, number, column, what, WARNING)
        if not header and any(cell.strip() for cell in cells):
            header = cells
    lines = zip(chosen.text.splitlines(), other.text.splitlines(), strict=False)
    line, other_line = next(((a, b) for a, b in lines if a != b), ("", ""))
    return Problem(name, None, None, _unsure_what(chosen, line, other, other_line), WARNING)


def _unsure_what(chosen: Reading, found: str, other: Reading, other_found: str) -> Message:
    return message(
        "problem_encoding_unsure",
        encoding=chosen.encoding,
        found=shorten(found),
        other=other.encoding,
        other_found=shorten(other_found),
    )


def guess_separator(text: str) -> str:
    """The separator used in the header line: the most frequent of , ; and tab outside quotes."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    outside, quoted = [], False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    counts = {sep: outside.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _cell_text(value: object) -> str:
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


def _read_xlsx(data: bytes, name: str, problems: list[Problem]) -> list[list[str]] | None:
    """The first sheet of a workbook, one list per spreadsheet row (blank rows kept)."""
    import openpyxl  # only workbooks need it; CSV users never pay for the import

    try:
        with warnings.catch_warnings():  # "extension not supported" and the like: not ours to show
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                sheet.reset_dimensions()  # some writers store a wrong size; read what is there
                # missing rows come back empty, so list index + 1 stays the spreadsheet row
                rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl on a hostile file can raise anything
        problems.append(
            Problem(name, None, None, message("problem_not_xlsx", error=type(exc).__name__))
        )
        return None
    if not rows:
        problems.append(Problem(name, None, None, message("problem_empty_sheet")))
        return None
    return rows
