"""What the self-test page is sent: a round, with everything needed to ask it, check the
answers and explain them, in one piece of JSON.

The browser then asks, checks and scores on its own (assets/quiz.js): no answer is sent
back, and nothing about a student is stored on the server. The explanations are the same
as the main page's details panel: the date as written ("c. 1984", "between 1984 and 1989"),
the summary, the source note, and each reference in Vancouver style with its links (built
by core.publish.citations, http(s) only). Everything from the data is sent as text; the
page puts it in as text, never as HTML.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd

from core.i18n import strings, t
from core.load.dates import when_text
from core.load.model import Timeline
from core.publish.citations import format_reference, reference_links, source_note
from core.quiz.address import QUIZ_PREFIX, QuizAddress, quiz_query, without_seed
from core.quiz.making import Round, make_round
from core.quiz.steps import events_of
from core.view.address import to_query
from core.view.deck import filters_of
from core.view.filters import apply_filters

# Page texts the browser needs besides the quiz's own (quiz_*).
_SHARED_TEXTS = ("source_note", "references", "no_source", "opens_new_tab")


def quiz_events(timeline: Timeline, address: QuizAddress) -> pd.DataFrame:
    """The events a round asks about: `ids=` exactly (with the events of lecture mode's
    questions), else those the filters show."""
    state = address.state
    events = timeline.events
    if state.ids:
        return events[events["id"].isin(events_of(state.ids))]
    return apply_filters(events, filters_of(state), state.lang)


def round_for(timeline: Timeline, address: QuizAddress) -> tuple[Round, int]:
    """The round an address asks for, and how many events it was drawn from."""
    events = quiz_events(timeline, address)
    return make_round(events, address.seed, address.n), len(events)


def fingerprint(quiz: Round) -> str:
    """Names a round whatever the page's language: where its progress is kept."""
    body = json.dumps([quiz.seed, [q.to_dict() for q in quiz.questions]], sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest()[:16]


def _reference(source: dict, lang: str) -> dict:
    return {
        "text": format_reference(source),
        "links": [list(link) for link in reference_links(source)],
        "note": source_note(source, lang),
    }


def explained(timeline: Timeline, event: dict, rank: int, address: QuizAddress) -> dict:
    """One event (a row of the timeline's frame, its `rank` in date order) as the answer
    explains it."""
    lang = address.state.lang
    sources = [timeline.sources[s] for s in event["sources"] if s in timeline.sources]
    return {
        "title": event[f"title_{lang}"],
        "when": when_text(event["date"], lang),
        "summary": event[f"summary_{lang}"],
        "note": event[f"note_{lang}"],
        "references": [_reference(source, lang) for source in sources],
        "href": "/" + to_query(address.state.with_(event=event["id"])),
        "rank": rank,
    }


def texts(lang: str) -> dict[str, str]:
    table = strings(lang)
    wanted = {key: value for key, value in table.items() if key.startswith("quiz_")}
    return wanted | {key: t(lang, key) for key in _SHARED_TEXTS}


def payload(timeline: Timeline, address: QuizAddress) -> dict:
    """The JSON the page is sent for one address."""
    quiz, pool_size = round_for(timeline, address)
    lang = address.state.lang
    asked = {e for q in quiz.questions for e in q.events()}
    # one pass over the frame, however many events the timeline has
    rows = timeline.events[timeline.events["id"].isin(asked)]
    ranks = timeline.events.index.get_indexer(rows.index)  # the frame is in date order
    return {
        "key": fingerprint(quiz),
        "lang": lang,
        "address": QUIZ_PREFIX + quiz_query(address),
        "new_round": QUIZ_PREFIX + without_seed(address),
        "events_count": pool_size,
        "span": list(quiz.span),
        "close": quiz.close,
        "year_range": list(quiz.year_range),
        "questions": [q.to_dict() for q in quiz.questions],
        "events": {
            row["id"]: explained(timeline, row, int(rank), address)
            for row, rank in zip(rows.to_dict("records"), ranks, strict=True)
        },
        "texts": texts(lang),
    }
