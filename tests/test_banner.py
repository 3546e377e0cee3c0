"""The data banner as the page arrives with it: visible at once when the files on disk are
broken (naming the row), hidden when they are good."""

from __future__ import annotations

from components import banner
from core.load.store import TimelineStore
from tests.conftest import read_csv, write_csv


def text_of(component) -> str:
    """Every text a component holds, as one string."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(text_of(part) for part in component)
    children = getattr(component, "children", None)
    return text_of(children) if children is not None else ""


def the_banner(store: TimelineStore):
    return next(
        c for c in banner.layout(store)._traverse() if getattr(c, "id", None) == "data-problems"
    )


def test_a_page_opened_on_good_files_has_a_hidden_empty_banner(tiny_dir):
    shown = the_banner(TimelineStore(tiny_dir / "events.csv", check_every_s=0))
    assert shown.hidden is True
    assert shown.children == []


def test_a_page_opened_while_the_files_are_broken_shows_the_banner_at_once(tiny_dir):
    store = TimelineStore(tiny_dir / "events.csv", check_every_s=0)
    rows = read_csv(tiny_dir / "events.csv")
    rows[0]["date"] = "03/04/2013"
    write_csv(tiny_dir / "events.csv", rows)
    shown = the_banner(store)
    assert shown.hidden is False
    assert "events.csv, row 2, column 'date': expected an unambiguous date" in text_of(shown)


def test_the_banner_lists_the_problems_in_the_language_of_the_page(tiny_dir):
    store = TimelineStore(tiny_dir / "events.csv", check_every_s=0)
    rows = read_csv(tiny_dir / "events.csv")
    rows[0]["date"] = "31/04/2013"
    rows[1]["tags"] = "glue"
    write_csv(tiny_dir / "events.csv", rows)
    french = text_of(banner.render(store.problems, "events.csv", "fr"))
    assert "erreur\u00a0: events.csv, ligne 2, colonne «\u00a0date\u00a0»" in french
    assert (
        "attendu un jour qui existe\u00a0; trouvé «\u00a031/04/2013\u00a0» (avril 2013 a 30 jours)"
        in french
    )
    assert "avertissement\u00a0: events.csv, ligne 3, colonne «\u00a0tags\u00a0»" in french
    assert "expected" not in french and "found" not in french
    english = text_of(banner.render(store.problems, "events.csv", "en"))
    assert "error: events.csv, row 2, column 'date': expected a day that exists" in english
    assert "(April 2013 has 30 days)" in english
