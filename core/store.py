"""Where the app gets its timeline: loaded once at start, from one events file."""

from __future__ import annotations

from datetime import UTC, datetime
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

    def changed(self) -> str:
        """The ISO date the timeline's data last changed: its newest file's modification."""
        files = [p for p in self.path.parent.glob("*.csv") if p.is_file()] or [self.path]
        newest = max(p.stat().st_mtime for p in files)
        return datetime.fromtimestamp(newest, tz=UTC).date().isoformat()
