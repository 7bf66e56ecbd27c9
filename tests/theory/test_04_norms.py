"""Theory 04: the claims the page makes about norms, checked from outside its snippets."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lacourse_site.runner import run_file
from lacourse.universe import B, D, FORMS, T, V, conjugation_counts, embedding_matrix, token_id

PAGE = "theory/04_norms"


@pytest.fixture(scope="module")
def runs():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = run_file(f"{PAGE}/{name}.py")
        return cache[name]

    return get


def row(output: str, label: str) -> list[str]:
    """The whitespace-separated fields after `label` on the first line whose fields start with it."""
    head = label.split()
    for line in output.splitlines():
        fields = line.split()
        if fields[: len(head)] == head:
            return fields[len(head) :]
    raise AssertionError(f"no line starting with {label!r} in:\n{output}")


def test_the_running_example_sizes_are_the_pages_sizes():
    assert (B, T, D, V) == (32, 12, 64, 600)


def test_every_snippet_and_printed_line_fits_in_88_characters(runs):
    from conftest import SNIPPETS

    for path in sorted((SNIPPETS / PAGE).glob("*.py")):
        assert max(len(line) for line in path.read_text().splitlines()) <= 88, path.name
        output = runs(path.stem).output
        if not output.lstrip().startswith("<svg"):
            assert max(len(line) for line in output.splitlines()) <= 88, path.name


# --- Three ways to measure a vector ----------------------------------------------------


def test_norms_of_3_minus4_0_are_7_5_4_by_hand_and_by_numpy(runs):
    run = runs("vector_norms")
    ns = run.namespace
    assert (ns["l1"], ns["l2"], ns["linf"]) == (7.0, 5.0, 4.0)
    assert row(run.output, "L1")[:2] == ["7.0000", "7.0000"]
    assert row(run.output, "L2")[:2] == ["5.0000", "5.0000"]
    assert row(run.output, "Linf")[:2] == ["4.0000", "4.0000"]


def test_untrained_embedding_rows_have_mean_length_0_9968(runs):
    run = runs("vector_norms")
    E = embedding_matrix(64)
    lengths = np.sqrt((E**2).sum(axis=1))
    assert f"{lengths.mean():.4f}" == "0.9968"  # "the mean L2 norm over all 600 rows is 0.9968"
    assert np.allclose(run.namespace["row_l2"], lengths, rtol=1e-12, atol=0)
    assert "('she walked')" in run.output and FORMS[run.namespace["token"]] == "she walked"
    assert "L2 of all 600 rows: mean 0.9968," in run.output


# --- Unit balls ------------------------------------------------------------------------


def test_unit_ball_figure_draws_diamond_inside_circle_inside_square(runs):
    run = runs("unit_balls")
    assert run.output.lstrip().startswith("<svg")
    curves = [line for line in run.namespace["ax"].get_lines() if not line.get_label().startswith("_")]
    assert len(curves) == 3 and len(run.namespace["ax"].get_legend().get_texts()) == 3
    diamond, circle, square = (np.column_stack(c.get_data()) for c in curves)
    assert np.allclose(np.abs(diamond).sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert np.allclose(np.hypot(*circle.T), 1.0, rtol=0, atol=1e-12)
    assert np.allclose(np.abs(square).max(axis=1), 1.0, rtol=0, atol=1e-12)
    # same direction, three radii: diamond point <= circle point <= square point
    assert np.all(np.hypot(*diamond.T) <= 1 + 1e-12) and np.all(np.hypot(*square.T) >= 1 - 1e-12)
    assert run.namespace["ax"].get_aspect() == 1.0  # equal aspect ratio


# --- The norms are ordered ------------------------------------------------------------


def test_linf_le_l2_le_l1_and_the_companion_bounds_on_ten_thousand_vectors(runs):
    run = runs("norm_inequalities")
    X = run.namespace["X"]
    assert X.shape == (10_000, D)
    l1, l2, linf = np.abs(X).sum(1), np.sqrt((X**2).sum(1)), np.abs(X).max(1)
    assert np.all(linf <= l2) and np.all(l2 <= l1)
    assert np.all(l1 <= np.sqrt(D) * l2 * (1 + 1e-12)) and np.all(l2 <= np.sqrt(D) * linf * (1 + 1e-12))
    assert "Linf <= L2 <= L1 for all: True" in run.output
    # the table, row by row: "no ratio exceeds 1", and each is the true largest ratio
    expected = {
        "Linf / L2": linf / l2,
        "L2 / L1": l2 / l1,
        "L1 / (sqrt(D) L2)": l1 / (np.sqrt(D) * l2),
        "L2 / (sqrt(D) Linf)": l2 / (np.sqrt(D) * linf),
    }
    for label, ratio in expected.items():
        (printed,) = row(run.output, label)
        assert printed == f"{ratio.max():.4f}" and float(printed) <= 1


def test_one_hot_has_equal_norms_and_ones_meets_the_companion_bounds(runs):
    run = runs("norm_inequalities")
    assert row(run.output, "one-hot") == ["1.0000", "1.0000", "1.0000"]
    assert row(run.output, "ones") == ["64.0000", "8.0000", "1.0000"]  # L1 = 64, L2 = 8, Linf = 1
    ones = run.namespace["flat"]
    l1, l2, linf = np.abs(ones).sum(), np.sqrt((ones**2).sum()), np.abs(ones).max()
    assert l1 == np.sqrt(D) * l2 and l2 == np.sqrt(D) * linf  # both bounds met with equality


# --- Cosine similarity ----------------------------------------------------------------


def test_cosine_and_projection_figure_shows_the_numbers_in_its_note(runs):
    run = runs("cosine_and_projection_figure")
    ns = run.namespace
    assert run.output.lstrip().startswith("<svg")
    a, b = ns["a"], ns["b"]
    cos = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    proj = (a @ b) / (a @ a) * a
    assert f"{np.degrees(np.arccos(cos)):.1f}" == "42.3" and f"{cos:.2f}" == "0.74"
    assert f"{np.linalg.norm(proj):.2f}" == "2.67"
    assert np.allclose(ns["proj"], proj, rtol=1e-12, atol=0)
    for number in ("42.3", "0.74", "2.67"):
        assert number in run.output  # the note in the figure prints them
    # the three arrows end at a, b and proj_a(b)
    ends = [np.array(t.xy) for t in ns["ax"].texts if getattr(t, "arrow_patch", None)]
    assert len(ends) == 3
    for end, vector in zip(ends, [a, b, proj]):
        assert np.allclose(end, vector, rtol=1e-12, atol=0)


def test_untrained_cosines_are_small_and_ignore_relatedness(runs):
    run = runs("cosine_at_initialisation")
    E = embedding_matrix(D)
    a = E[token_id("walk", "past", "3sg")]
    others = {
        "translation": token_id("walk", "past", "3sg", "es"),
        "same verb, present": token_id("walk", "present", "3sg"),
        "same tense, other verb": token_id("eat", "past", "3sg"),
        "unrelated": token_id("share", "future", "1sg", "es"),
    }
    cosines = {k: a @ E[i] / np.linalg.norm(a) / np.linalg.norm(E[i]) for k, i in others.items()}
    assert all(abs(c) < 2 / np.sqrt(D) for c in cosines.values())
    assert max(cosines, key=lambda k: abs(cosines[k])) == "unrelated"
    assert np.allclose(list(run.namespace["cosines"].values()), list(cosines.values()), rtol=1e-12, atol=0)
    assert "'ella caminó'" in run.output


def test_random_cosines_spread_like_one_over_sqrt_d(runs):
    run = runs("cosine_at_initialisation")
    for d in (16, 64, 256):
        pairs, mean_abs, std, reference = row(run.output, str(d))[:4]
        assert int(pairs) == V * (V - 1) // 2
        assert abs(float(std) * np.sqrt(d) - 1) < 0.05
        assert abs(float(mean_abs) * np.sqrt(d) - np.sqrt(2 / np.pi)) < 0.05
        assert float(reference) == round(1 / np.sqrt(d), 4)
        assert round(float(mean_abs) / float(std), 1) == 0.8  # "about 0.8 of that"
    assert round(float(row(run.output, "64")[1]), 2) == 0.10  # "a cosine of 0.1 is what chance gives"


# --- Projection -----------------------------------------------------------------------


def test_projection_and_remainder_rebuild_b_and_are_perpendicular(runs):
    run = runs("projection")
    ns = run.namespace
    a, b, proj, perp = ns["a"], ns["b"], ns["proj"], ns["perp"]
    E = embedding_matrix(D)
    assert np.array_equal(a, E[token_id("walk", "past", "3sg")])
    assert np.array_equal(b, E[token_id("walk", "past", "3sg", "es")])
    assert abs(perp @ a) < 1e-15
    assert np.abs(proj + perp - b).max() < 1e-15
    assert abs(b @ b - (proj @ proj + perp @ perp)) < 1e-12 * (b @ b)
    cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    assert abs(np.linalg.norm(proj) / np.linalg.norm(b) - abs(cos)) < 1e-12
    assert row(run.output, "|proj| / |b|") == ["0.0582"] and row(run.output, "|cos(a, b)|") == ["0.0582"]


# --- Matrix norms ---------------------------------------------------------------------


def test_frobenius_and_spectral_norms_come_from_the_singular_values(runs):
    run = runs("matrix_norms_from_svd")
    A = conjugation_counts().astype(float)
    S = np.linalg.svd(A, compute_uv=False)
    assert abs(np.sqrt((S**2).sum()) - np.linalg.norm(A, "fro")) < 1e-12 * S[0]
    assert row(run.output, "Frobenius ||A||_F") == [f"{np.linalg.norm(A, 'fro'):.4f}"] * 3
    assert row(run.output, "spectral  ||A||_2") == [f"{S[0]:.4f}"] * 2 == ["461.4496"] * 2
    assert S[0] <= np.linalg.norm(A, "fro")


def test_random_unit_vectors_fall_short_of_sigma_1_and_v1_reaches_it(runs):
    run = runs("matrix_norms_from_svd")
    ns = run.namespace
    assert ns["N"] == 10_000
    assert ns["stretch"].max() < 0.9 * ns["S"][0]
    assert "max ||A x|| over 10000 random unit x: 384.1284" in run.output  # "reaches 384.1284"
    assert "||A v_1||  (v_1 = first row of Vt): 461.4496" in run.output


def test_sigma_1_squared_is_0_9546_of_the_frobenius_sum(runs):
    S = np.linalg.svd(conjugation_counts().astype(float), compute_uv=False)
    assert f"{S[0] ** 2 / (S**2).sum():.4f}" == "0.9546"
    assert "sigma_1^2 / ||A||_F^2 = 0.9546" in runs("matrix_norms_from_svd").output


# --- Other operator norms -------------------------------------------------------------


def test_l1_and_linf_operator_norms_are_the_largest_column_and_row_sums(runs):
    run = runs("operator_norms_one_and_inf")
    A = run.namespace["A"]
    assert A.shape == (4, 3) and np.array_equal(A, np.round(A))
    assert row(run.output, "column sums") == ["[15.", "11.", "14.],", "row", "sums", "[", "6.", "10.", "14.", "10.]"]
    # by hand, independently: ||A||_1 = 15 (column 0), ||A||_inf = 14 (row 2)
    assert np.abs(A).sum(axis=0).max() == 15 and np.argmax(np.abs(A).sum(axis=0)) == 0
    assert np.abs(A).sum(axis=1).max() == 14 and np.argmax(np.abs(A).sum(axis=1)) == 2
    one, inf, two = row(run.output, "1"), row(run.output, "inf"), row(run.output, "2")
    assert one[:2] == ["15.0000"] * 2 and one[3:] == ["e_0", "15.0000"] and float(one[2]) < 15
    assert inf[:2] == ["14.0000"] * 2 and inf[3:] == ["sign(a_2)", "14.0000"] and float(inf[2]) < 14
    sigma_1 = np.linalg.svd(A, compute_uv=False)[0]
    assert two[:2] == [f"{sigma_1:.4f}"] * 2 and two[3] == "v_1" and float(two[2]) <= sigma_1
    x = np.sign(A[2])
    assert np.abs(A @ x).max() == 14 and np.abs(A @ np.eye(3)[0]).sum() == 15


# --- Norms of products ----------------------------------------------------------------


def test_submultiplicativity_holds_and_the_aligned_pair_reaches_the_bound(runs):
    run = runs("submultiplicativity")
    ns = run.namespace
    assert ns["trials"] == 2_000 and all(len(r) == 2_000 for r in ns["ratios"].values())
    for order, label, median in [(2, "||AB||_2 / (||A||_2 ||B||_2)", "0.6551"),
                                 ("fro", "||AB||_F / (||A||_F ||B||_F)", "0.2392")]:
        assert max(ns["ratios"][order]) <= 1 + 1e-12
        printed_median, printed_largest = row(run.output, label)
        assert printed_median == median == f"{np.median(ns['ratios'][order]):.4f}"
        assert float(printed_largest) <= 1
    A, B_ = ns["A"], ns["B"]
    assert abs(np.linalg.norm(A @ B_, 2) / (np.linalg.norm(A, 2) * np.linalg.norm(B_, 2)) - 1) < 1e-12
    assert row(run.output, "aligned pair, spectral") == ["1.0000"]


def test_a_layer_at_initialisation_keeps_typical_lengths_but_stretches_v1_by_sigma1(runs):
    run = runs("typical_and_worst_stretch")
    ns = run.namespace
    W, X = ns["W"], ns["X"]
    assert W.shape == (D, D) and X.shape == (B * T, D) == (384, 64)
    ratio = np.sqrt(((X @ W.T) ** 2).sum(1) / (X**2).sum(1))
    assert row(run.output, "384 random x") == ["0.99", "0.75", "1.28"]
    assert [f"{ratio.mean():.2f}", f"{ratio.min():.2f}", f"{ratio.max():.2f}"] == ["0.99", "0.75", "1.28"]
    S = np.linalg.svd(W, compute_uv=False)
    assert row(run.output, "sigma_1, sigma_min") == ["2.01", "0.01"] == [f"{S[0]:.2f}", f"{S[-1]:.2f}"]
    assert row(run.output, "x = v_1 (top right s.v.)") == ["2.01"]
    assert abs(np.linalg.norm(W @ ns["v1"]) - S[0]) < 1e-12 * S[0]
    assert S[0] > 2 * ratio.mean() * 0.95  # "twice as much" as the typical stretch


# --- The condition number -------------------------------------------------------------


def test_machine_epsilon_is_the_gap_after_one(runs):
    run = runs("conditioned_solve")
    assert row(run.output, "float32") == ["1.1920929e-07"] * 2 + ["6.9"]
    assert row(run.output, "float64") == ["2.2204460e-16"] * 2 + ["15.7"]
    assert round(-np.log10(np.finfo(np.float32).eps)) == 7  # "about 7 decimal digits"
    assert round(-np.log10(np.finfo(np.float64).eps)) == 16  # "about 16"


MACHINE = (
    "machine-dependent: the last digits of a solve's error are the machine's BLAS/LAPACK "
    "(kernel, threads, NumPy version); the snippet asserts only the bound n * kappa * eps"
)


def test_solve_error_table_row_by_row(runs):
    run = runs("conditioned_solve")
    ns = run.namespace
    kappas, err32, err64 = ns["kappas"], ns["err32"], ns["err64"]
    eps32, eps64 = np.finfo(np.float32).eps, np.finfo(np.float64).eps
    assert list(kappas) == [10.0**e for e in range(8)]
    for kappa, e32, e64 in zip(kappas, err32, err64):
        s = np.logspace(0, -np.log10(kappa), D)
        A = ns["U"] @ np.diag(s) @ ns["V"].T
        assert abs(np.linalg.cond(A) / kappa - 1) < 1e-6  # built with the condition number it shows
        fields = row(run.output, f"{kappa:7.0e}")
        digits = [f"{-np.log10(e32):.1f}", f"{-np.log10(e64):.1f}"]
        assert fields == [f"{kappa:.2e}", f"{e32:.2e}", f"{e64:.2e}", *digits]
        # "the guarantee is of order n rho kappa eps": true in theory on any machine
        assert e32 <= D * kappa * eps32 and e64 <= D * kappa * eps64
        # a random x lands within 10 kappa eps on every kernel we tried (Haswell, SkylakeX,
        # SandyBridge; NumPy 2.0-2.5; 1-2 threads), far inside the bound
        assert e32 <= 10 * kappa * eps32 and e64 <= 10 * kappa * eps64, MACHINE
    # "kappa eps is not the guarantee": at kappa = 1 float64 is above it (the solve's own
    # rounding, the factor n rho, dominates); the prose says so without quoting a digit
    assert err64[0] > eps64, MACHINE
    # The prose reads the table to one digit: the last digits depend on the machine's LAPACK.
    first, last = (list(map(float, row(run.output, k)[3:])) for k in ("1e+00", "1e+07"))
    assert round(first[0]) == 7 and round(first[1]) == 15, MACHINE  # "about 7 and 15"
    assert 1 <= last[0] < 2, MACHINE  # "fewer than 2 left"
    assert round(last[1]) == 10, MACHINE  # "float64 still about 10"
    assert first[0] - last[0] < 7 and first[1] - last[1] < 7, MACHINE  # "fewer than the full 7"
    slopes = list(map(float, row(run.output, "log-log slope")))
    assert slopes == [round(ns["slope32"], 2), round(ns["slope64"], 2)]
    assert 0.5 < ns["slope32"] < 1 and 0.5 < ns["slope64"] < 1, MACHINE  # "below the slope 1"


def test_solve_error_figure_matches_the_text(runs):
    run = runs("conditioned_solve_figure")
    assert run.output.lstrip().startswith("<svg")
    kappas = run.namespace["kappas"]
    err32 = np.array(run.namespace["errors"][np.float32])
    err64 = np.array(run.namespace["errors"][np.float64])
    eps32, eps64 = np.finfo(np.float32).eps, np.finfo(np.float64).eps
    assert np.all(err32 <= D * kappas * eps32) and np.all(err64 <= D * kappas * eps64)
    above = err64 > kappas * eps64
    assert above[0], MACHINE  # float64 above its dashed line at kappa = 1
    assert np.all(kappas[above] < 100), MACHINE  # ... and only at the small kappas
    assert np.all(err32 <= 10 * kappas * eps32) and np.all(err64 <= 10 * kappas * eps64), MACHINE
    # the figure's kappa = 10^k points are the table's rows
    table = runs("conditioned_solve").namespace
    assert np.array_equal(err32[::4], table["err32"]) and np.array_equal(err64[::4], table["err64"])


# --- Gradient clipping ----------------------------------------------------------------


def test_clipping_caps_the_norm_keeps_the_direction_and_spares_small_gradients(runs):
    run = runs("gradient_clipping")
    assert row(run.output, "large") == ["98.5107", "1.0000", "1.0000", "False"]
    small = row(run.output, "small")
    assert small[0] == small[1] and small[2:] == ["1.0000", "True"]
    clip = run.namespace["clip_by_global_norm"]
    rng = np.random.default_rng(1)
    big = [rng.normal(size=(V, D)), rng.normal(size=(5, D))]
    clipped, total = clip(big, 1.0)
    flat_before = np.concatenate([g.ravel() for g in big])
    flat_after = np.concatenate([g.ravel() for g in clipped])
    assert total > 1.0 and abs(np.linalg.norm(flat_after) - 1.0) < 1e-12
    cos = flat_before @ flat_after / np.linalg.norm(flat_before) / np.linalg.norm(flat_after)
    assert abs(cos - 1) < 1e-12
    # one factor for all tensors: each tensor is scaled by the same c / total
    assert all(np.allclose(h, g / total, rtol=1e-12, atol=0) for g, h in zip(big, clipped))
    tiny = [g * 1e-4 for g in big]
    untouched, _ = clip(tiny, 1.0)
    assert all(np.array_equal(g, h) for g, h in zip(tiny, untouched))


# --- Weight decay ---------------------------------------------------------------------


def test_weight_decay_with_zero_gradient_shrinks_the_norm_by_0_95_a_step(runs):
    run = runs("weight_decay")
    ns = run.namespace
    factor = 1 - ns["lr"] * ns["lam"]
    assert factor == 0.95 and "1 - lr * lambda = 0.95" in run.output
    norms = ns["norms"]
    assert ns["W"].shape == (5, D) and len(norms) == ns["steps"] + 1
    assert np.allclose(norms[1:] / norms[:-1], factor, rtol=1e-12, atol=0)
    assert np.allclose(norms, norms[0] * factor ** np.arange(len(norms)), rtol=1e-12, atol=0)
    for step in range(0, ns["steps"] + 1, 5):
        measured, predicted = row(run.output, str(step))
        assert measured == predicted == f"{norms[step]:.4f}"


# --- Normalisation layers -------------------------------------------------------------


def test_rmsnorm_and_layernorm_give_every_vector_length_sqrt_d(runs):
    run = runs("normalisation_layers")
    ns = run.namespace
    x = ns["x"]
    assert x.shape == (B, T, D)
    assert row(run.output, "x")[:2] == ["1.0169", "1139.4011"]
    assert row(run.output, "RMSNorm")[:2] == ["7.9975", "8.0000"]
    assert row(run.output, "LayerNorm") == ["7.9949", "8.0000", "0.0000"]
    # independent formulas: length sqrt(D) * sqrt(m / (m + eps)), m the mean square
    eps = ns["eps"]
    m = (x**2).mean(-1)
    rms_lengths = np.linalg.norm(ns["rms_norm"](x), axis=-1)
    assert np.allclose(rms_lengths, np.sqrt(D) * np.sqrt(m / (m + eps)), rtol=1e-12, atol=0)
    centred = x - x.mean(-1, keepdims=True)
    layer = ns["layer_norm"](x)
    expected = centred / np.sqrt((centred**2).mean(-1, keepdims=True) + eps)
    assert np.allclose(layer, expected, rtol=1e-12, atol=0)
    assert np.abs(layer.mean(-1)).max() < 1e-12


def test_normalisation_is_scale_invariant_to_within_6e_4(runs):
    run = runs("normalisation_layers")
    gap = run.namespace["gap"]
    assert "max |RMSNorm(3x) - RMSNorm(x)| = 5.9e-04" in run.output
    assert 5e-4 < gap < 6e-4  # "to within 6 x 10^-4"
    rms_norm = run.namespace["rms_norm"]
    big = run.namespace["x"] * 1e3  # far from eps the invariance is exact to rounding
    assert np.abs(rms_norm(3 * big) - rms_norm(big)).max() < 1e-5


def test_rmsnorm_length_at_small_scales_and_its_sign(runs):
    run = runs("rmsnorm_scales")
    ns = run.namespace
    v, eps = ns["v"], ns["eps"]
    assert eps == 1e-5 and v.shape == (D,)
    m = np.mean(v**2)
    for c, length, cos in [("0.001", "2.0951", "1.0000"), ("1000", "8.0000", "1.0000"),
                           ("-1", "7.9999", "-1.0000")]:
        assert row(run.output, c) == [length, length, cos]
        scaled = float(c) * v
        y = scaled / np.sqrt(np.mean(scaled**2) + eps)
        assert f"{np.linalg.norm(y):.4f}" == length  # "2.0951, not 8"
    for c in ("0.1", "1", "1000"):  # "from c = 0.1 up it is within 0.01 of 8"
        assert abs(float(row(run.output, c)[0]) - 8) < 0.01
    assert abs(float(row(run.output, "0.01")[0]) - 8) > 0.01
    assert 1e-6 * m < eps  # at c = 1e-3 the mean square is far below eps


def test_rmsnorm_and_layernorm_are_diagonal_matmuls(runs):
    run = runs("rmsnorm_as_diagonal_matmul")
    ns = run.namespace
    for line in ("G = diag(g): (64, 64), non-zeros off the diagonal: 0",
                 "P: (64, 64), symmetric True, P P = P True",
                 "RMSNorm(x) == diag(g) x / rms(x): True",
                 "LayerNorm(x) == diag(g) P x / rms(P x) + beta: True",
                 "one token: RMSNorm(x) == (diag(g) / rms(x)) @ x: True",
                 "W (diag(g) x / rms(x)) == (W diag(g)) x / rms(x): True",
                 "singular values of diag(g) == sorted |g|: True"):
        assert line in run.output, line
    x, g, beta, eps = ns["x"], ns["g"], ns["beta"], ns["eps"]
    assert x.shape == (B, T, D) and eps == 1e-5 and np.abs(beta).max() > 0  # a real bias
    # independent: the elementwise layers against explicit per-token matrices
    token = x[3, 5]
    rms = np.sqrt(np.mean(token**2) + eps)
    assert np.allclose(np.diag(g / rms) @ token, ns["rms_norm"](x)[3, 5], rtol=1e-12, atol=0)
    P = np.eye(D) - 1 / D
    centred = P @ token
    expected = np.diag(g) @ centred / np.sqrt(np.mean(centred**2) + eps) + beta
    assert np.allclose(expected, ns["layer_norm"](x)[3, 5], rtol=1e-12, atol=1e-15)


# --- Quantization ---------------------------------------------------------------------


def test_per_row_int8_scales_are_linf_norms_and_beat_one_scale(runs):
    run = runs("int8_quantization")
    ns = run.namespace
    W = ns["W"]
    assert W.shape == (D, D)
    assert np.array_equal(ns["per_row"][:, 0], np.abs(W).max(axis=1) / 127)
    assert ns["per_tensor"] == np.abs(W).max() / 127
    assert row(run.output, "per tensor") == ["1", "20.0%", "0.0224", "0.7853", "0.0218"]
    assert row(run.output, "per row") == ["64", "0.8%", "0.0060", "0.0081", "0.0059"]
    assert "row norms from 0.089 to 9.828" in run.output
    # recompute the per-row error from scratch
    scale = np.abs(W).max(axis=1, keepdims=True) / 127
    q = np.round(W / scale)
    assert np.abs(q).max() == 127
    rows = np.linalg.norm(W - q * scale, axis=1) / np.linalg.norm(W, axis=1)
    assert f"{rows.max():.4f}" == "0.0081"


# --- Check yourself -------------------------------------------------------------------


def test_check_three_norms_of_1_minus2_2(runs):
    run = runs("check_three_norms")
    assert "L1 = 5.0, L2 = 3.0, Linf = 2.0" in run.output
    assert np.allclose(run.namespace["unit"], [1 / 3, -2 / 3, 2 / 3], rtol=1e-15, atol=0)
    assert "||x / L2||_2 = 1.0000" in run.output


def test_check_a_cosine_of_0_3_is_2_4_sigmas_at_64_and_4_8_at_256(runs):
    run = runs("check_chance_cosine")
    assert row(run.output, "64") == ["0.1250", "2.4", "1.55%"]
    assert row(run.output, "256") == ["0.0625", "4.8", "0.00%"]
    E = embedding_matrix(64)
    unit = E / np.linalg.norm(E, axis=1, keepdims=True)
    cos = (unit @ unit.T)[np.triu_indices(V, k=1)]
    assert f"{np.mean(np.abs(cos) >= 0.3):.2%}" == "1.55%"


def test_check_norms_from_singular_values_4_3_0(runs):
    run = runs("check_norms_from_singular_values")
    A, B_ = run.namespace["A"], run.namespace["B"]
    assert abs(np.linalg.norm(A, "fro") - 5) < 1e-12 and abs(np.linalg.norm(A, 2) - 4) < 1e-12
    assert abs(np.linalg.norm(B_, 2) - 2) < 1e-12 and abs(np.linalg.norm(A @ B_, 2) - 8) < 1e-12
    assert "||A||_F = 5.0, ||A||_2 = 4.0" in run.output
    assert "bound ||A||_2 ||B||_2 = 8.0, this pair: ||AB||_2 = 8.0000" in run.output


def test_check_digits_at_kappa_1e4(runs):
    run = runs("check_digits_at_kappa")
    predicted, guaranteed, measured = re.fullmatch(
        r"kappa = 1e\+04: digits left by kappa eps (\S+), by n kappa eps (\S+), measured (\S+)",
        run.output.strip(),
    ).groups()
    assert predicted == "2.9" and guaranteed == "1.1"  # "leaves 2.9", "it leaves 1.1"
    assert float(measured) >= float(guaranteed)  # the LU guarantee, any machine
    assert float(measured) > float(predicted), MACHINE  # "the run keeps more than both"
    # the same solve as the kappa = 1e4 row of the condition-number table
    assert row(runs("conditioned_solve").output, "1e+04")[3] == measured


def test_check_normalising_a_constant_vector(runs):
    run = runs("check_normalising_a_constant")
    assert "||RMSNorm(x)||_2 = 8.0000" in run.output
    assert "||LayerNorm(x)||_2 = 0.0000" in run.output and np.all(run.namespace["layer"] == 0)
