"""Every problem a timeline's files can have reads in English and in French.

One table: a small broken folder for each message the loader can give, the message it
must give, and then the same problem written in both languages. A last test checks that
the table reaches every message of core/locales/*/problems.json, so a new message cannot
be added without a French text and a case here.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from core.i18n import Message, message, strings
from core.load import limits as file_limits
from core.load import media
from core.load.formats import timelinejs
from core.load.loader import load_timeline
from core.load.problems import DataError, Problem, report
from tests.conftest import ROOT

HEADER = "date,title,sources\n"
SOURCES = "id,type,title,year,doi,pmid,url\ns1,article,A title,1987,,,\n"
VOCABULARY = (
    "type,id,group,label_en,label_fr\nkind,trial,,Trial,Essai\ntag,implant,,Implant,Implant\n"
)


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def events(*rows: str, header: str = HEADER) -> dict:
    return {"events.csv": header + "".join(f"{row}\n" for row in rows), "sources.csv": SOURCES}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2, 2)).save(out, "PNG")
    return out.getvalue()


PNG = _png()
KIND_HEADER = "date,title,sources,kind\n"
WORKBOOK = {"events.xlsx": _xlsx([["date", "title"], [1984, "A"]]), "sources.csv": SOURCES}


def pictured(value: str, files: dict | None = None, alt: str = "a drawing") -> dict:
    """A folder whose one event has the picture `value`, and `files` beside it."""
    header = "date,title,sources,image,image_alt\n"
    return {**events(f"1984,A,s1,{value},{alt}", header=header), **(files or {})}


# (files of the folder, the events file's name, the message key the loader must give)
CASES = {
    "file_missing": ({"sources.csv": SOURCES}, "events.csv", "problem_file_missing"),
    "file_unreadable": ({"events.csv/": ""}, "events.csv", "problem_file_unreadable"),
    "file_too_large": (events("1984,A,s1"), "events.csv", "problem_file_too_large"),
    "old_xls": ({"events.csv": b"\xd0\xcf\x11\xe0" + bytes(600)}, "events.csv", "problem_old_xls"),
    "empty_file": ({"events.csv": "\n\n"}, "events.csv", "problem_empty_file"),
    "empty_sheet": ({"events.xlsx": _xlsx([])}, "events.xlsx", "problem_empty_sheet"),
    "zero_byte": (
        {"events.csv": b"date,title\n\x00\x00"},
        "events.csv",
        "problem_binary_zero_byte",
    ),
    "controls": ({"events.csv": b"date\x01\x02\x03\x04"}, "events.csv", "problem_binary_controls"),
    "encoding_unsure": (
        {
            "events.csv": "date,title\n1984,Vertébroplastie\n".encode("mac_roman"),
            "sources.csv": SOURCES,
        },
        "events.csv",
        "problem_encoding_unsure",
    ),
    "not_xlsx": ({"events.xlsx": b"PK\x03\x04 torn"}, "events.xlsx", "problem_not_xlsx"),
    "unknown_column": (
        events("1984,A,s1", header="date,title,sources,colour\n"),
        "events.csv",
        "problem_column_named",
    ),
    "unnamed_column": (
        events("1984,A,s1,x", header="date,title,sources,\n"),
        "events.csv",
        "problem_column_unnamed",
    ),
    "too_many_cells": (
        events("1984,A,s1,x,y", header="date,title,sources\n"),
        "events.csv",
        "problem_too_many_cells",
    ),
    "cell_too_long": (
        events("1984," + "a" * 10_001 + ",s1"),
        "events.csv",
        "problem_cell_too_long",
    ),
    "vocabulary_type": (
        {**events("1984,A,s1"), "vocabulary.csv": "type,id\n,x\n"},
        "events.csv",
        "value_nothing",
    ),
    "source_no_id": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + ",article,T,,,,\n"},
        "events.csv",
        "expect_identifier",
    ),
    "source_twice": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s1,article,T,,,,\n"},
        "events.csv",
        "expect_identifier_once",
    ),
    "source_type": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,poem,T,,,,\n"},
        "events.csv",
        "expect_one_of",
    ),
    "source_year": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,article,T,soon,,,\n"},
        "events.csv",
        "expect_year",
    ),
    "source_doi": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,article,T,,doi:10.1/x,,\n"},
        "events.csv",
        "expect_doi",
    ),
    "source_pmid": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,article,T,,,PM12,\n"},
        "events.csv",
        "expect_pmid",
    ),
    "source_url": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,article,T,,,,javascript:x\n"},
        "events.csv",
        "expect_url",
    ),
    "source_title": (
        {**events("1984,A,s1"), "sources.csv": SOURCES + "s2,article,,,,,\n"},
        "events.csv",
        "expect_title_or_container",
    ),
    "era_end": (
        {**events("1984,A,s1"), "eras.csv": "id,start,end,label_en\ne,1990,1980,E\n"},
        "events.csv",
        "problem_era_end_before_start",
    ),
    "event_end": (
        events("1990,1980,A,s1", header="date,end,title,sources\n"),
        "events.csv",
        "problem_end_before_date",
    ),
    "no_title": (events("1984,,s1"), "events.csv", "problem_no_title"),
    "bad_id": (
        events("Bad Id,1984,A,s1", header="id,date,title,sources\n"),
        "events.csv",
        "problem_bad_id",
    ),
    "unknown_kind": (
        {
            **events("1984,A,s1,poem", header="date,title,sources,kind\n"),
            "vocabulary.csv": VOCABULARY,
        },
        "events.csv",
        "problem_unknown_kind",
    ),
    "unknown_tag": (
        {
            **events("1984,A,s1,glue", header="date,title,sources,tags\n"),
            "vocabulary.csv": VOCABULARY,
        },
        "events.csv",
        "problem_unknown_tag",
    ),
    "certainty": (
        events("1984,A,s1,sure", header="date,title,sources,certainty\n"),
        "events.csv",
        "problem_certainty",
    ),
    "no_source": (events("1984,A,"), "events.csv", "problem_no_source"),
    "unknown_source": (events("1984,A,s9"), "events.csv", "problem_unknown_source"),
    "duplicate_id": (
        events("a,1984,A,s1", "a,1985,B,s1", header="id,date,title,sources\n"),
        "events.csv",
        "problem_duplicate_id",
    ),
    "no_events": (events(), "events.csv", "problem_no_events"),
    "long_value": (events("1984,A," + "s" * 100), "events.csv", "value_shortened"),
    "date_nothing": (events(",A,s1"), "events.csv", "date_expected_nothing"),
    "date_words": (events("next year,A,s1"), "events.csv", "date_examples_human"),
    "date_edtf": (events("1984-13,A,s1"), "events.csv", "date_expected"),
    "date_season": (events("2004-21,A,s1"), "events.csv", "date_no_seasons"),
    "date_open": (events("1984/..,A,s1"), "events.csv", "date_open_end"),
    "date_backwards": (events("1989/1984,A,s1"), "events.csv", "date_end_before_start"),
    "date_day_month": (events("13/13/2013,A,s1"), "events.csv", "date_day_and_month"),
    "date_ambiguous": (events("03/04/2013,A,s1"), "events.csv", "date_day_month"),
    "date_no_such_day": (events("31/04/2013,A,s1"), "events.csv", "date_no_such_day"),
    "date_read_from": (events("c. 2013-02-30,A,s1"), "events.csv", "date_read_from"),
    # an event's picture (core/load/media.py)
    "picture_absolute": (pictured("/etc/a.png"), "events.csv", "picture_absolute"),
    "picture_scheme": (pictured("ftp://example.org/a.png"), "events.csv", "picture_scheme"),
    "picture_leaves": (pictured("../a.png"), "events.csv", "picture_leaves"),
    "picture_type": (pictured("media/a.bmp"), "events.csv", "picture_type"),
    "picture_link_outside": (
        pictured("a.png", {"a.png": ("->", "/etc/hostname")}),
        "events.csv",
        "picture_link_outside",
    ),
    "picture_missing": (pictured("media/none.png"), "events.csv", "picture_missing"),
    "picture_too_large": (pictured("a.png", {"a.png": PNG}), "events.csv", "picture_too_large"),
    "picture_no_alt": (pictured("a.png", {"a.png": PNG}, alt=""), "events.csv", "picture_no_alt"),
    "picture_not_svg": (pictured("a.svg", {"a.svg": "hello"}), "events.csv", "picture_not_svg"),
    "picture_wrong_format": (
        pictured("a.png", {"a.png": b"not a png"}),
        "events.csv",
        "picture_wrong_format",
    ),
    "picture_too_many_pixels": (
        pictured("a.png", {"a.png": PNG}),
        "events.csv",
        "picture_too_many_pixels",
    ),
    "picture_bomb": (pictured("a.png", {"a.png": PNG}), "events.csv", "picture_bomb"),
    # the timeline's front matter (core/load/frontmatter.py)
    "front_second_title": (
        events("1984,A,s1,", ",My history,,title", ",Again,,title", header=KIND_HEADER),
        "events.csv",
        "front_second_title",
    ),
    "front_no_title": (
        events("1984,A,s1,", ",,,title", header=KIND_HEADER),
        "events.csv",
        "front_no_title",
    ),
    "front_extra_row": (
        {**events("1984,A,s1"), "timeline.csv": "title_en\nOne\nTwo\n"},
        "events.csv",
        "front_extra_row",
    ),
    "front_languages": (
        {**events("1984,A,s1"), "timeline.csv": "title_en,languages\nRoads,en|de\n"},
        "events.csv",
        "front_languages",
    ),
    # what a file may hold (core/load/limits.py), with the limits made small in LIMITS
    "split": (events("1984,A,s1"), "events.csv", "problem_split"),
    "size_bytes": (events("1984,A,s1"), "events.csv", "size_bytes"),
    "size_mb": (
        {"events.csv": "date,title\n" + "x" * 120_000, "sources.csv": SOURCES},
        "events.csv",
        "size_mb",
    ),
    "size_mb_tenths": (
        {"events.csv": "date,title\n" + "x" * 120_000, "sources.csv": SOURCES},
        "events.csv",
        "size_mb_tenths",
    ),
    "row_separators": (events("1984,A,s1,,,,,"), "events.csv", "problem_row_separators"),
    "too_many_columns": (events("1984,A,s1"), "events.csv", "problem_too_many_columns"),
    "cell_unclosed": (
        {"events.csv": 'date,title\n1984,"' + "x" * 1_000_001 + "\n", "sources.csv": SOURCES},
        "events.csv",
        "problem_cell_unclosed",
    ),
    "quote_text_after": (
        {"events.csv": HEADER + '1984,"A" b,s1\n', "sources.csv": SOURCES},
        "events.csv",
        "problem_quote_text_after",
    ),
    "quote_unclosed": (
        {"events.csv": HEADER + '1984,"A,s1\n1985,B,s1\n', "sources.csv": SOURCES},
        "events.csv",
        "problem_quote_unclosed",
    ),
    "too_many_rows": (events("1984,A,s1", "1985,B,s1"), "events.csv", "problem_too_many_rows"),
    "read_too_slow": (events("1984,A,s1"), "events.csv", "problem_read_too_slow"),
    "cells_in_all": (events("1984,A,s1"), "events.csv", "problem_cells_in_all"),
    "xlsx_parts": (WORKBOOK, "events.xlsx", "problem_xlsx_parts"),
    "save_again": (WORKBOOK, "events.xlsx", "problem_save_again"),
    "xlsx_part_size": (WORKBOOK, "events.xlsx", "problem_xlsx_part_size"),
    "xlsx_ratio": (WORKBOOK, "events.xlsx", "problem_xlsx_ratio"),
    "xlsx_unpacked": (WORKBOOK, "events.xlsx", "problem_xlsx_unpacked"),
}
# The limits each case above makes small, to be reached by a small folder.
LIMITS = {
    "problem_file_too_large": [(file_limits, "MAX_FILE_BYTES", 10)],
    "problem_split": [(file_limits, "MAX_FILE_BYTES", 10)],
    "size_bytes": [(file_limits, "MAX_FILE_BYTES", 10)],
    "size_mb": [(file_limits, "MAX_FILE_BYTES", 1)],  # at most 0 MB; found 0.1 MB
    "size_mb_tenths": [(file_limits, "MAX_FILE_BYTES", 1)],
    "problem_row_separators": [(file_limits, "MAX_ROW_SEPARATORS", 4)],
    "problem_too_many_columns": [(file_limits, "MAX_COLUMNS", 2)],
    "problem_too_many_rows": [(file_limits, "MAX_ROWS", 2)],
    "problem_read_too_slow": [(file_limits, "MAX_READ_SECONDS", 0)],
    "problem_cells_in_all": [(file_limits, "MAX_CELLS", 3)],
    "problem_xlsx_parts": [(file_limits, "MAX_PARTS", 3)],
    "problem_save_again": [(file_limits, "MAX_PARTS", 3)],
    "problem_xlsx_part_size": [(file_limits, "MAX_PART_BYTES", 1000)],
    "problem_xlsx_ratio": [(file_limits, "RATIO_FROM_BYTES", 0), (file_limits, "MAX_RATIO", 1)],
    "problem_xlsx_unpacked": [(file_limits, "MAX_UNPACKED_BYTES", 1000)],
    "picture_too_large": [(media, "MAX_PICTURE_BYTES", 10)],
    "picture_too_many_pixels": [(media, "MAX_PICTURE_PIXELS", 1)],
    "picture_bomb": [(Image, "MAX_IMAGE_PIXELS", 1)],
}
# A TimelineJS sheet and a vis-timeline file, each read directly by the loader.
TLJS_HEADERS = timelinejs.HEADERS
TLJS_EVENT = {"Year": "1984", "Headline": "A"}


def sheet(*rows: dict) -> dict:
    """A folder holding a TimelineJS sheet (events.csv) with these rows."""
    lines = [",".join(TLJS_HEADERS)]
    lines += [",".join(json.dumps(row.get(h, "")) for h in TLJS_HEADERS) for row in rows]
    return {"events.csv": "\n".join(lines) + "\n"}


def items(data: object) -> dict:
    """A folder holding vis-timeline data (items.json)."""
    return {"items.json": json.dumps(data)}


VIS_ITEM = {"start": "1984", "content": "A"}
FOREIGN = {
    "tljs_background": sheet({**TLJS_EVENT, "Background": "#ff0000"}),
    "foreign_time_ignored": sheet({**TLJS_EVENT, "Month": "5", "Day": "2", "Time": "14:30"}),
    "tljs_unknown_type": sheet({**TLJS_EVENT, "Type": "slide"}),
    "tljs_second_title_event": sheet(
        {"Headline": "T", "Type": "title"}, {**TLJS_EVENT, "Type": "title"}
    ),
    "tljs_second_title_ignored": sheet(
        {"Headline": "T", "Type": "title"}, {"Headline": "U", "Type": "title"}, TLJS_EVENT
    ),
    "tljs_no_events": sheet({"Headline": "T", "Type": "title"}),
    "tljs_event_no_year": sheet({"Headline": "A"}),
    "tljs_era_no_year": sheet({"End Year": "1990", "Headline": "E", "Type": "era"}),
    "tljs_end_parts_no_year": sheet({**TLJS_EVENT, "End Month": "5"}),
    "tljs_era_no_end": sheet({"Year": "1980", "Headline": "E", "Type": "era"}),
    "tljs_bad_time": sheet({**TLJS_EVENT, "Time": "25:99"}),
    "tljs_end_before_start": sheet({**TLJS_EVENT, "End Year": "1980"}),
    "tljs_era_no_headline": sheet({"Year": "1980", "End Year": "1990", "Type": "era"}, TLJS_EVENT),
    "tljs_no_headline": sheet({"Year": "1984"}),
    "tljs_bad_year": sheet({**TLJS_EVENT, "Year": "19x4"}),
    "tljs_year_zero": sheet({**TLJS_EVENT, "Year": "0"}),
    "tljs_year_range": sheet({**TLJS_EVENT, "Year": "12000"}),
    "tljs_bad_month": sheet({**TLJS_EVENT, "Month": "13"}),
    "tljs_day_no_month": sheet({**TLJS_EVENT, "Day": "5"}),
    "tljs_bad_day": sheet({**TLJS_EVENT, "Month": "2", "Day": "5th"}),
    "tljs_day_range": sheet({**TLJS_EVENT, "Month": "2", "Day": "30"}),
    "tljs_media_html_text": sheet({**TLJS_EVENT, "Media": "<blockquote>Said</blockquote>"}),
    "tljs_media_html_ignored": sheet({**TLJS_EVENT, "Media": "<iframe></iframe>"}),
    "tljs_media_scheme": sheet({**TLJS_EVENT, "Media": "javascript:alert(1)"}),
    "vis_bad_group": items({"items": [VIS_ITEM], "groups": [5]}),
    "vis_bad_nested": items(
        {"items": [VIS_ITEM], "groups": [{"id": 1, "content": "G", "nestedGroups": [9]}]}
    ),
    "vis_groups_not_list": items({"items": [VIS_ITEM], "groups": "x"}),
    "vis_not_items": items({"a": 1}),
    "vis_no_items": items([]),
    "vis_bad_item": items([5, VIS_ITEM]),
    "vis_unknown_type": items([{**VIS_ITEM, "type": "dot"}]),
    "vis_no_start": items([{"content": "A"}]),
    "vis_end_ignored": items([{**VIS_ITEM, "type": "point", "end": "1990"}]),
    "vis_range_no_end": items([{**VIS_ITEM, "type": "range"}]),
    "vis_background_no_end": items([{**VIS_ITEM, "type": "background"}, VIS_ITEM]),
    "vis_end_before_start": items([{**VIS_ITEM, "end": "1980"}]),
    "vis_not_text": items([{**VIS_ITEM, "content": [1]}]),
    "vis_unknown_group": items(
        {"items": [{**VIS_ITEM, "group": 2}], "groups": [{"id": 1, "content": "G"}]}
    ),
    "vis_no_content": items([{"start": "1984"}]),
    "vis_bad_date": items([{**VIS_ITEM, "start": "April 24"}]),
    "vis_year_range": items([{**VIS_ITEM, "start": "+012345"}]),
    "vis_bad_month": items([{**VIS_ITEM, "start": "2013-13-01"}]),
    "vis_bad_day": items([{**VIS_ITEM, "start": "2013-02-30"}]),
    "vis_short_negative_year": items([{**VIS_ITEM, "start": "-44"}]),
    "vis_bad_time": items([{**VIS_ITEM, "start": "2013-04-24T25:00"}]),
    "vis_not_json": {"items.json": "{"},
}
CASES |= {key: (files, next(iter(files)), key) for key, files in FOREIGN.items()}
# What every problem is written with, whatever it says.
FRAME = {
    "severity_error",
    "severity_warning",
    "problem_line",
    "problem_at",
    "problem_row",
    "problem_column",
    "problems_count",
    "number_one_thousand",
}
ENGLISH = re.compile(r"\b(expected|found|row|column|nothing|error|warning|such as|read from)\b")


def keys_of(what: Message):
    """The key of a message and of every message inside it."""
    yield what.key
    for _, value in what.values:
        if isinstance(value, Message):
            yield from keys_of(value)


def problems_of(folder: Path, files: dict, name: str) -> list[Problem]:
    for file, content in files.items():
        if file.endswith("/"):
            (folder / file).mkdir()
        elif isinstance(content, tuple):  # ("->", target): a link
            (folder / file).symlink_to(content[1])
        elif isinstance(content, bytes):
            (folder / file).write_bytes(content)
        else:
            (folder / file).write_text(content, encoding="utf-8")
    try:
        return load_timeline(folder / name).warnings
    except DataError as exc:
        return exc.problems


@pytest.mark.parametrize(("files", "name", "key"), CASES.values(), ids=CASES.keys())
def test_each_problem_reads_in_english_and_in_french(tmp_path, monkeypatch, files, name, key):
    for limit in LIMITS.get(key, []):
        monkeypatch.setattr(*limit)
    found = [p for p in problems_of(tmp_path, files, name) if key in keys_of(p.what)]
    assert found, f"no problem says {key}"
    for problem in found:
        english, french = problem.line("en"), problem.line("fr")
        assert english.startswith(f"{problem.severity}: {problem.file}")
        assert english == f"{problem.severity}: {problem}"  # what --check prints
        assert "expected" in problem.message
        assert french.startswith(("erreur", "avertissement"))
        assert "attendu" in french
        assert not ENGLISH.search(french.replace(problem.file, "")), french


def test_the_table_reaches_every_problem_message():
    reached = {case[2] for case in CASES.values()}
    en = json.loads((ROOT / "core" / "locales" / "en" / "problems.json").read_text("utf-8"))
    # reached around the one a case names (zero byte inside "binary data"), or, for EDTF's
    # own examples, only by parse_when called directly (the loader offers the human ones)
    around = {"problem_binary", "problem_unknown_column", "problem_vocabulary_type"}
    around |= {"problem_expected_found", "date_ambiguous", "date_examples_edtf"}
    # only `timelinejs.convert` called directly reaches these: the loader knows a sheet by
    # its Year and Headline columns (test_converter_only_messages)
    around |= set(CONVERTER_ONLY)
    assert set(en) - FRAME - around == reached
    assert set(en) <= set(strings("fr"))


def test_keys_given_in_the_code_have_a_text_in_both_languages():
    code = "".join(
        path.read_text(encoding="utf-8")
        for folder in ("core", "components", "lecture")
        for path in (ROOT / folder).rglob("*.py")
    )
    used = set(re.findall(r"""message\(\s*["'](\w+)["']""", code))
    assert len(used) > 40
    assert used <= set(strings("en")) and used <= set(strings("fr"))


def test_the_report_counts_in_the_language_asked():
    problems = [
        Problem("events.csv", 2, "date", message("date_expected_nothing", examples="1984")),
        Problem("events.csv", 3, "sources", message("problem_no_source"), "warning"),
    ]
    assert report(problems).splitlines() == [
        "error: events.csv, row 2, column 'date': expected a date such as 1984; found nothing",
        "warning: events.csv, row 3, column 'sources': expected at least one source id; "
        "found none (shown as 'no source')",
        "1 error(s), 1 warning(s)",
    ]
    assert report(problems, "fr").splitlines()[-1] == "1 erreur(s), 1 avertissement(s)"
    assert report(problems, "fr").splitlines()[0] == (
        "erreur\u00a0: events.csv, ligne 2, colonne «\u00a0date\u00a0»\u00a0: "
        "attendu une date comme 1984\u00a0; rien trouvé"
    )


def test_quantities_are_grouped_as_each_language_writes_them():
    long_cell = message("problem_cell_too_long", limit=10_000, found=123_456)
    assert "at most 10,000 characters; found 123,456" in long_cell.text("en")
    assert "au plus 10\u202f000 caractères\u00a0; trouvé 123\u202f456" in long_cell.text("fr")


CONVERTER_ONLY = {
    "tljs_empty_file": [[]],
    "tljs_missing_columns": [["Year", "Month", "Day", "Text"], ["1984", "", "", "A"]],
}


@pytest.mark.parametrize(("key", "table"), CONVERTER_ONLY.items())
def test_converter_only_messages(key, table):
    (problem,) = timelinejs.convert(table, "sheet.csv").problems
    what = problem[2]
    assert what.key == key
    assert "expected" in what.text("en") and "attendu" in what.text("fr")
    assert not ENGLISH.search(what.text("fr").replace("sheet.csv", ""))
