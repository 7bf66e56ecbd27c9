"""Lab 00: every answer row the page shows (shape, FLOPs, error), the grading, and the sizes."""

from __future__ import annotations

import re

import numpy as np
import pytest

from conftest import DOCS, LANGUAGES, SNIPPETS
from lacourse_site.notebooks import snippet_code
from lacourse_site.runner import SnippetError, run_code, run_file
from lacourse_site.site import snippet_includes

LAB = "labs/00_shape_prediction"
PAGE = "labs/00-shape-prediction.md"
B, T, D, H, DH, V = 32, 12, 64, 4, 16, 600  # the running example, as the page states it
GROUPS = ["indexing", "reshape_and_transpose", "broadcasting", "matmul_chains", "einsum_specs",
          "expressions_that_fail"]

SHAPES = {  # number -> the shape the answer prints
    1: (B, T, D), 2: (T, D), 3: (B, D), 4: (B, 1, D), 5: (B, T, D, 1), 6: (B, D),
    7: (15, 20), 8: (20, 5, 3), 9: (300,), 10: (D, T, B), 11: (B, H, T, DH), 12: (B, T, D),
    13: (B, T, D), 14: (B, T, D), 15: (B, T, D), 16: (20, 15), 17: (B, T, T),
    18: (B, T, D), 19: (B, T, D), 20: (B, T, D), 21: (B, T, D), 22: (B, H, T, T), 23: (15, 15),
    24: (B, T, D), 25: (B, H, T, T), 26: (B, H, T, DH), 27: (B, T), 28: (B, H, T, DH),
    29: (B, T, H, DH),
}
FLOPS = {
    18: 29_491_200, 19: 3_145_728, 20: 32_636_928, 21: 34_406_400, 22: 589_824, 23: 9_000,
    24: 29_491_200, 25: 589_824, 26: 589_824, 27: 49_152, 28: 0, 29: 0,
}
ERRORS = {  # number -> (type, key text of NumPy's message)
    30: ("ValueError", "mismatch in its core dimension 0"),
    31: ("ValueError", "could not be broadcast together with shapes (20,15) (20,)"),
    32: ("ValueError", "could not be broadcast together with shapes (32,12,64) (32,12)"),
    33: ("ValueError", "cannot reshape array of size 24576 into shape (32,4,16)"),
    34: ("ValueError", "(32,12,600)->(32,12,newaxis,600) (600,64)->(600,64)"),
    35: ("ValueError", "includes output subscript 't' multiple times"),
    36: ("IndexError", "array is 3-dimensional, but 4 were indexed"),
}
ROW = re.compile(r"^\s*(?P<number>\d+)  .*?(?P<shape>\(\d[\d, ]*,?\))(?:\s+(?P<flops>[\d,]+))?  right$")


def run(name: str):
    return run_file(f"{LAB}/{name}.py")


def rows(output: str) -> dict[int, tuple]:
    found = {}
    for line in output.splitlines():
        if match := ROW.match(line):
            shape = tuple(int(n) for n in re.findall(r"\d+", match.group("shape")))
            flops = int(match.group("flops").replace(",", "")) if match.group("flops") else None
            found[int(match.group("number"))] = (shape, flops)
    return found


def error_rows(output: str) -> dict[int, tuple[str, str]]:
    """number -> (error type, its message re-joined from the wrapped lines under it)."""
    found, current = {}, None
    for line in output.splitlines():
        if match := re.match(r"^(\d+)  .*\s(\w+Error)  right$", line):
            current = int(match.group(1))
            found[current] = (match.group(2), "")
        elif line.startswith("      ") and current is not None:
            kind, message = found[current]
            found[current] = (kind, f"{message} {line.strip()}".strip())
    return found


@pytest.mark.parametrize("group", GROUPS[:5])
def test_every_answer_row_shows_the_right_shape_and_flops(group):
    output = run(group).output
    found = rows(output)
    assert found, output
    for number, (shape, flops) in found.items():
        assert shape == SHAPES[number], number
        assert flops == FLOPS.get(number), number
    questions = run(group).namespace["questions"]
    assert sorted(found) == sorted(questions)
    assert output.splitlines()[-1] == f"score: {len(questions)}/{len(questions)}"


def test_all_36_questions_are_answered_once_and_seven_fail():
    numbers = [n for group in GROUPS for n in run(group).namespace["questions"]]
    assert numbers == list(range(1, 37))
    assert set(SHAPES) | set(ERRORS) == set(numbers) and len(ERRORS) == 7


def test_the_flops_follow_the_formulas_the_page_gives():
    assert FLOPS[18] == FLOPS[24] == 2 * B * T * V * D
    assert FLOPS[20] == 2 * B * T * V * D + 2 * B * T * D * D
    assert FLOPS[21] == 2 * V * D * D + 2 * B * T * V * D
    assert FLOPS[20] < FLOPS[21]  # left to right is cheaper here, because B * T < V
    assert FLOPS[22] == FLOPS[25] == FLOPS[26] == 2 * B * H * T * T * DH


def test_the_flop_counter_counts_what_it_claims():
    ns = run("matmul_chains").namespace
    counted = ns["Counted"]
    counted.flops = 0
    a = np.ones((3, 5, 7)).view(counted) @ np.ones((7, 2))  # a batch of 3 (5, 7) @ (7, 2)
    assert a.shape == (3, 5, 2) and counted.flops == 2 * 3 * 5 * 7 * 2
    flops = run("einsum_specs").namespace["einsum_flops"]
    assert flops("ij,jk->ik", np.ones((5, 7)), np.ones((7, 2))) == 2 * 5 * 7 * 2
    assert flops("i,j->ij", np.ones(5), np.ones(7)) == 35  # an outer product: one multiply each
    assert flops("ij->ji", np.ones((5, 7))) == 0


def test_each_failing_expression_gives_numpys_error():
    run_ = run("expressions_that_fail")
    found = error_rows(run_.output)
    assert sorted(found) == sorted(ERRORS)
    for number, (kind, text) in ERRORS.items():
        assert found[number][0] == kind, number
        assert text in found[number][1], (number, found[number][1])
    assert run_.output.splitlines()[-1] == "score: 7/7"


def test_the_error_messages_are_numpys_own():
    ns = run("expressions_that_fail").namespace
    for number, expression in ns["questions"].items():
        with pytest.raises(Exception) as caught:  # noqa: PT011  the type is checked next
            eval(expression, ns)  # noqa: S307
        assert type(caught.value).__name__ == ERRORS[number][0]
        assert ERRORS[number][1] in str(caught.value)


def test_no_two_axes_share_a_size():
    ns = run("the_objects").namespace
    sizes = ns["sizes"]
    assert len(set(sizes.values())) == len(sizes) == 10
    assert (sizes["B"], sizes["T"], sizes["D"], sizes["H"], sizes["D_HEAD"], sizes["V"]) == (B, T, D, H, DH, V)
    allowed = set(sizes.values())
    for path in sorted((SNIPPETS / LAB).glob("*.py")):
        for name, value in run_file(path).namespace.items():
            if isinstance(value, np.ndarray):
                assert set(value.shape) <= allowed, (path.name, name, value.shape)
    for shape in SHAPES.values():  # the answers too, except the flattened (300,)
        assert set(shape) <= allowed | {1, 20 * 15}


def test_the_objects_table():
    output = run("the_objects").output
    assert output.splitlines()[0].split() == [
        "B=32", "T=12", "D=64", "H=4", "D_HEAD=16", "V=600", "N_VERBS=20", "N_SLOTS=15", "N_TENSES=5", "N_PERSONS=3",
    ]
    table = {line.split()[0]: line.split(maxsplit=1)[1].rsplit(maxsplit=1)[0].strip()
             for line in output.splitlines()[3:]}
    assert table["one_hot"] == "(32, 12, 600)" and table["q_heads"] == "(32, 4, 12, 16)"
    assert table["counts"] == "(20, 15)" and table["W_tense"] == "(5, 64)" and table["mask"] == "(32, 12)"


def question_tables(language: str) -> list[str]:
    """The expressions the page asks about, in order (einsum rows as 'spec | operands')."""
    text = (DOCS / language / PAGE).read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^\| (\d+) \| `([^`]+)` \|(?: `([^`]+)`)?", text, re.MULTILINE):
        found.append((int(match.group(1)), match.group(2), match.group(3)))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_asks_exactly_the_questions_the_snippets_answer(language):
    asked = question_tables(language)
    expected = []
    for group in GROUPS:
        for number, question in run(group).namespace["questions"].items():
            if isinstance(question, tuple):  # einsum: (spec, operands)
                expected.append((number, question[0], question[1]))
            else:
                expected.append((number, question, None))
    assert asked == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_group_answer_is_collapsed_and_the_numbers_quoted_are_printed(language):
    text = (DOCS / language / PAGE).read_text(encoding="utf-8")
    title = {"en": '??? success "Answer"', "es": '??? success "Respuesta"'}[language]
    assert text.count(title) == 6
    includes = snippet_includes(text)
    assert includes == [f"{LAB}/the_objects.py"] + [f"{LAB}/{g}.py" for g in GROUPS]
    for answer, group in zip(text.split(title)[1:], GROUPS):
        assert f"{LAB}/{group}.py" in answer.split("\n## ")[0]
    outputs = " ".join(run(g).output for g in GROUPS)
    for number in ("29,491,200", "32,636,928", "34,406,400", "24,576"):
        # Spanish prose groups thousands with a no-break space (29 491 200), English with commas
        quoted = number if language == "en" else number.replace(",", "\u00a0")
        assert quoted in text and number.replace(",", "") in outputs.replace(",", ""), number
    assert "29,491,200" in outputs  # the snippet prints it in the English way, on both pages
    # "36 expressions": the number of questions the snippets ask (test above), in the abstract
    abstract = text.split("\n\n", 2)[1]
    assert f"{sum(len(run(g).namespace['questions']) for g in GROUPS)} " in abstract
    assert "seven" in abstract or "siete" in abstract
    assert text.splitlines()[0] == {"en": "# Lab 00 · Shape prediction", "es": "# Laboratorio 00 · Predicción de formas"}[language]
    assert text.rstrip().splitlines()[-1].endswith("](01-matmul-performance.md).")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_counts_the_expressions_as_the_lab_does(language):
    """The home page's table of labs said "two dozen"; there are 36."""
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    line = next(line for line in home.splitlines() if "(labs/00-shape-prediction.md)" in line)
    count = sum(len(run(g).namespace["questions"]) for g in GROUPS)
    assert f" {count} " in line and "dozen" not in line and "docenas" not in line, line


def test_the_output_fits_88_columns():
    for group in ["the_objects", *GROUPS]:
        assert max(len(line) for line in run(group).output.splitlines()) <= 88, group
    for path in (SNIPPETS / LAB).glob("*.py"):
        assert max(len(line) for line in path.read_text().splitlines()) <= 88, path.name


@pytest.mark.parametrize("group", GROUPS)
def test_a_learner_who_predicts_nothing_is_stopped_before_any_answer(group):
    """The learner's notebook shows one `predictions[n] = ...` per question; run unfilled, the
    cell stops at the check, naming every prediction still to write, before anything is shown."""
    code, had_solution = snippet_code((SNIPPETS / LAB / f"{group}.py").read_text(), "learner")
    code = "from lacourse import todo  # as the notebook's first cell does\n" + code
    questions = run(group).namespace["questions"]
    assert had_solution
    for number in questions:
        assert f"predictions[{number}] = ...\n" in code, (group, number)
    with pytest.raises(SnippetError, match="TodoError") as stopped:
        run_code(code, f"{LAB}/{group}_learner.py")
    message = str(stopped.value)
    assert "still to write where the cell says # TODO" in message
    assert all(f"predictions[{number}]" in message for number in questions), message
    # a learner who writes one prediction is told about the others only
    first = min(questions)
    answered = code.replace(f"predictions[{first}] = ...", f"predictions[{first}] = (1, 2)")
    with pytest.raises(SnippetError) as stopped:
        run_code(answered, f"{LAB}/{group}_learner_one.py")
    assert f"predictions[{first}]," not in str(stopped.value)
    assert f"predictions[{first + 1}]" in str(stopped.value)


def test_a_wrong_prediction_is_marked_wrong_and_scored():
    code = (SNIPPETS / LAB / "indexing.py").read_text().replace("predictions[2] = (T, D)", "predictions[2] = (D, T)")
    run_ = run_code(code, f"{LAB}/indexing_wrong.py")
    assert "wrong: you said (64, 12)" in run_.output
    assert run_.output.splitlines()[-1] == "score: 5/6"


def test_a_prediction_left_out_shows_no_answer_and_scores_nothing():
    code = (SNIPPETS / LAB / "indexing.py").read_text()
    code = code.replace("predictions[3] = (B, D)\n", "")
    run_ = run_code(code, f"{LAB}/indexing_left_out.py")
    row = next(line for line in run_.output.splitlines() if line.startswith(" 3 "))
    assert row.split() == ["3", "x[:,", "-1]", "?"]
    assert run_.output.splitlines()[-1] == "score: 5/6"
