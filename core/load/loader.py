"""Read a timeline's CSV files, check every row, and build a `Timeline`.

A timeline is a folder: `events.csv` (required) and, beside it, `sources.csv`, `eras.csv`
and `vocabulary.csv` (optional). Every problem in every file is collected, each with its
row as a spreadsheet shows it, and raised together as a `DataError`; row checks come first,
whole-file checks (unique ids, references that resolve) after.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from core.i18n import Message, message
from core.load.dates import PERIOD, DateError, When
from core.load.frontmatter import TITLE_KIND, check_title_row, load_front_matter
from core.load.humandates import parse_human
from core.load.media import picture_of
from core.load.model import CERTAINTIES, LANGS, TEXT_FIELDS, Era, Term, Timeline, Vocabulary
from core.load.problems import ERROR, WARNING, DataError, Problem, shorten
from core.load.schema import (
    DOI_PATTERN,
    ERA_COLUMNS,
    EVENT_COLUMNS,
    SLUG_PATTERN,
    SOURCE_COLUMNS,
    SOURCE_TYPES,
    VOCABULARY_COLUMNS,
    read_rows,
    text_in,
)
from core.load.text import fold, is_web_address, slugify, split_list

DATE_ORDER = ["start", "end", "id"]  # the events' order: the chart's, and the list's by date
TEXT_FIELDS_NO_PICTURE = tuple(name for name in TEXT_FIELDS if not name.startswith("image_"))
PICTURE_TEXT_COLUMNS = tuple(
    f"{name}_{lang}" for name in TEXT_FIELDS if name.startswith("image_") for lang in LANGS
)


def _load_vocabulary(path: Path, problems: list[Problem]) -> Vocabulary:
    vocabulary = Vocabulary()
    if not path.exists():
        return vocabulary
    tables = {"kind": vocabulary.kinds, "tag": vocabulary.tags, "group": vocabulary.groups}
    for row_number, row in read_rows(path, VOCABULARY_COLUMNS, problems):
        table = tables.get(row.get("type", ""))
        if table is None:
            found = shorten(row.get("type", "")) or message("value_nothing")
            problems.append(
                Problem(
                    path.name, row_number, "type", message("problem_vocabulary_type", found=found)
                )
            )
            continue
        labels = {lang: row.get(f"label_{lang}", "") for lang in LANGS}
        table[row.get("id", "")] = Term(row.get("id", ""), labels, row.get("group", ""))
    return vocabulary


def _load_sources(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    sources: dict[str, dict[str, str]] = {}
    if not path.exists():
        return sources
    for row_number, row in read_rows(path, SOURCE_COLUMNS, problems):

        def bad(
            column: str, expected: Message, row_number: int = row_number, row: dict = row
        ) -> None:
            found = shorten(row.get(column, ""))
            what = message("problem_expected_found", expected=expected, found=found)
            problems.append(Problem(path.name, row_number, column, what))

        source = {column: row.get(column, "") for column in SOURCE_COLUMNS}
        if not source["id"]:
            bad("id", message("expect_identifier"))
            continue
        if source["id"] in sources:
            bad("id", message("expect_identifier_once"))
        if source["type"] and source["type"] not in SOURCE_TYPES:
            bad("type", message("expect_one_of", choices=", ".join(SOURCE_TYPES)))
        if source["year"] and not re.fullmatch(r"-?\d{1,4}", source["year"]):
            bad("year", message("expect_year"))
        if source["doi"] and not DOI_PATTERN.match(source["doi"]):
            bad("doi", message("expect_doi"))
        if source["pmid"] and not source["pmid"].isdigit():
            bad("pmid", message("expect_pmid"))
        if source["url"] and not is_web_address(source["url"]):
            bad("url", message("expect_url"))
        if not (source["title"] or source["container"]):
            bad("title", message("expect_title_or_container"))
        source["row"] = str(row_number)
        sources[source["id"]] = source
    return sources


def _load_eras(path: Path, problems: list[Problem]) -> list[Era]:
    eras = []
    if not path.exists():
        return eras
    for row_number, row in read_rows(path, ERA_COLUMNS, problems):
        bounds = {}
        for column in ("start", "end"):
            try:
                bounds[column] = parse_human(row.get(column, ""))
            except DateError as exc:
                problems.append(Problem(path.name, row_number, column, exc.what))
        if len(bounds) < 2:
            continue
        start, end = bounds["start"], bounds["end"]
        if end.end <= start.start:
            problems.append(
                Problem(
                    path.name,
                    row_number,
                    "end",
                    message("problem_era_end_before_start", start=start.text, end=end.text),
                )
            )
            continue
        labels = {lang: row.get(f"label_{lang}", "") for lang in LANGS}
        eras.append(Era(row.get("id", "") or slugify(labels["en"]), start.start, end.end, labels))
    return eras


def _event_when(row: dict, bad) -> When | None:
    try:
        when = parse_human(row.get("date", ""))
    except DateError as exc:
        bad("date", exc.what)
        return None
    if not row.get("end"):
        return when
    try:
        end = parse_human(row["end"])
    except DateError as exc:
        bad("end", exc.what)
        return None
    if end.end <= when.start:
        bad("end", message("problem_end_before_date", date=when.text, end=end.text))
        return None
    return When(
        f"{when.text}/{end.text}",
        when.start,
        end.end,
        when.fuzzy_start,
        end.fuzzy_end,
        PERIOD,
        when.precision,
        when.approximate or end.approximate,
        when.uncertain or end.uncertain,
    )


def _load_events(
    path: Path, vocabulary: Vocabulary, sources: dict, problems: list[Problem]
) -> tuple[list[dict], tuple[int, dict] | None]:
    """The events, each with its picture's checked file (`picture`), and the title row."""
    events = []
    title_row = None
    for row_number, row in read_rows(path, EVENT_COLUMNS, problems):

        def bad(
            column: str, what: Message, severity: str = ERROR, row_number: int = row_number
        ) -> None:
            problems.append(Problem(path.name, row_number, column, what, severity))

        if row.get("kind", "").lower() == TITLE_KIND:
            title_row = check_title_row(row_number, row, title_row, bad)
            continue
        when = _event_when(row, bad)
        titles = {lang: text_in(row, "title", lang) for lang in LANGS}
        if not any(titles.values()):
            bad("title", message("problem_no_title"))
        event_id = row.get("id", "")
        if event_id and not SLUG_PATTERN.match(event_id):
            bad(
                "id",
                message("problem_bad_id", example=slugify(event_id), found=shorten(event_id)),
            )
        kind = row.get("kind", "")
        if kind and vocabulary.kinds and kind not in vocabulary.kinds:
            choices = ", ".join(vocabulary.kinds)
            bad("kind", message("problem_unknown_kind", choices=choices, found=shorten(kind)))
        tags = split_list(row.get("tags", ""))
        for tag in tags:
            if vocabulary.tags and tag not in vocabulary.tags:
                bad("tags", message("problem_unknown_tag", found=shorten(tag)), WARNING)
        certainty = row.get("certainty", "")
        if certainty and certainty not in CERTAINTIES:
            choices = ", ".join(CERTAINTIES)
            bad(
                "certainty", message("problem_certainty", choices=choices, found=shorten(certainty))
            )
        cited = split_list(row.get("sources", ""))
        if not cited:
            bad("sources", message("problem_no_source"), WARNING)
        for source_id in cited:
            if source_id not in sources:
                bad("sources", message("problem_unknown_source", found=shorten(source_id)))
        picture = picture_of(row, path.parent, bad)
        if when is None or not any(titles.values()):
            continue
        event = {
            "id": event_id or slugify(f"{titles['en'] or titles['fr']}-{when.year}"),
            "date": when.text,
            "start": when.start,
            "end": when.end,
            "fuzzy_start": when.fuzzy_start,
            "fuzzy_end": when.fuzzy_end,
            "shape": when.shape,
            "precision": when.precision,
            "approximate": when.approximate,
            "uncertain": when.uncertain,
            "kind": kind,
            "tags": tags,
            "people": split_list(row.get("people", "")),
            "sources": cited,
            "certainty": certainty,
            "image": row.get("image", ""),
            "picture": picture,
            "row": row_number,
        }
        # A picture's texts are looked for only when there is a picture (most rows have none).
        for name in TEXT_FIELDS if event["image"] else TEXT_FIELDS_NO_PICTURE:
            for lang in LANGS:
                event[f"{name}_{lang}"] = text_in(row, name, lang)
        for column in () if event["image"] else PICTURE_TEXT_COLUMNS:
            event[column] = ""
        events.append(event)
    return events, title_row


def _search_text(event: dict, sources: dict, lang: str) -> str:
    parts = [
        event[f"title_{lang}"],
        event[f"summary_{lang}"],
        event[f"place_{lang}"],
        *event["people"],
    ]
    for source_id in event["sources"]:
        source = sources.get(source_id, {})
        parts += [
            source.get(k, "")
            for k in ("authors", "title", "container", "year", "doi", "pmid", "official_id")
        ]
    return fold(" ".join(parts))


def _check_whole_file(path: Path, events: list[dict], problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for event in events:
        if event["id"] in seen:
            problems.append(
                Problem(
                    path.name,
                    event["row"],
                    "id",
                    message(
                        "problem_duplicate_id",
                        found=shorten(event["id"]),
                        row=str(seen[event["id"]]),
                    ),
                )
            )
        else:
            seen[event["id"]] = event["row"]


def load_timeline(events_path: str | Path) -> Timeline:
    """Load and check a timeline; raise `DataError` listing every error found.

    Warnings (a missing source, an unknown tag) do not stop loading: they are kept on the
    returned timeline's `warnings`.
    """
    path = Path(events_path)
    folder = path.parent
    problems: list[Problem] = []
    vocabulary = _load_vocabulary(folder / "vocabulary.csv", problems)
    sources = _load_sources(folder / "sources.csv", problems)
    eras = _load_eras(folder / "eras.csv", problems)
    events, title_row = _load_events(path, vocabulary, sources, problems)
    front = load_front_matter(path, title_row, problems)
    if not vocabulary.kinds:  # kinds but no vocabulary.csv: each kind still gets its colour
        for kind in dict.fromkeys(event["kind"] for event in events if event["kind"]):
            vocabulary.kinds[kind] = Term(kind, dict.fromkeys(LANGS, kind))
    _check_whole_file(path, events, problems)
    if not events and not any(p.severity == ERROR for p in problems):
        problems.append(Problem(path.name, None, None, message("problem_no_events")))
    if any(p.severity == ERROR for p in problems):
        raise DataError(problems)

    pictures = {}
    for event in events:
        for lang in LANGS:
            event[f"search_{lang}"] = _search_text(event, sources, lang)
        if (picture := event.pop("picture")) is not None:
            pictures[event["id"]] = picture
    frame = pd.DataFrame(events).sort_values(DATE_ORDER, kind="stable").reset_index(drop=True)
    return Timeline(frame, sources, eras, vocabulary, problems, front, pictures)
