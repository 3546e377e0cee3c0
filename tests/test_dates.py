"""EDTF parsing, bounds and the date as a person writes it."""

import calendar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.load.dates import (
    PERIOD,
    POINT,
    WINDOW,
    DateError,
    _edtf_bounds,
    _simple_bounds,
    format_when,
    parse_when,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "shape", "precision"),
    [
        ("1984", 1984.0, 1985.0, POINT, "year"),
        ("2008-05", 2008 + 121 / 366, 2008 + 152 / 366, POINT, "month"),
        ("2013-04-24", 2013 + 113 / 365, 2013 + 114 / 365, POINT, "day"),
        ("2013-12-31", 2013 + 364 / 365, 2014.0, POINT, "day"),
        ("1984/1989", 1984.0, 1990.0, PERIOD, "year"),
        ("[1984..1989]", 1984.0, 1990.0, WINDOW, "year"),
        ("198X", 1980.0, 1990.0, POINT, "decade"),
        ("-0044", -44.0, -43.0, POINT, "year"),
    ],
)
def test_bounds_and_shape(text, start, end, shape, precision):
    when = parse_when(text)
    assert when.start == pytest.approx(start)
    assert when.end == pytest.approx(end)
    assert (when.shape, when.precision) == (shape, precision)


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain", "fuzzy_start", "fuzzy_end"),
    [
        ("1984", False, False, 1984.0, 1985.0),
        ("1984~", True, False, 1983.0, 1986.0),
        ("1984?", False, True, 1983.0, 1986.0),
        ("1984%", True, True, 1983.0, 1986.0),
    ],
)
def test_approximate_and_uncertain_dates_are_wider(
    text, approximate, uncertain, fuzzy_start, fuzzy_end
):
    when = parse_when(text)
    assert (when.approximate, when.uncertain) == (approximate, uncertain)
    assert (when.fuzzy_start, when.fuzzy_end) == (fuzzy_start, fuzzy_end)


@pytest.mark.parametrize(
    ("text", "en", "fr"),
    [
        ("1984", "1984", "1984"),
        ("1984~", "c. 1984", "vers 1984"),
        ("1984?", "1984?", "1984 ?"),
        ("2008-05", "May 2008", "mai 2008"),
        ("2013-04-24", "24 April 2013", "24 avril 2013"),
        ("2008-05-01", "1 May 2008", "1er mai 2008"),
        ("1984/1989", "1984–1989", "1984–1989"),
        ("1984~/1989~", "c. 1984 – c. 1989", "vers 1984 – vers 1989"),
        ("[1984..1989]", "between 1984 and 1989", "entre 1984 et 1989"),
        ("198X", "1980s", "années 1980"),
        ("-0044", "45 BCE", "45 av. J.-C."),
    ],
)
def test_date_as_a_person_writes_it(text, en, fr):
    assert format_when(parse_when(text), "en") == en
    assert format_when(text, "fr") == fr


@pytest.mark.parametrize(
    ("text", "en", "fr"),
    [
        # centuries: English ordinals, French roman numerals (Ier, IIe ... XXIe siècle)
        ("00XX", "1st century", "Ier siècle"),
        ("01XX", "2nd century", "IIe siècle"),
        ("02XX", "3rd century", "IIIe siècle"),
        ("03XX", "4th century", "IVe siècle"),
        ("08XX", "9th century", "IXe siècle"),
        ("10XX", "11th century", "XIe siècle"),
        ("11XX", "12th century", "XIIe siècle"),
        ("12XX", "13th century", "XIIIe siècle"),
        ("13XX", "14th century", "XIVe siècle"),
        ("19XX", "20th century", "XXe siècle"),
        ("20XX", "21st century", "XXIe siècle"),
        ("21XX", "22nd century", "XXIIe siècle"),
        ("22XX", "23rd century", "XXIIIe siècle"),
        ("20XX~", "c. 21st century", "vers le XXIe siècle"),
        ("19XX?", "20th century?", "XXe siècle ?"),
        ("-00XX", "1st century BCE", "Ier siècle av. J.-C."),
        ("-01XX", "2nd century BCE", "IIe siècle av. J.-C."),
        ("-04XX", "5th century BCE", "Ve siècle av. J.-C."),
        # millennia
        ("0XXX", "1st millennium", "Ier millénaire"),
        ("1XXX", "2nd millennium", "IIe millénaire"),
        ("2XXX", "3rd millennium", "IIIe millénaire"),
        ("-1XXX", "2nd millennium BCE", "IIe millénaire av. J.-C."),
        # decades: no leading zero; before the common era, the years themselves
        ("198X", "1980s", "années 1980"),
        ("198X~", "c. 1980s", "vers les années 1980"),
        ("019X", "190s", "années 190"),
        ("-019X", "200–191 BCE", "200–191 av. J.-C."),
        ("000X", "1 BCE – 9", "1 av. J.-C. – 9"),
        # years and days before the common era
        ("0000", "1 BCE", "1 av. J.-C."),
        ("-0043~", "c. 44 BCE", "vers 44 av. J.-C."),
        ("-0043-03-15", "15 March 44 BCE", "15 mars 44 av. J.-C."),
        ("0476", "476", "476"),
        ("[1984..1989]", "between 1984 and 1989", "entre 1984 et 1989"),
        ("1984%", "c. 1984?", "vers 1984 ?"),
    ],
)
def test_centuries_millennia_decades_and_bce_in_both_languages(text, en, fr):
    assert format_when(text, "en") == en
    assert format_when(text, "fr") == fr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "found nothing"),
        ("next year", "found 'next year'"),
        ("2013-02-30", "found '2013-02-30'"),
        ("1989/1984", "to come after its start"),
        ("1984/..", "open ends are not supported"),
        ("1984/", "open ends are not supported"),
        ("2004-21", "seasons and lists are not supported"),
    ],
)
def test_bad_dates_say_what_was_expected(text, message):
    with pytest.raises(DateError) as caught:
        parse_when(text)
    assert "expected" in str(caught.value)
    assert message in str(caught.value)


@given(
    year=st.integers(1, 9999),
    month=st.one_of(st.none(), st.integers(1, 12)),
    day=st.integers(1, 31),
    qualifier=st.sampled_from(["", "~", "?", "%"]),
    length=st.integers(0, 40),
)
@settings(max_examples=40, deadline=None)
def test_fast_path_agrees_with_edtf(year, month, day, qualifier, length):
    """The plain ISO forms skip the slow edtf parser; they must give what edtf gives."""
    text = f"{year:04d}" + (f"-{month:02d}" if month else "")
    if month and day <= calendar.monthrange(year, month)[1]:
        text += f"-{day:02d}"
    text += qualifier
    if length:
        text += f"/{min(year + length, 9999):04d}"
    fast = _simple_bounds(text)
    assert fast is not None
    slow = _edtf_bounds(text)
    assert fast[:2] == pytest.approx(slow[:2])
    assert fast[2] == slow[2]


@given(
    first=st.integers(1000, 9999),
    length=st.integers(0, 30),
    digits=st.sampled_from(["X", "XX"]),
    qualifier=st.sampled_from(["", "~", "?", "%"]),
)
@settings(max_examples=20, deadline=None)
def test_fast_path_agrees_with_edtf_on_windows_and_decades(first, length, digits, qualifier):
    """Windows of two years and unspecified decades or centuries skip edtf too."""
    for text in (
        f"[{first:04d}..{min(first + length, 9999):04d}]",
        f"{first:04d}"[: 4 - len(digits)] + digits + qualifier,
    ):
        fast = _simple_bounds(text)
        assert fast is not None, text
        slow = _edtf_bounds(text)
        assert fast[:2] == pytest.approx(slow[:2]), text
        assert fast[2] == slow[2], text


@pytest.mark.parametrize(
    "text", ["-04XX", "-019X", "-04XX~", "14XX/15XX", "198X/1995", "1984/199X"]
)
def test_fast_path_agrees_with_edtf_on_centuries_before_year_1_and_in_periods(text):
    fast = _simple_bounds(text)
    assert fast is not None
    slow = _edtf_bounds(text)
    assert fast[:2] == pytest.approx(slow[:2])
    assert fast[2] == slow[2]


def test_a_period_of_centuries_before_year_1():
    """edtf refuses -04XX/-03XX; the fast path reads it as its two centuries read alone."""
    when = parse_when("-04XX/-03XX")
    assert (when.start, when.end) == (-499, -299)  # 500 BCE to 301 BCE, the year after
    assert (parse_when("-04XX").start, parse_when("-03XX").end) == (when.start, when.end)
    assert format_when(when, "en") == "5th–4th centuries BCE"
    assert format_when(when, "fr") == "Ve–IVe siècles av. J.-C."
