"""Which 8-bit encoding a file that is not UTF-8 is in, and how sure that guess is.

A spreadsheet saving "CSV" writes in the code page of its system: Windows-1252 in France
or Germany, Windows-1250 in Poland, Mac Roman on an old Mac. The bytes do not say which;
read in the wrong one, accents turn into other letters (Łódź into £ódŸ). charset-normalizer
reads the file in each encoding a spreadsheet may have used and measures how messy each
reading is (symbols inside words, odd mixes of case and script) and how well its letters
fit a language. The choice:

- Windows-1252 when its reading is among the cleanest: French and Western files read as
  they always did here, with no warning;
- else the cleanest reading whose letters best fit a language (the more common encoding
  when two fit as well);
- `unsure` when another reading, just as clean, reads the file differently: the caller
  warns, naming the first cell that would change, so a person can look at it.

Bytes that no encoding reads cleanly (binary data) come back as Latin-1, which reads any
byte, for the caller's binary check.
"""

from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer

# What spreadsheets write "CSV" in, and the name a person knows each by. Windows-1252
# comes first: it is what the app read such files as before it guessed at all.
ENCODINGS = {
    "cp1252": "Windows-1252",
    "mac_roman": "Mac Roman",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1254": "Windows-1254",
    "cp1257": "Windows-1257",
    "mac_latin2": "Mac Central European",
    "cp850": "DOS Latin 1 (850)",
    "cp852": "DOS Latin 2 (852)",
    "iso8859_15": "ISO-8859-15",
    "iso8859_2": "ISO-8859-2",
}
AS_CLEAN = 0.005  # readings this close in mess are as clean as each other


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    encoding: str  # its name as a person knows it: "Windows-1250"


@dataclass(frozen=True, slots=True)
class Guess:
    chosen: Reading
    unsure: Reading | None = None  # another reading, as clean, that reads the file otherwise


def _alike(match: charset_normalizer.CharsetMatch) -> set[str]:
    """The encodings that read the file exactly as this match does."""
    return {match.encoding, *match.could_be_from_charset}


def _rank(match: charset_normalizer.CharsetMatch) -> int:
    """How common the most common encoding giving this reading is (0: Windows-1252)."""
    return min(
        (i for i, code in enumerate(ENCODINGS) if code in _alike(match)), default=len(ENCODINGS)
    )


def _name(match: charset_normalizer.CharsetMatch) -> str:
    """The best-known of the encodings that give this reading (Mac Roman rather than Mac
    Central European when both read the file alike)."""
    rank = _rank(match)
    return list(ENCODINGS.values())[rank] if rank < len(ENCODINGS) else match.encoding


def guess(data: bytes) -> Guess:
    """The reading of `data` (not UTF-8) in the encoding it most likely is in."""
    matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(ENCODINGS)))
    if not matches:
        return Guess(Reading(data.decode("latin-1"), "ISO-8859-1"))
    least = min(match.chaos for match in matches)
    # the cleanest readings: the one whose letters best fit a language first, then the
    # reading of the more common encoding
    clean = sorted(
        (match for match in matches if match.chaos <= least + AS_CLEAN),
        key=lambda match: (-match.coherence, _rank(match)),
    )
    western = next((match for match in clean if _rank(match) == 0), None)
    if western is not None:
        try:
            return Guess(Reading(data.decode("cp1252"), ENCODINGS["cp1252"]))
        except UnicodeDecodeError:  # charset-normalizer read bytes Python's cp1252 leaves out
            return Guess(Reading(str(western), ENCODINGS["cp1252"]))
    chosen = clean[0]
    text = str(chosen)
    other = next((m for m in clean[1:] if str(m) != text), None)
    unsure = Reading(str(other), _name(other)) if other is not None else None
    return Guess(Reading(text, _name(chosen)), unsure)


def codec(name: str) -> str:
    """The Python codec of an encoding named as `Reading.encoding` names it."""
    return next((code for code, known in ENCODINGS.items() if known == name), name)
