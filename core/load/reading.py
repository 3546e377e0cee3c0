"""Turn a file a spreadsheet wrote into rows of text cells, whatever the spreadsheet was.

Lecturers save from Excel or LibreOffice: comma or semicolon separators (French Excel uses
`;`), UTF-8 with or without a BOM, UTF-16 ("Unicode text"), the 8-bit code page of their
system (Windows-1252, Windows-1250, Mac Roman...: see `core.load.encoding`, which guesses
from the first `GUESS_BYTES` of the file), quoted cells with line breaks, trailing empty
rows and columns, or an `.xlsx` workbook (core/load/workbook.py). All of it is detected
here, never asked for. Anything that is not a table (binary data, a missing or unreadable
file, a file too large to be a timeline) becomes one `Problem`, never an exception.

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
import re
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from core.i18n import Message, message
from core.load import limits
from core.load.encoding import Guess, Reading, codec
from core.load.encoding import guess as guess_encoding
from core.load.problems import ERROR, WARNING, Problem, shorten

SEPARATORS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls (and .doc)
_BINARY_CONTROLS = {c for c in range(32) if chr(c) not in "\t\n\r"}
_SNIFF_BYTES = 65536  # what the encoding and separator are guessed from
_CHUNK_BYTES = 1 << 20
GUESS_BYTES = 1 << 20  # what an 8-bit encoding is guessed from (and its doubts shown in)

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
            what = limits.file_too_large(size, limits.MAX_FILE_BYTES)
            problems.append(Problem(name, None, None, what))
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        # the file's name, never its place on the server: the page's banner shows it
        problems.append(Problem(name, None, None, message("problem_file_missing")))
        return None
    except OSError as exc:  # a folder, no permission, a broken disk
        reason = exc.strerror or type(exc).__name__
        problems.append(
            Problem(name, None, None, message("problem_file_unreadable", reason=reason))
        )
        return None

    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in XLSX_SUFFIXES:
        from core.load.workbook import read_xlsx  # only workbooks need openpyxl

        return read_xlsx(data, name, problems)
    if data.startswith(_OLE_MAGIC):
        problems.append(Problem(name, None, None, message("problem_old_xls")))
        return None
    encoding = _encoding(data, name, problems)
    if encoding is None:
        return None
    try:
        rows = read_csv(data, encoding, name, problems)
    except TooLarge as exc:
        problems.append(exc.problem)
        return None
    if not any(rows):
        problems.append(Problem(name, None, None, message("problem_empty_file")))
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
    """The codec to read the file with: UTF-16 if it has a BOM; else UTF-8 (BOM or not);
    else the 8-bit encoding it most likely is in (`core.load.encoding`, guessed from its
    first `GUESS_BYTES`), with a warning when that guess is unsure; None for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _decodes(data, "utf-16"):
            return "utf-16"
    elif b"\x00" not in data:
        guessed: Guess | None = None
        if _decodes(data, "utf-8-sig"):
            encoding = "utf-8-sig"
        else:
            guessed = guess_encoding(_sample(data))
            encoding = next(
                e
                for e in (codec(guessed.chosen.encoding), "cp1252", "latin-1")
                if _decodes(data, e)
            )
        # Latin-1 decodes any byte, so binary data lands here: control characters give it away
        head = data[:_SNIFF_BYTES].decode(encoding, errors="ignore")
        controls = sum(1 for char in head if ord(char) in _BINARY_CONTROLS)
        if controls * 100 <= len(head):
            if guessed is not None and guessed.unsure is not None:
                problems.append(_unsure(name, guessed.chosen, guessed.unsure))
            return encoding
    offset = data.find(b"\x00")
    found = (
        message("problem_binary_zero_byte", offset=str(offset))
        if offset >= 0
        else message("problem_binary_controls")
    )
    problems.append(Problem(name, None, None, message("problem_binary", found=found)))
    return None


def _sample(data: bytes) -> bytes:
    """The first `GUESS_BYTES` of the file, cut after a line (all of a smaller file)."""
    if len(data) <= GUESS_BYTES:
        return data
    end = data.rfind(b"\n", 0, GUESS_BYTES)
    return data[: end + 1 if end > 0 else GUESS_BYTES]


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
        self.line = 0  # the file's lines read so far
        self.record: list[str] = []  # the lines of that row (more than one: a quoted cell)

    def next_row(self, row: int) -> None:
        self.row, self.pending, self.record = row, 0, []

    def __iter__(self) -> Iterator[str]:
        for line in self.text:
            self.line += 1
            self.record.append(line)
            self.pending += line.count(self.separator)
            if self.pending > limits.MAX_ROW_SEPARATORS:
                said = message(
                    "problem_row_separators",
                    limit=limits.MAX_COLUMNS,
                    separators=limits.MAX_ROW_SEPARATORS,
                )
                raise TooLarge(Problem(self.name, self.row, None, said))
            yield line


def read_csv(data: bytes, encoding: str, name: str, problems: list[Problem]) -> list[list[str]]:
    """The rows of a CSV file in `encoding`; raises `TooLarge` at the first limit passed.
    A quote that does not close its cell where it should (`quote_problem`) goes to
    `problems`."""
    head = data[:_SNIFF_BYTES].decode(encoding, errors="ignore")
    lines = _Lines(data, encoding, guess_separator(head), name)
    reader = csv.reader(lines, delimiter=lines.separator)
    bound = Bounds(name)
    well_quoted = well_quoted_row(lines.separator).fullmatch
    rows: list[list[str]] = []
    header, header_width = None, 0  # the first row with something in it, and its cells
    try:
        for cells in reader:
            row = len(rows) + 1
            bound.row(row)
            width = len(cells)
            rows.append(bound.cells(row, _trimmed(cells)))
            record = lines.record[0] if len(lines.record) == 1 else "".join(lines.record)
            if '"' in record and not well_quoted(record):
                fault = quote_problem(lines, record, cells, header)
                if fault is not None:
                    column, said, severity = fault
                    problems.append(Problem(name, row, column, said, severity))
            if header is None and rows[-1]:
                header, header_width = rows[-1], width
            lines.next_row(row + 1)
    except csv.Error:  # the only one left: a cell over the field limit
        raise TooLarge(
            Problem(
                name,
                lines.row,
                None,
                message("problem_cell_unclosed", limit=limits.MAX_CELL_CHARS_READ),
            )
        ) from None
    if header is not None:
        # The header keeps the empty cells it had over the rows under it: a column with no
        # header but values under it is one the loader names (and ignores).
        widest = max(map(len, rows))
        header += [""] * (min(header_width, widest) - len(header))
    return rows


@cache
def well_quoted_row(separator: str) -> re.Pattern[str]:
    """A row whose quoting keeps the rules (`quote_fault` says where one breaks them),
    matched in C, a hundred thousand rows in about 0.1 s: each cell is quoted (a quote
    inside written twice, line breaks allowed) or starts with no quote."""
    sep = re.escape(separator)
    cell = f'(?:"[^"]*(?:""[^"]*)*"|[^{sep}"\\r\\n][^{sep}\\r\\n]*|)'
    return re.compile(f"{cell}(?:{sep}{cell})*(?:\\r\\n|\\n|\\r)?")


def quote_fault(record: str, separator: str) -> tuple[str, int] | None:
    """Where a row's text (its lines joined) breaks the rules of quoting that csv's strict
    mode holds to: ("open", i) for a quote that opens cell i and is never closed,
    ("after", i) for text after the quote that closes cell i. None when it keeps them.
    Python's csv reads both anyway (its default), as spreadsheets do: this says where."""
    end, at, cell = len(record), 0, 0
    while at < end:
        if record[at] == '"':
            at += 1
            while True:
                close = record.find('"', at)
                if close < 0:
                    return ("open", cell)
                if record.startswith('""', close):
                    at = close + 2  # a quote inside the text, written twice
                    continue
                at = close + 1
                break
            if at < end and record[at] not in (separator, "\r", "\n"):
                return ("after", cell)
        at = record.find(separator, at)
        if at < 0:
            return None
        at, cell = at + 1, cell + 1
    return None


def quote_problem(
    lines: _Lines, record: str, cells: list[str], header: list[str] | None
) -> tuple[str | None, Message, str] | None:
    """A quote in the row just read (`record`, the text of `lines.record`, and its `cells`)
    that does not close its cell where it should: its column, what to say, and how bad it
    is; or None.

    Left open, or closed too late by the next quote in the file, it takes the rows under
    it into its cell (they have separators, as rows do): an error, since those rows are
    gone. Text after a closing quote on the row itself only joins the cell (`"Smith" et
    al` reads as `Smith et al`), which may shift the cells after it: a warning."""
    fault = quote_fault(record, lines.separator)
    if fault is None:
        return None
    kind, index = fault
    column = header[index].strip() or None if header and index < len(header) else None
    if len(lines.record) > 1 and any(lines.separator in line for line in lines.record[1:]):
        first = lines.line - len(lines.record) + 1
        said = message("problem_quote_unclosed", first=str(first), last=str(lines.line))
        return column, said, ERROR
    if kind == "after" and index < len(cells):
        return column, message("problem_quote_text_after", found=shorten(cells[index])), WARNING
    return None  # a quote open to the end of the file, on a last row that lost nothing


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

    def stop(self, row: int | None, said: Message) -> TooLarge:
        return TooLarge(Problem(self.name, row, None, said))

    def row(self, row: int) -> None:
        """Before keeping spreadsheet row `row`."""
        if row > limits.MAX_ROWS:
            raise self.stop(
                row,
                message("problem_too_many_rows", limit=limits.MAX_ROWS, split=limits.SPLIT_SAID),
            )
        self.in_time(row)

    def in_time(self, row: int) -> None:
        """While reading row `row`: raises once the time allowed is over."""
        if time.monotonic() > self.deadline:
            raise self.stop(
                row,
                message(
                    "problem_read_too_slow", seconds=f"{self.seconds:g}", split=limits.SPLIT_SAID
                ),
            )

    def cells(self, row: int, cells: list[str]) -> list[str]:
        """Row `row`'s cells (trimmed), once checked against the column and cell limits."""
        if len(cells) > limits.MAX_COLUMNS:
            raise self.stop(row, too_many_columns(len(cells)))
        self.cells_read += len(cells)
        if self.cells_read > limits.MAX_CELLS:
            raise self.stop(
                row,
                message("problem_cells_in_all", limit=limits.MAX_CELLS, split=limits.SPLIT_SAID),
            )
        return cells


def too_many_columns(column: int) -> Message:
    """A cell found in `column`, past `MAX_COLUMNS`."""
    return message("problem_too_many_columns", limit=limits.MAX_COLUMNS, column=column)
