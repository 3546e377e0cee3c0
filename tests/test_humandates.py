"""Dates as people type them: each accepted form, the EDTF it becomes, and how it reads back."""

from __future__ import annotations

import pytest

from core.load.dates import DateError, format_when
from core.load.humandates import parse_human, to_edtf

# (typed, EDTF, shown in English)
ACCEPTED = [
    ("1984", "1984", "1984"),
    ("c. 1984", "1984~", "c. 1984"),
    ("ca. 1984", "1984~", "c. 1984"),
    ("circa 1984", "1984~", "c. 1984"),
    ("vers 1984", "1984~", "c. 1984"),
    ("c. 1984?", "1984%", "c. 1984?"),
    ("2013-04-24", "2013-04-24", "24 April 2013"),
    ("24/04/2013", "2013-04-24", "24 April 2013"),
    ("24.04.2013", "2013-04-24", "24 April 2013"),
    ("04/24/2013", "2013-04-24", "24 April 2013"),  # only month-first makes sense
    ("05/05/2013", "2013-05-05", "5 May 2013"),  # day == month: no ambiguity
    ("29/02/2012", "2012-02-29", "29 February 2012"),
    ("April 2013", "2013-04", "April 2013"),
    ("Apr 2013", "2013-04", "April 2013"),
    ("avril 2013", "2013-04", "April 2013"),
    ("Février 1990", "1990-02", "February 1990"),
    ("24 April 2013", "2013-04-24", "24 April 2013"),
    ("April 24, 2013", "2013-04-24", "24 April 2013"),
    ("1er mai 2008", "2008-05-01", "1 May 2008"),
    ("1984-1989", "1984/1989", "1984–1989"),
    ("1984 – 1989", "1984/1989", "1984–1989"),
    ("from 1984 to 1989", "1984/1989", "1984–1989"),
    ("de 1984 à 1989", "1984/1989", "1984–1989"),
    ("April 2013 - June 2014", "2013-04/2014-06", "April 2013 – June 2014"),
    ("44 BC", "-0043", "44 BCE"),
    ("44 BCE", "-0043", "44 BCE"),
    ("44 av. J.-C.", "-0043", "44 BCE"),
    ("1 BC", "0000", "1 BCE"),
    ("100 BC - 44 BC", "-0099/-0043", "100 BCE – 44 BCE"),
    ("476", "0476", "476"),
    ("AD 476", "0476", "476"),
    ("1980s", "198X", "1980s"),
    ("années 1980", "198X", "1980s"),
    ("v. 1984", "1984~", "c. 1984"),
    ("12/1984", "1984-12", "December 1984"),
    ("4/2013", "2013-04", "April 2013"),
    # centuries, as the app writes them back (core/load/dates.py), in figures or Roman
    ("15th century", "14XX", "15th century"),
    ("15th c.", "14XX", "15th century"),
    ("XVth century", "14XX", "15th century"),
    ("XVe siècle", "14XX", "15th century"),
    ("XVème siècle", "14XX", "15th century"),
    ("15e s.", "14XX", "15th century"),
    ("1er siècle", "00XX", "1st century"),
    ("XXIe siècle", "20XX", "21st century"),
    ("5th century BC", "-04XX", "5th century BCE"),
    ("Ve siècle av. J.-C.", "-04XX", "5th century BCE"),
    ("c. 15th century", "14XX~", "c. 15th century"),
    ("vers le XVe siècle", "14XX~", "c. 15th century"),
    # two centuries, the words written once, after the second
    ("XVe-XVIe siècle", "14XX/15XX", "15th–16th centuries"),
    ("XVe–XVIe siècles", "14XX/15XX", "15th–16th centuries"),
    ("du XVe au XVIe siècle", "14XX/15XX", "15th–16th centuries"),
    ("15th-16th century", "14XX/15XX", "15th–16th centuries"),
    ("15th to 16th centuries", "14XX/15XX", "15th–16th centuries"),
    ("Ve-IVe s. av. J.-C.", "-04XX/-03XX", "5th–4th centuries BCE"),
    ("5th-4th century BC", "-04XX/-03XX", "5th–4th centuries BCE"),
    ("5th century BC - 1st century", "-04XX/00XX", "5th century BCE – 1st century"),
    ("  1984  ", "1984", "1984"),
    # EDTF passes through untouched
    ("2008-05", "2008-05", "May 2008"),
    ("1984/1989", "1984/1989", "1984–1989"),
    ("[1984..1989]", "[1984..1989]", "between 1984 and 1989"),
    ("-0044", "-0044", "45 BCE"),
]


@pytest.mark.parametrize(("typed", "edtf", "shown"), ACCEPTED)
def test_each_human_form_becomes_edtf_and_reads_back(typed, edtf, shown):
    assert to_edtf(typed) == edtf
    when = parse_human(typed)
    assert when.text == edtf
    assert format_when(when, "en") == shown


def test_bce_years_read_back_in_french():
    assert format_when(parse_human("44 av. J.-C."), "fr") == "44 av. J.-C."


@pytest.mark.parametrize(
    "typed",
    [
        "XVe siècle",
        "vers le XVe siècle",
        "Ve siècle av. J.-C.",
        "XVe–XVIe siècles",
        "Ve–IVe siècles av. J.-C.",
    ],
)
def test_centuries_read_back_in_french_as_typed(typed):
    assert format_when(parse_human(typed), "fr") == typed


# (typed, the whole message)
REFUSED = [
    (
        "03/04/2013",
        "expected an unambiguous date; found '03/04/2013' (ambiguous day/month: write "
        "2013-04-03 (3 April) or 2013-03-04 (4 March))",
    ),
    (
        "12/01/1999",
        "expected an unambiguous date; found '12/01/1999' (ambiguous day/month: write "
        "1999-01-12 (12 January) or 1999-12-01 (1 December))",
    ),
    ("31/02/2013", "expected a day that exists; found '31/02/2013' (February 2013 has 28 days)"),
    (
        "24/24/2013",
        "expected a day and a month (dd/mm/yyyy, such as 24/04/2013); found '24/24/2013'",
    ),
    (
        "spring 1984",
        "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, "
        "1984-1989, 44 BC or [1984..1989]; found 'spring 1984'",
    ),
    (
        "Smarch 2013",
        "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, "
        "1984-1989, 44 BC or [1984..1989]; found 'Smarch 2013'",
    ),
    (
        "IIII siècle",  # not a Roman numeral
        "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, "
        "1984-1989, 44 BC or [1984..1989]; found 'IIII siècle'",
    ),
    (
        "XVIe-XVe siècle",  # the later century first
        "expected the end of '15XX/14XX' to come after its start (read from 'XVIe-XVe siècle')",
    ),
    (
        "13/2013",  # no thirteenth month
        "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, "
        "1984-1989, 44 BC or [1984..1989]; found '13/2013'",
    ),
    (
        "c. soon",
        "expected a date such as 1984, c. 1984, 1984?, April 2008, 24/04/2013, 2013-04-24, "
        "1984-1989, 44 BC or [1984..1989]; found 'c. soon'",
    ),
]


@pytest.mark.parametrize(("typed", "message"), REFUSED)
def test_refused_forms_say_how_to_write_them(typed, message):
    with pytest.raises(DateError) as caught:
        parse_human(typed)
    assert str(caught.value) == message
