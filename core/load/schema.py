"""The columns each file of a timeline may have, and reading a file's rows against them.

A timeline is a folder: `events.csv` (required) and, beside it, `sources.csv`, `eras.csv`,
`vocabulary.csv` and `timeline.csv` (optional). Here: every column each may have (the README documents
each one, and a test checks that it does), and `read_rows`, which matches a file's header
to them and checks what every row must satisfy whatever the file (cells within the header,
cells not too long). What each value must be is checked by the loader.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.i18n import message
from core.load.model import LANGS, TEXT_FIELDS
from core.load.problems import WARNING, Problem, shorten
from core.load.reading import read_table

# Every column each file may have, with what it holds. The README documents each one, and a
# test checks that it does.
EVENT_COLUMNS = {
    "id": "stable identifier (slug), used in links; made from the title if empty",
    "date": "EDTF date: 1984, 1984~, 1984?, 2008-05, 2013-04-24, 1984/1989, [1984..1989]",
    "end": "optional EDTF end date; makes the event a period from date to end",
    "kind": "one kind id from vocabulary.csv",
    "tags": "tag ids from vocabulary.csv, separated by |",
    "people": "names separated by |",
    "sources": "source ids from sources.csv, separated by |",
    "certainty": "verified, secondary or source-text",
    "image": "a picture: a file in the data folder (media/needle.svg) or an http(s) address",
    **{f"{name}_{lang}": f"{name} in {lang}" for name in TEXT_FIELDS for lang in LANGS},
    **{
        name: f"{name} in any language, used where the _en or _fr column is empty"
        for name in TEXT_FIELDS
    },
}
SOURCE_COLUMNS = {
    "id": "identifier that events cite",
    "type": "article, guideline, regulatory, press, company, encyclopedia or proceedings",
    "authors": "Vancouver-style names (Galibert P) separated by |",
    "title": "title of the work; a description in [square brackets] if it has none",
    "container": "journal (abbreviated) or issuing body",
    "year": "year of publication",
    "volume": "volume",
    "issue": "issue",
    "pages": "page range as printed (166-8)",
    "doi": "DOI without prefix (10.1056/NEJMoa0900429)",
    "pmid": "PubMed identifier (digits)",
    "official_id": "official identifier (TA279, K981251, CD006349.pub3)",
    "url": "web address (http or https only)",
    "note_en": "note on the reference in English",
    "note_fr": "note on the reference in French",
}
ERA_COLUMNS = {
    "id": "identifier",
    "start": "EDTF start of the era",
    "end": "EDTF end of the era",
    "label_en": "label in English",
    "label_fr": "label in French",
}
VOCABULARY_COLUMNS = {
    "type": "kind, tag or group",
    "id": "identifier used in events.csv",
    "group": "for tags: the group id they belong to",
    "label_en": "label in English",
    "label_fr": "label in French",
}
# timeline.csv: the timeline's front matter, one row under the header.
FRONT_COLUMNS = {
    **{
        f"{name}{suffix}": f"the timeline's {name}"
        for name in ("title", "subtitle")
        for suffix in ("", *(f"_{lang}" for lang in LANGS))
    },
    "authors": "who made the timeline, separated by |",
    "licence": "the licence of the timeline's texts (CC BY 4.0)",
    "languages": "the languages it is written in (en, fr), separated by |",
}
SOURCE_TYPES = (
    "article",
    "guideline",
    "regulatory",
    "press",
    "company",
    "encyclopedia",
    "proceedings",
)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
MAX_CELL_CHARS = 10_000  # a summary is a paragraph; more is a paste gone wrong


# Where each text field is looked for, in order: its own language, the plain column, the others.
_TEXT_ORDER = {
    (name, lang): (f"{name}_{lang}", name, *(f"{name}_{o}" for o in LANGS if o != lang))
    for name in TEXT_FIELDS
    for lang in LANGS
}


def text_in(row: dict, name: str, lang: str) -> str:
    """A text field in one language, falling back to the plain column, then the other language."""
    for column in _TEXT_ORDER[name, lang]:
        if value := row.get(column):
            return value
    return ""


def read_rows(path: Path, known: dict[str, str], problems: list[Problem]) -> list[tuple[int, dict]]:
    """The non-empty rows of a CSV file or workbook as (spreadsheet row, {column: text}).

    Headers are matched without regard to case or surrounding spaces; cells are stripped.
    A file that cannot be read at all adds one problem and gives no rows. A row with more
    filled cells than the header, or a cell longer than `MAX_CELL_CHARS`, is an error.
    """
    name = path.name
    table = read_table(path, problems)
    if table is None:
        return []
    header_index = next((i for i, cells in enumerate(table) if any(c.strip() for c in cells)), None)
    if header_index is None:
        problems.append(Problem(name, None, None, message("problem_empty_file")))
        return []
    header = [cell.strip().lower() for cell in table[header_index]]
    used = {i for cells in table[header_index + 1 :] for i, c in enumerate(cells) if c.strip()}
    for number, column in enumerate(header):
        if column not in known and (column or number in used):
            found = (
                message("problem_column_named", column=shorten(column))
                if column
                else message("problem_column_unnamed")
            )
            problems.append(
                Problem(
                    name,
                    header_index + 1,
                    column or None,
                    message("problem_unknown_column", found=found),
                    WARNING,
                )
            )
    wanted = [(i, column) for i, column in enumerate(header) if column in known]
    rows = []
    for index in range(header_index + 1, len(table)):
        cells, row_number = table[index], index + 1
        extra = [c for c in cells[len(header) :] if c.strip()]
        if extra:
            filled = len(header) + len(extra)
            too_many = message("problem_too_many_cells", limit=len(header), found=filled)
            problems.append(Problem(name, row_number, None, too_many))
            continue
        row = {column: cells[i].strip() if i < len(cells) else "" for i, column in wanted}
        too_long = [
            (column, len(text)) for column, text in row.items() if len(text) > MAX_CELL_CHARS
        ]
        for column, length in too_long:
            problems.append(
                Problem(
                    name,
                    row_number,
                    column,
                    message("problem_cell_too_long", limit=MAX_CELL_CHARS, found=length),
                )
            )
        if any(row.values()) and not too_long:
            rows.append((row_number, row))
    return rows
