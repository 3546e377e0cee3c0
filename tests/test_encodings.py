"""Files saved in an 8-bit encoding other than UTF-8 read with their own accents.

Each file is written here, in the encoding a spreadsheet on that system saves "CSV" in:
Windows-1250 in Poland, Mac Roman on an old Mac, Windows-1252 in France and Germany.
"""

from __future__ import annotations

import pytest

from core.load.loader import load_timeline
from core.load.problems import WARNING

POLISH = [
    ("1410", "Bitwa pod Grunwaldem", "Zwycięstwo wojsk polsko-litewskich nad zakonem krzyżackim."),
    ("1791", "Konstytucja 3 maja", "Pierwsza w Europie nowoczesna ustawa zasadnicza."),
    ("1918", "Odzyskanie niepodległości", "Polska wraca na mapę Europy po 123 latach zaborów."),
    (
        "1980",
        "Powstanie Solidarności",
        "Strajk w Stoczni Gdańskiej; Łódź i Kraków się przyłączają.",
    ),
]
FRENCH = [
    ("1984", "Première vertébroplastie", "À Amiens, l'équipe injecte du ciment dans une vertèbre."),
    ("1987", "Premier article", "Publié dans Neurochirurgie ; très cité."),
    ("1989", "Série de cas", "Hémangiomes et métastases : « ça marche », écrit-on."),
]
GERMAN = [("1989", "Mauerfall in Berlin", "Grenzöffnung für alle Bürger.")]
RUSSIAN = [
    ("1957", "Спутник", "Первый искусственный спутник Земли."),
    ("1961", "Восток-1", "Полёт Гагарина."),
]


def write(path, rows, encoding: str, separator: str = ",") -> None:
    lines = [separator.join(("date", "title", "summary"))]
    lines += [separator.join(f'"{cell}"' for cell in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def encoding_warnings(timeline) -> list:
    return [p for p in timeline.warnings if p.what.key == "problem_encoding_unsure"]


@pytest.mark.parametrize(
    ("rows", "encoding", "separator"),
    [
        (POLISH, "cp1250", ","),
        (POLISH, "cp1250", ";"),
        (FRENCH, "mac_roman", ","),
        (FRENCH, "cp1252", ";"),  # French Excel: as before, with no warning
        (FRENCH, "cp1252", ","),
        (GERMAN, "cp1252", ";"),
        (RUSSIAN, "cp1251", ";"),
    ],
    ids=[
        "polish",
        "polish-semicolons",
        "french-mac",
        "french-excel",
        "french",
        "german",
        "russian",
    ],
)
def test_a_file_in_another_encoding_reads_with_its_accents(tmp_path, rows, encoding, separator):
    write(tmp_path / "events.csv", rows, encoding, separator)
    timeline = load_timeline(tmp_path / "events.csv")
    assert list(timeline.events["title_en"]) == [title for _, title, _ in rows]
    assert list(timeline.events["summary_en"]) == [summary for _, _, summary in rows]
    assert encoding_warnings(timeline) == []


def test_an_unsure_guess_is_a_warning_naming_the_first_cell_it_could_misread(tmp_path):
    # Two accented letters are too little to tell Mac Roman from its neighbours for sure.
    rows = [("1984", "Premiere vertébroplastie", "Amiens"), ("1987", "Article", "Paris")]
    write(tmp_path / "events.csv", rows, "mac_roman")
    timeline = load_timeline(tmp_path / "events.csv")
    assert list(timeline.events["title_en"]) == ["Premiere vertébroplastie", "Article"]
    (warning,) = encoding_warnings(timeline)
    assert (warning.row, warning.column, warning.severity) == (2, "title", WARNING)
    assert str(warning).startswith(
        "events.csv, row 2, column 'title': expected text in UTF-8; found another encoding, "
        "read as Mac Roman ('Premiere vertébroplastie'), though it may be "
    )
    assert "save the file as CSV UTF-8" in str(warning)
    assert "ligne 2, colonne «\u00a0title\u00a0»" in warning.text("fr")
