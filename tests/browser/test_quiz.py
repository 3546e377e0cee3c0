"""The self-test in a real Chromium: a whole round by keyboard alone, the score, the same
round from the same address, dragging, what a screen reader hears, nothing sent to the
server while answering, and axe-core on every kind of question, in English and French."""

from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.quiz.address import parse_quiz
from core.quiz.making import FIRST, ORDER, YEAR, Question
from core.quiz.payload import round_for
from core.quiz.scoring import POINTS, format_score, score
from core.view.address import known_from
from tests.browser.conftest import axe_violations as _axe
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
KNOWN = known_from(TIMELINE)
TITLES = dict(zip(TIMELINE.events["id"], TIMELINE.events["title_en"], strict=True))


def planned(search: str):
    """The round an address makes, worked out here in Python, to check the page against."""
    return round_for(TIMELINE, parse_quiz(search, KNOWN))[0]


def open_quiz(page, search: str) -> None:
    page.goto(page.base + "/quiz/" + search)
    page.wait_for_selector("#quiz-question, #quiz-empty")


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on `selector`, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def shown_order(page) -> list[str]:
    return page.locator("#quiz-order .quiz-item").evaluate_all(
        "items => items.map(i => i.dataset.event)"
    )


def wrong_year(question: Question, quiz) -> int:
    """A year the box takes that is far from the answer (the farther end of its range)."""
    low, high = quiz.year_range
    return low if question.years[0] - low > high - question.years[1] else high


def answer_by_keyboard(page, question: Question, quiz, right: bool):
    """Answer one question with the keyboard alone; return what was answered."""
    if question.kind == YEAR:
        guess = question.years[0] if right else wrong_year(question, quiz)
        tab_to(page, "#quiz-year-input")
        page.keyboard.type(str(guess))
        page.keyboard.press("Enter")
        return guess
    if question.kind == FIRST:
        chosen = (
            question.answer[0]
            if right
            else next(i for i in question.shown if i not in question.answer)
        )
        tab_to(page, f'.quiz-choice[data-event="{chosen}"]')
        page.keyboard.press("Enter")
        return chosen
    if right:  # pick each event up in turn, move it to its place, put it down
        for place, wanted in enumerate(question.answer):
            now = shown_order(page).index(wanted)
            if now == place:
                continue
            grab = f'.quiz-item[data-event="{wanted}"] .quiz-grab'
            tab_to(page, grab)
            page.keyboard.press("Space")
            expect(page.locator(grab)).to_have_attribute("aria-pressed", "true")
            for _ in range(now - place):
                page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
            expect(page.locator(grab)).to_have_attribute("aria-pressed", "false")
            dropped = re.compile(rf"position {place + 1} (of|sur) {len(question.shown)}\.$")
            expect(page.locator("#quiz-live")).to_have_text(dropped)
        assert shown_order(page) == list(question.answer)
    given = shown_order(page)
    tab_to(page, "#quiz-check")
    page.keyboard.press("Enter")
    return given


def test_a_whole_round_by_keyboard_then_the_same_round_again(app_page):
    search = "?seed=keys&n=6"
    quiz = planned(search)
    assert {q.kind for q in quiz.questions} == {ORDER, YEAR, FIRST}
    open_quiz(app_page, search)
    key = app_page.evaluate("document.documentElement.dataset.quiz")
    points, asked, to_read = 0.0, [], set()
    for i, question in enumerate(quiz.questions):
        expect(app_page.locator("#quiz-progress")).to_have_text(f"Question {i + 1} of 6")
        asked.append(app_page.locator("#quiz-question").inner_text())
        if question.kind == YEAR:
            assert TITLES[question.shown[0]] in asked[-1]
        given = answer_by_keyboard(app_page, question, quiz, right=i % 2 == 0)
        verdict = score(question, given, quiz.close)
        points += verdict.points
        if verdict.verdict != "right":
            to_read |= set(question.events())
        expect(app_page.locator("#quiz-verdict")).to_have_attribute("data-verdict", verdict.verdict)
        expect(app_page.locator("#quiz-verdict")).to_be_focused()
        expect(app_page.locator("#quiz-score")).to_have_text(format_score(points, i + 1, "en"))
        # the answer explains each event: its date as written, summary, and its place on the timeline
        for event_id in question.events():
            explained = app_page.locator(f'.quiz-event[data-event="{event_id}"]')
            expect(explained.locator(".quiz-timeline-link")).to_have_attribute(
                "href", f"/?event={event_id}"
            )
        tab_to(app_page, "#quiz-next")
        app_page.keyboard.press("Enter")
    assert points < len(quiz) and to_read
    final = format_score(points, len(quiz), "en")
    expect(app_page.locator("#quiz-final")).to_have_text(f"Your score: {final}.")
    expect(app_page.locator("#quiz-best")).to_contain_text(final)
    read_again = app_page.locator("#quiz-read-again a").all_text_contents()
    assert set(read_again) == {TITLES[e] for e in to_read}

    # A reload keeps the round and where the student is; starting again asks the same questions.
    app_page.reload()
    expect(app_page.locator("#quiz-final")).to_have_text(f"Your score: {final}.")
    assert app_page.evaluate("document.documentElement.dataset.quiz") == key
    tab_to(app_page, "#quiz-again")
    app_page.keyboard.press("Enter")
    expect(app_page.locator("#quiz-question")).to_have_text(asked[0])
    expect(app_page.locator("#quiz-score")).to_have_text("0 / 0")
    expect(app_page.locator("#quiz-question")).to_be_focused()

    # Another browser (another student) opening the same address gets the same round.
    other = app_page.context.browser.new_page()
    other.goto(app_page.url)
    expect(other.locator("#quiz-question")).to_have_text(asked[0])
    assert other.evaluate("document.documentElement.dataset.quiz") == key
    other.close()


def test_without_a_seed_the_address_gets_one_and_a_reload_keeps_the_round(app_page):
    open_quiz(app_page, "?kind=trial&lang=fr")
    expect(app_page).to_have_url(re.compile(r"/quiz/\?lang=fr&kind=trial&seed=\d{6}$"))
    key = app_page.evaluate("document.documentElement.dataset.quiz")
    first = app_page.locator("#quiz-question").inner_text()
    seed = app_page.url.rsplit("seed=", 1)[1]
    quiz = planned(f"?kind=trial&seed={seed}")
    assert {e for q in quiz.questions for e in q.shown} <= set(
        TIMELINE.events.loc[TIMELINE.events["kind"] == "trial", "id"]
    )
    app_page.reload()
    app_page.wait_for_selector("#quiz-question")
    assert app_page.evaluate("document.documentElement.dataset.quiz") == key
    expect(app_page.locator("#quiz-question")).to_have_text(first)


def test_a_reload_mid_round_carries_on_where_the_student_was(app_page):
    search = "?seed=resume&n=5&lang=fr"
    quiz = planned(search)
    open_quiz(app_page, search)
    for question in quiz.questions[:2]:
        answer_by_keyboard(app_page, question, quiz, right=True)
        app_page.locator("#quiz-next").click()
    expect(app_page.locator("#quiz-score")).to_have_text("2 sur 2")
    app_page.reload()
    expect(app_page.locator("#quiz-progress")).to_have_text("Question 3 sur 5")
    expect(app_page.locator("#quiz-score")).to_have_text("2 sur 2")
    app_page.locator("#quiz-restart").click()
    expect(app_page.locator("#quiz-progress")).to_have_text("Question 1 sur 5")
    expect(app_page.locator("#quiz-score")).to_have_text("0 sur 0")


def test_the_page_scores_as_core_quiz_scoring_does(app_page):
    open_quiz(app_page, "?seed=1")
    rng = random.Random(15)
    cases = []
    for _ in range(300):
        kind = rng.choice((YEAR, ORDER, FIRST))
        close = rng.randint(1, 6)
        if kind == YEAR:
            first = rng.randint(1900, 2000)
            question = Question(YEAR, ("e",), years=(first, first + rng.randint(0, 2)))
            answer = first + rng.randint(-10, 10)
        elif kind == ORDER:
            ids = tuple("abcd"[: rng.randint(3, 4)])
            question = Question(ORDER, ids, answer=ids)
            answer = rng.sample(ids, len(ids))
        else:
            question = Question(FIRST, ("a", "b"), answer=(rng.choice("ab"),))
            answer = rng.choice("ab")
        cases.append((question, answer, close))
    got = app_page.evaluate(
        "cases => cases.map(([q, a, c]) => window.dash_clientside.quiz.score(q, a, c))",
        [[q.to_dict(), a, c] for q, a, c in cases],
    )
    for (question, answer, close), page_says in zip(cases, got, strict=True):
        expected = score(question, answer, close)
        assert (page_says["verdict"], page_says["off_by"]) == (expected.verdict, expected.off_by)
        assert page_says["points"] == POINTS[expected.verdict]
    assert {g["verdict"] for g in got} == {"right", "close", "wrong"}


def first_order_question(search: str):
    quiz = planned(search)
    index = next(i for i, q in enumerate(quiz.questions) if q.kind == ORDER)
    return quiz, index


def go_to_question(page, quiz, index: int) -> None:
    for question in quiz.questions[:index]:
        answer_by_keyboard(page, question, quiz, right=True)
        page.locator("#quiz-next").click()


def test_move_buttons_escape_and_what_a_screen_reader_hears(app_page):
    quiz, index = first_order_question("?seed=moves")
    open_quiz(app_page, "?seed=moves")
    go_to_question(app_page, quiz, index)
    shown = list(quiz.questions[index].shown)
    live = app_page.locator("#quiz-live")
    expect(live).to_have_attribute("aria-live", "assertive")
    top = app_page.locator(".quiz-item").first
    expect(top.locator('[data-move="-1"]')).to_have_attribute("aria-disabled", "true")
    down = top.locator('[data-move="1"]')
    expect(down).to_have_accessible_name(f"Move down: {TITLES[shown[0]]}")
    down.focus()
    app_page.keyboard.press("Enter")
    app_page.keyboard.press("Enter")  # the focus stays on the moved event's button
    assert shown_order(app_page) == [shown[1], shown[2], shown[0], *shown[3:]]
    expect(live).to_have_text(f"“{TITLES[shown[0]]}”: position 3 of {len(shown)}.")
    grab = app_page.locator(f'.quiz-item[data-event="{shown[0]}"] .quiz-grab')
    grab.focus()
    app_page.keyboard.press("Enter")
    expect(grab).to_have_attribute("aria-pressed", "true")
    app_page.keyboard.press("ArrowUp")
    app_page.keyboard.press("ArrowUp")
    assert shown_order(app_page)[0] == shown[0]
    app_page.keyboard.press("Escape")  # back where it was picked up
    expect(live).to_have_text(f"“{TITLES[shown[0]]}” put back at position 3 of {len(shown)}.")
    expect(grab).to_have_attribute("aria-pressed", "false")
    assert shown_order(app_page) == [shown[1], shown[2], shown[0], *shown[3:]]


def test_a_mouse_drags_an_event_into_place(app_page):
    quiz, index = first_order_question("?seed=drag")
    open_quiz(app_page, "?seed=drag")
    go_to_question(app_page, quiz, index)
    shown = list(quiz.questions[index].shown)
    first = app_page.locator(".quiz-item .quiz-grab").first.bounding_box()
    last = app_page.locator(".quiz-item").last.bounding_box()
    app_page.mouse.move(first["x"] + 30, first["y"] + first["height"] / 2)
    app_page.mouse.down()
    for step in range(1, 11):
        app_page.mouse.move(
            first["x"] + 30, first["y"] + (last["y"] + last["height"] - first["y"]) * step / 10
        )
    app_page.mouse.up()
    assert shown_order(app_page) == [*shown[1:], shown[0]], (shown, shown_order(app_page))
    expect(app_page.locator("#quiz-live")).to_have_text(
        f"“{TITLES[shown[0]]}” put down at position {len(shown)} of {len(shown)}."
    )
    expect(app_page.locator(".quiz-item.is-held")).to_have_count(0)  # a drag is not a press


def test_a_year_that_is_not_a_year_is_asked_again(app_page):
    quiz = planned("?seed=years&n=9")
    index = next(i for i, q in enumerate(quiz.questions) if q.kind == YEAR)
    open_quiz(app_page, "?seed=years&n=9")
    go_to_question(app_page, quiz, index)
    field = app_page.locator("#quiz-year-input")
    for typed in ("", "1e3", "99999", str(quiz.year_range[1] + 1)):
        field.fill(typed)
        field.press("Enter")
        expect(app_page.locator("#quiz-year-error")).to_contain_text("Type a year from")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(app_page.locator("#quiz-verdict")).to_have_count(0)
    field.fill(str(quiz.questions[index].years[0]))
    field.press("Enter")
    expect(app_page.locator("#quiz-verdict")).to_have_attribute("data-verdict", "right")
    expect(app_page.locator("#quiz-year-error")).to_have_text("")


def test_nothing_is_sent_to_the_server_while_answering(app_page):
    search = "?seed=quiet&n=4"
    quiz = planned(search)
    open_quiz(app_page, search)
    app_page.wait_for_load_state("networkidle")
    sent: list[str] = []
    app_page.on("request", lambda request: sent.append(request.url))
    for question in quiz.questions:
        answer_by_keyboard(app_page, question, quiz, right=False)
        app_page.locator("#quiz-next").click()
    expect(app_page.locator("#quiz-final")).to_be_visible()
    app_page.locator("#quiz-again").click()
    assert sent == []
    stored = app_page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('timeline-quiz:'))"
    )
    assert len(stored) == 1


def test_the_main_page_link_carries_the_filters(app_page):
    app_page.goto(app_page.base + "/?kind=guideline&lang=fr")
    app_page.wait_for_selector("#timeline .scatterlayer .point")
    expect(app_page.locator("#quiz-link")).to_have_text("Testez-vous")
    app_page.locator("#quiz-link").click()
    app_page.wait_for_url(re.compile(r"/quiz/\?lang=fr&kind=guideline&seed=\d+$"))
    expect(app_page.locator("#quiz-title")).to_have_text("Testez-vous")
    guidelines = set(TIMELINE.events.loc[TIMELINE.events["kind"] == "guideline", "title_fr"])
    app_page.wait_for_selector("#quiz-question")
    titles = app_page.locator(".quiz-choice, .quiz-grab, .quiz-subject").all_text_contents()
    assert titles and {t.replace("⠿", "") for t in titles} <= guidelines


def test_filters_that_leave_nothing_to_ask_say_so(app_page):
    open_quiz(app_page, "?q=zzzzzz")
    expect(app_page.locator("#quiz-empty")).to_contain_text("too few events")
    expect(app_page.locator("#quiz-home")).to_have_attribute("href", "/?q=zzzzzz")


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("fr", 360)])
def test_axe_finds_no_violation_on_any_step(app_page, lang, width):
    app_page.set_viewport_size({"width": width, "height": 800})
    search = f"?seed=axe&n=3&lang={lang}"
    quiz = planned(search)
    assert sorted(q.kind for q in quiz.questions) == sorted((ORDER, YEAR, FIRST))
    open_quiz(app_page, search)
    for question in quiz.questions:
        expect(app_page.locator("#quiz-question")).to_be_visible()
        assert _axe(app_page) == [], question.kind
        answer_by_keyboard(app_page, question, quiz, right=question.kind != ORDER)
        for details in app_page.locator(".quiz-event details").all():
            details.evaluate("d => { d.open = true; }")
        assert _axe(app_page) == [], f"{question.kind}, answered"
        overflow = app_page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{question.kind}: the page is {overflow} px too wide"
        app_page.locator("#quiz-next").click()
    expect(app_page.locator("#quiz-final")).to_be_visible()
    assert _axe(app_page) == [], "end of the round"
