"""Exercises 03: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from lacourse.checks.lesson03 import (
    check_eigen_power_iteration,
    check_pca,
    check_power_iteration,
    check_rank_for_energy,
)
from lacourse_site.runner import run_file
from lacourse.universe import conjugation_counts, embedding_matrix

PAGE = "exercises/03_svd"


def test_03_1_rank_and_its_tolerance():
    run = run_file(f"{PAGE}/rank_and_tolerance.py")
    ns = run.namespace
    A = ns["A"]
    assert np.allclose(A, np.arange(1, 10).reshape(3, 3) / 10, rtol=0, atol=1e-15)
    # of the nine decimals only 0.5 is a binary fraction, stored exactly
    assert [x for x in A.ravel() if Fraction(float(x)) == Fraction(str(x))] == [0.5]
    S = np.linalg.svd(A, compute_uv=False)
    eps = np.finfo(float).eps
    # The stored entries differ from the decimals by at most eps/2 each, so the exact sigma_3
    # of the stored matrix is below |delta|_F <= eps/2 |A|_F, and LAPACK adds a few eps times
    # sigma_1: a bound in units of eps scaled to the matrix, matrix_rank's tolerance 3 eps S[0].
    assert S[2] < 3 * eps * S[0], "sigma_3 of A is rounding noise, below the tolerance"
    # Machine-dependent: the page says that on the machine that built it no value is exactly 0.
    # Another LAPACK could in principle return an exact 0 here; the prose says the digits vary.
    assert S[2] > 0, "machine-dependent: this LAPACK returned an exact 0 for sigma_3"
    line = next(x for x in run.output.splitlines() if x.startswith("A        S = "))
    assert line.startswith("A        S = 1.6848 0.1068 ") and line.endswith("default tol 1.1e-15")
    assert "count S > 0: 3   matrix_rank: 2   matrix_rank(tol=1e-08): 2" in run.output
    assert np.abs(ns["noise"]).max() < 1e-9  # noise "of size 1e-10"
    assert "A_noisy  S = 1.6848 0.1068 5.6e-11" in run.output
    assert "count S > 0: 3   matrix_rank: 3   matrix_rank(tol=1e-08): 2" in run.output
    assert np.linalg.matrix_rank(ns["A_noisy"]) == 3
    assert np.linalg.matrix_rank(ns["A_noisy"], tol=ns["loose_tol"]) == 2 and ns["loose_tol"] == 1e-8


def test_03_2_svd_of_a_rank_one_matrix():
    run = run_file(f"{PAGE}/svd_of_rank_one.py")
    ns = run.namespace
    assert ns["A"].tolist() == [[2, 4], [1, 2]]
    S = np.linalg.svd(ns["A"], compute_uv=False)
    assert np.isclose(S[0], 5.0, rtol=1e-14) and S[1] < 1e-14
    assert np.allclose(ns["u_1"], np.array([2, 1]) / np.sqrt(5), rtol=1e-14)
    assert np.allclose(ns["v_1"], np.array([1, 2]) / np.sqrt(5), rtol=1e-14)
    assert "sigma_1 = |a| |b| = 5.0000   u_1 = [0.8944 0.4472]   v_1 = [0.4472 0.8944]" in run.output
    assert "np.linalg.svd: S = [5. 0.]" in run.output and "|A|_F = 5.0000" in run.output


def test_03_3_shapes_of_the_svd():
    run = run_file(f"{PAGE}/svd_shapes.py")
    assert run.namespace["sizes"] == {
        ("E", True): ((600, 600), (64,), (64, 64)),
        ("E", False): ((600, 64), (64,), (64, 64)),
        ("E.T", True): ((64, 64), (64,), (600, 600)),
        ("E.T", False): ((64, 64), (64,), (64, 600)),
    }
    assert "E      True  (600, 600)  (64,)  (64, 64)     364,160" in run.output
    assert "E      False (600, 64)   (64,)  (64, 64)      42,560" in run.output
    assert "E.size = 38,400" in run.output


def test_03_4_compression_ratio_and_break_even():
    run = run_file(f"{PAGE}/compression_ratio.py")
    factor_cost = run.namespace["factor_cost"]
    assert factor_cost(600, 64, 8) == 5320 and factor_cost(20, 15, 2) == 72
    assert max(k for k in range(1, 65) if factor_cost(600, 64, k) < 600 * 64) == 57
    assert max(k for k in range(1, 16) if factor_cost(20, 15, k) < 20 * 15) == 8
    assert "E       38,400   8     5,320   7.22     57  57.74    90%" in run.output
    assert "C          300   2        72   4.17      8   8.33    56%" in run.output
    # the break-even k* = mn / (m + n + 1) is at least about half the smaller side, never
    # "a small fraction" of it: for m >= n, k* >= n m / (2m + 1)
    for m, n in [(600, 64), (20, 15), (256, 256), (768, 3072), (1, 1)]:
        k_star = m * n / (m + n + 1)
        assert k_star >= min(m, n) * max(m, n) / (2 * max(m, n) + 1) >= min(m, n) / 3
    assert round(600 * 64 / 665, 2) == 57.74 and round(300 / 36, 2) == 8.33


def test_03_5_eckart_young_errors_by_hand():
    run = run_file(f"{PAGE}/eckart_young_by_hand.py")
    ns = run.namespace
    assert ns["values"].tolist() == [4.0, 3.0, 1.0] and ns["A"].shape == (5, 3)
    assert np.allclose(np.linalg.svd(ns["A"], compute_uv=False), [4, 3, 1], rtol=1e-12)
    assert "|A|_F = sqrt(26) = 5.0990" in run.output
    assert " 1              3.1623      3.1623    3.0000      3.0000" in run.output
    assert " 2              1.0000      1.0000    1.0000      1.0000" in run.output


def test_03_6_rank_for_energy():
    run = run_file(f"{PAGE}/energy_rank.py")
    rank_for_energy = run.namespace["rank_for_energy"]
    S_C = np.linalg.svd(conjugation_counts().astype(float), compute_uv=False)
    S_E = np.linalg.svd(embedding_matrix(64), compute_uv=False)
    fractions = (0.5, 0.9, 0.98, 0.99)
    assert run.namespace["fractions"] == fractions
    assert [rank_for_energy(S_C, f) for f in fractions] == [1, 1, 2, 4]
    assert [rank_for_energy(S_E, f) for f in fractions] == [24, 53, 62, 63]
    energy = np.cumsum(S_C**2) / np.sum(S_C**2)  # the definition, independently
    assert energy[0] >= 0.9 and energy[1] >= 0.98 > energy[0] and energy[3] >= 0.99 > energy[2]
    assert "C          15      1     1     2     4" in run.output
    assert "E          64     24    53    62    63" in run.output
    assert "check_rank_for_energy(rank_for_energy) -> 6" in run.output


@pytest.mark.parametrize(
    "wrong",
    [
        lambda S, f: int(np.argmax(np.cumsum(S) >= f * np.sum(S))) + 1,  # sigma, not sigma^2
        lambda S, f: int(np.argmax(np.cumsum(S**2) >= f * np.sum(S**2))),  # no "plus one"
        lambda S, f: int(np.argmax(np.cumsum(S**2) > f * np.sum(S**2))) + 1,  # > for >=
    ],
    ids=["sigma-not-squared", "off-by-one", "strict"],
)
def test_03_6_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_rank_for_energy(wrong)


def _energy_squares_in_place(S, f):
    S **= 2  # the caller's singular values become energies
    return int(np.argmax(np.cumsum(S) >= f * np.sum(S))) + 1


def test_03_6_the_check_rejects_a_solution_that_changes_S():
    with pytest.raises(AssertionError, match="changed S in place"):
        check_rank_for_energy(_energy_squares_in_place)


@pytest.mark.parametrize(
    "right",
    [
        lambda S, f: int(np.searchsorted(np.cumsum(S**2) / np.sum(S**2), f)) + 1,
        lambda S, f: next(k for k in range(1, len(S) + 1) if np.sum(S[:k] ** 2) >= f * np.sum(S**2)),
    ],
    ids=["searchsorted", "loop"],
)
def test_03_6_the_check_accepts_right_solutions(right):
    assert check_rank_for_energy(right) == 6


def test_03_7_pca_on_correlated_data():
    run = run_file(f"{PAGE}/pca_correlated.py")
    ns = run.namespace
    assert ns["mean"].tolist() == [10.0, 5.0] and ns["K"].tolist() == [[4.0, 2.0], [2.0, 2.0]]
    assert ns["X"].shape == (500, 2)
    assert np.allclose(ns["true_values"][::-1], [3 + np.sqrt(5), 3 - np.sqrt(5)], rtol=1e-12)
    assert "K      : PC1 = [0.8507 0.5257]   variances = [5.2361 0.7639]" in run.output
    assert "sample : PC1 = [0.8522 0.5233]   variances = [5.0838 0.7164]" in run.output
    assert "angle(PC1 sample, PC1 K) = 0.16 deg" in run.output
    assert "PC1 share of the variance: sample 87.6%   K 87.3%" in run.output
    # the reference solution agrees with an independent method: eigh of the sample covariance
    values, vectors = np.linalg.eigh(np.cov(ns["X"], rowvar=False))
    assert np.allclose(ns["variances"], values[::-1], rtol=1e-10)
    assert np.isclose(abs(ns["components"][0] @ vectors[:, -1]), 1.0, rtol=0, atol=1e-10)
    assert "check_pca(pca) -> 4" in run.output


def _uncentred_pca(X, k):
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt[:k], S[:k] ** 2 / (X.shape[0] - 1)


def _pca_divided_by_m(X, k):
    _, S, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return Vt[:k], S[:k] ** 2 / X.shape[0]


def _pca_columns_of_vt(X, k):
    _, S, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return Vt[:, :k].T, S[:k] ** 2 / (X.shape[0] - 1)


def _pca_centres_in_place(X, k):
    X -= X.mean(axis=0)  # right answer, but the caller's data is changed
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt[:k], S[:k] ** 2 / (X.shape[0] - 1)


def _pca_rows_not_unit(X, k):
    _, S, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return 2 * Vt[:k], S[:k] ** 2 / (X.shape[0] - 1)


@pytest.mark.parametrize(
    "wrong",
    [_uncentred_pca, _pca_divided_by_m, _pca_columns_of_vt, _pca_centres_in_place, _pca_rows_not_unit],
    ids=["uncentred", "by-m", "columns", "in-place", "not-unit"],
)
def test_03_7_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_pca(wrong)


def test_03_7_the_check_says_what_in_place_centring_did():
    with pytest.raises(AssertionError, match="changed X in place"):
        check_pca(_pca_centres_in_place)


def _pca_by_eigh(X, k):  # allowed: another route to the same directions and variances
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    return vectors[:, ::-1][:, :k].T, values[::-1][:k]


def _pca_flipped_signs(X, k):  # allowed: each direction is free up to its sign
    _, S, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return -Vt[:k], S[:k] ** 2 / (X.shape[0] - 1)


@pytest.mark.parametrize("right", [_pca_by_eigh, _pca_flipped_signs], ids=["eigh", "signs"])
def test_03_7_the_check_accepts_right_solutions(right):
    assert check_pca(right) == 4


def test_03_8_power_iteration_depends_on_the_gap():
    run = run_file(f"{PAGE}/power_iteration.py")
    ns = run.namespace
    assert ns["step_counts"] == (5, 20, 100)
    errors, gaps = ns["errors"], ns["gaps"]
    assert round(gaps["C"], 4) == 0.1772 and round(gaps["E"], 4) == 0.9706
    assert max(errors["C"]) < 1e-14  # machine precision after 5 steps
    assert 1e-6 < errors["E"][2] < 1e-5 and "2.3e-06" in run.output  # still far after 100
    assert abs(ns["rate"] / gaps["E"] ** 4 - 1) < 0.01  # the theory page's rate, within 1%
    assert "E: (err@100 / err@20)^(1/80) = 0.8919" in run.output
    assert "(sigma_2 / sigma_1)^4 = 0.8877" in run.output
    assert "check_power_iteration(power_iteration) -> 5" in run.output


def _power(A, v0, steps):
    v = v0 / np.linalg.norm(v0)
    for _ in range(steps):
        w = A.T @ (A @ v)
        v = w / np.linalg.norm(w)
    return v


def _returns_sigma_squared(A, v0, steps):
    v = _power(A, v0, steps)
    return np.linalg.norm(A.T @ (A @ v)), v


def _too_few_steps(A, v0, steps):
    v = _power(A, v0, 2)
    return np.linalg.norm(A @ v), v


def _one_step_more(A, v0, steps):
    v = _power(A, v0, steps + 1)
    return np.linalg.norm(A @ v), v


def _one_step_less(A, v0, steps):
    v = _power(A, v0, max(steps - 1, 0))
    return np.linalg.norm(A @ v), v


def _normalises_v0_in_place(A, v0, steps):
    v = v0
    v /= np.linalg.norm(v)  # changes the caller's v0
    for _ in range(steps):
        w = A.T @ (A @ v)
        v = w / np.linalg.norm(w)
    return np.linalg.norm(A @ v), v


def _iterates_with_A_only(A, v0, steps):  # A v on a non-square A: fails, and the check says so
    v = v0 / np.linalg.norm(v0)
    for _ in range(steps):
        v = A @ v / np.linalg.norm(A @ v)
    return np.linalg.norm(A @ v), v


def _ignores_v0(A, v0, steps):  # a start of its own: another v after a few steps
    return _too_few_steps(A, np.ones_like(v0), steps) if steps < 50 else _one_step_more(A, v0, steps)


@pytest.mark.parametrize(
    "wrong",
    [_returns_sigma_squared, _too_few_steps, _one_step_more, _one_step_less,
     _normalises_v0_in_place, _iterates_with_A_only, _ignores_v0],
    ids=["sigma2", "2-steps", "one-more", "one-less", "v0-in-place", "A-only", "ignores-v0"],
)
def test_03_8_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_power_iteration(wrong)


def _forms_the_gram_matrix(A, v0, steps):  # allowed in spirit: the same vectors, to rounding
    G = A.T @ A
    v = v0 / np.linalg.norm(v0)
    for _ in range(steps):
        v = G @ v
        v = v / np.linalg.norm(v)
    return np.sqrt(v @ G @ v), v


def _returns_minus_v(A, v0, steps):  # the sign of v is free
    v = _power(A, v0, steps)
    return np.linalg.norm(A @ v), -v


@pytest.mark.parametrize("right", [_forms_the_gram_matrix, _returns_minus_v], ids=["gram", "minus-v"])
def test_03_8_the_check_accepts_right_solutions(right):
    assert check_power_iteration(right) == 5


def test_03_9_unstructured_matrices_do_not_compress():
    run = run_file(f"{PAGE}/compress_random_vs_structured.py")
    ns = run.namespace
    assert ns["noise"].shape == ns["structured"].shape == (256, 256)
    assert np.linalg.matrix_rank(ns["signal"]) == 5
    kept = ns["kept"]
    assert round(kept["random", 10], 3) == 0.139 and round(kept["random", 50], 3) == 0.529
    assert round(kept["structured", 10], 3) == 0.998
    assert "random      10       13.9%      0.928   3.9%  12.78" in run.output
    assert "random      50       52.9%      0.687  19.5%   2.56" in run.output
    assert "structured  10       99.8%      0.041   3.9%  12.78" in run.output
    assert "structured  50       99.9%      0.030  19.5%   2.56" in run.output
    # the error column is Eckart-Young's sqrt(1 - energy kept): check one by building M_k
    U, S, Vt = np.linalg.svd(ns["noise"])
    M_10 = U[:, :10] * S[:10] @ Vt[:10]
    error = np.linalg.norm(ns["noise"] - M_10) / np.linalg.norm(ns["noise"])
    assert round(error, 3) == 0.928


def test_03_10_power_iteration_finds_the_largest_absolute_eigenvalue():
    run = run_file(f"{PAGE}/power_iteration_symmetric.py")
    ns = run.namespace
    S = ns["S"]
    assert S.shape == (100, 100) and np.array_equal(S, S.T)
    lams = np.linalg.eigvalsh(S)
    assert lams[0] < 0 < lams[-1] and abs(lams[0]) > abs(lams[-1])  # dominant is negative
    assert "eigvalsh: lambda_min = -13.7799   lambda_max = 13.6855" in run.output
    assert "largest |lambda|: -13.7799   next: 13.6855   ratio 0.9931" in run.output
    assert ns["step_counts"] == (100, 1000, 5000)
    assert "   100  -13.4008  13.7645    2.8e-02" in run.output
    assert "  1000  -13.7799  13.7799    1.2e-07" in run.output
    # after 5000 steps the error is rounding noise: a bound in units of eps, scaled by the
    # size of the matrix (the page says "at rounding level", no digits)
    assert ns["errors"][2] < 100 * S.shape[0] * np.finfo(float).eps
    assert "-S, 5000 steps: v@S@v = 13.7799" in run.output
    assert "check_eigen_power_iteration(eigen_power_iteration) -> 4" in run.output


def _eigen(S, v0, steps):
    v = v0 / np.linalg.norm(v0)
    for _ in range(steps):
        w = S @ v
        v = w / np.linalg.norm(w)
    return v


@pytest.mark.parametrize(
    "wrong",
    [
        lambda S, v0, steps: (np.linalg.norm(S @ _eigen(S, v0, steps)), _eigen(S, v0, steps)),
        lambda S, v0, steps: (lambda v: (v @ S @ v, v))(_eigen(S, v0, steps + 1)),
        lambda S, v0, steps: (lambda v: (v @ S @ v, v))(_eigen(S, v0, max(steps - 1, 0))),
        lambda S, v0, steps: (lambda v: (abs(v @ S @ v), v))(_eigen(S, v0, steps)),
        lambda S, v0, steps: (lambda v: (v @ S @ v, v))(_eigen(S.T @ S, v0, steps)),
    ],
    ids=["norm-not-rayleigh", "one-more", "one-less", "abs", "squares-S"],
)
def test_03_10_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_eigen_power_iteration(wrong)


def _eigen_in_place(S, v0, steps):
    v = v0
    v /= np.linalg.norm(v0)
    for _ in range(steps):
        v = S @ v
        v /= np.linalg.norm(v)
    return v @ S @ v, v


def test_03_10_the_check_rejects_a_solution_that_changes_v0():
    with pytest.raises(AssertionError, match="in place"):
        check_eigen_power_iteration(_eigen_in_place)


def _eigen_rayleigh_over_norm(S, v0, steps):  # (v S v) / (v v): the same for a unit v
    v = _eigen(S, v0, steps)
    return (v @ (S @ v)) / (v @ v), v


def test_03_10_the_check_accepts_right_solutions():
    assert check_eigen_power_iteration(_eigen_rayleigh_over_norm) == 4
    assert check_eigen_power_iteration(lambda S, v0, steps: (lambda v: (v @ S @ v, -v))(_eigen(S, v0, steps))) == 4
