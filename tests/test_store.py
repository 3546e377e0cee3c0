"""The date the data last changed, shown in the footer and in the citation."""

import os
from datetime import UTC, datetime

from core.store import TimelineStore


def test_changed_is_the_newest_data_file(tiny_dir):
    old = datetime(2020, 1, 2, 12, tzinfo=UTC).timestamp()
    new = datetime(2024, 5, 6, 12, tzinfo=UTC).timestamp()
    for path in tiny_dir.glob("*.csv"):
        os.utime(path, (old, old))
    os.utime(tiny_dir / "sources.csv", (new, new))
    assert TimelineStore(tiny_dir / "events.csv").changed() == "2024-05-06"
