"""Live reload: the store notices changed files, keeps the last good timeline when the new
files are broken, and says what is wrong; it looks at the disk at most once a second."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from core.load.problems import DataError
from core.load.store import TimelineStore


class Clock:
    """A clock the test moves by hand, so no test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def write(path, text: str, bump: int) -> None:
    """Write and move the modification time forward, as a save a second later would."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + bump * 1_000_000_000))


@pytest.fixture
def store(tmp_path):
    write(tmp_path / "events.csv", "date,title\n1984,First\n", 0)
    return TimelineStore(tmp_path / "events.csv", clock=(clock := Clock())), clock


def titles(store: TimelineStore) -> list[str]:
    return list(store.current().events["title_en"])


def test_a_changed_file_is_picked_up_after_the_check_interval(store):
    store, clock = store
    version = store.version
    write(store.path, "date,title\n1984,First\n1987,Second\n", 1)
    assert titles(store) == ["First"]  # not looked at yet: under a second since the last look
    clock.now += 1.1
    assert titles(store) == ["First", "Second"]
    assert store.version != version
    assert store.problems == []


def test_a_broken_file_keeps_the_last_good_data_and_says_why(store):
    store, clock = store
    write(store.path, "date,title\n03/04/2013,Broken\n", 1)
    clock.now += 1.1
    assert titles(store) == ["First"]
    (problem,) = [p for p in store.problems if p.severity == "error"]
    assert (problem.row, problem.column) == (2, "date")
    assert "ambiguous day/month" in problem.message

    write(store.path, "date,title\n2013-04-03,Fixed\n", 2)
    clock.now += 1.1
    assert titles(store) == ["Fixed"]
    assert store.problems == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.unlink(),
        lambda path: path.write_bytes(bytes(range(256))),
        lambda path: (path.parent / "sources.csv").write_text("id,url\nx,javascript:alert(1)\n"),
    ],
    ids=["deleted", "binary", "broken-sibling"],
)
def test_whatever_happens_to_the_files_the_store_serves_and_reports(store, damage):
    store, clock = store
    damage(store.path)
    clock.now += 1.1
    assert titles(store) == ["First"]
    assert any(p.severity == "error" for p in store.problems)


def test_an_unchanged_file_is_not_reloaded(store, monkeypatch):
    store, clock = store
    loads = []
    monkeypatch.setattr("core.load.store.load_timeline", lambda path: loads.append(path))
    for _ in range(5):
        clock.now += 1.1
        store.current()
    assert loads == []


def test_a_broken_file_at_start_is_refused(tmp_path):
    (tmp_path / "events.csv").write_text("date,title\nsoon,x\n", encoding="utf-8")
    with pytest.raises(DataError):
        TimelineStore(tmp_path / "events.csv")


def test_changed_is_the_newest_data_file(tiny_dir):
    """The date the data last changed, shown in the footer and in the citation."""
    old = datetime(2020, 1, 2, 12, tzinfo=UTC).timestamp()
    new = datetime(2024, 5, 6, 12, tzinfo=UTC).timestamp()
    for path in tiny_dir.glob("*.csv"):
        os.utime(path, (old, old))
    os.utime(tiny_dir / "sources.csv", (new, new))
    assert TimelineStore(tiny_dir / "events.csv").changed() == "2024-05-06"


@pytest.mark.skipif(shutil.which("git") is None, reason="no git on this machine")
def test_changed_is_the_last_commit_of_data_fresh_from_git(tiny_dir):
    # A clone gives every file the checkout's time: the citation would say the data
    # changed on the day it was downloaded. The commit that changed the files knows better.
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2021-03-04T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2021-03-04T10:00:00+00:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=tiny_dir, env=env, check=True, capture_output=True)
    store = TimelineStore(tiny_dir / "events.csv", clock=Clock())
    assert store.changed() == "2021-03-04"
    # edited since: the files' own time again
    old = datetime(2020, 1, 2, 12, tzinfo=UTC).timestamp()
    new = datetime(2024, 5, 6, 12, tzinfo=UTC).timestamp()
    with (tiny_dir / "eras.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    for path in tiny_dir.glob("*.csv"):
        os.utime(path, (old, old))
    os.utime(tiny_dir / "eras.csv", (new, new))
    assert TimelineStore(tiny_dir / "events.csv").changed() == "2024-05-06"


def test_two_copies_of_the_same_files_have_the_same_version(tiny_dir, tmp_path):
    # Several servers behind one address: a page asking one then another must not redraw
    # (or see a new version) at every poll because the copies were made at other times.
    other = tmp_path / "other"
    shutil.copytree(tiny_dir, other)
    for days, folder in ((1, tiny_dir), (400, other)):
        for path in folder.glob("*.csv"):
            os.utime(path, (days * 86_400, days * 86_400))
    first = TimelineStore(tiny_dir / "events.csv", clock=Clock())
    second = TimelineStore(other / "events.csv", clock=Clock())
    assert first.version == second.version


@pytest.mark.parametrize("name", ["events.csv", "sources.csv", "eras.csv", "vocabulary.csv"])
def test_one_changed_byte_in_any_file_changes_the_version(tiny_dir, name):
    store = TimelineStore(tiny_dir / "events.csv", clock=(clock := Clock()))
    before = store.version
    path = tiny_dir / name
    data = path.read_bytes()
    at = data.index(b"\n") + 1  # the first byte of the first row: a letter, still valid
    path.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    clock.now += 1.1
    assert store.version != before


def test_a_save_without_change_keeps_the_version(store):
    store, clock = store
    version = store.version
    write(store.path, store.path.read_text(encoding="utf-8"), 5)
    clock.now += 1.1
    assert store.version == version


def test_the_files_are_read_for_the_version_only_when_they_change(store, monkeypatch):
    store, clock = store
    reads = []
    monkeypatch.setattr("core.load.store.content_version", lambda paths: reads.append(paths) or "v")
    for _ in range(5):
        clock.now += 1.1
        assert store.version != "v"
    write(store.path, "date,title\n1985,Changed\n", 1)
    clock.now += 1.1
    assert store.version == "v"
    assert len(reads) == 1
