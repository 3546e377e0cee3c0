"""The README documents every column the loader knows, in the table of the right file, and
the limits the app keeps as the code sets them."""

import re

import pytest

from core.load import limits
from core.load.schema import (
    ERA_COLUMNS,
    EVENT_COLUMNS,
    FRONT_COLUMNS,
    SOURCE_COLUMNS,
    VOCABULARY_COLUMNS,
)
from core.view.address import MAX_QUERY
from guard.limits import MAX_ADDRESS_BYTES, MAX_BODY_BYTES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def documented_columns(file_name: str) -> set[str]:
    """Backticked names in the first cell of the table under the heading "### `file_name`"."""
    section = README.split(f"### `{file_name}`", 1)[1].split("\n#", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for cell in first_cells for name in re.findall(r"`([^`]+)`", cell)}


@pytest.mark.parametrize(
    ("file_name", "columns"),
    [
        ("events.csv", EVENT_COLUMNS),
        ("sources.csv", SOURCE_COLUMNS),
        ("eras.csv", ERA_COLUMNS),
        ("vocabulary.csv", VOCABULARY_COLUMNS),
        ("timeline.csv", FRONT_COLUMNS),
    ],
)
def test_every_column_is_documented(file_name, columns):
    assert set(columns) - documented_columns(file_name) == set()


def test_the_readme_gives_the_two_commands():
    assert "bash scripts/run.sh" in README and "bash scripts/test.sh" in README
    assert (ROOT / "scripts" / "run.sh").exists() and (ROOT / "scripts" / "test.sh").exists()
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "said",
    [
        f"up to {limits.MAX_FILE_BYTES // limits.MB} MB, with up to {limits.MAX_ROWS:,} rows, "
        f"{limits.MAX_COLUMNS} columns with\nsomething in them and {limits.MAX_CELLS:,} cells",
        f"unpack to up to {limits.MAX_UNPACKED_BYTES // limits.MB} MB "
        f"({limits.MAX_PART_BYTES // limits.MB} MB for\none part of it, and no part more than "
        f"{limits.MAX_RATIO} times its packed size), a vis-timeline JSON file\n"
        f"up to {limits.MAX_JSON_BYTES // limits.MB} MB (it is read whole); reading stops after "
        f"{limits.MAX_READ_SECONDS:g} s",
        f"| {MAX_BODY_BYTES // 1024} KiB (the page's largest",
        f"| {MAX_ADDRESS_BYTES:,} bytes |",
        f"| {MAX_QUERY} characters (the box takes no more) |",
        f"(at most {MAX_QUERY} characters: a longer one is cut, with a notice)",
    ],
)
def test_the_limits_are_documented_as_the_code_sets_them(said):
    assert said in README
