"""The built-in vertebroplasty timeline: complete, bilingual, sourced, and no invented identifiers."""

import re

import pytest

from core.load.loader import load_timeline
from core.load.model import CERTAINTIES
from tests.conftest import BUILT_IN, ROOT

TIMELINE = load_timeline(BUILT_IN)
FACTS = ROOT.parent / "shared" / "facts" / "vertebroplasty.md"


def test_loads_with_no_error_and_no_warning():
    assert TIMELINE.warnings == []


def test_every_event_is_sourced_bilingual_and_marked_for_certainty():
    for event in TIMELINE.events.to_dict("records"):
        assert event["sources"], event["id"]
        assert event["certainty"] in CERTAINTIES, event["id"]
        for field in ("title", "summary", "note"):
            assert event[f"{field}_en"] and event[f"{field}_fr"], (event["id"], field)
            assert event[f"{field}_en"] != event[f"{field}_fr"], (event["id"], field)


def test_every_reference_is_cited():
    cited = {s for sources in TIMELINE.events["sources"] for s in sources}
    assert cited == set(TIMELINE.sources)


@pytest.mark.parametrize(
    ("event_id", "date"),
    [
        ("galibert-amiens-1984", "1984"),
        ("first-paper-1987", "1987"),
        ("princeps-article-1989", "1989"),
        ("kyphon-fda-1998", "1998-07-02"),
        ("spinejack-ce-2008", "2008-05"),
        ("buchbinder-nejm-2009", "2009-08-06"),
        ("invest-nejm-2009", "2009-08-06"),
        ("aaos-guideline-2010", "2010-09-24"),
        ("nice-ta279-2013", "2013-04-24"),
        ("spinejack-fda-2018", "2018-08-30"),
    ],
)
def test_key_dates_are_those_of_the_facts_sheet(event_id, date):
    assert TIMELINE.event(event_id)["date"] == date


@pytest.mark.parametrize(
    ("event_id", "words"),
    [
        ("princeps-article-1989", "1987"),  # the first paper is 1987, not 1989
        ("galibert-amiens-1984", "fluoroscopy"),  # both accounts of the first case
        ("kyphon-fda-1998", "cavity"),  # cement goes into the cavity, not the balloons
        ("vexim-founded-2006", "2008"),  # CE mark in 2008, no 2006 trial found
        (
            "buchbinder-nejm-2009",
            "sham-controlled",
        ),  # the only sham-controlled, not the only randomised
        ("nice-ta279-2013", "kyphoplasty"),  # NICE also covers balloon kyphoplasty
    ],
)
def test_source_notes_carry_the_disagreements(event_id, words):
    assert words in TIMELINE.event(event_id)["note_en"]


@pytest.mark.skipif(not FACTS.exists(), reason="the shared facts sheet is not beside the project")
def test_no_identifier_or_page_range_is_invented():
    """Every DOI, PMID, official identifier and page range appears in the checked facts."""
    facts = FACTS.read_text(encoding="utf-8")
    for source in TIMELINE.sources.values():
        for column in ("doi", "pmid", "official_id", "pages", "volume"):
            value = source[column]
            if value:
                assert re.search(re.escape(value), facts), (source["id"], column, value)
