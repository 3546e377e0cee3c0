"""A timeline's own title, subtitle, authors, licence and languages: from its row of kind
`title`, from timeline.csv, or (neither) from the file's name; each bad case reported."""

from __future__ import annotations

import pytest

from core.load.frontmatter import neutral_title
from core.load.loader import load_timeline
from core.load.problems import DataError
from core.load.starter import write_starter
from tests.conftest import BUILT_IN

EVENTS = "date,title,sources\n1984,First case,\n1987,First paper,\n"


def write(folder, events: str, front: str | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "events.csv").write_text(events, encoding="utf-8")
    if front is not None:
        (folder / "timeline.csv").write_text(front, encoding="utf-8")
    return folder / "events.csv"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("my-history/events.csv", "My history"),
        ("courses/Histoire de la médecine/events.csv", "Histoire de la médecine"),
        ("anything/roman_roads.csv", "Roman roads"),
        ("x/spinal-surgery-2024.xlsx", "Spinal surgery 2024"),
        ("x/timeline.csv", "X"),
        ("x/Events.CSV", "X"),
    ],
)
def test_a_timeline_with_no_title_is_named_after_its_file(path, title):
    assert neutral_title(path) == title


def test_no_front_matter_gives_the_neutral_title_and_nothing_else(tmp_path):
    front = load_timeline(write(tmp_path / "my-history", EVENTS)).front
    assert front.title("en") == front.title("fr") == "My history"
    assert front.subtitle("en") == "" and front.authors == () and front.licence == ""
    assert front.file_stem == "my-history"


def test_the_title_row_gives_title_and_subtitle_and_is_not_an_event(tmp_path):
    events = (
        "kind,date,title_en,title_fr,summary_en,summary_fr\n"
        "title,,Roman roads,Les voies romaines,How Rome was linked,Comment Rome fut reliée\n"
        "event,-0312,Via Appia begun,Début de la via Appia,,\n"
    )
    timeline = load_timeline(write(tmp_path / "roads", events))
    assert list(timeline.events["title_en"]) == ["Via Appia begun"]
    assert timeline.kinds_present() == ["event"]
    front = timeline.front
    assert (front.title("en"), front.title("fr")) == ("Roman roads", "Les voies romaines")
    assert (front.subtitle("en"), front.subtitle("fr")) == (
        "How Rome was linked",
        "Comment Rome fut reliée",
    )
    assert front.file_stem == "roman-roads"


def test_the_title_row_needs_no_kind_in_the_vocabulary(tiny_dir):
    path = tiny_dir / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = ["" for _ in header]
    row[header.index("kind")], row[header.index("title_en")] = "title", "Tiny history"
    path.write_text("\n".join([lines[0], ",".join(row), *lines[1:]]) + "\n", encoding="utf-8")
    timeline = load_timeline(path)
    assert timeline.warnings == [] and timeline.front.title("fr") == "Tiny history"


def test_timeline_csv_gives_the_rest_and_a_title_in_one_language_serves_both(tmp_path):
    front_csv = (
        "title_fr,subtitle,authors,licence,languages\n"
        "Histoire des routes,Des pistes aux autoroutes,Ada Martin|Li Wei,CC BY 4.0,fr|en\n"
    )
    front = load_timeline(write(tmp_path / "roads", EVENTS, front_csv)).front
    assert front.title("en") == front.title("fr") == "Histoire des routes"
    assert front.subtitle("en") == "Des pistes aux autoroutes"
    assert front.authors == ("Ada Martin", "Li Wei")
    assert front.licence == "CC BY 4.0"
    assert front.languages == ("fr", "en")


def test_the_title_row_wins_over_timeline_csv(tmp_path):
    events = "kind,date,title\ntitle,,From the row\n,1984,First case\n"
    front_csv = "title,subtitle,licence\nFrom the file,The file's subtitle,CC0\n"
    front = load_timeline(write(tmp_path / "t", events, front_csv)).front
    assert front.title("en") == "From the row"
    assert front.subtitle("en") == "The file's subtitle"  # the row has no summary
    assert front.licence == "CC0"


@pytest.mark.parametrize(
    ("events", "front_csv", "problem"),
    [
        (
            "kind,date,title\ntitle,,A\ntitle,,B\n,1984,First case\n",
            None,
            "error: events.csv, row 3, column 'kind': expected one row of kind 'title'; "
            "found another (row 2 gives the timeline's title)",
        ),
        (
            "kind,date,title,summary\ntitle,,,Only a subtitle\n,1984,First case,\n",
            None,
            "error: events.csv, row 2, column 'title': expected the timeline's title "
            "(column title, title_en or title_fr); found nothing",
        ),
        (
            EVENTS,
            "title,languages\nRoads,en|de\n",
            "error: timeline.csv, row 2, column 'languages': expected language codes en or fr "
            "separated by |; found 'de'",
        ),
        (
            EVENTS,
            "title\nRoads\nMore roads\n",
            "warning: timeline.csv, row 3: expected one row under the header; found another, "
            "ignored (row 2 is used)",
        ),
        (
            EVENTS,
            "title,colour\nRoads,red\n",
            "warning: timeline.csv, row 1, column 'colour': expected a known column; "
            "found 'colour', ignored",
        ),
    ],
)
def test_each_bad_front_matter_is_reported_with_its_row_and_column(
    tmp_path, events, front_csv, problem
):
    path = write(tmp_path / "t", events, front_csv)
    try:
        problems = load_timeline(path).warnings
    except DataError as exc:
        problems = exc.problems
    assert problem in [f"{p.severity}: {p}" for p in problems]


def test_the_built_in_timeline_declares_its_own_title():
    front = load_timeline(BUILT_IN).front
    assert front.titles == {
        "en": "History of percutaneous vertebroplasty",
        "fr": "Histoire de la vertébroplastie percutanée",
    }
    assert front.languages == ("en", "fr")


def test_new_writes_timeline_csv_beside_the_events_and_never_overwrites_it(tmp_path):
    target = tmp_path / "my-history" / "events.csv"
    write_starter(target)
    front_csv = tmp_path / "my-history" / "timeline.csv"
    assert front_csv.read_bytes().startswith(b"\xef\xbb\xbftitle_en,title_fr,")
    timeline = load_timeline(target)
    assert timeline.warnings == [] or all(p.column == "sources" for p in timeline.warnings)
    assert timeline.front.title("fr") == "Titre de votre frise"
    assert timeline.front.licence == "CC BY 4.0"

    front_csv.write_text("title\nMine\n", encoding="utf-8")
    other = tmp_path / "my-history" / "more.csv"
    write_starter(other)
    assert front_csv.read_text(encoding="utf-8") == "title\nMine\n"
