"""Theory 03: the claims the SVD page makes, checked from outside its snippets, in page order.

Every number the prose states is asserted here at the value the prose gives; every printed table
the prose draws a conclusion from is asserted row by row. Tolerances are scaled to the quantity.
"""

from __future__ import annotations

import numpy as np
import pytest

from lacourse_site.runner import run_file
from lacourse.universe import D, N_SLOTS, N_VERBS, SLOTS, conjugation_counts, embedding_matrix

PAGE = "theory/03_svd"
PAST = [j for j, (tense, _) in enumerate(SLOTS) if tense == "past"]
PRESENT = [j for j, (tense, _) in enumerate(SLOTS) if tense == "present"]
EPS = np.finfo(float).eps


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


def lines(output: str) -> list[str]:
    return output.splitlines()


@pytest.fixture(scope="module")
def svd_of_counts():
    C = conjugation_counts().astype(float)
    U, S, Vt = np.linalg.svd(C, full_matrices=False)
    return C, U, S, Vt


def test_the_count_matrix_is_20_by_15():
    assert conjugation_counts().shape == (N_VERBS, N_SLOTS) == (20, 15)


# --- rotate, scale, rotate -------------------------------------------------------------


def test_the_shear_is_rotate_scale_rotate():
    result = run("svd_of_a_2x2")
    ns = result.namespace
    A, U, S, Vt = ns["A"], ns["U"], ns["S"], ns["Vt"]
    # sigma_1 = 2, sigma_2 = 0.5, and sigma_1 * sigma_2 = |det A| = 1
    assert np.allclose(S, [2.0, 0.5], rtol=1e-12, atol=0)
    assert "sigma_1 * sigma_2 = 1.0000 = |det(A)| = 1.0000" in result.output
    # both factors are rotations (det +1) after the sign choice, by about -63 and +27 degrees
    assert abs(np.linalg.det(U) - 1) < 1e-12 and abs(np.linalg.det(Vt) - 1) < 1e-12
    assert "det(Vt) = +1.0000   rotation by -63.43 deg" in result.output
    assert "det(U)  = +1.0000   rotation by +26.57 deg" in result.output
    for i in range(2):  # A v_i = sigma_i u_i
        assert np.allclose(A @ Vt[i], S[i] * U[:, i], rtol=0, atol=1e-14)
    # the three steps equal A on the circle, to rounding error: a bound in units of eps
    # scaled by |A|_2 = sigma_1 (the printed digits are the machine's, not asserted)
    assert ns["gap"] < 20 * EPS * S[0]
    assert "max |U diag(S) Vt x - A x| over 1000 circle points: " in result.output


def test_the_singular_values_are_distinct_so_pairs_are_fixed_up_to_sign():
    ns = run("svd_of_a_2x2").namespace
    A, U, S, Vt = ns["A"], ns["U"], ns["S"], ns["Vt"]
    assert S[0] - S[1] > 1.0  # distinct
    flipped_U, flipped_Vt = U * [1, -1], Vt * np.array([[1], [-1]])
    assert np.allclose(flipped_U @ np.diag(S) @ flipped_Vt, A, rtol=0, atol=1e-14)
    # with equal singular values (the identity) any rotation works: the freedom is larger
    angle = 0.3
    R = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    assert np.allclose(R @ np.eye(2) @ R.T, np.eye(2), rtol=0, atol=1e-15)


def test_uniqueness_up_to_a_common_sign_needs_positive_singular_values_too():
    ns = run("svd_of_a_2x2").namespace
    assert (ns["S"] > 0).all()  # the shear's pairs: distinct and positive
    # a rank-1 matrix (sigma_2 = 0): u_2 alone can flip and U Sigma V^T does not change
    A = np.array([[1.0, 2.0], [2.0, 4.0]])
    U, S, Vt = np.linalg.svd(A)
    assert S[1] < 10 * EPS * S[0]
    S_exact = np.array([S[0], 0.0])
    flipped = U * [1, -1]  # only u_2 flips, v_2 does not
    assert np.allclose(flipped * S_exact @ Vt, U * S_exact @ Vt, rtol=0, atol=1e-14)
    assert np.allclose(U * S_exact @ Vt, A, rtol=0, atol=1e-13)


def test_longest_and_shortest_images_are_the_singular_values():
    result = run("svd_of_a_2x2")
    lengths = np.linalg.norm(result.namespace["A"] @ result.namespace["X"], axis=0)
    assert abs(lengths.max() - 2.0) < 1e-4 and abs(lengths.min() - 0.5) < 1e-4
    assert lines(result.output)[-1] == "longest |A x| = 2.0000   shortest |A x| = 0.5000"


def test_the_figure_shows_the_circle_going_to_the_ellipse_of_A():
    ns = run("rotate_scale_rotate_figure").namespace
    assert len(ns["stages"]) == 4
    first, last = ns["stages"][0], ns["stages"][-1]
    assert np.allclose(np.linalg.norm(first[1], axis=0), 1.0, rtol=0, atol=1e-14)  # a circle
    assert np.allclose(np.linalg.norm(ns["stages"][1][1], axis=0), 1.0, rtol=0, atol=1e-14)
    assert np.allclose(last[1], ns["A"] @ ns["X"], rtol=0, atol=1e-14)  # last panel = A(circle)
    # after V^T the marked vectors v_1, v_2 sit on the axes; after Sigma they are sigma_i e_i
    assert np.allclose(ns["stages"][1][2], np.eye(2), rtol=0, atol=1e-14)
    assert np.allclose(ns["stages"][2][2], np.diag([2.0, 0.5]), rtol=0, atol=1e-14)


def test_a_rank_deficient_map_flattens_the_circle_onto_a_segment():
    # "for a rank-1 map of the plane, a segment": all images are multiples of one vector
    A = run("determinant_is_area").namespace["flat"]
    theta = np.linspace(0, 2 * np.pi, 100)
    images = A @ np.stack([np.cos(theta), np.sin(theta)])
    assert np.linalg.matrix_rank(images) == 1
    S = np.linalg.svd(A, compute_uv=False)
    assert S[1] < 1e-15 * S[0]


# --- the determinant is an area --------------------------------------------------------


def test_determinant_is_the_area_of_the_image_of_the_unit_square():
    result = run("determinant_is_area")
    out = lines(result.output)
    assert out[1].split() == ["shear", "1.0000", "1.0000", "1.0000"]
    assert out[2].split() == ["page", "02", "map", "3.0000", "3.0000", "3.0000"]
    assert out[3].split() == ["rank", "1", "0.0000", "0.0000", "0.0000"]
    ns = result.namespace
    for A, area in [(ns["shear"], 1.0), (ns["page_02_map"], 3.0), (ns["flat"], 0.0)]:
        S = np.linalg.svd(A, compute_uv=False)
        assert abs(abs(np.linalg.det(A)) - area) < 1e-12
        assert abs(S.prod() - area) < 1e-12
        assert abs(ns["polygon_area"](A @ ns["square"]) - area) < 1e-12


def test_the_page_02_map_is_the_one_drawn_on_page_02():
    drawn = run_file("theory/02_matmul_three_ways/columns_are_images.py").namespace["A"]
    assert np.array_equal(run("determinant_is_area").namespace["page_02_map"], drawn)


# --- full and economy -------------------------------------------------------------------


def test_full_and_economy_shapes():
    result = run("full_vs_economy")
    out = lines(result.output)
    assert out[1] == "full    : U (20, 20)  S (15,)  Vt (15, 15)"
    assert out[2] == "economy : U (20, 15)  S (15,)  Vt (15, 15)"
    assert out[3] == "Sigma (20, 15): zero rows = m - p = 5"
    ns = result.namespace
    assert ns["p"] == 15 and not ns["Sigma"][15:].any()  # 5 rows of zeros
    C = conjugation_counts().astype(float)
    scale = np.abs(C).max()
    assert np.abs(ns["U_full"] @ ns["Sigma"] @ ns["Vt"] - C).max() < 1e-13 * scale
    assert np.abs(ns["U_econ"] @ np.diag(ns["S_econ"]) @ ns["Vt_econ"] - C).max() < 1e-13 * scale


def test_a_five_class_classifier_sees_at_most_five_directions():
    result = run("full_vs_economy")
    W, x_perp = result.namespace["W"], result.namespace["x_perp"]
    assert W.shape == (5, D) == (5, 64)
    assert "W (5, 64): 5 singular values" in result.output
    assert np.linalg.norm(x_perp) > 1.0  # a real direction, not the zero vector
    assert np.linalg.norm(W @ x_perp) < 1e-13 * np.linalg.norm(W) * np.linalg.norm(x_perp)


# --- rank and tolerance -----------------------------------------------------------------


def test_rank_three_matrix_has_three_values_between_8_and_27_and_tiny_others():
    result = run("rank_needs_a_tolerance")
    S = result.namespace["S"]
    assert 8 < S[2] < S[1] < S[0] < 27  # "of order 10 (between 8 and 27)"
    assert lines(result.output)[0] == "sigma_1..3  : 26.3523  12.4901  8.0169"
    # rounding noise: below matrix_rank's tolerance sigma_max * max(m, n) * eps on any machine
    assert S[3:].max() < S[0] * 20 * EPS
    # Machine-dependent (the page says it of the machine that built it): none is exactly 0.
    assert (S[3:] > 0).all(), "machine-dependent: this LAPACK returned an exact zero"
    assert "count of S > 0                  : 15" in result.output, "machine-dependent count"


def test_matrix_rank_uses_the_default_tolerance_and_finds_three():
    result = run("rank_needs_a_tolerance")
    ns = result.namespace
    B, S = ns["B"], ns["S"]
    tol = S.max() * max(B.shape) * EPS
    assert ns["tol"] == tol
    assert np.linalg.matrix_rank(B) == np.linalg.matrix_rank(B, tol=tol) == 3
    assert "count of S > tol                : 3" in result.output
    assert "np.linalg.matrix_rank(B)        : 3" in result.output


def test_stable_rank_table_row_by_row():
    result = run("stable_rank")
    out = lines(result.output)
    assert out[1].split() == ["B", "(20,", "15)", "3", "1.3172"]
    assert out[2].split() == ["B", "+", "1e-6", "noise", "(20,", "15)", "15", "1.3172"]
    assert out[3].split() == ["C", "(counts)", "(20,", "15)", "15", "1.0476"]
    assert out[4].split() == ["E", "(embeddings)", "(600,", "64)", "64", "36.2157"]


def test_stable_rank_is_the_frobenius_over_spectral_ratio_and_barely_moves_with_noise():
    ns = run("stable_rank").namespace
    for A in (ns["B"], ns["C"], ns["E"], ns["B"] + ns["noise"]):
        ratio = np.linalg.norm(A, "fro") ** 2 / np.linalg.norm(A, 2) ** 2
        assert abs(ns["stable_rank"](A) - ratio) < 1e-12 * ratio
        assert 1.0 <= ratio <= np.linalg.matrix_rank(A)
    change = abs(ns["stable_rank"](ns["B"] + ns["noise"]) - ns["stable_rank"](ns["B"]))
    assert change < 5e-5  # equal to four decimals
    assert np.linalg.matrix_rank(ns["B"] + ns["noise"]) == 15
    assert np.array_equal(ns["E"], embedding_matrix(D))
    # "rank 3, as above": the same B as the rank-and-tolerance block
    assert np.array_equal(ns["B"], run("rank_needs_a_tolerance").namespace["B"])


# --- sum of rank-1 pieces ---------------------------------------------------------------


def test_truncated_sum_of_rank_one_terms(svd_of_counts):
    C, U, S, Vt = svd_of_counts
    result = run("rank_one_terms")
    ns = result.namespace
    assert [np.linalg.matrix_rank(t) for t in ns["terms"]] == [1, 1]
    assert np.linalg.matrix_rank(ns["C_k"]) == 2  # at most k, and exactly k since sigma_2 > 0
    assert np.allclose(ns["C_k"], U[:, :2] * S[:2] @ Vt[:2], rtol=0, atol=1e-12 * S[0])
    # "||C - C_2||_F is about 12% of ||C||_F (0.1243)"
    relative = np.linalg.norm(C - ns["C_k"]) / np.linalg.norm(C)
    assert round(relative, 4) == 0.1243
    assert "||C - C_2||_F / ||C||_F = 0.1243" in result.output
    # "72 numbers instead of 300"
    assert "numbers stored: C 300   C_2 as factors k*(m + n + 1) = 72" in result.output


def test_truncation_has_rank_at_most_k_when_k_exceeds_the_rank():
    B = run("rank_needs_a_tolerance").namespace["B"]  # rank 3
    U, S, Vt = np.linalg.svd(B, full_matrices=False)
    B_5 = U[:, :5] * S[:5] @ Vt[:5]
    assert np.linalg.matrix_rank(B_5) == 3 < 5


# --- Eckart-Young -----------------------------------------------------------------------


def test_eckart_young_errors_are_read_off_the_dropped_singular_values(svd_of_counts):
    C, U, S, Vt = svd_of_counts
    result = run("eckart_young")
    rows = result.namespace["rows"]
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    for k, frobenius, tail, spectral, sigma_next in rows:
        C_k = U[:, :k] * S[:k] @ Vt[:k]
        assert abs(frobenius - np.linalg.norm(C - C_k, "fro")) < 1e-12 * frobenius
        assert abs(frobenius - np.sqrt(np.sum(S[k:] ** 2))) < 1e-12 * frobenius
        assert abs(spectral - S[k]) < 1e-12 * S[k] and sigma_next == S[k]
    # the printed table, row by row: columns 1 = 2 and 3 = 4
    table = [line.split() for line in lines(result.output)[1:6]]
    assert table == [
        ["1", "100.6641", "100.6641", "81.7678", "81.7678"],
        ["2", "58.7137", "58.7137", "31.2107", "31.2107"],
        ["3", "49.7311", "49.7311", "24.5932", "24.5932"],
        ["4", "43.2245", "43.2245", "23.0588", "23.0588"],
        ["5", "36.5602", "36.5602", "20.5003", "20.5003"],
    ]


def test_all_4000_tilted_competitors_lose(svd_of_counts):
    C, _, S, Vt = svd_of_counts
    result = run("eckart_young_competitors")
    ns = result.namespace
    assert ns["draws"] == 200 and ns["sizes"] == [1e-1, 1e-2, 1e-3, 1e-4]  # "200 draws", "four sizes"
    excess = ns["excess"]
    assert excess.shape == (5, 4, 200) and excess.size == 4_000
    assert (excess > 0).all()
    assert "competitors closer to C than C_k: 0 of 4000" in result.output
    # recompute one competitor from outside: a tilt of the best subspace projected
    rng = np.random.default_rng(5)
    for k in (1, 3):
        Q, _ = np.linalg.qr(Vt[:k].T + 1e-3 * rng.normal(size=(15, k)))
        assert np.linalg.norm(C - C @ Q @ Q.T) > np.sqrt(np.sum(S[k:] ** 2))


def test_excess_shrinks_about_100_times_per_tenfold_smaller_tilt():
    result = run("eckart_young_competitors")
    shrink = result.namespace["shrink"]
    assert shrink.shape == (5, 3)
    # "from eps = 0.01 down, between 98.9 and 103.6"; "from 0.1 to 0.01, 57.9 to 82.5"
    assert round(shrink[:, 1:].min(), 1) == 98.9 and round(shrink[:, 1:].max(), 1) == 103.6
    assert round(shrink[:, 0].min(), 1) == 57.9 and round(shrink[:, 0].max(), 1) == 82.5
    out = lines(result.output)
    start = out.index("smallest excess at eps / smallest excess at eps / 10") + 2
    assert [line.split() for line in out[start : start + 5]] == [
        ["1", "82.5", "99.2", "99.9"],
        ["2", "72.3", "98.9", "99.9"],
        ["3", "71.0", "103.6", "100.4"],
        ["4", "76.6", "101.4", "100.2"],
        ["5", "57.9", "99.5", "100.0"],
    ]


def test_the_projection_argument_a_rank_k_matrix_is_beaten_by_projecting_onto_its_row_space():
    # "replacing each row of B by the projection of the matching row of C onto B's row space
    # can only bring it closer to C"
    C = conjugation_counts().astype(float)
    rng = np.random.default_rng(2)
    for k in (1, 2, 4):
        Bk = rng.normal(size=(20, k)) @ rng.normal(size=(k, 15))
        Q, _ = np.linalg.qr(Bk.T)  # orthonormal basis of B's row space
        Q = Q[:, :k]
        assert np.linalg.norm(C - C @ Q @ Q.T) <= np.linalg.norm(C - Bk)


def test_tilting_the_column_space_instead_also_loses(svd_of_counts):
    # An independent family the page does not show: Q Q^T C for tilts of span(u_1..u_k).
    C, U, S, _ = svd_of_counts
    rng = np.random.default_rng(1)
    for k in range(1, 6):
        best = np.sqrt(np.sum(S[k:] ** 2))
        for _ in range(50):
            Q, _ = np.linalg.qr(U[:, :k] + 1e-2 * rng.normal(size=(20, k)))
            assert np.linalg.norm(C - Q @ Q.T @ C) > best


# --- the conjugation counts -------------------------------------------------------------


def test_spectrum_figure_is_drawn_from_the_counts(svd_of_counts):
    result = run("spectrum_figure")
    assert result.output.lstrip().startswith("<svg")
    assert np.allclose(result.namespace["S"], svd_of_counts[2], rtol=1e-12, atol=0)
    assert result.namespace["S"].shape == (15,)
    assert result.namespace["colors"].count("#ff7f0e") == 2  # the first two highlighted


def test_energy_table_row_by_row(svd_of_counts):
    C, _, S, _ = svd_of_counts
    result = run("energy_per_k")
    out = lines(result.output)
    assert out[0] == "||C||_F^2 = sum sigma_i^2 = 223069.0   (sum C_ij^2 = 223069.0)"
    assert [line.split() for line in out[2:7]] == [
        ["1", "461.45", "95.46%", "95.46%"],
        ["2", "81.77", "3.00%", "98.45%"],
        ["3", "31.21", "0.44%", "98.89%"],
        ["4", "24.59", "0.27%", "99.16%"],
        ["5", "23.06", "0.24%", "99.40%"],
    ]
    energy = np.cumsum(S**2) / np.sum(S**2)
    assert energy[0] > 0.95 and energy[1] > 0.98  # "more than 95%", "more than 98%"
    assert round(1 - energy[1], 4) == 0.0155  # "the thirteen others together carry 1.55%"
    assert out[7] == "share of sigma_3..sigma_15: 1.55%"


def test_the_steps_between_singular_values_are_what_the_prose_says(svd_of_counts):
    S = svd_of_counts[2]
    steps = S[:-1] / S[1:]
    assert round(steps[1], 2) == 2.62  # sigma_2 / sigma_3
    assert steps[1] == steps[1:].max()  # the largest step after the first
    # sigma_3 .. sigma_13: every step between 1.01 and 1.35
    assert round(steps[2:12].min(), 2) == 1.01 and round(steps[2:12].max(), 2) == 1.35
    assert round(steps[12], 2) == 2.10  # sigma_13 / sigma_14
    out = lines(run("energy_per_k").output)
    assert out[8] == "sigma_i / sigma_i+1 for i = 1..14:"
    assert out[9].split() == ["5.64", "2.62", "1.27", "1.07", "1.12", "1.23", "1.16", "1.09",
                              "1.27", "1.35", "1.26", "1.01", "2.10", "1.38"]


def test_the_spectrum_alt_text_bars_3_to_13_decrease_and_the_last_two_are_lower(svd_of_counts):
    S = svd_of_counts[2]
    assert (np.diff(S[2:13]) < 0).all()  # the third to the thirteenth decrease
    assert S[13] < S[12] / 2 and S[14] < S[13]  # the last two are lower again
    assert S[1] > 2.6 * S[2]  # the first two stand well above the rest


def test_counts_are_full_rank_in_the_exact_sense():
    result = run("energy_per_k")
    assert lines(result.output)[-1] == "matrix_rank(C) = 15"
    assert np.linalg.matrix_rank(conjugation_counts()) == 15


# --- reading the singular vectors -------------------------------------------------------


def cos(a, b):
    return a @ b / np.linalg.norm(a) / np.linalg.norm(b)


def test_first_pair_is_popularity(svd_of_counts):
    C, _, _, _ = svd_of_counts
    result = run("reading_the_singular_vectors")
    u1, v1 = result.namespace["u1"], result.namespace["v1"]
    assert (u1 > 0).all() and (v1 > 0).all()
    assert cos(u1, C.sum(axis=1)) > 0.99 and cos(v1, C.sum(axis=0)) > 0.99
    assert "cos(u_1, verb totals) = 0.9991" in result.output
    assert "cos(v_1, slot totals) = 0.9992" in result.output
    assert [result.namespace["verbs"][i] for i in np.argsort(-u1)[:3]] == ["study", "run", "speak"]


def test_third_person_tops_every_tense_and_past_3sg_tops_v1():
    ns = run("reading_the_singular_vectors").namespace
    v1 = ns["v1"].reshape(5, 3)
    assert (v1.argmax(axis=1) == 2).all()
    assert SLOTS[int(np.argmax(ns["v1"]))] == ("past", "3sg")


def test_second_pair_is_past_versus_present(svd_of_counts):
    _, _, _, Vt = svd_of_counts
    v2 = Vt[1]  # straight from NumPy: the claim must hold whatever sign it returns
    signs = np.sign(v2)
    assert len(set(signs[PAST])) == 1
    assert (signs[[j for j in range(15) if j not in PAST]] == -signs[PAST[0]]).all()
    oriented = v2 * signs[PAST[0]]
    assert set(np.argsort(oriented)[:3]) == set(PRESENT)


def test_u2_follows_past_counts_beyond_popularity():
    result = run("reading_the_singular_vectors")
    ns = result.namespace
    assert np.corrcoef(ns["u2"], ns["extra_past"])[0, 1] > 0.99
    assert "corr(u_2, past-slot residual after pair 1) = 0.9948" in result.output
    assert [ns["verbs"][i] for i in np.argsort(-ns["u2"])[:3]] == ["dance", "buy", "decide"]


# --- storage break-even, projections, ties -------------------------------------------------


def test_storage_break_even_is_at_least_about_half_the_smaller_side():
    result = run("storage_break_even")
    out = lines(result.output)
    assert out[1].split() == ["C", "20", "15", "8.33", "55.6%"]
    assert out[2].split() == ["E", "600", "64", "57.74", "90.2%"]
    assert out[3].split() == ["768", "x", "768", "768", "768", "383.75", "50.0%"]
    assert out[4].split() == ["768", "x", "3072", "768", "3072", "614.24", "80.0%"]
    # "saves memory up to k = 8 of C's 15 columns and k = 57 of E's 64"
    assert max(k for k in range(1, 16) if k * 36 < 300) == 8
    assert max(k for k in range(1, 65) if k * 665 < 38_400) == 57
    assert abs(768 * 768 / 1537 / 768 - 0.5) < 0.001  # "a square weight: half its width"
    # the bound, for every shape up to 64 x 64: k* >= n m / (2m + 1) for m >= n
    for m in range(1, 65):
        for n in range(1, m + 1):
            assert m * n / (m + n + 1) >= n * m / (2 * m + 1)


def test_projection_onto_a_subspace_with_an_orthonormal_basis_from_qr(svd_of_counts):
    C, U, S, Vt = svd_of_counts
    result = run("projection_onto_a_subspace")
    ns = result.namespace
    Q, R, M, x, p = ns["Q"], ns["R"], ns["M"], ns["x"], ns["p"]
    assert Q.shape == (15, 3) and R.shape == (3, 3)
    assert np.allclose(Q.T @ Q, np.eye(3), rtol=0, atol=1e-14)
    assert np.allclose(Q @ R, M, rtol=0, atol=1e-13) and np.allclose(R, np.triu(R))
    assert np.allclose(p, Q @ Q.T @ x)
    assert abs(Q.T @ (x - p)).max() < 1e-12 * np.linalg.norm(x)
    # Pythagoras, for any point y = p + Q c of the subspace
    c = np.array([0.5, -1.0, 2.0])
    y = p + Q @ c
    assert np.isclose(np.linalg.norm(x - y) ** 2, np.linalg.norm(x - p) ** 2 + c @ c, rtol=1e-12)
    assert "Q^T Q == I: True   Q @ R == M: True   R upper triangular: True" in result.output
    assert "residual orthogonal to every column of Q: True" in result.output
    assert "|x - p| = 104.0740   closest of 1000 other points of the subspace: 104.0742" in (
        result.output
    )
    # the first columns of Q span the same space as the first columns of M (Gram-Schmidt)
    assert np.allclose(Q[:, :1] @ Q[:, :1].T @ M[:, 0], M[:, 0])
    # C V_k V_k^T = C_k
    assert np.allclose(C @ Vt[:3].T @ Vt[:3], U[:, :3] * S[:3] @ Vt[:3])
    assert "C V_k V_k^T == C_k for k = 3: True" in result.output


def test_the_frobenius_optimum_is_unique_only_without_a_tie(svd_of_counts):
    _, _, S, _ = svd_of_counts
    assert all(S[k - 1] > S[k] * 1.01 for k in range(1, 6))  # no tie in the table's k
    result = run("eckart_young")
    ns = result.namespace
    A, B1, B2 = ns["A"], ns["keep_2nd"], ns["keep_3rd"]
    assert np.linalg.matrix_rank(B1) == np.linalg.matrix_rank(B2) == 2 and not np.array_equal(B1, B2)
    assert np.allclose(np.linalg.svd(A, compute_uv=False), [3, 2, 2, 1])
    assert ns["errors"] == [np.sqrt(5.0)] * 2  # both at sqrt(sigma_3^2 + sigma_4^2)
    assert lines(result.output)[-1] == (
        "tie, k = 2: ||A - B||_F = 2.2361 and 2.2361 for two different B of rank 2"
    )


# --- PCA --------------------------------------------------------------------------------


def test_the_spectral_theorem_and_what_fails_without_symmetry():
    result = run("spectral_theorem")
    ns = result.namespace
    S, lam, W = ns["S"], ns["lam"], ns["W"]
    assert np.array_equal(S, S.T)
    assert np.allclose(W.T @ W, np.eye(5), rtol=0, atol=1e-14)
    assert np.allclose(W * lam @ W.T, S, rtol=0, atol=1e-14)
    assert lam.dtype == np.float64 and lam.min() < 0 < lam.max()  # real, both signs
    assert lines(result.output)[0] == "eigenvalues of S: [-2.6505 -0.2389  0.0424  1.2184  2.0484]"
    assert "W^T W == I: True   W diag(lam) W^T == S: True" in result.output
    quarter = np.linalg.eigvals(ns["rotation"])
    assert np.allclose(sorted(quarter.imag), [-1, 1]) and np.allclose(quarter.real, 0)
    assert "quarter turn, eigenvalues: [0.+1.j 0.-1.j]" in result.output
    assert "[[1, 1], [0, 2]], eigenvalues: [1. 2.]   |cos| between eigenvectors: 0.7071" in (
        result.output
    )
    # "45 degrees apart"
    assert np.isclose(np.degrees(np.arccos(ns["cos"])), 45.0)


def test_pca_compares_eigenvectors_of_simple_eigenvalues_only(svd_of_counts):
    _, _, S, _ = svd_of_counts
    ns = run("pca_is_svd").namespace
    # "the eigenvalues here are distinct": C^T C and the covariance, with clear gaps
    assert (np.diff(S**2) < -1e-6 * S[0] ** 2).all()
    assert (np.diff(ns["explained"]) < -1e-6 * ns["explained"][0]).all()


def test_eigenvalues_of_gram_are_squared_singular_values(svd_of_counts):
    C, _, S, Vt = svd_of_counts
    ns = run("pca_is_svd").namespace
    lam, W = np.linalg.eigh(C.T @ C)
    assert np.allclose(lam[::-1], S**2, rtol=0, atol=1e-10 * S[0] ** 2)
    assert np.allclose(np.abs(np.sum(W[:, ::-1] * Vt.T, axis=0)), 1.0, rtol=0, atol=1e-8)
    assert np.allclose(ns["lam"], S**2, rtol=0, atol=1e-10 * S[0] ** 2)


def test_pca_table_row_by_row_and_centring_lowers_the_first_share(svd_of_counts):
    C, _, S_raw, _ = svd_of_counts
    result = run("pca_is_svd")
    ns = result.namespace
    m = C.shape[0]
    X = C - C.mean(axis=0)
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    variances, directions = np.linalg.eigh(np.cov(C, rowvar=False))
    assert np.allclose(variances[::-1], S**2 / (m - 1), rtol=0, atol=1e-10 * S[0] ** 2)
    assert np.allclose(np.abs(np.sum(directions[:, ::-1] * Vt.T, axis=0)), 1.0, rtol=0, atol=1e-8)
    out = lines(result.output)
    start = out.index(next(line for line in out if line.startswith("PC"))) + 1
    assert [line.split() for line in out[start : start + 4]] == [
        ["1", "2447.04", "2447.04", "1.0000000000", "84.2%"],
        ["2", "287.16", "287.16", "1.0000000000", "9.9%"],
        ["3", "48.81", "48.81", "1.0000000000", "1.7%"],
        ["4", "31.44", "31.44", "1.0000000000", "1.1%"],
    ]
    assert out[-1] == "uncentred C, sigma_1^2 share: 95.5%"
    assert (S[0] ** 2 / np.sum(S**2)) < (S_raw[0] ** 2 / np.sum(S_raw**2))


# --- power iteration --------------------------------------------------------------------


def test_power_iteration_converges_at_the_predicted_rate(svd_of_counts):
    S = svd_of_counts[2]
    result = run("power_iteration")
    errors = result.namespace["errors"]
    assert len(errors) == 5
    assert errors[2] > 1e-10 > errors[3]  # below 1e-10 after 4 steps, not before
    assert errors[4] < 10 * EPS  # machine precision after 5
    rate = (S[1] / S[0]) ** 4
    for i in (2, 3):
        assert 0.9 < errors[i] / errors[i - 1] / rate < 1.1
    assert abs(result.namespace["sigma"] - S[0]) < 1e-12 * S[0]
    assert "(sigma_2 / sigma_1)^4 = 0.000986" in result.output


# --- check yourself ---------------------------------------------------------------------


def test_answer_1_svd_shapes_of_the_embedding_matrix():
    result = run("check_svd_shapes")
    out = lines(result.output)
    assert out[0] == "full    : U (600, 600)  S (64,)  Vt (64, 64)"
    assert out[1] == "economy : U (600, 64)  S (64,)  Vt (64, 64)"
    assert 600 - 64 == 536  # "drops the 536 columns"


def test_answer_2_truncation_errors_are_sqrt5_and_2():
    result = run("check_truncation_error")
    ns = result.namespace
    A, A_k = ns["A"], ns["A_k"]
    assert np.allclose(np.linalg.svd(A, compute_uv=False), [5, 3, 2, 1, 0], rtol=0, atol=1e-12)
    assert A.shape == (6, 5)
    assert abs(np.linalg.norm(A - A_k, "fro") - np.sqrt(5)) < 1e-12
    assert abs(np.linalg.norm(A - A_k, 2) - 2.0) < 1e-12
    assert "sqrt(2^2 + 1^2) = 2.2361   ||A - A_2||_F = 2.2361" in result.output
    assert "sigma_3 = 2.0000   ||A - A_2||_2 = 2.0000" in result.output


def test_answer_3_rank_depends_on_the_tolerance():
    result = run("check_rank_with_tolerance")
    ns = result.namespace
    A, S = ns["A"], ns["S"]
    assert A.shape == (50, 40)
    assert np.linalg.matrix_rank(A) == 40 and np.linalg.matrix_rank(A, tol=1e-6) == 2
    # "between 7.7e-10 and 1.3e-8, far above the default tolerance 5.2e-13"
    assert f"{S[2]:.1e}" == "1.3e-08" and f"{S[-1]:.1e}" == "7.7e-10"
    assert f"{ns['default_tol']:.1e}" == "5.2e-13"
    assert "matrix_rank(A)           : 40" in result.output
    assert "matrix_rank(A, tol=1e-6) : 2" in result.output


def test_answer_4_four_values_keep_99_percent_and_leave_9_percent_error():
    result = run("check_energy_kept")
    ns = result.namespace
    assert ns["k"] == 4
    assert round(ns["cumulative"][3], 4) == 0.9916 and ns["cumulative"][2] < 0.99
    assert round(ns["relative_error"], 4) == 0.0915
    assert lines(result.output)[0] == "k = 4   energy kept 99.16%"


@pytest.mark.parametrize(
    "name",
    ["svd_of_a_2x2", "determinant_is_area", "full_vs_economy", "rank_needs_a_tolerance",
     "stable_rank", "rank_one_terms", "eckart_young", "eckart_young_competitors", "energy_per_k",
     "reading_the_singular_vectors", "pca_is_svd", "power_iteration", "check_svd_shapes",
     "storage_break_even", "projection_onto_a_subspace", "spectral_theorem",
     "check_truncation_error", "check_rank_with_tolerance", "check_energy_kept"],
)
def test_printed_lines_fit_the_88_character_code_column(name):
    assert all(len(line) <= 88 for line in lines(run(name).output))
