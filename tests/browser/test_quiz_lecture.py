"""A question to the hall in lecture mode, in a real Chromium: the question, the answer at
the next key press, the presenter seeing it in advance, and axe-core on each."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.quiz.steps import parse_step, question_of
from tests.browser.conftest import axe_violations as _axe
from tests.browser.conftest import wait_present_drawn
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
ORDER_STEP = "quiz:order:vertos-4-2018~first-paper-1987~kyphon-fda-1998~nice-ta279-2013"
FIRST_STEP = "quiz:first:vapour-2016~vertos-2-2010"
IDS = f"?ids=galibert-amiens-1984,{ORDER_STEP},{FIRST_STEP},cochrane-2018"


def open_present(page, path: str) -> None:
    """Open lecture mode on a step (the chart may be hidden) and wait for its keys."""
    page.goto(page.base + "/present/" + path)
    expect(page.locator("#present-title")).not_to_be_empty()
    # the keys act on the deck the server sent, and the step is drawn again for the
    # chart's real size: wait for both
    wait_present_drawn(page)


def titles(event_ids, lang="en") -> list[str]:
    return [TIMELINE.event(e)[f"title_{lang}"] for e in event_ids]


def listed(page, selector: str) -> list[str]:
    return page.locator(f"{selector} li").evaluate_all("items => items.map(i => i.dataset.event)")


def test_the_question_then_its_answer_at_the_next_key_press(app_page):
    question = question_of(TIMELINE, parse_step(ORDER_STEP))
    open_present(app_page, "galibert-amiens-1984" + IDS)
    app_page.keyboard.press("ArrowRight")
    expect(app_page.locator("#present-title")).to_have_text("Put these in order, earliest first")
    expect(app_page.locator(".present-chart")).to_be_hidden()  # the chart would tell
    assert listed(app_page, "#present-question-list") == list(question.shown)
    expect(app_page.locator("#present-question-list")).not_to_contain_text("1987")
    expect(app_page.locator("#present-step")).to_have_text("2 / 6")
    assert _axe(app_page) == []

    app_page.keyboard.press("Space")  # a clicker's next: the answer
    expect(app_page.locator("#present-answer-list")).to_be_visible()
    assert listed(app_page, "#present-answer-list") == list(question.answer)
    expect(app_page.locator("#present-answer-list li").first).to_contain_text("1987")
    expect(app_page.locator("#present-answer-list li").last).to_contain_text("9 May 2018")
    assert re.search(r"/present/quiz(:|%3A)order(:|%3A).*(:|%3A)answer\?", app_page.url)
    assert _axe(app_page) == []

    app_page.reload()  # the answer's step is in the address
    expect(app_page.locator("#present-answer-list")).to_be_visible()
    app_page.wait_for_function("() => Number(document.documentElement.dataset.presentDeck) > 0")
    app_page.keyboard.press("ArrowLeft")  # back: the answer is hidden again
    expect(app_page.locator("#present-question-list")).to_be_visible()
    expect(app_page.locator("#present-answer-list")).to_have_count(0)
    app_page.keyboard.press("ArrowRight")
    app_page.keyboard.press("ArrowRight")
    expect(app_page.locator("#present-title")).to_have_text("Which came first?")
    app_page.keyboard.press("ArrowRight")
    app_page.keyboard.press("ArrowRight")
    expect(app_page.locator("#present-title")).to_have_text(titles(["cochrane-2018"])[0])
    expect(app_page.locator(".present-chart")).to_be_visible()


def test_the_presenter_sees_the_answer_while_the_hall_thinks(app_page):
    question = question_of(TIMELINE, parse_step(FIRST_STEP))
    open_present(app_page, FIRST_STEP + IDS + "&lang=fr&view=presenter")
    expect(app_page.locator("#present-title")).to_have_text("Lequel est arrivé en premier ?")
    expect(app_page.locator("#present-question-list")).to_be_visible()
    assert listed(app_page, "#presenter-answer")[0] == question.answer[0] == "vertos-2-2010"
    expect(app_page.locator("#presenter-answer")).to_contain_text("2010")
    expect(app_page.locator("#presenter-next-title")).to_have_text("La réponse à la question")
    assert _axe(app_page) == []
    audience = app_page.context.new_page()
    audience.goto(app_page.base + "/present/" + FIRST_STEP + IDS + "&lang=fr")
    expect(audience.locator("#present-question-list")).to_be_visible()
    audience.wait_for_function("() => Number(document.documentElement.dataset.presentDeck) > 0")
    app_page.bring_to_front()
    app_page.keyboard.press("PageDown")  # the presenter's clicker reveals it in the hall
    expect(app_page.locator("#present-answer-list")).to_be_visible()
    expect(audience.locator("#present-answer-list")).to_be_visible(timeout=20_000)
    expect(audience.locator("#present-answer-list li").first).to_contain_text("2010")
    audience.close()


def test_the_main_page_keeps_the_questions_in_the_address(app_page):
    app_page.goto(app_page.base + "/" + IDS)
    app_page.wait_for_selector("#timeline .scatterlayer .point")
    expect(app_page.locator("#url-notice")).to_be_empty()  # nothing was ignored
    app_page.locator("#present-link").click()
    app_page.wait_for_url(re.compile(r"/present/"))
    expect(app_page.locator("#present-step")).to_have_text("1 / 6")
