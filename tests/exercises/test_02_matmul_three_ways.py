"""Exercises 02: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.checks.lesson02 import check_matmul
from lacourse_site.runner import run_file

PAGE = "exercises/02_matmul_three_ways"


def test_02_1_dot_product_and_matmul_by_hand():
    run = run_file(f"{PAGE}/dot_and_matmul_by_hand.py")
    ns = run.namespace
    assert ns["a"].tolist() == [1, 2, 3] and ns["b"].tolist() == [4, 5, 6]
    assert "1*4 + 2*5 + 3*6 = 32" in run.output
    assert ns["A"].tolist() == [[2, -1], [0, 3]] and ns["B"].tolist() == [[1, 4], [2, -2]]
    assert ns["C"].tolist() == [[0, 10], [6, -6]]
    assert "C[0, 1] = 2*4 + (-1)*(-2) = 10" in run.output
    assert "C[0, 0] = 2*1 + (-1)*2 = 0" in run.output


def test_02_2_rank_of_a_product():
    run = run_file(f"{PAGE}/rank_of_a_product.py")
    ns = run.namespace
    assert ns["M"].tolist() == [[1, 2, 3], [2, 4, 6], [3, 6, 9]] and ns["r"] == 2
    assert ns["ranks"] == {"M": 1, "P @ Q": 2, "C @ C.T": 15, "C.T @ C": 15}
    assert "P @ Q    shape (20, 15)  rank 2" in run.output
    assert "C @ C.T  shape (20, 20)  rank 15" in run.output
    assert np.linalg.matrix_rank(ns["C"]) == 15  # the rank the question states


def test_02_3_transpose_of_a_product():
    run = run_file(f"{PAGE}/transpose_of_a_product.py")
    ns = run.namespace
    assert ns["A"].tolist() == [[1, 0, 2], [0, 1, 1]]
    assert ns["B"].tolist() == [[1, 2], [0, 1], [3, 0]]
    assert ns["AB"].tolist() == [[7, 2], [3, 1]]
    assert (ns["B"].T @ ns["A"].T).tolist() == [[7, 3], [2, 1]]
    assert "(A @ B).T =\n[[7 3]\n [2 1]]" in run.output
    assert "(A.T @ B.T).shape = (3, 3)" in run.output


def test_02_4_gram_matrix_by_hand():
    run = run_file(f"{PAGE}/gram_matrix_by_hand.py")
    ns = run.namespace
    assert ns["W"].tolist() == [[1, 2], [3, 4], [5, 6]]
    assert ns["G"].tolist() == [[35, 44], [44, 56]]
    assert ns["x"].tolist() == [1, -1] and ns["Wx"].tolist() == [-1, -1, -1]
    assert "|W x|^2 = 3  x^T G x = 3" in run.output
    assert "trace 91  det 24" in run.output
    lam = np.linalg.eigvalsh(ns["G"].astype(float))
    assert np.allclose(lam, [(91 - np.sqrt(91**2 - 4 * 24)) / 2, (91 + np.sqrt(91**2 - 4 * 24)) / 2])
    assert "eigenvalues [ 0.2645 90.7355]" in run.output
    assert ns["quadratic"].min() > 0


def test_02_5_hadamard_vs_matmul_by_hand():
    run = run_file(f"{PAGE}/hadamard_vs_matmul_by_hand.py")
    ns = run.namespace
    assert ns["A"].tolist() == [[1, 2], [3, 4]] and ns["B"].tolist() == [[5, 0], [0, 5]]
    assert (ns["A"] * ns["B"]).tolist() == [[5, 0], [0, 20]]
    assert (ns["A"] @ ns["B"]).tolist() == [[5, 10], [15, 20]]
    assert "A @ B == 5 * A: True" in run.output and "B @ A == A @ B: True" in run.output


def test_02_6_eigenvalues_of_a_2x2():
    run = run_file(f"{PAGE}/eigenvalues_of_a_2x2.py")
    ns = run.namespace
    assert ns["A"].tolist() == [[5, 2], [2, 2]]
    assert (ns["trace"], ns["det"], ns["disc"]) == (7, 6, 25)
    assert "lambda^2 - 7 lambda + 6 = 0   discriminant 25" in run.output
    assert "roots: 6  1" in run.output and "np.linalg.eigvals: [6. 1.]" in run.output
    assert np.allclose(np.sort(np.linalg.eigvals(ns["A"])), [1.0, 6.0], rtol=1e-12)
    assert "A @ [2 1] = [12  6] = 6 * [2 1]" in run.output
    assert "A @ [ 1 -2] = [ 1 -2] = 1 * [ 1 -2]" in run.output
    assert np.array_equal(ns["W"].T @ ns["W"], ns["A"]) and "A == W.T @ W: True" in run.output


def test_02_7_chain_order_flops():
    run = run_file(f"{PAGE}/chain_order_flops.py")
    chain_flops = run.namespace["chain_flops"]
    assert chain_flops(12, 64) == (36_864, 196_608) == (4 * 12**2 * 64, 4 * 12 * 64**2)
    assert chain_flops(1024, 64) == (268_435_456, 16_777_216)
    assert "   12        36,864       196,608  [(0, 1), (0, 1)]" in run.output
    assert " 1024   268,435,456    16,777,216  [(1, 2), (0, 1)]" in run.output
    assert np.allclose(run.namespace["left"], run.namespace["right"])


def test_02_8_vector_first_is_cheaper_and_faster():
    run = run_file(f"{PAGE}/chain_order_timing.py")
    ns = run.namespace
    assert ns["flops_matrix_first"] == 46_800_000 and ns["flops_vector_first"] == 153_600
    assert "ratio  FLOPs 305" in run.output
    # Robust fact only: with 305 times the work, the matrix-first order is slower by a margin.
    assert ns["matrix_first"].median > 3 * ns["vector_first"].median


def test_02_9_matmul_by_outer_products_and_its_check():
    run = run_file(f"{PAGE}/matmul_by_outer_products.py")
    ns = run.namespace
    assert ns["S"].shape == (15, 5) and ns["S"].sum(axis=0).tolist() == [3] * 5
    assert np.array_equal(ns["per_tense"], ns["C"] @ ns["S"])
    assert ns["per_tense"][0].tolist() == [91, 135, 41, 41, 43]
    assert "per_tense == C @ S: True" in run.output
    assert "check_matmul(matmul_by_outer_products) -> 5" in run.output
    assert check_matmul(ns["matmul_by_outer_products"]) == 5


def _stops_one_term_early(A, B):
    return sum(np.outer(A[:, p], B[p]) for p in range(A.shape[1] - 1)) + np.zeros(
        (A.shape[0], B.shape[1])
    )


def _pairs_columns(A, B):
    out = np.zeros((A.shape[0], B.shape[1]))
    for p in range(A.shape[1]):
        out += np.outer(A[:, p], B[:, p])
    return out


def _float32_accumulator(A, B):
    out = np.zeros((A.shape[0], B.shape[1]), dtype=np.float32)
    for p in range(A.shape[1]):
        out += np.outer(A[:, p], B[p])
    return out


def _integer_accumulator(A, B):  # each entry is truncated when it is stored
    m, k = A.shape
    out = np.zeros((m, B.shape[1]), dtype=int)
    for i in range(m):
        for j in range(B.shape[1]):
            out[i, j] = sum(A[i, p] * B[p, j] for p in range(k))
    return out


def _float32_inputs(A, B):  # float32 arithmetic, float64 result
    out = np.zeros((A.shape[0], B.shape[1]))
    A32, B32 = A.astype(np.float32), B.astype(np.float32)
    for p in range(A.shape[1]):
        out += np.outer(A32[:, p], B32[p])
    return out


def _rounds_to_integers(A, B):  # a solution that only ever met integer matrices
    out = np.zeros((A.shape[0], B.shape[1]))
    for p in range(A.shape[1]):
        out += np.outer(A[:, p], B[p]).round()
    return out


def _accumulates_into_A(A, B):  # right product when k == n, but it overwrites its input
    out = np.zeros((A.shape[0], B.shape[1]))
    for p in range(A.shape[1]):
        out += np.outer(A[:, p], B[p])
    A *= 0
    return out


@pytest.mark.parametrize(
    "wrong",
    [_stops_one_term_early, _pairs_columns, lambda A, B: (A.T @ B.T).T, lambda A, B: A @ B + 1e-9,
     _float32_accumulator, _integer_accumulator, _float32_inputs, _rounds_to_integers,
     _accumulates_into_A],
    ids=["one-term-short", "columns-with-columns", "transposed-order", "off-by-a-little",
         "float32-accumulator", "integer-accumulator", "float32-inputs", "rounds", "in-place"],
)
def test_02_9_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_matmul(wrong)


@pytest.mark.parametrize(
    ("wrong", "message"),
    [(_float32_accumulator, "float32"), (_integer_accumulator, "dtype int"),
     (_float32_inputs, "float32"), (_accumulates_into_A, "in place")],
    ids=["float32", "integer", "float32-inputs", "in-place"],
)
def test_02_9_the_check_says_what_was_wrong(wrong, message):
    with pytest.raises(AssertionError, match=message):
        check_matmul(wrong)


def _entry_by_entry(A, B):  # the textbook view, Python floats
    m, k = A.shape
    return [[sum(A[i, p] * B[p, j] for p in range(k)) for j in range(B.shape[1])] for i in range(m)]


def _fsum_entries(A, B):  # correctly rounded sums: more accurate than required
    import math

    m, k = A.shape
    return np.array([[math.fsum(A[i, p] * B[p, j] for p in range(k)) for j in range(B.shape[1])]
                     for i in range(m)])


@pytest.mark.parametrize(
    "right",
    [_entry_by_entry, _fsum_entries, lambda A, B: A @ B, lambda A, B: np.einsum("ik,kj->ij", A, B),
     lambda A, B: sum(np.outer(A[:, p], B[p]) for p in reversed(range(A.shape[1])))],
    ids=["entries", "fsum", "matmul", "einsum", "reversed-order"],
)
def test_02_9_the_check_accepts_right_solutions(right):
    assert check_matmul(right) == 5


def test_02_9_the_page_says_what_the_cases_are():
    # "one where every size differs ... and a square case": not "every size differs" in all
    from lacourse.checks.lesson02 import MATMUL_CASES

    assert any(len(set(case)) == 3 for case in MATMUL_CASES)
    assert any(len(set(case)) == 1 for case in MATMUL_CASES)  # square, where A.T @ B.T runs
    assert any(case[0] == 1 for case in MATMUL_CASES) and any(case[1] == 1 for case in MATMUL_CASES)
    assert (20, 15, 5) in MATMUL_CASES and len(MATMUL_CASES) == 5  # "five shapes", C @ S's
