"""`export --format timelinejs` read back by TimelineJS 3.9.11's own parser.

The sheet `to_sheet` writes is given to TimelineJS's CSV reader, run under node
(tests/timelinejs: its CSV.js, ConfigFactory.js, TimelineConfig.js and TLDate.js, pinned in
package-lock.json). For the built-in timeline, in English and French, and for seeded random
timelines (BCE and small years, year-only and month-only dates, periods, qualified dates,
display dates, groups, eras, a title or none, pictures, accents, quotes, commas, newlines,
formulas and markup in text), TimelineJS must report no error or warning and show every
event's date, headline, text, display date, group and picture (address, credit, caption,
alternative text),
the title and every era as the app has them.

The reader needs node and `npm ci` in tests/timelinejs; `bash scripts/test.sh` does both.
Without them these tests fail (they are not skipped): the export's promise is that
TimelineJS reads it.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from core.load.dates import format_when
from core.load.formats.edtfparts import MONTH_NAMES, Part, days_in_month, edtf, parse_shape
from core.load.formats.htmltext import html_to_text
from core.load.loader import load_timeline
from core.publish.timelinejs import to_sheet
from tests.conftest import BUILT_IN, ROOT, write_csv
from tests.test_foreign import sheet_text
from tests.test_timelinejs_export import ROWS as SHEET_ROWS

pytestmark = pytest.mark.timelinejs

HARNESS = ROOT / "tests" / "timelinejs"
SETUP = (
    "TimelineJS's parser runs under Node.js: install node and npm (Debian: apt-get install npm), "
    f"then run `npm ci --no-audit --no-fund --ignore-scripts` in {HARNESS} (bash scripts/test.sh does both)"
)
GENERATED = 40  # random timelines, one seed each


@pytest.fixture(scope="session")
def timelinejs(tmp_path_factory) -> Callable[[list[str]], list[dict]]:
    """A function giving, for CSV sheets, what TimelineJS makes of each (tests/timelinejs/entry.mjs)."""
    if shutil.which("node") is None:
        pytest.fail(f"node was not found. {SETUP}", pytrace=False)
    if not (HARNESS / "node_modules" / "@knight-lab" / "timelinejs" / "src").is_dir():
        pytest.fail(f"tests/timelinejs/node_modules is missing. {SETUP}", pytrace=False)
    out = tmp_path_factory.mktemp("timelinejs")
    built = subprocess.run(
        ["sh", str(HARNESS / "build.sh"), str(out)], capture_output=True, text=True, check=False
    )
    if built.returncode:
        pytest.fail(f"bundling TimelineJS failed: {built.stderr}. {SETUP}", pytrace=False)

    def read(sheets: list[str]) -> list[dict]:
        ran = subprocess.run(
            ["node", str(HARNESS / "run.cjs"), str(out / "bundle.cjs")],
            input=json.dumps(sheets),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert ran.returncode == 0, ran.stderr
        return json.loads(ran.stdout)

    return read


# What TimelineJS shows, as plain text -------------------------------------------------------


def tjs_date(part: Part) -> str:
    """A plain date as TimelineJS's English shows it: 'March 15, 44 BCE', 'May 1984', '1984'.

    Written from TimelineJS's formats (TLDate.js, Language.js), not from our writer: a year
    0 or before is (1 - year) BCE. TimelineJS's BCE leap years are one year off (it labels
    JavaScript's year -45, a common year, 45 BCE), so it shows 29 February of a leap year
    BCE as 1 March: our export then says the date in Display Date (`bce_leap_day`).
    """
    if bce_leap_day(part):
        part = Part(part.year, 3, 1)
    year = f"{1 - part.year} BCE" if part.year <= 0 else str(part.year)
    if part.month is None:
        return year
    if part.day is None:
        return f"{MONTH_NAMES[part.month - 1]} {year}"
    return f"{MONTH_NAMES[part.month - 1]} {part.day}, {year}"


def bce_leap_day(part: Part | None) -> bool:
    return part is not None and part.year <= 0 and (part.month, part.day) == (2, 29)


def theirs(slide: dict) -> dict:
    """What a reader sees of one TimelineJS slide."""
    media = slide["media"] or {}
    return {
        "headline": html_to_text(slide["headline"] or ""),
        "text": html_to_text(slide["text"] or ""),
        "start": slide["start"] or "",
        "end": slide["end"] or "",
        "display_date": slide["display_date"],
        "group": slide["group"],
        "media": media.get("url", ""),
        "credit": html_to_text(media.get("credit", "")),
        "caption": html_to_text(media.get("caption", "")),
        "alt": media.get("alt", ""),  # given to the picture as it is, not as HTML
    }


def ours(event: dict, lang: str) -> dict:
    """What TimelineJS should show of one of our events."""
    shape = parse_shape(event["date"])
    end = shape.end if shape.end not in (None, shape.start) else None
    display = event[f"display_date_{lang}"]
    if not display and (not shape.exact or bce_leap_day(shape.start) or bce_leap_day(end)):
        display = format_when(event["date"], lang)
    return {
        "headline": event[f"title_{lang}"],
        "text": event[f"summary_{lang}"],
        "start": tjs_date(shape.start),
        "end": tjs_date(end) if end else "",
        "display_date": display,
        "group": event["group"],
        "media": event["image"],
        "credit": event[f"image_credit_{lang}"],
        "alt": " ".join(event[f"image_alt_{lang}"].split()),
        "caption": event[f"image_caption_{lang}"],
    }


def era_shown(era, lang: str) -> tuple[str, str, str]:
    start, end = parse_shape(era.dates[0]).start, parse_shape(era.dates[1])
    end = end.end or end.start
    if end == start and end.day is None:  # written as the span's last day (see timelinejs_write)
        end = Part(*end.last)
    return era.label(lang), tjs_date(start), tjs_date(end)


def check(timeline, lang: str, got: dict) -> None:
    """Assert that TimelineJS read `timeline`'s sheet in `lang` as the app shows it."""
    assert got["errors"] == [] and got["warnings"] == []
    front = timeline.front
    assert got["title"] is not None
    assert html_to_text(got["title"]["headline"]) == front.title(lang)
    assert html_to_text(got["title"]["text"]) == front.subtitle(lang)
    expected = sorted(
        (ours(e, lang) for e in timeline.events.to_dict("records")), key=lambda e: e["headline"]
    )
    assert sorted(map(theirs, got["events"]), key=lambda e: e["headline"]) == expected
    eras = sorted((html_to_text(e["headline"]), e["start"], e["end"]) for e in got["eras"])
    assert eras == sorted(era_shown(era, lang) for era in timeline.eras if all(era.dates))


# Random timelines ---------------------------------------------------------------------------

WORDS = [
    "Amiens",
    "=SUM(A1)",
    "-1",
    "+x",
    "@me",
    "a & b",
    "<script>x</script>",
    "<b>not bold</b>",
    '"quoted", said she',
    "l'œil",
    "Hervé Deramond — vertébroplastie",
    "1,984",
    "x, y",
    "see this (https://example.org/a?b=1&c=2)",
    "https://example.org/page",
    "€ 5; 50 %",
]


def phrase(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, rng.randint(1, 3)))


def paragraphs(rng: random.Random) -> str:
    """Text with a line break or a blank line between paragraphs, or none."""
    return rng.choice(
        ["", phrase(rng), f"{phrase(rng)}\n{phrase(rng)}", f"{phrase(rng)}\n\n{phrase(rng)}"]
    )


def random_part(rng: random.Random) -> tuple[int, int | None, int | None]:
    year = rng.choice([rng.randint(-9999, 2100), rng.randint(-120, 120), 0, -1, 1, -43])
    month = rng.choice([None, rng.randint(1, 12)])
    day = None if month is None else rng.choice([None, rng.randint(1, days_in_month(year, month))])
    return year, month, day


def random_date(rng: random.Random) -> tuple[str, str]:
    """An EDTF date and end as the app's events.csv holds them."""
    start, end = sorted(
        [random_part(rng), random_part(rng)], key=lambda p: (p[0], p[1] or 1, p[2] or 1)
    )
    kind = rng.choice(
        ["point", "point", "period", "slash", "approximate", "uncertain", "window", "decade"]
    )
    if kind == "point":
        return edtf(*start), ""
    if kind == "period":
        return edtf(*start), edtf(*end)
    if kind == "slash":
        return f"{edtf(*start)}/{edtf(*end)}", ""
    if kind == "window":  # the app's windows are between years
        return f"[{edtf(start[0])}..{edtf(end[0])}]", ""
    if kind == "decade":
        return rng.choice([f"{rng.randint(100, 209)}X", f"{rng.randint(10, 20)}XX"]), ""
    return edtf(*start) + ("~" if kind == "approximate" else "?"), ""


def write_random_timeline(folder: Path, seed: int) -> Path:
    rng = random.Random(seed)
    folder.mkdir()
    events = []
    for i in range(rng.randint(1, 10)):
        date, end = random_date(rng)
        picture = rng.random() < 0.4
        events.append(
            {
                "id": f"e{i}",
                "date": date,
                "end": end,
                "title_en": f"E{i} {phrase(rng)}",
                "summary_en": paragraphs(rng),
                "display_date_en": rng.choice(["", "", "", phrase(rng)]),
                "group": rng.choice(["", "", "Clinic", "Essais, « cliniques »", "R&D"]),
                "image": rng.choice(
                    ["https://example.org/pictures/a.jpg", "https://example.org/b.png?x=1&y=2"]
                )
                if picture
                else "",
                "image_alt_en": rng.choice(
                    ["A picture", phrase(rng), "=1+1, not a formula", 'A "quoted", <b>word</b>']
                )
                if picture
                else "",
                "image_credit_en": phrase(rng) if picture else "",
                "image_caption_en": paragraphs(rng) if picture else "",
            }
        )
    path = write_csv(folder / "events.csv", events)
    eras = []
    for i in range(rng.randint(0, 3)):
        first, last = sorted(rng.choice([rng.randint(-3000, 2100), 1984]) for _ in range(2))
        bounds = [edtf(first), edtf(last)]
        if rng.random() < 0.3:  # month precision
            months = sorted(rng.randint(1, 12) for _ in range(2))
            bounds = [edtf(first, months[0]), edtf(last, months[1])]
        label = f"Era {i} {phrase(rng)}"
        eras.append({"id": f"era{i}", "start": bounds[0], "end": bounds[1], "label_en": label})
    if eras:
        write_csv(folder / "eras.csv", eras)
    if rng.random() < 0.7:
        write_csv(
            folder / "timeline.csv",
            [{"title_en": f"T {phrase(rng)}", "subtitle_en": paragraphs(rng)}],
        )
    return path


# The tests ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_in_read(timelinejs) -> tuple[object, list[dict]]:
    timeline = load_timeline(BUILT_IN)
    sheets = [to_sheet(timeline, timeline.events, lang).decode("utf-8") for lang in ("en", "fr")]
    return timeline, timelinejs(sheets)


@pytest.mark.parametrize(("index", "lang"), [(0, "en"), (1, "fr")])
def test_timelinejs_reads_the_built_in_timeline_as_the_app_shows_it(built_in_read, index, lang):
    timeline, answers = built_in_read
    assert len(answers[index]["events"]) == len(timeline.events) > 20
    check(timeline, lang, answers[index])


def test_timelinejs_reads_back_a_timelinejs_sheet_we_read(timelinejs, tmp_path):
    """A TimelineJS sheet with HTML (links, bold, paragraphs), pictures, a title and an era,
    read by the app and exported again, reads in TimelineJS as the app shows it."""
    path = tmp_path / "sheet.csv"
    path.write_text(sheet_text(*SHEET_ROWS), encoding="utf-8")
    timeline = load_timeline(path)
    (answer,) = timelinejs([to_sheet(timeline, timeline.events, "en").decode("utf-8")])
    check(timeline, "en", answer)
    linked = next(e for e in answer["events"] if html_to_text(e["headline"]) == "Rich text")
    assert html_to_text(linked["text"]) == "One\n\nTwo, see this (https://example.org/a)"


EDGE_DATES = [
    "-0044-02-29",  # 45 BCE, a leap year; TimelineJS's 45 BCE is not
    "0000-02-29",  # 1 BCE
    "-0043-03-15",
    "0000",
    "0001-01-01",
    "0004-02-29",
    "0050-06",
    "0099-12-31",  # a two-digit year JavaScript's Date would take for 1999
    "-9999-12-31",
    "9999",
    "2100-02-28",
    "-0400-02-29/-0399-02-28",
]


def test_timelinejs_reads_edge_dates_as_the_app_shows_them(timelinejs, tmp_path):
    rows = [{"id": f"e{i}", "date": d, "title_en": f"E{i} {d}"} for i, d in enumerate(EDGE_DATES)]
    timeline = load_timeline(write_csv(tmp_path / "events.csv", rows))
    (answer,) = timelinejs([to_sheet(timeline, timeline.events, "en").decode("utf-8")])
    check(timeline, "en", answer)
    leap_day = next(e for e in answer["events"] if e["headline"] == "E0 -0044-02-29")
    assert leap_day["display_date"] == format_when("-0044-02-29", "en")


@pytest.fixture(scope="module")
def generated_read(timelinejs, tmp_path_factory) -> list[tuple[object, dict]]:
    root = tmp_path_factory.mktemp("generated")
    timelines = [
        load_timeline(write_random_timeline(root / str(seed), seed)) for seed in range(GENERATED)
    ]
    answers = timelinejs([to_sheet(t, t.events, "en").decode("utf-8") for t in timelines])
    return list(zip(timelines, answers, strict=True))


@pytest.mark.parametrize("seed", range(GENERATED))
def test_timelinejs_reads_random_timelines_as_the_app_shows_them(generated_read, seed):
    timeline, answer = generated_read[seed]
    check(timeline, "en", answer)


def test_the_random_timelines_cover_what_they_claim(generated_read):
    """The generator's reach, so that a change to it cannot quietly test less."""
    events = [e for t, _ in generated_read for e in t.events.to_dict("records")]
    dates = [e["date"] for e in events]
    assert any(d.startswith("-") for d in dates) and any(d.startswith("0000") for d in dates)
    assert any(re.fullmatch(r"\d{4}", d) for d in dates)
    assert any(re.fullmatch(r"-?\d{4}-\d{2}", d) for d in dates)
    assert any("/" in d for d in dates) and any(d.startswith("[") for d in dates)
    assert any(d.endswith(("~", "?")) for d in dates) and any(d.endswith("X") for d in dates)
    assert any(e["display_date_en"] for e in events) and any(e["group"] for e in events)
    assert any(e["image"] for e in events) and any("\n\n" in e["summary_en"] for e in events)
    assert any("é" in e["title_en"] and "," in e["title_en"] for e in events)
    assert any(t.eras for t, _ in generated_read)
