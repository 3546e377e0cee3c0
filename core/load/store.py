"""Where the app gets its timeline: loaded at start, reloaded when its files change.

A lecturer edits the spreadsheet while the app runs. Every callback asks `current()`;
at most once a second that looks at the files' modification times and sizes (the events
file and its siblings sources.csv, eras.csv, vocabulary.csv, timeline.csv) and reloads when they
changed. If the new files are broken, the last good timeline keeps being served and
`problems` says what is wrong, for the page's banner; nothing is lost, nothing raises.

`version` names the content of the files on disk (a hash of their bytes, not a counter
and not their times), so several servers or workers with copies of the same files agree
on it without talking to each other, and a save that changed nothing redraws nothing.
It is computed when the files are (re)loaded, never on a poll.
"""

from __future__ import annotations

import hashlib
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from core.load.loader import load_timeline
from core.load.model import Timeline
from core.load.problems import DataError, Problem

SIBLINGS = ("sources.csv", "eras.csv", "vocabulary.csv", "timeline.csv")
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
        self._changed: tuple[str, str] | None = None  # (version, date) for changed()
        self._clock = clock
        self._check_every_s = check_every_s
        self._lock = threading.Lock()
        self._signature = self._stat()
        self._version = content_version(self._paths())
        self._timeline = load_timeline(self.path)  # a broken file at start is the caller's error
        self._problems: list[Problem] = []
        self._checked = clock()

    def _paths(self) -> list[Path]:
        return [self.path, *(self.path.parent / name for name in SIBLINGS)]

    def _stat(self) -> str:
        """Modification time and size of each file, or '-' for a missing one: a cheap
        look that says whether to read the files again."""
        parts = []
        for path in self._paths():
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
            version = content_version(self._paths())
            try:
                timeline = load_timeline(self.path)
            except DataError as exc:
                self._problems = exc.problems
            else:
                self._timeline, self._problems = timeline, []
            self._signature, self._version = signature, version
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
        """Names the content of the files on disk (good or broken): the same files give
        the same version on any server."""
        self.refresh()
        return self._version

    def changed(self) -> str:
        """The ISO date the timeline's data last changed: the date of the last commit that
        changed its files, when they are in git as committed (a copy fresh from git has
        the checkout's time on every file); else its newest file's modification."""
        if self._changed is None or self._changed[0] != self.version:
            files = sorted({self.path, *(p for p in self.path.parent.glob("*.csv") if p.is_file())})
            files = [p for p in files if p.exists()]
            newest = max(p.stat().st_mtime for p in files)
            date = (
                committed_date(files) or datetime.fromtimestamp(newest, tz=UTC).date().isoformat()
            )
            self._changed = (self.version, date)
        return self._changed[1]


def content_version(paths: list[Path]) -> str:
    """A hash of each file's bytes, in order ('-' for a missing or unreadable one)."""
    whole = hashlib.blake2b(digest_size=16)
    for path in paths:
        try:
            with path.open("rb") as handle:  # read in chunks: a file may be large
                digest = hashlib.file_digest(handle, hashlib.blake2b).digest()
        except OSError:
            digest = b"-"
        whole.update(len(digest).to_bytes(1, "big") + digest)
    return whole.hexdigest()


def committed_date(files: list[Path]) -> str | None:
    """The date (YYYY-MM-DD) of the last commit that changed `files`, if git tracks them all
    and none differs from what was committed; else None (not in git, edited since, or no
    git on this machine)."""
    if not files:
        return None
    folder = files[0].parent
    names = [str(p) for p in files]

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(folder), *args, "--", *names],
                capture_output=True,
                text=True,
                timeout=5,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    tracked = git("ls-files", "--error-unmatch")
    status = git("status", "--porcelain")
    if tracked is None or status is None or status.strip():
        return None
    date = (git("log", "-1", "--format=%cs") or "").strip()
    return date or None
