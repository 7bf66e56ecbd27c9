"""Lab 03: the norm identities as Hypothesis properties of the functions the lab has you write,
and the numbers its page quotes, checked from outside its snippets."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from conftest import DOCS, LANGUAGES, SNIPPETS
from lacourse_site.runner import SnippetError, run_code
from lacourse_site.site import snippet_includes
from lacourse.universe import conjugation_counts

from .lab_support import assert_one_solution_region, cached_runs, run_in_one_namespace

LAB = "labs/03_norm_identities"
PAGE = "labs/03-norm-identities.md"
EPS = np.finfo(float).eps
PROPERTY = settings(max_examples=40, deadline=None)
MACHINE = (
    "machine-dependent: an ulp-level count is the machine's BLAS/LAPACK (kernel, threads, NumPy "
    "version); the snippet asserts only the bound theory gives"
)

run = cached_runs(LAB)


def function(snippet: str, name: str):
    """A function the learner writes, taken from the snippet that defines it."""
    return run(snippet).namespace[name]


def table(output: str) -> dict[str, list[str]]:
    """Rows of a printed table keyed by their label (text up to a run of 2+ spaces)."""
    rows = {}
    for line in output.splitlines():
        parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        if len(parts) == 2:
            rows.setdefault(parts[0], parts[1].split())
    return rows


# --- strategies: bounded sizes and values -------------------------------------------------

values = st.one_of(st.floats(1e-3, 1e3), st.floats(-1e3, -1e-3), st.just(0.0))


@st.composite
def vector_pairs(draw):
    rows, n = draw(st.integers(1, 4)), draw(st.integers(1, 40))
    X = draw(arrays(np.float64, (rows, n), elements=values))
    Y = draw(arrays(np.float64, (rows, n), elements=values))
    assume(np.abs(X).sum(axis=1).min() > 0 and np.abs(Y).sum(axis=1).min() > 0)
    return X, Y


@st.composite
def matrices(draw, rows=st.integers(1, 12), cols=st.integers(1, 12)):
    A = draw(arrays(np.float64, (draw(rows), draw(cols)), elements=values))
    assume(np.abs(A).max() > 0)
    return A


# --- the page is one lab, run as a notebook would run it -----------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_opens_with_its_title_and_abstract_and_leads_to_the_exercises(language):
    lines = [line for line in (DOCS / language / PAGE).read_text().splitlines() if line.strip()]
    title = {"en": "# Lab 03 · Norm identities", "es": "# Laboratorio 03 · Identidades de normas"}
    assert lines[0] == title[language]
    assert lines[1].startswith("!!! abstract")
    following = {
        "en": "Next: [Exercises 00 · Why linear algebra before autograd](../exercises/00-why-linear-algebra.md).",
        "es": "Siguiente: [Ejercicios 00 · Por qué álgebra lineal antes que autograd]"
        "(../exercises/00-why-linear-algebra.md).",
    }
    assert lines[-1] == following[language]


def test_every_snippet_marks_the_part_the_learner_writes():
    for path in sorted((SNIPPETS / LAB).glob("*.py")):
        assert_one_solution_region(path)


def test_the_snippets_run_in_page_order_in_one_namespace():
    """As in one Jupyter kernel: every snippet, in page order, sharing one namespace."""
    _, printed = run_in_one_namespace(PAGE, LAB)
    for name, output in printed.items():
        assert max(len(line) for line in output.splitlines()) <= 88, name


# --- properties of the functions the lab has you write (Hypothesis) ------------------------


@PROPERTY
@given(vector_pairs())
def test_no_vector_ratio_exceeds_one_beyond_rounding(pair):
    X, Y = pair
    n = X.shape[1]
    for name, ratio in function("vector_inequalities", "ratios")(X, Y).items():
        assert ratio.shape == (len(X),)
        assert np.all(ratio <= 1 + 4 * n * EPS), name


@PROPERTY
@given(vector_pairs(), st.floats(0.01, 100.0))
def test_parallel_vectors_make_cauchy_schwarz_and_the_triangle_tight(pair, c):
    X, _ = pair
    n = X.shape[1]
    same, opposite = (function("vector_inequalities", "ratios")(X, sign * c * X) for sign in (1, -1))
    for name in ("Cauchy-Schwarz", "triangle, L2", "triangle, L1", "triangle, Linf"):
        assert np.allclose(same[name], 1.0, rtol=0, atol=8 * n * EPS), name
    assert np.allclose(opposite["Cauchy-Schwarz"], 1.0, rtol=0, atol=8 * n * EPS)  # |x . y|
    expected = abs(1 - c) / (1 + c)  # ||x - c x|| / (||x|| + c ||x||)
    assert np.allclose(opposite["triangle, L2"], expected, rtol=1e-12, atol=8 * n * EPS)


@PROPERTY
@given(st.integers(1, 40), st.data())
def test_one_hot_and_constant_vectors_are_the_extremes_of_the_chain(n, data):
    index = data.draw(st.integers(0, n - 1))
    value = data.draw(st.floats(1e-3, 1e3)) * data.draw(st.sampled_from([1, -1]))
    one_hot = np.zeros((1, n))
    one_hot[0, index] = value
    constant = np.full((1, n), value)
    ratios = function("vector_inequalities", "ratios")
    hot, flat = ratios(one_hot, one_hot), ratios(constant, constant)
    assert hot["Linf <= L2"][0] == hot["L2 <= L1"][0] == 1.0
    assert np.isclose(hot["L1 <= sqrt(n) L2"][0], 1 / np.sqrt(n), rtol=1e-14, atol=0)
    assert abs(flat["L1 <= sqrt(n) L2"][0] - 1) <= 4 * n * EPS


@PROPERTY
@given(matrices())
def test_the_two_ways_to_each_matrix_norm_agree_to_a_few_eps(A):
    identities = function("matrix_norm_identities", "two_ways")(A)
    for name, (left, right) in identities.items():
        assert abs(left / right - 1) <= 64 * EPS, name
    spectral, frobenius = identities["||A||_2 = sigma_1"], identities["||A||_F = sqrt(sum s^2)"]
    assert np.isclose(spectral[1], np.linalg.norm(A, 2), rtol=1e-13, atol=0)
    assert np.isclose(frobenius[0], np.linalg.norm(A, "fro"), rtol=1e-13, atol=0)


@PROPERTY
@given(st.integers(1, 12), st.integers(1, 12), st.integers(1, 12), st.data())
def test_operator_bounds_hold_and_v1_reaches_the_spectral_one(m, k, n, data):
    A = data.draw(arrays(np.float64, (m, k), elements=values))
    B = data.draw(arrays(np.float64, (k, n), elements=values))
    x = data.draw(arrays(np.float64, (k,), elements=values))
    assume(np.abs(A).max() > 0 and np.abs(B).max() > 0 and np.abs(x).max() > 0)
    ratios = function("operator_inequalities", "operator_ratios")(A, B, x)
    for name, ratio in ratios.items():
        assert np.isnan(ratio) or ratio <= 1 + 64 * EPS, name  # 0 / 0 only if A B = 0
    v_1 = np.linalg.svd(A)[2][0]
    reached = function("operator_inequalities", "operator_ratios")(A, B, v_1)
    assert abs(reached["||Ax||_2 <= ||A||_2 ||x||_2"] - 1) <= 64 * EPS


@PROPERTY
@given(st.integers(2, 10), st.data())
def test_kappa_matches_cond_is_at_least_one_and_ignores_scale(n, data):
    A = data.draw(arrays(np.float64, (n, n), elements=values))
    S = np.linalg.svd(A, compute_uv=False)
    assume(S[-1] > 1e-6 * S[0])  # invertible, kappa below 1e6
    kappa = function("condition_number", "kappa")
    value = kappa(A)
    assert value >= 1
    assert np.isclose(value, np.linalg.cond(A, 2), rtol=64 * EPS, atol=0)
    # sigma_min carries an error of about sigma_max eps: tolerances scale with kappa
    assert np.isclose(kappa(-3.5 * A), value, rtol=64 * value * EPS, atol=0)
    assert np.isclose(kappa(np.linalg.inv(A)), value, rtol=64 * value * EPS, atol=0)
    Q, _ = np.linalg.qr(A)
    assert abs(kappa(Q) - 1) <= 64 * EPS  # orthogonal: the tight case


# --- the numbers the page quotes ----------------------------------------------------------


def test_vector_inequalities_table():
    output = run("vector_inequalities").output
    assert "4000 random cases per width; slack = 1 - largest (left / right)" in output
    rows = table(output)
    assert rows["Cauchy-Schwarz"] == ["0.0e+00", "6.8e-03", "1.3e-01", "cauchy"]
    assert rows["triangle, L1"] == ["-2.2e-16", "-2.2e-16", "-2.2e-16", "sparse"]
    assert rows["L1 <= sqrt(n) L2"][-1] == "uniform"
    assert rows["Linf <= L2"][-1] == rows["L2 <= L1"][-1] == "cauchy"
    assert rows["triangle, Linf"][-1] == "normal"
    kinds = [fields[-1] for fields in rows.values() if fields[-1] in ("cauchy", "sparse")]
    assert len(kinds) == 5  # "mostly the heavy-tailed and the sparse ones"
    # one eps of float64, above 1
    assert float(rows["triangle, L1"][0]) == -float(f"{EPS:.1e}")
    slack_0 = [name for name, fields in rows.items() if "0.0e+00" in fields]
    assert len(slack_0) >= 5  # many rows reach equality on some random case


def test_tight_vector_cases():
    rows = table(run("tight_vector_cases").output)
    # label, case -> ratio, (ratio - 1) / eps; None: a rounding count, asserted as a bound below
    quoted = [("y = 2.5 x", "1.0000", None), ("y = -2.5 x", "1.0000", None),
              ("y = 2.5 x", "1.0000", None), ("y = -2.5 x", "0.4286", "-"),
              ("one-hot", "1.0000", "0.0"), ("one-hot", "1.0000", "0.0"),
              ("constant", "1.0000", "0.0"), ("one-hot", "0.1250", "-")]
    lines = [line.split() for line in run("tight_vector_cases").output.splitlines()[2:]]
    assert len(lines) == len(quoted)
    for fields, (case, ratio, in_eps) in zip(lines, quoted):
        assert " ".join(fields).count(case) == 1 and fields[-2] == ratio
        if in_eps is None:  # "within a few epsilons of 1": in theory at most about n eps
            assert abs(float(fields[-1])) <= 64
            assert abs(float(fields[-1])) <= 4, MACHINE
        else:  # exact: powers of 2 and exact sums, the same on every machine
            assert fields[-1] == in_eps
    assert float(lines[0][-1]) > 0, MACHINE  # "Cauchy-Schwarz ... comes out above 1"
    assert f"{1.5 / 3.5:.4f}" == "0.4286" and 1 / np.sqrt(64) == 0.125
    assert rows["L1 <= sqrt(n) L2"][1:3] == ["32.0000", "32.0000"]


def test_matrix_norm_identities_table():
    output = run("matrix_norm_identities").output
    assert output.startswith("1000 random matrices")
    rows = table(output)
    # ulp-level gaps depend on the machine's LAPACK: the page states bounds, "a few epsilons"
    for row in ("||A||_2 = sigma_1", "||A||_F = sqrt(sum s^2)"):
        median, largest = map(float, rows[row])
        assert largest < 100, (row, largest)  # the snippet's bound, of order n eps
        assert median <= 2 and largest < 10, (MACHINE, row, median, largest)


def test_operator_inequalities_table():
    rows = table(run("operator_inequalities").output)
    assert rows["||Ax||_2 <= ||A||_2 ||x||_2"] == ["0.5254", "0.9994"]
    assert rows["||AB||_2 <= ||A||_2 ||B||_2"] == ["0.6521", "0.9999"]
    assert rows["||AB||_F <= ||A||_F ||B||_F"] == ["0.2153", "0.8031"]
    # "about half" for the L2 stretch, "a fifth" for L1 and Linf
    assert round(float(rows["||Ax||_1 <= ||A||_1 ||x||_1"][0]), 1) == 0.2
    assert round(float(rows["||Ax||_inf <= ||A||_inf ||x||_inf"][0]), 1) == 0.2


def test_tight_operator_cases():
    run_ = run("tight_operator_cases")
    lines = [line for line in run_.output.splitlines()[2:]]
    in_eps = [line.split()[-1] for line in lines]
    ratios = [line.split()[-2] for line in lines]
    assert in_eps[4] == "-"  # the Frobenius bound is not reached
    assert all(abs(float(eps)) < 20 * 15 for eps in in_eps[:4] + in_eps[5:])  # m n eps
    assert all(abs(float(eps)) <= 4 for eps in in_eps[:4] + in_eps[5:]), MACHINE  # "a few"
    assert ratios == ["1.0000"] * 4 + ["0.9770", "1.0000"]
    ns = run_.namespace
    A = conjugation_counts().astype(float)
    assert np.all(ns["x_inf"] == 1)  # "here all ones: counts are never negative"
    S = np.linalg.svd(A, compute_uv=False)
    assert f"{S[0] / np.linalg.norm(A):.4f}" == "0.9770"  # ||A||_2 / ||A||_F


def test_condition_number_numbers():
    output = run("condition_number").output
    assert "smallest kappa 1.2391" in output
    median, largest = map(float, re.search(r"median ([\d.]+) eps, largest ([\d.]+) eps", output).groups())
    ns = run("condition_number").namespace
    assert np.all(ns["gaps"] <= 40 * ns["kappas"] * EPS)  # theory: of order n kappa eps, n <= 40
    assert median < 10, MACHINE  # "the median case does (below 10 eps)"
    assert largest > 1e4, MACHINE  # "the worst differs by more than ten thousand epsilons"
    per_kappa = float(re.search(r"largest gap / \(kappa eps\) = ([\d.]+)", output).group(1))
    assert per_kappa < 2, MACHINE  # "of order kappa eps" (this machine: below 2 kappa eps)
    rows = [line.split() for line in output.splitlines()[6:]]
    assert [r[0] for r in rows] == ["1e+00", "1e+04", "1e+08", "1e+12"]
    assert all(r[1] == f"{float(r[0]):.4e}" for r in rows)
    for built, _, error, in_eps, bound in rows:
        assert float(error) <= 64 * float(bound)  # theory: n kappa eps
        assert abs(float(in_eps) * EPS / float(error) - 1) < 0.06  # the column is error / eps
    assert float(rows[0][2]) > float(rows[0][4]), MACHINE  # "more than kappa eps = eps" at 1
    assert float(rows[0][3]) < 10, MACHINE  # "a few eps at kappa = 1"
    assert 1e9 <= float(rows[-1][3]) < 1e11, MACHINE  # "billions ... between 10^9 and 10^11"
    assert all(float(error) < float(bound) for _, _, error, _, bound in rows[1:]), MACHINE


def test_float32_associativity_numbers():
    output = run("float32_associativity").output
    assert "float32 eps = 2^-23 = 1.1921e-07" in output
    assert "difference: 1.0 eps" in output
    assert "in 31.87%" in output
    assert "largest |difference| = 3.47 eps32" in output


def test_float32_frobenius_numbers():
    output = run("float32_frobenius_two_ways").output
    assert "(600, 64), 38400 entries" in output
    rows = table(output)
    errors = run("float32_frobenius_two_ways").namespace["errors"]
    assert rows["sum a_ij^2 (in order)"][-1] == "-50.3"  # sequential: the same on every machine
    # "within a few eps32": pairwise summation and a backward-stable SVD
    assert abs(errors["sum s_i^2 (float32 SVD)"]) <= 4, MACHINE
    assert abs(errors["sum a_ij^2 (np.sum)"]) <= 4, MACHINE
    gap = float(re.search(r"sum s_i\^2 - sum a_ij\^2 = (-?[\d.]+) eps32", output).group(1))
    assert abs(gap) <= 4, MACHINE  # "at most a few eps32 of the total ... can be 0"


# --- every number in the prose is printed -------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%|(?<![\w.{])(?:\d+\.\d+|\d{3,})(?![\w.])")
# Rounded or explained in the prose, each checked at its stated precision above; and the
# generator's own parameter (90% zeros), visible in the code.
ROUNDED = {"0.13", "1.5", "3.5", "90%"}


def prose_numbers(markdown: str) -> list[str]:
    markdown = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    markdown = re.sub(r"`[^`]*`", "", markdown)
    return NUMBER.findall(markdown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_decimal_and_percentage_in_the_prose_is_printed(language):
    includes = snippet_includes((DOCS / language / PAGE).read_text(), PAGE)
    printed = "\n".join(run(Path(i).stem).output for i in includes)
    numbers = prose_numbers((DOCS / language / PAGE).read_text())
    assert len(numbers) > 20, numbers
    for number in numbers:
        if number in ROUNDED:
            continue
        as_fraction = f"{float(number[:-1]) / 100:.4f}" if number.endswith("%") else number
        assert number in printed or as_fraction in printed, number


# --- after each TODO, the check compares the learner's values with the right ones ------------

START, END = "# --8<-- [start:solution]", "# --8<-- [end:solution]"

WRONG = [  # snippet, a line of the solution, a plausible wrong version, what the message names
    ("vector_inequalities", "l1 = norm(X, 1, axis=1)", "l1 = norm(X, axis=1)", "ratios: 'triangle, L1'"),
    ("vector_inequalities", "dot / (l2 * norm(Y, 2, axis=1))", "dot / l2", "ratios: 'Cauchy-Schwarz'"),
    ("tight_vector_cases", "opposite = -2.5 * x", "opposite = 2.5 * x", "opposite: not c * x with c < 0"),
    ("tight_vector_cases", "one_hot[7] = -3.0", "one_hot[7:9] = -3.0", "one_hot: needs exactly one"),
    ("matrix_norm_identities", "(np.sqrt(largest), S[0])", "(largest, S[0])",
     "two_ways: '||A||_2 = sigma_1', left side"),
    ("operator_inequalities", "norm(A @ x, 1) / (norm(A, 1) * norm(x, 1))",
     "norm(A @ x, 1) / (norm(A) * norm(x, 1))", "operator_ratios: '||Ax||_1"),
    ("operator_inequalities", "norm(A @ x, np.inf) / (norm(A, np.inf) * norm(x, np.inf))",
     "norm(A @ x, np.inf) / (norm(A, 1) * norm(x, np.inf))", "operator_ratios: '||Ax||_inf"),
    ("tight_operator_cases", "np.argmax(np.abs(A).sum(axis=0))", "np.argmax(np.abs(A).sum(axis=1)) % n",
     "x_1: expected e_j"),
    ("tight_operator_cases", "x_2 = Vt[0]", "x_2 = U[:n, 0]", "x_2: A does not stretch it"),
    ("condition_number", "S = np.linalg.svd(A, compute_uv=False)",
     "S = np.sort(np.abs(np.linalg.eigvals(A)))[::-1]", "kappa: "),
    ("float32_associativity", "left = (x + y) + z", "left = x + (y + z)", "(x + y) + z = "),
    ("float32_frobenius_two_ways", "np.cumsum((E * E).ravel())[-1]", "np.sum(E * E)",
     "in order: add the squares one by one"),
]


def with_wrong_line(snippet: str, right: str, wrong: str) -> str:
    code = (SNIPPETS / LAB / f"{snippet}.py").read_text()
    start, end = code.index(START), code.index(END)
    region = code[start:end]
    assert region.count(right) == 1, (snippet, right)
    return code[:start] + region.replace(right, wrong) + code[end:]


@pytest.mark.parametrize("snippet, right, wrong, message", WRONG, ids=[f"{w[0]}-{i}" for i, w in enumerate(WRONG)])
def test_the_check_after_each_todo_rejects_a_plausible_wrong_solution_with_a_message(
    snippet, right, wrong, message
):
    with pytest.raises(SnippetError) as failure:
        run_code(with_wrong_line(snippet, right, wrong), f"{LAB}/{snippet}-wrong.py")
    assert "AssertionError" in str(failure.value) and message in str(failure.value), str(failure.value)


def test_every_snippet_checks_the_learners_values_after_its_todo():
    for path in sorted((SNIPPETS / LAB).glob("*.py")):
        after = path.read_text().split(END, 1)[1]
        assert "# Check" in after.split("\n\n\n")[0] + after[:1500], path.name
    assert {w[0] for w in WRONG} == {p.stem for p in (SNIPPETS / LAB).glob("*.py")}
