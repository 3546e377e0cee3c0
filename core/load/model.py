"""The validated timeline: events, references, eras and the words for kinds and tags.

Events live in one pandas DataFrame, one row per event, with everything the page needs
computed once at load time (axis positions, per-language text, search text), so that
filtering and drawing never re-parse anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # problems.py writes its messages through core.i18n, which imports LANGS
    from core.load.problems import Problem

LANGS = ("en", "fr")
CERTAINTIES = ("verified", "secondary", "source-text")
# Text columns that exist per language; `title_en`, `title_fr`, with plain `title` as fallback.
# `notes` are the presenter's notes for lecture mode, shown only in the presenter view.
TEXT_FIELDS = ("title", "summary", "note", "place", "notes")


@dataclass(frozen=True, slots=True)
class Term:
    """A kind, a tag or a tag group, with its label in each language."""

    id: str
    labels: dict[str, str]
    group: str = ""

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    start: float
    end: float
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass
class Vocabulary:
    kinds: dict[str, Term] = field(default_factory=dict)  # in legend order
    tags: dict[str, Term] = field(default_factory=dict)
    groups: dict[str, Term] = field(default_factory=dict)

    def kind_label(self, kind: str, lang: str) -> str:
        term = self.kinds.get(kind)
        return term.label(lang) if term else kind

    def tag_label(self, tag: str, lang: str) -> str:
        term = self.tags.get(tag)
        return term.label(lang) if term else tag


@dataclass
class Timeline:
    events: pd.DataFrame  # sorted by start; see loader.EVENT_COLUMNS
    sources: dict[str, dict[str, str]]
    eras: list[Era]
    vocabulary: Vocabulary
    warnings: list[Problem] = field(default_factory=list)

    # A timeline is not changed once loaded (new data on disk makes a new one), so what
    # is worked out from its events is worked out once: each redraw asks for it.

    @cached_property
    def year_range(self) -> tuple[int, int]:
        """First and last calendar year any event touches."""
        if self.events.empty:
            return (0, 1)
        first = int(self.events["start"].min() // 1)
        last = int((self.events["end"].max() - 1e-9) // 1)
        return first, last

    def event(self, event_id: str) -> dict | None:
        """One event as a dict, or None if there is no such id."""
        rows = self.events.loc[self.events["id"] == event_id]
        return None if rows.empty else rows.iloc[0].to_dict()

    def kinds_present(self) -> list[str]:
        """Kinds used by some event, in vocabulary order, then any others."""
        return list(self._kinds_present)

    @cached_property
    def _kinds_present(self) -> tuple[str, ...]:
        used = list(self.events["kind"].unique())  # in order of appearance
        known = [k for k in self.vocabulary.kinds if k in used]
        return tuple(known + [k for k in used if k not in self.vocabulary.kinds])

    def tags_present(self) -> list[str]:
        """Tags used by some event, in vocabulary order, then any others by name."""
        return list(self._tags_present)

    @cached_property
    def _tags_present(self) -> tuple[str, ...]:
        # Once, before gunicorn forks: going through every event's tag list in a worker
        # (for each page) wrote to the pages holding them, which the workers then stopped
        # sharing (at 100,000 events, about 250 MB more per worker).
        used = {t for tags in self.events["tags"] for t in tags}
        known = [t for t in self.vocabulary.tags if t in used]
        return tuple(known + sorted(used - set(known)))
