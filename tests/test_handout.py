"""The handout builder: every event and reference, text never markup, the right paper."""

from __future__ import annotations

import re

import pytest

from core.load.loader import load_timeline
from core.publish.citations import format_reference
from core.publish.handout import numbered, render_handout
from tests.conftest import BUILT_IN, TINY, read_csv, write_csv

BUILT = load_timeline(BUILT_IN)
HOSTILE = '<img src=x onerror="alert(1)">Cement & <b>bold</b>'


def test_every_event_and_every_cited_reference_is_in_the_handout():
    page = render_handout(BUILT, BUILT.events, "en", "a4", "<div id='figure'></div>")
    assert page.count('<section class="event"') == len(BUILT.events)
    for event in BUILT.events.to_dict("records"):
        assert f'id="event-{event["id"]}"' in page
    cited = {s for sources in BUILT.events["sources"] for s in sources}
    assert len(re.findall(r'<li id="ref-\d+">', page)) == len(cited)
    for source_id in cited:
        text = format_reference(BUILT.sources[source_id])
        assert text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") in page


def test_references_are_numbered_by_first_citation():
    events, references = numbered(BUILT, BUILT.events, "en")
    seen = [n for event in events for n in event.refs]
    first = list(dict.fromkeys(seen))
    assert first == list(range(1, len(references) + 1))


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "Letter"), ("tabloid", "A4")])
def test_the_page_is_sized_for_the_paper(paper, size):
    page = render_handout(BUILT, BUILT.events.head(2), "en", paper, "")
    assert re.search(r"@page \{ size: " + size + ";", page)


def test_text_from_the_csv_is_escaped_but_the_figure_is_kept(tiny_dir):
    rows = read_csv(TINY / "events.csv")
    rows[0]["title_en"] = HOSTILE
    rows[0]["note_en"] = "<script>alert('note')</script>"
    write_csv(tiny_dir / "events.csv", rows)
    timeline = load_timeline(tiny_dir / "events.csv")
    page = render_handout(timeline, timeline.events, "en", "a4", '<div id="figure"></div>')
    assert "<img src=x" not in page and "<script>alert" not in page
    assert (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;Cement &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    )
    assert '<div id="figure"></div>' in page


def test_french_handout_uses_french_text():
    page = render_handout(BUILT, BUILT.events.head(1), "fr", "a4", "")
    assert 'lang="fr"' in page and "Première injection de ciment à Amiens" in page
    assert "Références" in page
