"""The README documents every column the loader knows, in the table of the right file."""

import re

import pytest

from core.load.schema import (
    ERA_COLUMNS,
    EVENT_COLUMNS,
    FRONT_COLUMNS,
    SOURCE_COLUMNS,
    VOCABULARY_COLUMNS,
)
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
