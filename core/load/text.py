"""Rules for text from a timeline's files that more than one stage needs.

- `fold`: lower-case text without accents, for search and for reading dates typed in
  French ('années 1980', 'févr.');
- `slugify` and `split_list`: identifiers and `|`-separated lists in cells;
- `is_web_address`: the one rule for links. Text from the files is shown as text, and
  the only addresses that ever become links are http(s) ones; the loader checks `url`
  cells with it, citations build links only from what passes it, and `split_links` finds
  the addresses in a summary that the details panel shows as links.
"""

from __future__ import annotations

import re
import unicodedata

LIST_SEPARATOR = "|"
# Combining marks (accents) in the blocks where Latin, Greek and Cyrillic letters put them.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
_WORD = re.compile(r"(\S+)")
# punctuation around an address in a sentence, not part of it
_LEADING, _TRAILING = "([{'\"«", ".,;:!?)]}'\"»"


def fold(text: str) -> str:
    """Lower-case text without accents, for search: 'Hémangiome' -> 'hemangiome'.

    Called on every event's search text at load: ASCII text (most of it) skips Unicode
    decomposition, and accents are removed by one regex rather than a loop per character,
    which made 100,000 events take 40 s to load.
    """
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "event"


def split_list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(LIST_SEPARATOR) if item.strip())


def is_web_address(value: str) -> bool:
    """True for an http:// or https:// address with a host: the only kind made a link."""
    return bool(_WEB_ADDRESS.match(value or ""))


def split_links(text: str) -> list[tuple[str, bool]]:
    """Text as pieces (piece, is an http(s) address), in order; joined they give `text`.

    >>> split_links("See https://example.org/a. Then")
    [('See ', False), ('https://example.org/a', True), ('. Then', False)]
    """
    pieces: list[tuple[str, bool]] = []
    plain = ""
    for part in _WORD.split(text or ""):
        lead = part[: len(part) - len(part.lstrip(_LEADING))]
        address = part[len(lead) :].rstrip(_TRAILING)
        if part and is_web_address(address):
            if plain + lead:
                pieces.append((plain + lead, False))
            pieces.append((address, True))
            plain = part[len(lead) + len(address) :]
        else:
            plain += part
    if plain:
        pieces.append((plain, False))
    return pieces
