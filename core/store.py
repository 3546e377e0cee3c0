"""Where the app gets its timeline: loaded at start, reloaded when its files change.

A lecturer edits the spreadsheet while the app runs. Every callback asks `current()`;
at most once a second that looks at the files' modification times and sizes (the events
file and its sibling sources.csv, eras.csv, vocabulary.csv) and reloads when they
changed. If the new files are broken, the last good timeline keeps being served and
`problems` says what is wrong, for the page's banner; nothing is lost, nothing raises.

`version` names the state of the files on disk (not a counter), so several workers
serving one class agree on it without talking to each other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from core.loader import load_timeline
from core.model import Timeline
from core.problems import DataError, Problem

SIBLINGS = ("sources.csv", "eras.csv", "vocabulary.csv")
CHECK_EVERY_S = 1.0


class TimelineStore:
    """Holds the last good timeline and the problems of the files on disk, if any."""

    def __init__(
        self,
        events_path: str | Path,
        clock: Callable[[], float] = time.monotonic,
        check_every_s: float = CHECK_EVERY_S,
    ):
        self.path = Path(events_path)
        self._clock = clock
        self._check_every_s = check_every_s
        self._lock = threading.Lock()
        self._signature = self._stat()
        self._timeline = load_timeline(self.path)  # a broken file at start is the caller's error
        self._problems: list[Problem] = []
        self._checked = clock()

    def _stat(self) -> str:
        """Modification time and size of each file, or '-' for a missing one."""
        parts = []
        for path in (self.path, *(self.path.parent / name for name in SIBLINGS)):
            try:
                info = path.stat()
                parts.append(f"{info.st_mtime_ns:x}.{info.st_size:x}")
            except OSError:
                parts.append("-")
        return "-".join(parts)

    def refresh(self) -> None:
        """Reload if the files changed since the last look (looking at most every second)."""
        now = self._clock()
        if now - self._checked < self._check_every_s:
            return
        if not self._lock.acquire(blocking=False):
            return  # another request is reloading; serve what we have
        try:
            self._checked = now
            signature = self._stat()
            if signature == self._signature:
                return
            try:
                timeline = load_timeline(self.path)
            except DataError as exc:
                self._problems = exc.problems
            else:
                self._timeline, self._problems = timeline, []
            self._signature = signature
        finally:
            self._lock.release()

    def current(self) -> Timeline:
        """The timeline to show: the files' if they are good, else the last good one."""
        self.refresh()
        return self._timeline

    @property
    def problems(self) -> list[Problem]:
        """What is wrong with the files on disk; empty when the shown timeline is theirs."""
        self.refresh()
        return self._problems

    @property
    def version(self) -> str:
        """Changes whenever the files on disk change (good or broken)."""
        self.refresh()
        return self._signature

    def changed(self) -> str:
        """The ISO date the timeline's data last changed: its newest file's modification."""
        files = {self.path, *(p for p in self.path.parent.glob("*.csv") if p.is_file())}
        newest = max(p.stat().st_mtime for p in files if p.exists())
        return datetime.fromtimestamp(newest, tz=UTC).date().isoformat()
