"""Every exercise page has the same shape, in both languages.

A page is `# Exercises NN · <title>`, a short paragraph on how to use it, then exercises
`## NN.k · <title> { #ex-NN-k }`, each with a line that links the theory section it practises,
a difficulty of one to three stars and one of three kinds, the question, and a collapsed
answer that starts with an executed block. English and Spanish have the same exercises, with
the same links, difficulty and kind. "Write the code" answers run the learner's check on the
reference solution. The page ends by leading to the next one.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

import pytest

from conftest import DOCS, LANGUAGES, SNIPPETS
from lacourse_site.site import snippet_includes

THEORY = sorted(p.name for p in (DOCS / "en" / "theory").glob("*.md"))
EXERCISE_PAGES = sorted(p.name for p in (DOCS / "en" / "exercises").glob("*.md"))
MIN_EXERCISES_PER_LANGUAGE = 30

WORDS = {
    "en": {
        "title": "Exercises",
        "practises": "Practises",
        "difficulty": "Difficulty",
        "kind": "Kind",
        "answer": "Answer",
        "next": "Next",
        "kinds": ("pen and paper", "predict, then run", "write the code"),
    },
    "es": {
        "title": "Ejercicios",
        "practises": "Practica",
        "difficulty": "Dificultad",
        "kind": "Tipo",
        "answer": "Respuesta",
        "next": "Siguiente",
        "kinds": ("papel y lápiz", "predice y ejecuta", "escribe el código"),
    },
}
HEADING = re.compile(r"^## (?P<number>\d\d\.\d+) · (?P<title>\S.*?) \{ #(?P<id>ex-\d\d-\d+) \}$")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)#]+)(?:#(?P<anchor>[^)]+))?\)")
SECTION = re.compile(r"^#{2,3} (?P<title>.*?) \{ #(?P<anchor>[a-z0-9-]+) \}$", re.MULTILINE)


@dataclass
class Exercise:
    number: str  # "01.3"
    id: str  # "ex-01-3"
    title: str
    links: list[tuple[str, str, str]]  # (text, ../theory/NN-x.md, anchor)
    stars: int
    kind: int  # index into WORDS[language]["kinds"]
    question: str
    answer: str  # the indented body of the collapsed answer


def read(language: str, name: str) -> str:
    return (DOCS / language / "exercises" / name).read_text(encoding="utf-8")


def sections(language: str, theory_page: str) -> dict[str, str]:
    """anchor -> heading text of a theory page."""
    text = (DOCS / language / "theory" / theory_page).read_text(encoding="utf-8")
    return {m["anchor"]: m["title"] for m in SECTION.finditer(text)}


def parse(language: str, name: str) -> tuple[list[Exercise], list[str]]:
    """The exercises of a page, and what in it is not in the shared format."""
    words = WORDS[language]
    chunks = re.split(r"^(?=## )", read(language, name), flags=re.MULTILINE)[1:]
    meta = re.compile(
        rf"^\*\*{words['practises']}:\*\* (?P<links>.+) · \*\*{words['difficulty']}:\*\* "
        rf"(?P<stars>★+) · \*\*{words['kind']}:\*\* (?P<kind>.+)$"
    )
    marker = f'??? success "{words["answer"]}"'
    exercises, problems = [], []
    for chunk in chunks:
        heading, _, body = chunk.partition("\n")
        match = HEADING.match(heading)
        if not match:
            problems.append(f"heading not in the form '## NN.k · title {{ #ex-NN-k }}': {heading}")
            continue
        blocks = body.strip().split("\n\n", 1)
        line = meta.match(blocks[0].strip())
        if not line:
            problems.append(f"{match['number']}: no '{words['practises']}' line right after the heading")
            continue
        kind = line["kind"].strip()
        if kind not in words["kinds"]:
            problems.append(f"{match['number']}: kind {kind!r} is not one of {words['kinds']}")
        rest = blocks[1] if len(blocks) > 1 else ""
        if rest.count(marker) != 1:
            problems.append(f"{match['number']}: not exactly one {marker}")
            continue
        question, answer = rest.split(marker)
        exercises.append(
            Exercise(
                number=match["number"],
                id=match["id"],
                title=match["title"],
                links=[(m["text"], m["target"], m["anchor"] or "") for m in LINK.finditer(line["links"])],
                stars=len(line["stars"]),
                kind=words["kinds"].index(kind) if kind in words["kinds"] else -1,
                question=question.strip(),
                answer=answer,
            )
        )
    return exercises, problems


PARSED = {(language, name): parse(language, name) for language in LANGUAGES for name in EXERCISE_PAGES}
ALL = {key: exercises for key, (exercises, _) in PARSED.items()}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_every_exercise_follows_the_shared_format(language, name):
    problems = PARSED[language, name][1]
    assert not problems, f"{language}/exercises/{name}: " + "; ".join(problems)




def test_every_theory_lesson_has_an_exercise_page_with_exercises():
    assert [name for name in EXERCISE_PAGES] == THEORY  # one exercise page per lesson, same name
    for language in LANGUAGES:
        for name in THEORY:
            assert ALL[language, name], f"{language}/exercises/{name} has no exercises"


def test_every_theory_lesson_is_practised():
    for language in LANGUAGES:
        practised = {target for exercises in ALL.values() for e in exercises for _, target, _ in e.links}
        assert {f"../theory/{name}" for name in THEORY} <= practised


@pytest.mark.parametrize("language", LANGUAGES)
def test_enough_exercises_in_each_language(language):
    total = sum(len(ALL[language, name]) for name in EXERCISE_PAGES)
    assert total >= MIN_EXERCISES_PER_LANGUAGE, f"{language}: {total} exercises"


@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_both_languages_have_the_same_exercises(name):
    english, spanish = ALL["en", name], ALL["es", name]
    assert [e.id for e in english] == [e.id for e in spanish]
    for en, es in zip(english, spanish):
        assert en.number == es.number
        assert [(t, a) for _, t, a in en.links] == [(t, a) for _, t, a in es.links], en.id
        assert (en.stars, en.kind) == (es.stars, es.kind), en.id


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_a_page_opens_with_its_title_and_how_to_use_it(language, name):
    text = read(language, name)
    first, _, rest = text.partition("\n")
    assert first.startswith(f"# {WORDS[language]['title']} {name[:2]} · "), first
    intro = rest.split("\n## ", 1)[0].strip()
    assert intro and not intro.startswith("#"), "a short paragraph on how to use the page"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_exercises_are_numbered_in_order(language, name):
    exercises = ALL[language, name]
    lesson = name[:2]
    assert [e.number for e in exercises] == [f"{lesson}.{k}" for k in range(1, len(exercises) + 1)]
    assert [e.id for e in exercises] == [f"ex-{lesson}-{k}" for k in range(1, len(exercises) + 1)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_each_exercise_practises_a_theory_section_that_exists(language, name):
    for exercise in ALL[language, name]:
        assert exercise.links, f"{exercise.id}: no link to the theory"
        for text, target, anchor in exercise.links:
            assert re.fullmatch(r"\.\./theory/\d\d-[a-z0-9-]+\.md", target), f"{exercise.id}: {target}"
            assert anchor, f"{exercise.id}: link to {target} without a section anchor"
            titles = sections(language, target.split("/")[-1])
            assert anchor in titles, f"{exercise.id}: {target}#{anchor} does not exist"
            assert text == titles[anchor], f"{exercise.id}: link text {text!r}, section is {titles[anchor]!r}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_each_exercise_has_a_question_and_a_difficulty(language, name):
    for exercise in ALL[language, name]:
        assert 1 <= exercise.stars <= 3, exercise.id
        assert exercise.question, f"{exercise.id}: no question"
        assert "```python exec=" not in exercise.question, f"{exercise.id}: the question runs code"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_each_answer_is_collapsed_and_starts_with_an_executed_block(language, name):
    folder = f"exercises/{name[:-3].replace('-', '_')}/"
    exercises = ALL[language, name]
    for exercise in exercises:
        lines = exercise.answer.split("\n")
        assert lines[0] == "", f"{exercise.id}: the answer marker stands on a line of its own"
        body = answer_body(exercise)
        first = next(line for line in body if line.strip())
        assert first.startswith('    ```python exec="1"'), f"{exercise.id}: answer starts with {first!r}"
        includes = snippet_includes("\n".join(line[4:] for line in body))
        assert includes and all(path.startswith(folder) for path in includes), (exercise.id, includes)
        assert all((SNIPPETS / path).is_file() for path in includes), exercise.id
        explanation = "\n".join(body).split("    ```\n", 1)[-1].strip()
        assert explanation, f"{exercise.id}: the executed block is followed by a worked explanation"
        # Nothing but the page's closing line may follow an answer outside its box.
        after = [line for line in lines[1 + len(body):] if line.strip()]
        allowed = 1 if exercise is exercises[-1] else 0
        assert len(after) <= allowed, f"{exercise.id}: text after the answer, outside it: {after[:1]}"


def answer_body(exercise: Exercise) -> list[str]:
    """The lines of the collapsed answer: indented by 4, up to the first line that is not."""
    body = []
    for line in exercise.answer.split("\n")[1:]:
        if line.strip() and not line.startswith("    "):
            break
        body.append(line)
    return body


@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_write_the_code_answers_run_the_learners_check(name):
    for exercise in ALL["en", name]:
        if exercise.kind != WORDS["en"]["kinds"].index("write the code"):
            continue
        source = "\n".join(
            (SNIPPETS / path).read_text(encoding="utf-8")
            for path in snippet_includes("\n".join(line[4:] for line in answer_body(exercise)))
        )
        assert f"from lacourse.checks.lesson{name[:2]} import check_" in source, exercise.id
        calls = [
            node.func.id
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        ]
        checks = {call for call in calls if call.startswith("check_")}
        assert checks, f"{exercise.id}: the reference runs its check"
        assert any(check in exercise.question for check in checks), f"{exercise.id}: names its check"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_a_page_leads_to_the_next(language, name):
    last = read(language, name).rstrip("\n").split("\n")[-1]
    assert last.startswith(f"{WORDS[language]['next']}: ["), last
    link = LINK.search(last)
    assert link and last.endswith(f"]({link['target']}).")
    position = EXERCISE_PAGES.index(name)
    if position + 1 < len(EXERCISE_PAGES):
        following = EXERCISE_PAGES[position + 1]
        assert link["target"] == following
        assert link["text"] == read(language, following).partition("\n")[0].removeprefix("# ")
    else:
        assert (DOCS / language / "exercises" / link["target"]).resolve().is_file()
