"""The self-test's address: the main page's filters, plus `seed` and `n`.

    /quiz/?kind=trial&seed=4821&n=5&lang=fr

`seed` makes the round (the same seed on the same events makes the same round: letters,
digits, `-` and `_`, up to 32, so a lecturer may write `seed=lecture-3`); `n` is how many
questions (1 to 30, default 10). Without a seed the page picks one and writes it into the
address, so a reload, or the link sent to a class, gives the same round again. Every other
parameter means what it means on the main page (core/view/address.py); those that only
concern the main page's display (event, sort, x0, x1, build, view) are dropped silently.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from core.i18n import message
from core.quiz.making import DEFAULT_QUESTIONS, MAX_QUESTIONS
from core.view.address import SORTS, Known, ViewState, parse_query, to_query

QUIZ_PREFIX = "/quiz/"
SEED = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_OWN = ("seed", "n")


@dataclass(frozen=True)
class QuizAddress:
    state: ViewState  # which events, and the language
    seed: str
    n: int = DEFAULT_QUESTIONS
    new_seed: bool = False  # the address had none (or a bad one): this one was picked now
    notices: tuple[str, ...] = ()


def new_seed() -> str:
    """A seed short enough to read out in a lecture hall."""
    return str(100_000 + secrets.randbelow(900_000))


def parse_quiz(search: str | None, known: Known) -> QuizAddress:
    """The round an address asks for; never fails (bad parts are dropped with a notice)."""
    pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=True)
    own = {key: value for key, value in pairs if key in _OWN}
    rest = urlencode([(key, value) for key, value in pairs if key not in _OWN])
    state = parse_query(rest, known)
    notices = list(state.notices)
    seed = own.get("seed", "")
    fresh = not SEED.match(seed)
    if fresh:
        if seed:
            notices.append(message("notice_bad_seed", value=seed[:32]))
        seed = new_seed()
    n = DEFAULT_QUESTIONS
    if "n" in own:
        if own["n"].isdigit() and 1 <= int(own["n"]) <= MAX_QUESTIONS:
            n = int(own["n"])
        else:
            notices.append(message("notice_bad_count", value=own["n"][:10], most=MAX_QUESTIONS))
    state = state.with_(event=None, sort=SORTS[0], x_range=None, build=False, view="", notices=())
    return QuizAddress(state, seed, n, fresh, tuple(notices))


def quiz_query(address: QuizAddress, **changes) -> str:
    """The canonical query of a round (`changes` to the `ViewState`, e.g. lang='fr')."""
    base = to_query(address.state.with_(**changes)).lstrip("?")
    own = [("seed", address.seed)]
    if address.n != DEFAULT_QUESTIONS:
        own.append(("n", str(address.n)))
    return "?" + "&".join(part for part in (base, urlencode(own)) if part)


def without_seed(address: QuizAddress) -> str:
    """The query of a new round on the same events: the page picks a new seed."""
    query = to_query(address.state).lstrip("?")
    if address.n != DEFAULT_QUESTIONS:
        query += ("&" if query else "") + f"n={address.n}"
    return "?" + query if query else ""
