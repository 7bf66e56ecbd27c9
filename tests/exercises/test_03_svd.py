"""Exercises 03: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from lacourse.checks.lesson03 import check_pca, check_power_iteration, check_rank_for_energy
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
    assert 0 < S[2] < 1e-15  # "not exactly zero", far below the tolerance
    assert "A        S = 1.6848 0.1068 7.1e-17   default tol 1.1e-15" in run.output
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
    assert "E       38,400   8     5,320   7.22     57" in run.output
    assert "C          300   2        72   4.17      8" in run.output


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


@pytest.mark.parametrize(
    "wrong", [_uncentred_pca, _pca_divided_by_m, _pca_columns_of_vt], ids=["uncentred", "by-m", "columns"]
)
def test_03_7_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_pca(wrong)


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
    assert "check_power_iteration(power_iteration) -> 3" in run.output


def _returns_sigma_squared(A, steps):
    v = np.random.default_rng(0).normal(size=A.shape[1])
    for _ in range(steps):
        w = A.T @ (A @ v)
        v = w / np.linalg.norm(w)
    return np.linalg.norm(A.T @ (A @ v)), v


def _too_few_steps(A, steps):
    v = np.random.default_rng(0).normal(size=A.shape[1])
    for _ in range(2):
        w = A.T @ (A @ v)
        v = w / np.linalg.norm(w)
    return np.linalg.norm(A @ v), v


def _iterates_with_A_only(A, steps):  # A v on a non-square A: fails, and the check says so
    v = np.random.default_rng(0).normal(size=A.shape[1])
    for _ in range(steps):
        v = A @ v / np.linalg.norm(A @ v)
    return np.linalg.norm(A @ v), v


@pytest.mark.parametrize(
    "wrong",
    [_returns_sigma_squared, _too_few_steps, _iterates_with_A_only],
    ids=["sigma2", "2-steps", "A-only"],
)
def test_03_8_the_check_rejects_wrong_solutions(wrong):
    with pytest.raises(AssertionError):
        check_power_iteration(wrong)
