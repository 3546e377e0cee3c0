"""A spelling the timeline knows, for a search that finds nothing.

"kyphoplastie" finds nothing on the French page, which writes "cyphoplastie"; a student
who types it is offered "Did you mean cyphoplastie?". Each word of the search that no
word of the timeline's text contains is replaced by the timeline's closest word
(`difflib`, as a spelling checker compares: at least `CUTOFF` alike); the search so
corrected is offered only if it finds events with the other filters as they are.
"""

from __future__ import annotations

import difflib
import re

from core.load.model import Timeline
from core.load.text import fold
from core.view.selection import Filters, finds_any, search_terms

CUTOFF = 0.8  # "kyphoplastie" and "cyphoplastie" are 0.92 alike; "cement" and "ciment" 0.83
# A search of more words is offered nothing: each word to correct is compared with every
# word of the timeline (15 ms at 100,000 events), and a class server has to stay bounded.
MAX_WORDS = 4
_WORD = re.compile(r"\w+")


def suggestion(timeline: Timeline, filters: Filters, lang: str) -> str | None:
    """The search to offer instead of `filters.query` (which finds nothing), written as
    the timeline writes its words; None when there is none that finds something."""
    terms = search_terms(filters.query)
    if len(terms) > MAX_WORDS:
        return None
    words = timeline.search_words(lang)
    fixed = {}
    for term in terms:
        if not any(term in word for word in words):
            close = difflib.get_close_matches(term, words, n=1, cutoff=CUTOFF)
            if not close:
                return None
            fixed[term] = _as_written(timeline, close[0], lang)
    if not fixed:
        return None  # each word is somewhere, but not all in one event: no spelling to fix
    query = " ".join(fixed.get(fold(word), word) for word in filters.query.split())
    corrected = Filters(filters.kinds, filters.tags, filters.years, query)
    return query if finds_any(timeline.events, corrected, lang) else None


def _as_written(timeline: Timeline, folded: str, lang: str) -> str:
    """`folded` as the events' titles and summaries write it: 'vertébroplastie' (in lower
    case when they ever write it so, not as the start of a sentence), 'Galibert'; as it is
    when only their references have it."""
    first = None
    for column in (f"title_{lang}", f"summary_{lang}"):
        for text in timeline.events[column]:
            if folded not in fold(text):
                continue
            for word in _WORD.findall(text):
                if fold(word) == folded:
                    if word.islower():
                        return word
                    first = first or word
    return first or folded
