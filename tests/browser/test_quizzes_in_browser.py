"""Questions in the page, as a reader uses them (Debian's Chromium, driven by Playwright).

In both languages: a wrong answer is marked wrong and a right one right, in the page's words;
a shape typed in numbers counts as the same shape in names; Enter submits; progress survives a
reload and the reset clears it; axe-core finds nothing serious in light or dark once answered.
The equivalence cases of tests/test_quizzes.py run here too, in the browser.
"""

from __future__ import annotations

import pytest

from browser_support import AXE, CHROMIUM, CHROMIUM_ARGS, require_browser, serve
from test_quizzes import SAME
from test_site_in_browser import AXE_RUN, DARK_RULES, DRAW_ALL, THIN

LAB00 = "labs/00-shape-prediction/"
WORDS = {  # mkdocs-quiz's own words, in the page's language
    "en": {"wrong": "Incorrect answer", "right": "Correct answer!", "submit": "Submit"},
    "es": {"wrong": "Respuesta incorrecta", "right": "¡Respuesta correcta!", "submit": "Enviar"},
}
# Lab 00's first section, as the reader types it: numbers, names, any spacing.
RIGHT = ["(32,12,64)", "(T, D)", " ( B , D ) ", "(B, 1, D)", "(B, T, D, 1)", "(32, 64)"]


@pytest.fixture(scope="module", autouse=True)
def browser_available():
    require_browser()


@pytest.fixture(scope="module")
def origin(site_build):
    with serve(site_build.site) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    sync_playwright = require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, origin, path, scheme="light"):
    """A fresh browser profile (empty localStorage) on `path`; the problems list keeps filling."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))

    def only_this_host(route):
        if route.request.url.startswith((origin + "/", "data:")):
            return route.continue_()
        problems.append(f"request to another host: {route.request.url}")
        return route.abort()

    page.route("**/*", only_this_host)
    page.goto(f"{origin}/{path}", wait_until="load")
    return context, page, problems


def lab00(language):
    return ("es/" if language == "es" else "") + LAB00


def marks(quiz):
    inputs = quiz.locator(".quiz-blank-input")
    return [("right" if "correct" in (inputs.nth(i).get_attribute("class") or "") else
             "wrong" if "wrong" in (inputs.nth(i).get_attribute("class") or "") else None)
            for i in range(inputs.count())]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wrong_answer_is_wrong_a_right_one_right_and_progress_survives_a_reload(browser, origin, language):
    words = WORDS[language]
    url = f"{origin}/{lab00(language)}"
    context, page, problems = open_page(browser, origin, lab00(language))
    quiz = page.locator(".quiz").first
    inputs = quiz.locator(".quiz-blank-input")
    assert inputs.count() == len(RIGHT)
    assert quiz.locator("button[type=submit]").inner_text().strip() == words["submit"]

    for i, typed in enumerate(RIGHT):
        inputs.nth(i).fill(typed)
    inputs.nth(1).fill("(D, T)")  # wrong: x[0] is (T, D)
    inputs.nth(5).press("Enter")  # Enter in a blank submits its question
    assert marks(quiz) == ["right", "wrong", "right", "right", "right", "right"]
    assert words["wrong"] in quiz.locator(".quiz-feedback").inner_text()
    assert inputs.nth(1).get_attribute("aria-invalid") == "true"
    assert inputs.nth(0).input_value() == "(B, T, D)"  # the numbers, shown in names

    page.reload(wait_until="load")
    assert marks(quiz) == ["right", "wrong", "right", "right", "right", "right"], "kept after a reload"
    assert inputs.nth(1).input_value() == "(D, T)"

    inputs.nth(1).fill("(12, 64)")  # fixed, and submitted again
    inputs.nth(1).press("Enter")
    assert marks(quiz) == ["right"] * len(RIGHT)
    assert words["right"] in quiz.locator(".quiz-feedback").inner_text()
    page.reload(wait_until="load")
    assert marks(quiz) == ["right"] * len(RIGHT), "kept after a reload"
    progress = page.locator("#quiz-progress-sidebar")
    assert progress.is_visible() and "1 / 6" in progress.inner_text()

    # Progress is kept per language: the other language's page starts empty.
    page.goto(f"{origin}/{lab00('en' if language == 'es' else 'es')}", wait_until="load")
    assert marks(page.locator(".quiz").first) == [None] * len(RIGHT)
    page.goto(url, wait_until="load")

    page.once("dialog", lambda dialog: dialog.accept())  # mkdocs-quiz asks before it resets
    progress.locator(".quiz-reset-all-link").click()
    assert marks(quiz) == [None] * len(RIGHT) and inputs.nth(0).input_value() == "", "reset clears the page"
    page.reload(wait_until="load")
    assert marks(quiz) == [None] * len(RIGHT), "and the progress"
    assert problems == []
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_choice_question_marks_the_choice_and_keeps_it(browser, origin, language):
    path = ("es/" if language == "es" else "") + "theory/02-matmul-three-ways/"
    context, page, problems = open_page(browser, origin, path)
    quiz = page.locator(".quiz", has=page.locator("input[type=radio]")).first  # is M a Gram matrix? no
    choices = quiz.locator("fieldset > div")
    choices.nth(0).locator("label").click()  # yes: wrong
    assert "wrong" in choices.nth(0).get_attribute("class")
    assert WORDS[language]["wrong"] in quiz.locator(".quiz-feedback").inner_text()
    quiz.locator(".quiz-reset-button").click()  # try again
    choices.nth(1).locator("label").click()  # no: right
    assert "correct" in choices.nth(1).get_attribute("class")
    assert WORDS[language]["right"] in quiz.locator(".quiz-feedback").inner_text()
    page.reload(wait_until="load")
    assert "correct" in (choices.nth(1).get_attribute("class") or "") and choices.nth(1).locator("input").is_checked()
    page.evaluate(DRAW_ALL)
    page.evaluate(THIN)
    found = page.evaluate(AXE_RUN, None)
    assert found == [] and problems == []
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_answered_questions_pass_axe_in_light_and_dark(browser, origin, language):
    found = []
    for scheme in ("light", "dark"):
        context, page, problems = open_page(browser, origin, lab00(language), scheme)
        quiz = page.locator(".quiz").first
        inputs = quiz.locator(".quiz-blank-input")
        for i, typed in enumerate(RIGHT):
            inputs.nth(i).fill(typed if i else "(1, 2, 3)")
        quiz.locator("button[type=submit]").click()
        assert marks(quiz)[:2] == ["wrong", "right"]
        page.evaluate(DRAW_ALL)
        page.evaluate(THIN)
        found += [f"{scheme}: {v}" for v in page.evaluate(AXE_RUN, None if scheme == "light" else DARK_RULES)]
        theory = ("es/" if language == "es" else "") + "theory/02-matmul-three-ways/"
        page.goto(f"{origin}/{theory}", wait_until="load")
        choice = page.locator(".quiz", has=page.locator("input[type=radio]")).first
        choice.locator("fieldset > div").nth(0).locator("label").click()  # a wrong choice, marked
        page.evaluate(DRAW_ALL)
        page.evaluate(THIN)
        rules = None if scheme == "light" else DARK_RULES
        found += [f"{scheme}: {v}" for v in page.evaluate(AXE_RUN, rules)] + problems
        context.close()
    assert found == []


def test_the_equivalence_cases_in_the_browser(browser, origin):
    context, page, _ = open_page(browser, origin, LAB00)
    got = page.evaluate("cases => cases.map(([g, e]) => window.lacourseQuiz.same(g, e))", [c[:2] for c in SAME])
    assert [(g, e, ok) for (g, e, _), ok in zip(SAME, got)] == SAME
    context.close()
