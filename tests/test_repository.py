"""The repository itself: what a fresh clone gets is whole."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT

MARKERS = ("<<<<<<< ", ">>>>>>> ")


def tracked() -> list[tuple[str, str]]:
    """(mode, path) of every file git tracks."""
    listing = subprocess.run(
        ["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [(line.split()[0], line.split("\t", 1)[1]) for line in listing.splitlines()]


def test_no_tracked_file_holds_a_merge_conflict():
    left = []
    for _, path in tracked():
        try:
            text = (ROOT / path).read_text(encoding="utf-8")
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue
        left += [
            f"{path}:{n}" for n, line in enumerate(text.splitlines(), 1) if line.startswith(MARKERS)
        ]
    assert left == []


def test_no_link_is_tracked():
    # a link to one checkout's .venv or node_modules breaks every other clone
    assert [path for mode, path in tracked() if mode == "120000"] == []
