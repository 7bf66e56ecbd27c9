"""Every theory page has the shape of a lesson: it says what you will be able to do, ends with a
recap and "check yourself" questions whose answers are computed, links the exercises and the lab
that practise it, leads on to the next page, and shares its anchors across languages."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS, LANGUAGES
from lacourse_site.site import snippet_includes

THEORY = sorted(p.name for p in (DOCS / "en" / "theory").glob("*.md"))
ANCHOR = re.compile(r"^#{2,3} .*\{ #([a-z0-9-]+) \}$", re.MULTILINE)
# Which lab practises which lesson.
LAB = {
    "00": "00-shape-prediction.md",
    "01": "00-shape-prediction.md",
    "02": "01-matmul-performance.md",
    "03": "02-svd-compression.md",
    "04": "03-norm-identities.md",
}
ANSWER = {"en": '??? success "Answer"', "es": '??? success "Respuesta"'}


def read(language: str, name: str) -> str:
    return (DOCS / language / "theory" / name).read_text(encoding="utf-8")


def test_the_theory_pages_are_00_to_04():
    assert [name[:2] for name in THEORY] == ["00", "01", "02", "03", "04"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", THEORY)
def test_a_page_reads_like_a_lesson(language, name):
    text = read(language, name)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0].startswith(f"# {name[:2]} · ")
    assert lines[1].startswith('!!! abstract "'), "opens with what you will be able to do"
    assert "{ #recap }" in text
    position = THEORY.index(name)
    target = THEORY[position + 1] if position + 1 < len(THEORY) else "../labs/00-shape-prediction.md"
    assert lines[-1].endswith(f"]({target}).") and lines[-1].split(":")[0] in {"Next", "Siguiente"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", THEORY)
def test_a_page_ends_with_questions_whose_answers_are_computed(language, name):
    text = read(language, name)
    outside_quizzes = re.sub(r"<quiz>.*?</quiz>", "", text, flags=re.S)  # choices: tests/test_quizzes.py
    assert "- [ ]" not in outside_quizzes, "questions with computed answers replace tick-boxes"
    check = text[text.index("{ #check-yourself }"):]
    answers = check.split(ANSWER[language])[1:]
    assert 3 <= len(answers) <= 5, "three to five questions"
    for answer in answers:
        assert snippet_includes(answer.split("\n\n**")[0]), "every answer is printed by code"
    assert f"(../exercises/{name})" in check, "a link to this lesson's exercises"
    assert f"(../labs/{LAB[name[:2]]})" in check, "a link to the lab that practises it"


@pytest.mark.parametrize("name", THEORY)
def test_both_languages_share_section_anchors(name):
    english, spanish = (ANCHOR.findall(read(language, name)) for language in LANGUAGES)
    assert english == spanish and len(english) >= 4
    assert "check-yourself" in english
