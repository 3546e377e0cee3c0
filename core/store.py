"""Where the app gets its timeline: loaded once at start, from one events file."""

from __future__ import annotations

from pathlib import Path

from core.loader import load_timeline
from core.model import Timeline


class TimelineStore:
    """Holds the loaded timeline; callbacks ask it for the current one."""

    def __init__(self, events_path: str | Path):
        self.path = Path(events_path)
        self._timeline = load_timeline(self.path)

    def current(self) -> Timeline:
        return self._timeline
