"""Theory 03: the claims the SVD page makes, checked from outside its snippets, in page order."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.runner import run_file
from lacourse.universe import SLOTS, conjugation_counts

PAGE = "theory/03_svd"
PAST = [j for j, (tense, _) in enumerate(SLOTS) if tense == "past"]
PRESENT = [j for j, (tense, _) in enumerate(SLOTS) if tense == "present"]


@pytest.fixture(scope="module")
def svd_of_counts():
    C = conjugation_counts().astype(float)
    U, S, Vt = np.linalg.svd(C, full_matrices=False)
    return C, U, S, Vt


# --- rotate, scale, rotate -------------------------------------------------------------


def test_the_shear_is_rotate_scale_rotate():
    run = run_file(f"{PAGE}/svd_of_a_2x2.py")
    ns = run.namespace
    A, U, S, Vt = ns["A"], ns["U"], ns["S"], ns["Vt"]
    # sigma_1 = 2, sigma_2 = 0.5, and sigma_1 * sigma_2 = |det A| = 1
    assert np.allclose(S, [2.0, 0.5])
    assert np.isclose(S.prod(), abs(np.linalg.det(A))) and np.isclose(S.prod(), 1.0)
    # both factors are rotations (det +1) after the sign choice, by about -63 and +27 degrees
    assert np.isclose(np.linalg.det(U), 1.0) and np.isclose(np.linalg.det(Vt), 1.0)
    assert "rotation by -63.43 deg" in run.output
    assert "rotation by +26.57 deg" in run.output
    # A v_i = sigma_i u_i
    for i in range(2):
        assert np.allclose(A @ Vt[i], S[i] * U[:, i])
    # the three steps equal A on the circle, to rounding error
    X = ns["X"]
    assert np.abs(U @ np.diag(S) @ Vt @ X - A @ X).max() < 1e-14
    assert ns["gap"] < 1e-14


def test_longest_and_shortest_images_are_the_singular_values():
    run = run_file(f"{PAGE}/svd_of_a_2x2.py")
    lengths = np.linalg.norm(run.namespace["A"] @ run.namespace["X"], axis=0)
    assert np.isclose(lengths.max(), 2.0, rtol=1e-4)
    assert np.isclose(lengths.min(), 0.5, rtol=1e-4)
    assert "longest |A x| = 2.0000   shortest |A x| = 0.5000" in run.output


def test_the_figure_shows_the_circle_going_to_the_ellipse_of_A():
    ns = run_file(f"{PAGE}/rotate_scale_rotate_figure.py").namespace
    titles = [title for title, _, _ in ns["stages"]]
    assert len(titles) == 4
    first, last = ns["stages"][0], ns["stages"][-1]
    assert np.allclose(np.linalg.norm(first[1], axis=0), 1.0)  # a circle
    assert np.allclose(np.linalg.norm(ns["stages"][1][1], axis=0), 1.0)  # V^T: still a circle
    assert np.allclose(last[1], ns["A"] @ ns["X"])  # last panel = A applied to the circle
    # after V^T the marked vectors v_1, v_2 sit on the axes
    assert np.allclose(ns["stages"][1][2], np.eye(2))
    assert np.allclose(ns["stages"][2][2], np.diag(ns["S"]))  # after Sigma: sigma_i e_i


# --- full and economy -------------------------------------------------------------------


def test_full_and_economy_shapes():
    run = run_file(f"{PAGE}/full_vs_economy.py")
    assert "full    : U (20, 20)  S (15,)  Vt (15, 15)" in run.output
    assert "economy : U (20, 15)  S (15,)  Vt (15, 15)" in run.output
    ns = run.namespace
    assert ns["m"] - ns["k"] == 5 and not ns["Sigma"][15:].any()  # 5 rows of zeros
    C = conjugation_counts().astype(float)
    assert np.allclose(ns["U_full"] @ ns["Sigma"] @ ns["Vt"], C)
    assert np.allclose(ns["U_econ"] @ np.diag(ns["S_econ"]) @ ns["Vt_econ"], C)


def test_a_five_class_classifier_sees_at_most_five_directions():
    run = run_file(f"{PAGE}/full_vs_economy.py")
    W, x_perp = run.namespace["W"], run.namespace["x_perp"]
    assert W.shape == (5, 64) and "W (5, 64): 5 singular values" in run.output
    assert np.linalg.matrix_rank(W) <= 5
    assert np.linalg.norm(x_perp) > 1.0  # a real direction, not the zero vector
    assert np.allclose(W @ x_perp, 0.0, atol=1e-12)


# --- rank and tolerance -----------------------------------------------------------------


def test_rank_three_matrix_has_tiny_nonzero_singular_values():
    run = run_file(f"{PAGE}/rank_needs_a_tolerance.py")
    S = run.namespace["S"]
    assert S[:3].min() > 1.0 and S[:3].max() < 100.0  # "of order 10"
    assert (S[3:] > 0).all() and S[3:].max() < 1e-14  # not zero, but all below 1e-14
    assert "count of S > 0                  : 15" in run.output


def test_matrix_rank_uses_the_default_tolerance_and_finds_three():
    ns = run_file(f"{PAGE}/rank_needs_a_tolerance.py").namespace
    B, S = ns["B"], ns["S"]
    tol = S.max() * max(B.shape) * np.finfo(float).eps
    assert np.isclose(ns["tol"], tol)
    assert np.linalg.matrix_rank(B) == np.linalg.matrix_rank(B, tol=tol) == (S > tol).sum() == 3


# --- sum of rank-1 pieces ---------------------------------------------------------------


def test_truncated_sum_of_rank_one_terms(svd_of_counts):
    C, U, S, Vt = svd_of_counts
    run = run_file(f"{PAGE}/rank_one_terms.py")
    ns = run.namespace
    assert [np.linalg.matrix_rank(t) for t in ns["terms"]] == [1, 1]
    assert np.linalg.matrix_rank(ns["C_k"]) == 2
    assert np.allclose(ns["C_k"], U[:, :2] * S[:2] @ Vt[:2])
    # "within about 12% of C in the Frobenius norm"
    assert round(np.linalg.norm(C - ns["C_k"]) / np.linalg.norm(C), 2) == 0.12
    # "72 numbers instead of 300"
    assert "numbers stored: C 300   C_2 as factors k*(m + n + 1) = 72" in run.output


# --- Eckart-Young -----------------------------------------------------------------------


def test_eckart_young_errors_are_read_off_the_dropped_singular_values(svd_of_counts):
    C, U, S, Vt = svd_of_counts
    rows = run_file(f"{PAGE}/eckart_young.py").namespace["rows"]
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    for k, frobenius, tail, spectral, sigma_next, _ in rows:
        C_k = U[:, :k] * S[:k] @ Vt[:k]
        assert np.isclose(frobenius, np.linalg.norm(C - C_k, "fro"))
        assert np.isclose(frobenius, np.sqrt(np.sum(S[k:] ** 2)))
        assert np.isclose(spectral, S[k]) and np.isclose(sigma_next, S[k])


def test_random_rank_k_matrices_are_more_than_three_times_worse():
    rows = run_file(f"{PAGE}/eckart_young.py").namespace["rows"]
    for k, frobenius, _, _, _, best_random in rows:
        assert best_random > 3 * frobenius, k


def test_no_rank_k_competitor_found_here_beats_the_svd(svd_of_counts):
    # An independent competitor family: rank-k matrices from random Gaussian factors, fitted by
    # least squares to C on their column space, never beat C_k.
    C, U, S, Vt = svd_of_counts
    rng = np.random.default_rng(1)
    for k in range(1, 6):
        best = np.sqrt(np.sum(S[k:] ** 2))
        for _ in range(50):
            Q, _ = np.linalg.qr(rng.normal(size=(C.shape[0], k)))
            assert np.linalg.norm(C - Q @ Q.T @ C) > best


# --- the conjugation counts -------------------------------------------------------------


def test_spectrum_figure_is_drawn_from_the_counts(svd_of_counts):
    ns = run_file(f"{PAGE}/spectrum_figure.py").namespace
    assert np.allclose(ns["S"], svd_of_counts[2])
    assert ns["S"].shape == (15,)


def test_energy_two_values_carry_most_of_it(svd_of_counts):
    C, _, S, _ = svd_of_counts
    run = run_file(f"{PAGE}/energy_per_k.py")
    energy = np.cumsum(S**2) / np.sum(S**2)
    assert energy[0] > 0.95 and energy[1] > 0.98
    assert " 1    461.45           95.46%      95.46%" in run.output
    assert np.isclose(np.sum(S**2), np.sum(C**2))
    table = [line.split()[0] for line in run.output.splitlines() if line.endswith("%")]
    assert table == ["1", "2", "3", "4", "5"]  # the table runs over k = 1..5


def test_gap_after_sigma_2_and_no_later_gap_as_large(svd_of_counts):
    S = svd_of_counts[2]
    assert S[1] / S[2] > 2
    assert S[2] / S[3] < 1.5
    assert max(S[i] / S[i + 1] for i in range(2, len(S) - 1)) < S[1] / S[2]


def test_counts_are_full_rank_in_the_exact_sense():
    run = run_file(f"{PAGE}/energy_per_k.py")
    assert "matrix_rank(C) = 15" in run.output
    assert np.linalg.matrix_rank(conjugation_counts()) == 15


# --- reading the singular vectors -------------------------------------------------------


def test_first_pair_is_popularity(svd_of_counts):
    C, _, _, _ = svd_of_counts
    run = run_file(f"{PAGE}/reading_the_singular_vectors.py")
    u1, v1 = run.namespace["u1"], run.namespace["v1"]
    assert (u1 > 0).all() and (v1 > 0).all()
    cos = lambda a, b: a @ b / np.linalg.norm(a) / np.linalg.norm(b)  # noqa: E731
    assert cos(u1, C.sum(axis=1)) > 0.99 and cos(v1, C.sum(axis=0)) > 0.99
    assert "verbs, largest u_1: study" in run.output
    assert [run.namespace["verbs"][i] for i in np.argsort(-u1)[:3]] == ["study", "run", "speak"]


def test_third_person_tops_every_tense_and_past_3sg_tops_v1():
    ns = run_file(f"{PAGE}/reading_the_singular_vectors.py").namespace
    v1 = ns["v1"].reshape(5, 3)
    assert (v1.argmax(axis=1) == 2).all()
    assert SLOTS[int(np.argmax(ns["v1"]))] == ("past", "3sg")


def test_second_pair_is_past_versus_present(svd_of_counts):
    _, U, _, Vt = svd_of_counts
    v2 = Vt[1]  # straight from NumPy: the claim must hold whatever sign it returns
    signs = np.sign(v2)
    assert len(set(signs[PAST])) == 1
    assert (signs[[j for j in range(15) if j not in PAST]] == -signs[PAST[0]]).all()
    oriented = v2 * signs[PAST[0]]
    assert set(np.argsort(oriented)[:3]) == set(PRESENT)


def test_u2_follows_past_counts_beyond_popularity():
    run = run_file(f"{PAGE}/reading_the_singular_vectors.py")
    ns = run.namespace
    assert np.corrcoef(ns["u2"], ns["extra_past"])[0, 1] > 0.99
    assert [ns["verbs"][i] for i in np.argsort(-ns["u2"])[:3]] == ["dance", "buy", "decide"]


# --- PCA --------------------------------------------------------------------------------


def test_eigenvalues_of_gram_are_squared_singular_values(svd_of_counts):
    C, _, S, Vt = svd_of_counts
    ns = run_file(f"{PAGE}/pca_is_svd.py").namespace
    lam, W = np.linalg.eigh(C.T @ C)
    assert np.allclose(lam[::-1], S**2, rtol=0, atol=1e-10 * S[0] ** 2)
    assert np.allclose(np.abs(np.sum(W[:, ::-1] * Vt.T, axis=0)), 1.0)
    assert np.allclose(ns["lam"], S**2, rtol=0, atol=1e-10 * S[0] ** 2)


def test_pca_directions_and_variances_come_from_the_svd(svd_of_counts):
    C, _, S_raw, _ = svd_of_counts
    ns = run_file(f"{PAGE}/pca_is_svd.py").namespace
    m = C.shape[0]
    X = C - C.mean(axis=0)
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    variances, directions = np.linalg.eigh(np.cov(C, rowvar=False))
    assert np.allclose(variances[::-1], S**2 / (m - 1))
    assert np.allclose(np.abs(np.sum(directions[:, ::-1] * Vt.T, axis=0)), 1.0)
    assert np.allclose(ns["explained"], S**2 / (m - 1))
    # centring: PC1's share of variance is below sigma_1^2's share of raw energy
    assert (S[0] ** 2 / np.sum(S**2)) < (S_raw[0] ** 2 / np.sum(S_raw**2))


# --- power iteration --------------------------------------------------------------------


def test_power_iteration_converges_at_the_predicted_rate(svd_of_counts):
    S = svd_of_counts[2]
    run = run_file(f"{PAGE}/power_iteration.py")
    errors = run.namespace["errors"]
    assert len(errors) == 5
    assert errors[3] < 1e-10  # below 1e-10 after 4 steps
    assert errors[4] < 10 * np.finfo(float).eps  # machine precision after 5
    rate = (S[1] / S[0]) ** 4
    for i in (2, 3):
        assert 0.9 < errors[i] / errors[i - 1] / rate < 1.1
    assert np.isclose(run.namespace["sigma"], S[0], rtol=1e-12)
