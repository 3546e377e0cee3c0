"""`--new`: the starter timeline checks clean, shows one row per way of writing a date,
and never overwrites a file."""

from __future__ import annotations

import pytest

from core.load.loader import load_timeline
from core.load.starter import TEMPLATE, write_starter

# The EDTF each row of the starter is read as: one way of writing a date each.
DATES = {"1984", "1990~", "2013-04-24", "2008-04", "1984/1989", "-0043"}


def test_the_starter_checks_clean(tmp_path):
    written = write_starter(tmp_path / "my-history" / "events.csv")
    timeline = load_timeline(written)  # raises DataError on any error
    assert timeline.warnings == []
    assert set(timeline.events["date"]) == DATES
    assert all(timeline.events["sources"].map(len) == 1)  # each row shows how to cite
    assert len(timeline.sources) == 1


def test_the_starter_opens_in_excel_with_its_accents(tmp_path):
    written = write_starter(tmp_path / "events.csv")
    assert written.read_bytes().startswith(b"\xef\xbb\xbfdate,title,")
    assert b"\r\n" in written.read_bytes()


def test_the_starter_never_overwrites_a_file(tmp_path):
    (tmp_path / "events.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_starter(tmp_path / "events.csv")
    assert (tmp_path / "events.csv").read_text(encoding="utf-8") == "mine"


def test_beside_sources_of_ones_own_the_starter_cites_none_of_them(tmp_path):
    # Their sources.csv stays as it is; the starter's rows cannot cite a source it does
    # not have, so they cite none and the check says so (warnings, not errors).
    mine = "id,title\nmine-2001,My own source\n"
    (tmp_path / "sources.csv").write_text(mine, encoding="utf-8")
    timeline = load_timeline(write_starter(tmp_path / "events.csv"))
    assert (tmp_path / "sources.csv").read_text(encoding="utf-8") == mine
    assert set(timeline.events["date"]) == DATES
    assert {p.column for p in timeline.warnings} == {"sources"}


def test_the_template_itself_checks_clean():
    timeline = load_timeline(TEMPLATE)
    assert timeline.warnings == []
    assert set(timeline.events["date"]) == DATES
