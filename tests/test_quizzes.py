"""Questions in the page (mkdocs-quiz `<quiz>` blocks): every expected answer is the build's.

* Each page's questions carry the value its snippets compute: lab 00's 36 expressions are
  evaluated here in their snippets' namespaces; a theory or exercise question is mapped in
  EXPECTED to the value its answer's snippet computes.
* English and Spanish pages carry the same answers (the same blanks, the same right choices).
* docs/assets/quiz-answers.js, which lets a blank take a shape in names or numbers and a number
  within its tolerance, agrees with the running example's sizes and accepts and rejects what
  it says (run by node here, and in the browser by tests/browser/test_quizzes.py).
* The lab notebooks carry no question markup and no answer.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field

import numpy as np
import pytest

from conftest import DOCS, LANGUAGES, ROOT
from lacourse import universe
from lacourse_site.runner import run_file

SHIM = ROOT / "docs" / "assets" / "quiz-answers.js"
QUIZ = re.compile(r"^[ \t]*<quiz>\n(.*?)^[ \t]*</quiz>[ \t]*$", re.S | re.M)
BLANK = re.compile(r"\[\[([^\]]+)\]\]")
CHOICE = re.compile(r"^\s*[-*] \[([ xX]?)\] (.*)$", re.M)
SIZES = {name: getattr(universe, name) for name in
         ("B", "T", "D", "H", "D_HEAD", "V", "N_VERBS", "N_TENSES", "N_PERSONS", "N_SLOTS")}


@dataclass
class Quiz:
    text: str
    blanks: list[str] = field(default_factory=list)
    choices: list[tuple[bool, str]] = field(default_factory=list)

    @property
    def right(self) -> list[int]:
        return [i for i, (correct, _) in enumerate(self.choices) if correct]


def quizzes(language: str, page: str) -> list[Quiz]:
    text = (DOCS / language / page).read_text(encoding="utf-8")
    found = []
    for match in QUIZ.finditer(text):
        body = match.group(1).split("\n---\n")[0]  # before `---`: the question, blanks and choices
        found.append(Quiz(match.group(1), BLANK.findall(body),
                          [(mark.lower() == "x", label) for mark, label in CHOICE.findall(body)]))
    return found


def pages_with_quizzes() -> list[str]:
    return sorted(p.relative_to(DOCS / "en").as_posix() for p in (DOCS / "en").rglob("*.md")
                  if "<quiz>" in p.read_text(encoding="utf-8"))


def value(answer: str):
    """What a blank's answer means: a shape or number (names are the running example's sizes),
    `(centre, tolerance)` for "1.33 ± 0.01", else the text."""
    centre, _, tolerance = answer.partition("±")
    if tolerance:
        return (float(value(centre)), float(value(tolerance)))
    try:
        return eval(answer.replace("^", "**"), {"__builtins__": {}}, dict(SIZES))  # noqa: S307  our own pages
    except (NameError, SyntaxError):
        return answer.strip()


def agrees(answer: str, computed) -> bool:
    meant = value(answer)
    if "±" in answer:
        centre, tolerance = meant
        return abs(float(computed) - centre) <= tolerance / 2  # the centre is the value, rounded
    if isinstance(computed, float):
        return isinstance(meant, (int, float)) and abs(meant - computed) <= 1e-12 * max(1.0, abs(computed))
    return meant == computed


# --- lab 00: the 36 expressions, evaluated in their snippets' namespaces --------------------------

LAB00 = "labs/00-shape-prediction.md"
LAB00_GROUPS = ["indexing", "reshape_and_transpose", "broadcasting", "matmul_chains", "einsum_specs",
                "expressions_that_fail"]


def lab00_results() -> dict[int, list]:
    """number -> [shape] (+ [FLOPs] for products) or [error type], computed from the snippets."""
    results = {}
    for group in LAB00_GROUPS:
        ns = run_file(f"labs/00_shape_prediction/{group}.py").namespace
        for number, expression in ns["questions"].items():
            if group == "einsum_specs":
                spec, names = expression
                operands = eval(f"[{names}]", ns)  # noqa: S307
                results[number] = [ns["np"].einsum(spec, *operands).shape, ns["einsum_flops"](spec, *operands)]
            elif group == "matmul_chains":
                ns["Counted"].flops = 0
                shape = eval(expression, ns).shape  # noqa: S307
                results[number] = [shape, ns["Counted"].flops]
            elif group == "expressions_that_fail":
                with pytest.raises(Exception) as caught:  # noqa: PT011  the type is the answer
                    eval(expression, ns)  # noqa: S307
                results[number] = [type(caught.value).__name__]
            else:
                results[number] = [eval(expression, ns).shape]  # noqa: S307
    return results


def lab00_rows(quiz: Quiz) -> dict[int, list[str]]:
    rows = {}
    for line in quiz.text.splitlines():
        if match := re.match(r"^\| (\d+) \|", line):
            rows[int(match.group(1))] = BLANK.findall(line)
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_lab00_every_expression_has_a_blank_with_the_computed_answer(language):
    results = lab00_results()
    assert sorted(results) == list(range(1, 37))
    found = {}
    for quiz in quizzes(language, LAB00):
        found.update(lab00_rows(quiz))
    assert sorted(found) == list(range(1, 37)), "one quiz row per expression"
    for number, answers in found.items():
        assert len(answers) == len(results[number]), number
        for answer, computed in zip(answers, results[number]):
            assert agrees(answer, computed), (number, answer, computed)
    assert len(quizzes(language, LAB00)) == 6  # one per section


def test_the_answer_values_catch_a_wrong_answer():
    assert agrees("(B, T, D)", (32, 12, 64)) and not agrees("(B, D, T)", (32, 12, 64))
    assert agrees("(300,)", (300,)) and not agrees("(300,)", (300, 1))
    assert agrees("29491200", 29_491_200) and not agrees("29491200", 29_491_201)
    assert agrees("1.33 ± 0.01", 1.3312) and not agrees("1.33 ± 0.01", 1.34)
    assert agrees("ValueError", "ValueError") and not agrees("ValueError", "IndexError")


# --- theory and exercises: each question mapped to the value its snippet computes -----------------

EXPECTED: dict[str, callable] = {}  # page -> () -> one entry per quiz: [blank values] or {"right": [...]}


def expected_for(page: str):
    def register(function):
        EXPECTED[page] = function
        return function
    return register


def ns(snippet: str) -> dict:
    """The namespace snippets/<snippet> leaves (one run per test session)."""
    if snippet not in _RUNS:
        _RUNS[snippet] = run_file(snippet).namespace
    return _RUNS[snippet]


_RUNS: dict[str, dict] = {}
RIGHT = "right"  # a choice question: {RIGHT: [indices of the right choices]}


@expected_for("theory/00-why-linear-algebra.md")
def _theory_00():
    s = "theory/00_why_linear_algebra/"
    row, lookup, scaling = ns(s + "check_one_hot_row.py"), ns(s + "check_lookup_cost.py"), ns(s + "check_cost_scaling.py")
    exact = bool((row["x"] @ row["E"] == row["E"][row["token"]]).all())
    results = ns(s + "check_shapes_as_types.py")["results"]
    return [
        row["equal_rows"],  # the one row x @ E equals
        {RIGHT: [0 if exact else 1]},  # exactly / only up to rounding
        [results["x @ E"], results["E @ x"], results["E.T @ x"]],
        [lookup["embedded"].shape, lookup["flops"]],
        [scaling["flops"] / lookup["flops"], scaling["flops"] // scaling["copied"]],
    ]


@expected_for("theory/01-tensors-and-shapes.md")
def _theory_01():
    s = "theory/01_tensors_and_shapes/"
    index, view = ns(s + "check_index_shapes.py"), ns(s + "check_view_or_copy.py")
    axis, attention = ns(s + "check_wrong_axis.py"), ns(s + "check_attention_einsum.py")
    ranks = ns(s + "check_ndim_vs_rank.py")
    rows = []
    for expression in ("x[:, -1:]", "x[..., 0]", "x[:, None]"):
        result = eval(expression, index)  # noqa: S307
        rows += [result.shape, result.ndim, result.size]
    centred, scores, m = axis["centred"], axis["scores"], axis["m"]
    return [
        rows,
        {RIGHT: [0 if np.shares_memory(view["tokens_by_head"], view["q"]) else 1]},  # a view / a copy
        {RIGHT: [0 if np.shares_memory(view["batch_of_heads"], view["heads"]) else 1]},
        {RIGHT: [1 if centred[2, 5] == scores[2, 5] - m[5] else 0]},  # row 2 / row 5
        [attention["out"].shape, attention["flops"]],
        [ranks["outer"].ndim, np.linalg.matrix_rank(ranks["outer"]),
         ranks["counts"].ndim, np.linalg.matrix_rank(ranks["counts"])],
    ]


@expected_for("theory/02-matmul-three-ways.md")
def _theory_02():
    s = "theory/02_matmul_three_ways/"
    flops, narrow = ns(s + "check_shape_and_flops.py"), ns(s + "check_rank_of_a_narrow_product.py")
    gram, lora = ns(s + "check_is_it_a_gram_matrix.py"), ns(s + "check_lora_rank_4.py")
    return [
        [flops["Q"].shape, flops["flops"]],
        [np.linalg.matrix_rank(narrow["M"])],
        {RIGHT: [1 if gram["lam"].min() < 0 else 0]},  # yes / no: a Gram matrix has no negative eigenvalue
        [np.linalg.matrix_rank(lora["delta_W"]), lora["lora_params"], lora["d"] ** 2 / lora["lora_params"]],
    ]


@expected_for("theory/03-svd.md")
def _theory_03():
    s = "theory/03_svd/"
    shapes, cut = ns(s + "check_svd_shapes.py"), ns(s + "check_truncation_error.py")
    rank, energy = ns(s + "check_rank_with_tolerance.py"), ns(s + "check_energy_kept.py")
    residual = cut["A"] - cut["A_k"]
    return [
        [shapes["U_full"].shape, shapes["S_full"].shape, shapes["Vt_full"].shape,
         shapes["U"].shape, shapes["S"].shape, shapes["Vt"].shape],
        [np.linalg.norm(residual, "fro"), round(float(np.linalg.norm(residual, 2)), 9)],  # 2 up to LAPACK's rounding
        [np.linalg.matrix_rank(rank["A"]), np.linalg.matrix_rank(rank["A"], tol=1e-6)],
        [energy["k"], energy["relative_error"]],
    ]


@expected_for("theory/04-norms.md")
def _theory_04():
    s = "theory/04_norms/"
    three, chance = ns(s + "check_three_norms.py"), ns(s + "check_chance_cosine.py")
    sv, digits = ns(s + "check_norms_from_singular_values.py"), ns(s + "check_digits_at_kappa.py")
    constant = ns(s + "check_normalising_a_constant.py")
    return [
        [three["l1"], three["l2"], three["linf"]],
        [chance["cos_seen"] * np.sqrt(chance["D"]), chance["cos_seen"] * np.sqrt(chance["d"])],
        [round(float(sv["fro_A"]), 9), round(float(sv["spec_A"]), 9),
         round(float(sv["spec_A"] * np.linalg.norm(sv["B"], 2)), 9)],  # the bound ||A||_2 ||B||_2
        [digits["predicted"]],
        [np.linalg.norm(constant["rms"]), round(float(np.linalg.norm(constant["layer"])), 9)],
    ]


def ints(vector) -> tuple:
    """A vector of whole numbers as the tuple a blank holds: (4, 1)."""
    assert np.array_equal(vector, np.round(vector)), vector
    return tuple(int(v) for v in np.round(vector))


@expected_for("exercises/00-why-linear-algebra.md")
def _exercises_00():
    s = "exercises/00_why_linear_algebra/"
    by_hand, gpt2, wins = ns(s + "one_hot_times_e_by_hand.py"), ns(s + "lookup_flops_at_gpt2_size.py"), ns(s + "why_indexing_wins.py")
    return [
        [ints(by_hand["x"] @ by_hand["E"]), ints(by_hand["pair"] @ by_hand["E"])],
        [gpt2["flops"], gpt2["copied"], gpt2["one_hot_bytes"]],
        [1 - wins["nonzero_products"] / wins["all_products"], wins["one_hot"].nbytes / wins["E"].nbytes,
         wins["one_hot"].nbytes / wins["embedded"].nbytes],
    ]


@expected_for("exercises/01-tensors-and-shapes.md")
def _exercises_01():
    s = "exercises/01_tensors_and_shapes/"
    mean, cost = ns(s + "column_mean_by_hand.py"), ns(s + "einsum_flops_by_hand.py")
    return [
        [ints(mean["column_means"]), *(ints(row) for row in mean["centred"])],
        [cost["scores_flops"], cost["projection_flops"]],
    ]


@expected_for("exercises/02-matmul-three-ways.md")
def _exercises_02():
    s = "exercises/02_matmul_three_ways/"
    hand, transpose = ns(s + "dot_and_matmul_by_hand.py"), ns(s + "transpose_of_a_product.py")
    gram, hadamard = ns(s + "gram_matrix_by_hand.py"), ns(s + "hadamard_vs_matmul_by_hand.py")
    eigen, chain = ns(s + "eigenvalues_of_a_2x2.py"), ns(s + "chain_order_flops.py")
    A, B = hadamard["A"], hadamard["B"]

    def chain_flops(T, D):  # 2mkn per product, as the snippet counts them
        return 2 * T * D * T + 2 * T * T * D, 2 * D * T * D + 2 * T * D * D

    assert chain_flops(chain["long_T"], chain["D"]) == (chain["scores_first"], chain["kv_first"])
    return [
        [int(hand["a"] @ hand["b"]), *(int(c) for c in hand["C"].ravel())],
        [ints(transpose["AB"][0]), ints(transpose["AB"][1]), (transpose["A"].T @ transpose["B"].T).shape],
        [ints(gram["G"][0]), ints(gram["G"][1]), ints(gram["Wx"]), int(gram["x"] @ gram["G"] @ gram["x"])],
        [ints((A * B)[0]), ints((A * B)[1]), ints((A @ B)[0]), ints((A @ B)[1])],
        # NumPy 2.5 returns a complex dtype even for real eigenvalues: keep the real ones' real parts
        sorted((round(float(r.real), 9) for r in np.linalg.eigvals(eigen["A"]) if r.imag == 0), reverse=True),
        [*chain_flops(chain["T"], chain["D"]), chain["scores_first"], chain["kv_first"]],
    ]


@expected_for("exercises/03-svd.md")
def _exercises_03():
    s = "exercises/03_svd/"
    rank_one, ratio, ey = ns(s + "svd_of_rank_one.py"), ns(s + "compression_ratio.py"), ns(s + "eckart_young_by_hand.py")

    def compression(m, n, k):  # the snippet's formulas: mn / k(m + n + 1), and the largest k that saves
        return m * n / (k * (m + n + 1)), (m * n - 1) // (m + n + 1)

    assert compression(ratio["m"], ratio["n"], ratio["k"]) == (ratio["ratio"], ratio["k_max"])
    U, values, Vt, A = ey["U"], ey["values"], ey["Vt"], ey["A"]
    rank_1 = A - values[0] * np.outer(U[:, 0], Vt[0])
    return [
        [round(float(rank_one["S"][0]), 9), round(float(rank_one["S"][1]), 9)],
        [*compression(ratio["V"], ratio["D"], 8), *compression(ratio["m"], ratio["n"], ratio["k"])],
        [np.linalg.norm(A), np.linalg.norm(rank_1), round(float(np.linalg.norm(rank_1, 2)), 9),
         round(float(ey["frobenius"]), 9), round(float(ey["spectral"]), 9)],
    ]


@expected_for("exercises/04-norms.md")
def _exercises_04():
    s = "exercises/04_norms/"
    angle, norms, projection = ns(s + "dot_product_and_angle.py"), ns(s + "norms_and_unit_vectors.py"), ns(s + "projection_onto_a_vector.py")
    a, b, c, v = angle["a"], angle["b"], angle["c"], norms["v"]
    return [
        [a @ b, round(float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))), 9), round(float(angle["angles"]["a, b"]), 9),
         a @ c, round(float(angle["angles"]["a, c"]), 9)],
        [np.linalg.norm(v, 1), np.linalg.norm(v), np.linalg.norm(v, np.inf)],
        [projection["coefficient"], np.linalg.norm(projection["proj"]), np.linalg.norm(projection["perp"])],
    ]


@pytest.mark.parametrize("page", sorted(set(pages_with_quizzes()) - {LAB00}))
def test_every_question_carries_the_value_its_snippet_computes(page):
    assert page in EXPECTED, f"{page}: map its questions to their snippets in EXPECTED"
    expected = EXPECTED[page]()
    for language in LANGUAGES:
        found = quizzes(language, page)
        assert len(found) == len(expected), (language, page)
        for n, (quiz, want) in enumerate(zip(found, expected), start=1):
            if isinstance(want, dict):
                assert quiz.right == want["right"] and not quiz.blanks, (language, page, n, quiz.choices)
            else:
                assert len(quiz.blanks) == len(want), (language, page, n)
                for answer, computed in zip(quiz.blanks, want):
                    assert agrees(answer, computed), (language, page, n, answer, computed)


# --- both languages, the markup, the notebooks ------------------------------------------------------

def answers(quiz: Quiz):
    """What must not differ between languages: the blanks, which choices are right, and the code
    each choice shows."""
    return quiz.blanks, [(correct, re.findall(r"`[^`]+`", label)) for correct, label in quiz.choices]


@pytest.mark.parametrize("page", pages_with_quizzes())
def test_both_languages_carry_the_same_answers(page):
    english, spanish = ([answers(q) for q in quizzes(lang, page)] for lang in LANGUAGES)
    assert english == spanish


@pytest.mark.parametrize("page", pages_with_quizzes())
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_has_an_answer_and_sits_at_the_top_level(page, language):
    text = (DOCS / language / page).read_text(encoding="utf-8")
    assert text.count("<quiz>") == text.count("</quiz>") == len(quizzes(language, page))
    for quiz in quizzes(language, page):
        assert quiz.blanks or quiz.right, quiz.text[:80]
        assert not (quiz.blanks and quiz.choices), "one kind per question"
    # mkdocs-quiz reads <quiz> blocks anywhere, but the lab notebooks drop only top-level tags
    assert not re.search(r"^[ \t]+</?quiz>", text, re.M), "a <quiz> tag starts its line"


def test_lab_notebooks_carry_no_question_markup_or_answer():
    from lacourse_site import notebooks

    lab = next(lab for lab in notebooks.find_labs(DOCS, ["es"]) if lab.page.name == "00-shape-prediction.md")
    notebook = notebooks.build(lab, "solutions", notebooks.Site())
    text = "\n".join("".join(cell["source"]) for cell in notebook["cells"])
    assert "<quiz>" not in text and "[[" not in text
    assert "| 1 | `E[tokens]` |" in text  # the table stays, its answer column empty


# --- the equivalence script ---------------------------------------------------------------------

SAME = [  # (typed, expected answer, accepted?)
    ("(32,12,64)", "(B, T, D)", True), ("(B,T,D)", "(B, T, D)", True), (" [ 32 , 12 , 64 ] ", "(B, T, D)", True),
    ("32, 12, 64", "(B, T, D)", True), ("(b, t, d)", "(B, T, D)", True), ("(B, D, T)", "(B, T, D)", False),
    ("(B, T)", "(B, T, D)", False), ("(32,)", "(B,)", True), ("(B)", "(B,)", True), ("32", "(B,)", False),
    ("(B, T, D_h)", "(B, T, D_HEAD)", True), ("(B*T, D)", "(384, 64)", True), ("(300,)", "(N_VERBS * N_SLOTS,)", True),
    ("29,491,200", "29491200", True), ("29 491 200", "29491200", True), ("29\u00a0491\u00a0200", "29491200", True),
    ("2*B*T*V*D", "29491200", True), ("2BTVD", "29491200", True), ("2.94912e7", "29491200", True),
    ("29491201", "29491200", False), ("2BHT^2D_h", "589824", True), ("0", "0", True), ("1", "0", False),
    ("1.335", "1.33 ± 0.01", True), ("1,34", "1.33 ± 0.01", True), ("1.35", "1.33 ± 0.01", False),
    ("valueerror", "ValueError", True), ("IndexError", "ValueError", False), ("", "(B,)", False),
]


def test_the_script_knows_the_running_example_sizes():
    text = SHIM.read_text(encoding="utf-8")
    block = re.search(r"var SIZES = \{(.*?)\};", text, re.S).group(1)
    assert dict(re.findall(r"(\w+): (\d+)", block)) == {k: str(v) for k, v in SIZES.items()}


def test_the_script_accepts_equal_answers_and_rejects_others():
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed; tests/browser/test_quizzes.py runs the same cases in Chromium")
    program = f"const q = require({json.dumps(str(SHIM))}); " \
              f"console.log(JSON.stringify({json.dumps(SAME)}.map(([g, e]) => q.same(g, e))));"
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60, check=True)
    got = json.loads(done.stdout)
    assert [(g, e, ok) for (g, e, _), ok in zip(SAME, got)] == SAME
