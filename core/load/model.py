"""The validated timeline: events, references, eras and the words for kinds and tags.

Events live in one pandas DataFrame, one row per event, with everything the page needs
computed once at load time (axis positions, per-language text, search text), so that
filtering and drawing never re-parse anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from core.load.text import slugify

if TYPE_CHECKING:  # problems.py writes its messages through core.i18n, which imports LANGS
    from core.load.problems import Problem

LANGS = ("en", "fr")
_PUNCTUATION = ".,;:!?()[]{}'\"«»“”‘’/"  # around the words of a text
CERTAINTIES = ("verified", "secondary", "source-text")
# Text columns that exist per language; `title_en`, `title_fr`, with plain `title` as fallback.
# `notes` are the presenter's notes for lecture mode, shown only in the presenter view;
# `image_caption`, `image_alt` and `image_credit` go with the event's picture (`image`);
# `display_date` is the date as written (TimelineJS's Display Date), shown instead of the date.
TEXT_FIELDS = (
    "title",
    "summary",
    "note",
    "place",
    "notes",
    "image_caption",
    "image_alt",
    "image_credit",
    "display_date",
)


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
    dates: tuple[str, str] = ("", "")  # start and end as EDTF, as the file gave them

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


@dataclass(frozen=True)
class FrontMatter:
    """What a timeline says about itself: its title and subtitle in each language (from the
    events file's row of kind `title`, or `timeline.csv`), its authors, licence and the
    languages it is written in. `fallback_title` is made from the file's name, for a
    timeline that gives no title."""

    titles: dict[str, str] = field(default_factory=dict)
    subtitles: dict[str, str] = field(default_factory=dict)
    authors: tuple[str, ...] = ()
    licence: str = ""
    languages: tuple[str, ...] = ()
    fallback_title: str = "Timeline"

    def title(self, lang: str) -> str:
        return _in_language(self.titles, lang) or self.fallback_title

    def subtitle(self, lang: str) -> str:
        """The subtitle in `lang` (or the other language), or '' if there is none."""
        return _in_language(self.subtitles, lang)

    @property
    def file_stem(self) -> str:
        """The start of exported files' names: 'history-of-vertebroplasty'."""
        return slugify(self.title("en"))


def _in_language(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or next((texts[o] for o in LANGS if texts.get(o)), "")


@dataclass
class Timeline:
    events: pd.DataFrame  # sorted by start; see loader.EVENT_COLUMNS
    sources: dict[str, dict[str, str]]
    eras: list[Era]
    vocabulary: Vocabulary
    warnings: list[Problem] = field(default_factory=list)
    front: FrontMatter = field(default_factory=FrontMatter)
    # Each event's picture file, checked at load (inside the data folder, of a known type,
    # not too large): the only files the app serves from the data folder.
    pictures: dict[str, Path] = field(default_factory=dict)

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

    def search_words(self, lang: str) -> frozenset[str]:
        """Every word of the events' search text in `lang` (folded, three letters or more):
        what a search that finds nothing is compared with (core/view/suggest.py)."""
        return self._search_words[lang]

    @cached_property
    def _search_words(self) -> dict[str, frozenset[str]]:
        # split, then punctuation stripped: a regex over the text took twice as long
        # (1.1 s at 100,000 events, once per process)
        words = {}
        for lang in LANGS:
            texts = self.events.get(f"search_{lang}", pd.Series(dtype=object))
            pieces = set(" ".join(texts).split())
            stripped = (piece.strip(_PUNCTUATION) for piece in pieces)
            words[lang] = frozenset(word for word in stripped if len(word) >= 3)
        return words

    @cached_property
    def has_groups(self) -> bool:
        """Whether some event has a group (a TimelineJS or vis-timeline lane): lanes by
        group are offered only then."""
        if "group" not in self.events:
            return False
        return bool((self.events["group"].fillna("").astype(str) != "").any())

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
