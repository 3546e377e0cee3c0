"""Turn a file a spreadsheet wrote into rows of text cells, whatever the spreadsheet was.

Lecturers save from Excel or LibreOffice: comma or semicolon separators (French Excel uses
`;`), UTF-8 with or without a BOM, Windows-1252, UTF-16 ("Unicode text"), quoted cells with
line breaks, trailing empty rows and columns, or an `.xlsx` workbook (core/load/workbook.py).
All of it is detected here, never asked for. Anything that is not a table (binary data, a
missing or unreadable file, a file too large to be a timeline) becomes one `Problem`, never
an exception.

Row i of the returned list is spreadsheet row i + 1: blank rows are kept as empty lists so
that every later message names the row the lecturer sees. Empty cells at the end of a row
are left out. Reading stops at the first limit of core/load/limits.py that the file passes:
rows are decoded and split one at a time, so memory holds the file's bytes and the rows
kept, never a copy of the whole text.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

from core.load import limits
from core.load.problems import Problem

SEPARATORS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls (and .doc)
_BINARY_CONTROLS = {c for c in range(32) if chr(c) not in "\t\n\r"}
_SNIFF_BYTES = 65536  # what the encoding and separator are guessed from
_CHUNK_BYTES = 1 << 20

csv.field_size_limit(limits.MAX_CELL_CHARS_READ)


class TooLarge(Exception):
    """Reading stopped at a limit; `problem` says which."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_table(path: Path, problems: list[Problem]) -> list[list[str]] | None:
    """The file's rows as lists of text cells, or None if unreadable."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            found, limit = limits.size_text(size, limits.MAX_FILE_BYTES)
            problems.append(
                Problem(
                    name,
                    None,
                    None,
                    f"expected a file of at most {limit}; found {found}: {limits.SPLIT}",
                )
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(
            Problem(
                name,
                None,
                None,
                "expected a file by this name, found none (moved, renamed or deleted?)",
            )
        )
        return None
    except OSError as exc:  # a folder, no permission, a broken disk
        reason = exc.strerror or type(exc).__name__
        problems.append(Problem(name, None, None, f"expected a readable file, found {reason}"))
        return None

    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in XLSX_SUFFIXES:
        from core.load.workbook import read_xlsx  # only workbooks need openpyxl

        return read_xlsx(data, name, problems)
    if data.startswith(_OLE_MAGIC):
        problems.append(
            Problem(
                name,
                None,
                None,
                "expected a CSV file or an .xlsx workbook; found an old .xls workbook "
                "(save it as .xlsx or CSV)",
            )
        )
        return None
    encoding = _encoding(data, name, problems)
    if encoding is None:
        return None
    try:
        rows = read_csv(data, encoding, name)
    except TooLarge as exc:
        problems.append(exc.problem)
        return None
    if not any(rows):
        problems.append(Problem(name, None, None, "expected a header row, found an empty file"))
        return None
    return rows


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether all of `data` decodes, checked a piece at a time (no copy of the text)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK_BYTES):
            decoder.decode(view[start : start + _CHUNK_BYTES])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _encoding(data: bytes, name: str, problems: list[Problem]) -> str | None:
    """UTF-16 if it has a BOM; else UTF-8 (BOM or not); else Windows-1252; else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _decodes(data, "utf-16"):
            return "utf-16"
    elif b"\x00" not in data:
        encoding = next(e for e in ("utf-8-sig", "cp1252", "latin-1") if _decodes(data, e))
        # Latin-1 decodes any byte, so binary data lands here: control characters give it away
        head = data[:_SNIFF_BYTES].decode(encoding, errors="ignore")
        controls = sum(1 for char in head if ord(char) in _BINARY_CONTROLS)
        if controls * 100 <= len(head):
            return encoding
    offset = data.find(b"\x00")
    found = f"a zero byte at offset {offset}" if offset >= 0 else "control characters"
    problems.append(
        Problem(
            name,
            None,
            None,
            f"expected a CSV text file or an .xlsx workbook; found binary data ({found}). "
            "Save the sheet as CSV or .xlsx",
        )
    )
    return None


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


class _Lines:
    """The file's lines, decoded one at a time, refusing a row with more separators than
    `MAX_ROW_SEPARATORS` before csv splits it (quoted separators count: it is an upper
    bound, met only by a file that is not a timeline)."""

    def __init__(self, data: bytes, encoding: str, separator: str, name: str):
        self.text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        self.separator = separator
        self.name = name
        self.row = 1  # the spreadsheet row being read
        self.pending = 0  # separators in the lines of that row so far

    def __iter__(self) -> Iterator[str]:
        for line in self.text:
            self.pending += line.count(self.separator)
            if self.pending > limits.MAX_ROW_SEPARATORS:
                raise TooLarge(
                    Problem(
                        self.name,
                        self.row,
                        None,
                        f"expected at most {limits.MAX_COLUMNS:,} columns; found a row with more than "
                        f"{limits.MAX_ROW_SEPARATORS:,} separators: delete the columns after "
                        "the last one the timeline uses",
                    )
                )
            yield line


def read_csv(data: bytes, encoding: str, name: str) -> list[list[str]]:
    """The rows of a CSV file in `encoding`; raises `TooLarge` at the first limit passed."""
    head = data[:_SNIFF_BYTES].decode(encoding, errors="ignore")
    lines = _Lines(data, encoding, guess_separator(head), name)
    reader = csv.reader(lines, delimiter=lines.separator)
    bound = Bounds(name)
    rows: list[list[str]] = []
    try:
        for cells in reader:
            row = len(rows) + 1
            bound.row(row)
            rows.append(bound.cells(row, _trimmed(cells)))
            lines.row, lines.pending = row + 1, 0
    except csv.Error:  # the only one left: a cell over the field limit
        raise TooLarge(
            Problem(
                name,
                lines.row,
                None,
                f"expected cells of at most {limits.MAX_CELL_CHARS_READ:,} characters; found a "
                'longer one (a quote " opened and never closed?)',
            )
        ) from None
    return rows


def _trimmed(cells: list[str]) -> list[str]:
    """The cells without the empty ones at the end of the row."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    del cells[end:]
    return cells


class Bounds:
    """Counts what is read of one file and raises `TooLarge` at the first limit passed:
    rows, filled columns, cells in all, time."""

    def __init__(self, name: str, seconds: float | None = None):
        self.name = name
        self.cells_read = 0
        self.seconds = limits.MAX_READ_SECONDS if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds

    def stop(self, row: int | None, message: str) -> TooLarge:
        return TooLarge(Problem(self.name, row, None, message))

    def row(self, row: int) -> None:
        """Before keeping spreadsheet row `row`."""
        if row > limits.MAX_ROWS:
            raise self.stop(
                row,
                f"expected at most {limits.MAX_ROWS:,} rows; found more (reading stopped here): {limits.SPLIT}",
            )
        self.in_time(row)

    def in_time(self, row: int) -> None:
        """While reading row `row`: raises once the time allowed is over."""
        if time.monotonic() > self.deadline:
            raise self.stop(
                row,
                f"expected a file read within {self.seconds:g} s; reading stopped here: "
                f"save it as CSV (quicker to read), or {limits.SPLIT}",
            )

    def cells(self, row: int, cells: list[str]) -> list[str]:
        """Row `row`'s cells (trimmed), once checked against the column and cell limits."""
        if len(cells) > limits.MAX_COLUMNS:
            raise self.stop(
                row,
                f"expected at most {limits.MAX_COLUMNS:,} columns; found a cell in column "
                f"{len(cells):,}: delete the columns after the last one the timeline uses",
            )
        self.cells_read += len(cells)
        if self.cells_read > limits.MAX_CELLS:
            raise self.stop(
                row,
                f"expected at most {limits.MAX_CELLS:,} cells in all; found more (reading stopped "
                f"here): delete unused columns, or {limits.SPLIT}",
            )
        return cells
