"""Each export format, read back by a real parser: what goes out is what a reader gets."""

from __future__ import annotations

import csv
import io
import json
import shutil

import bibtexparser
import pandas as pd
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from core.load.loader import load_timeline
from core.publish.references import (
    CSV_COLUMNS,
    FORMATS,
    bibtex,
    cited_sources,
    csl_json,
    events_csv,
    export,
    ris,
    safe_cell,
)
from core.view.selection import Filters, apply_filters
from tests.conftest import BUILT_IN, read_csv, write_csv

TIMELINE = load_timeline(BUILT_IN)
SOURCES = cited_sources(TIMELINE.events, TIMELINE.sources)
HOSTILE = {
    "id": "evil{1}",
    "type": "article",
    "authors": "O'Brien-Smith AB|de la Cruz J|et al.",
    "title": "Costs & benefits: 50% of {braces}, $x_1$ ~ #2 \\ end",
    "container": "J Test",
    "year": "2001",
    "volume": "3",
    "issue": "4",
    "pages": "1085-92",
    "doi": "10.1000/a_b",
    "pmid": "123",
}


def parse_bib(text: str):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    return library


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Galibert = first", "Galibert = first"),
        ("", ""),
    ],
)
def test_formula_like_cells_are_made_text(value, expected):
    assert safe_cell(value) == expected


def test_csv_has_every_event_and_loads_back_into_the_app(tmp_path):
    folder = tmp_path / "again"
    folder.mkdir()
    for name in ("sources.csv", "eras.csv", "vocabulary.csv"):
        (folder / name).write_bytes((BUILT_IN.parent / name).read_bytes())
    shutil.copytree(BUILT_IN.parent / "media", folder / "media")  # the pictures go with it
    (folder / "events.csv").write_text(events_csv(TIMELINE.events), encoding="utf-8")
    again = load_timeline(folder / "events.csv")
    columns = ["id", "date", "start", "end", "kind", "tags", "people", "sources", "title_fr"]
    columns += ["image", "image_credit_fr", "image_alt_fr", "image_caption_en"]
    pd.testing.assert_frame_equal(again.events[columns], TIMELINE.events[columns])


def test_csv_cells_that_look_like_formulas_are_quoted_but_bce_dates_are_not():
    events = TIMELINE.events.head(1).assign(
        title_en="=cmd|' /C calc'!A0", people=[["@evil", "Ann"]], date="-0044"
    )
    rows = list(csv.DictReader(io.StringIO(events_csv(events))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["title_en"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["people"] == "'@evil|Ann"
    assert rows[0]["date"] == "-0044"


def test_only_the_references_of_the_filtered_events_each_once():
    shown = apply_filters(TIMELINE.events, Filters(query="NICE"))
    cited = [s["id"] for s in cited_sources(shown, TIMELINE.sources)]
    expected = {s for sources in shown["sources"] for s in sources}
    assert sorted(cited) == sorted(expected)
    assert len(cited) == len(set(cited))
    assert 0 < len(cited) < len(TIMELINE.sources)


def test_bibtex_parses_back_with_every_reference():
    library = parse_bib(bibtex(SOURCES))
    assert [entry.key for entry in library.entries] == [s["id"] for s in SOURCES]
    entry = library.entries_dict["galibert-1987"]
    assert entry.entry_type == "article"
    assert entry["journal"] == "Neurochirurgie"
    assert entry["author"] == "Galibert, P. and Deramond, H. and Rosat, P. and Le Gars, D."
    assert entry["pages"] == "166–168"
    assert entry["pmid"] == "3600949"
    nice = library.entries_dict["nice-ta279"]
    assert nice.entry_type == "techreport"
    assert nice["institution"] == "National Institute for Health and Care Excellence"


def test_bibtex_escapes_special_characters_and_keeps_keys_unique():
    library = parse_bib(bibtex([HOSTILE, HOSTILE]))
    keys = [entry.key for entry in library.entries]
    assert keys == ["evil1", "evil1-2"]
    entry = library.entries[0]
    assert entry["title"] == "Costs & benefits: 50% of {braces}, $x_1$ ~ #2 \\ end"
    assert entry["author"] == "O'Brien-Smith, A. B. and de la Cruz, J. and others"
    assert entry["doi"] == "10.1000/a_b"
    assert entry["pages"] == "1085–1092"


def test_ris_parses_back_with_the_right_types_and_fields():
    records = rispy.loads(ris(SOURCES))
    assert len(records) == len(SOURCES)
    by_title = {r["title"]: r for r in records}
    paper = by_title[TIMELINE.sources["kallmes-2009"]["title"]]
    assert paper["type_of_reference"] == "JOUR"
    assert paper["secondary_title"] == "N Engl J Med"
    assert paper["doi"] == TIMELINE.sources["kallmes-2009"]["doi"]
    assert (paper["start_page"], paper["end_page"]) == ("569", "579")
    nice = by_title[TIMELINE.sources["nice-ta279"]["title"]]
    assert nice["type_of_reference"] == "RPRT"
    assert nice["publisher"] == "National Institute for Health and Care Excellence"
    assert nice["urls"] == [TIMELINE.sources["nice-ta279"]["url"]]


def test_ris_authors_and_accession_number():
    (record,) = rispy.loads(ris([HOSTILE]))
    assert record["authors"] == ["O'Brien-Smith, A. B.", "de la Cruz, J."]
    assert record["accession_number"] == "123"
    assert record["year"] == "2001"


CSL_TYPES = {"article-journal", "report", "article", "entry-encyclopedia", "paper-conference"}


def test_csl_json_has_the_shape_reference_managers_read():
    items = json.loads(csl_json(SOURCES))
    assert [item["id"] for item in items] == [s["id"] for s in SOURCES]
    for item in items:
        assert item["type"] in CSL_TYPES
        assert isinstance(item["title"], str) and item["title"]
        for name in item.get("author", []):
            assert set(name) in ({"family", "given"}, {"literal"})
        if "issued" in item:
            (parts,) = item["issued"]["date-parts"]
            assert all(isinstance(p, int) for p in parts)
    kallmes = next(item for item in items if item["id"] == "kallmes-2009")
    assert kallmes["type"] == "article-journal"
    assert kallmes["container-title"] == "N Engl J Med"
    assert kallmes["issued"] == {"date-parts": [[2009]]}
    assert kallmes["DOI"] == TIMELINE.sources["kallmes-2009"]["doi"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_of_no_event_is_still_a_valid_file(fmt):
    text = export(fmt, TIMELINE.events.head(0), TIMELINE.sources)
    if fmt == "csv":
        assert text.strip() == ",".join(CSV_COLUMNS)
    elif fmt == "bib":
        assert parse_bib(text).entries == []
    elif fmt == "ris":
        assert rispy.loads(text) == []
    else:
        assert json.loads(text) == []


# --- one event's references, at /references/<event id>.<format> -------------------------


@pytest.fixture(scope="module")
def client():
    from app import create_app

    return create_app(BUILT_IN).server.test_client()


def test_one_events_references_as_files_to_download(client):
    event = TIMELINE.event("nice-ta279-2013")
    assert len(event["sources"]) == 2
    answer = client.get("/references/nice-ta279-2013.ris")
    assert answer.status_code == 200
    assert answer.mimetype == FORMATS["ris"][1]
    assert answer.headers["Content-Disposition"] == (
        'attachment; filename="history-of-percutaneous-vertebroplasty-nice-ta279-2013-references.ris"'
    )
    entries = rispy.loads(answer.get_data(as_text=True))
    assert [e.get("title") or e.get("primary_title") for e in entries] == [
        TIMELINE.sources[s]["title"] for s in event["sources"]
    ]
    bib = parse_bib(client.get("/references/nice-ta279-2013.bib").get_data(as_text=True))
    assert [entry.key for entry in bib.entries] == list(event["sources"])
    items = json.loads(client.get("/references/nice-ta279-2013.json").get_data(as_text=True))
    assert [item["id"] for item in items] == list(event["sources"])


@pytest.mark.parametrize(
    "path",
    [
        "/references/no-such-event.ris",  # no such event
        "/references/nice-ta279-2013.csv",  # not a format of references
        "/references/nice-ta279-2013.exe",
    ],
)
def test_what_is_not_one_events_references_is_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/references/nice-ta279-2013", "/references/..%2Fapp.py.ris"])
def test_other_addresses_under_references_are_the_page_not_a_file(client, path):
    # as any address the app does not know: Dash's page, which opens on its default view
    answer = client.get(path)
    assert "Content-Disposition" not in answer.headers
    assert answer.mimetype == "text/html"
    assert "create_app" not in answer.get_data(as_text=True)


def test_an_event_without_references_has_no_file(tiny_dir):
    from app import create_app

    rows = read_csv(tiny_dir / "events.csv")
    rows[0]["sources"] = ""  # a warning, not an error
    write_csv(tiny_dir / "events.csv", rows)
    client = create_app(tiny_dir / "events.csv").server.test_client()
    assert client.get(f"/references/{rows[0]['id']}.ris").status_code == 404
    assert client.get(f"/references/{rows[1]['id']}.ris").status_code == 200
