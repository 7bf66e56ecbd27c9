"""Theory 04: the claims the page makes about norms, checked from outside its snippets."""

from __future__ import annotations


import numpy as np
import pytest

from lacourse.runner import run_file
from lacourse.universe import FORMS, V, conjugation_counts, embedding_matrix, token_id

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


# --- Three ways to measure a vector ----------------------------------------------------


def test_norms_of_3_minus4_0_are_7_5_4_by_hand_and_by_numpy(runs):
    run = runs("vector_norms")
    ns = run.namespace
    assert (ns["l1"], ns["l2"], ns["linf"]) == (7.0, 5.0, 4.0)
    assert row(run.output, "L1")[:2] == ["7.0000", "7.0000"]
    assert row(run.output, "L2")[:2] == ["5.0000", "5.0000"]
    assert row(run.output, "Linf")[:2] == ["4.0000", "4.0000"]


def test_untrained_embedding_rows_have_length_close_to_one(runs):
    run = runs("vector_norms")
    E = embedding_matrix(64)
    lengths = np.sqrt((E**2).sum(axis=1))
    assert abs(lengths.mean() - 1.0) < 0.02
    assert np.allclose(run.namespace["row_l2"], lengths)
    assert "('she walked')" in run.output and FORMS[run.namespace["token"]] == "she walked"
    assert f"mean {lengths.mean():.4f}" in run.output


# --- Unit balls ------------------------------------------------------------------------


def test_unit_ball_figure_draws_diamond_inside_circle_inside_square(runs):
    run = runs("unit_balls")
    assert run.output.lstrip().startswith("<svg")
    curves = [line for line in run.namespace["ax"].get_lines() if not line.get_label().startswith("_")]
    assert len(curves) == 3 and len(run.namespace["ax"].get_legend().get_texts()) == 3
    diamond, circle, square = (np.column_stack(c.get_data()) for c in curves)
    assert np.allclose(np.abs(diamond).sum(axis=1), 1.0)
    assert np.allclose(np.hypot(*circle.T), 1.0)
    assert np.allclose(np.abs(square).max(axis=1), 1.0)
    # same direction, three radii: diamond point <= circle point <= square point
    assert np.all(np.hypot(*diamond.T) <= 1 + 1e-12) and np.all(np.hypot(*square.T) >= 1 - 1e-12)
    assert run.namespace["ax"].get_aspect() == 1.0  # equal aspect ratio


# --- The norms are ordered ------------------------------------------------------------


def test_linf_le_l2_le_l1_and_the_companion_bounds_on_ten_thousand_vectors(runs):
    run = runs("norm_inequalities")
    X = run.namespace["X"]
    n = X.shape[1]
    assert X.shape == (10_000, 64)
    l1, l2, linf = np.abs(X).sum(1), np.sqrt((X**2).sum(1)), np.abs(X).max(1)
    assert np.all(linf <= l2) and np.all(l2 <= l1)
    assert np.all(l1 <= np.sqrt(n) * l2 * (1 + 1e-12)) and np.all(l2 <= np.sqrt(n) * linf * (1 + 1e-12))
    assert "Linf <= L2 <= L1 for all: True" in run.output


def test_one_hot_has_equal_norms_and_ones_meets_the_companion_bounds(runs):
    run = runs("norm_inequalities")
    assert row(run.output, "one-hot") == ["1.0000", "1.0000", "1.0000"]
    assert row(run.output, "ones") == ["64.0000", "8.0000", "1.0000"]
    # the all-ones vector meets ||x||_1 <= sqrt(n) ||x||_2 and ||x||_2 <= sqrt(n) ||x||_inf with equality
    ones, n = run.namespace["flat"], run.namespace["n"]
    l1, l2, linf = np.abs(ones).sum(), np.sqrt((ones**2).sum()), np.abs(ones).max()
    assert l1 == np.sqrt(n) * l2 and l2 == np.sqrt(n) * linf


# --- Cosine similarity ----------------------------------------------------------------


def test_untrained_cosines_are_small_and_ignore_relatedness(runs):
    run = runs("cosine_at_initialisation")
    E = embedding_matrix(64)
    a = E[token_id("walk", "past", "3sg")]
    others = {
        "translation": token_id("walk", "past", "3sg", "es"),
        "same verb, present": token_id("walk", "present", "3sg"),
        "same tense, other verb": token_id("eat", "past", "3sg"),
        "unrelated": token_id("share", "future", "1sg", "es"),
    }
    cosines = {k: a @ E[i] / np.linalg.norm(a) / np.linalg.norm(E[i]) for k, i in others.items()}
    assert all(abs(c) < 2 / np.sqrt(64) for c in cosines.values())
    assert max(cosines, key=lambda k: abs(cosines[k])) == "unrelated"
    assert np.allclose(list(run.namespace["cosines"].values()), list(cosines.values()))
    assert "'ella caminó'" in run.output


def test_random_cosines_spread_like_one_over_sqrt_d(runs):
    run = runs("cosine_at_initialisation")
    for D in (16, 64, 256):
        pairs, mean_abs, std, reference = row(run.output, str(D))[:4]
        assert int(pairs) == V * (V - 1) // 2
        assert abs(float(std) * np.sqrt(D) - 1) < 0.05
        assert abs(float(mean_abs) * np.sqrt(D) - np.sqrt(2 / np.pi)) < 0.05  # "about 0.8 of that"
        assert float(reference) == round(1 / np.sqrt(D), 4)
        assert round(float(mean_abs) / float(std), 1) == 0.8  # "about 0.8 of that"
    assert round(float(row(run.output, "64")[1]), 2) == 0.10  # "a cosine of 0.1 ... is chance"


# --- Projection -----------------------------------------------------------------------


def test_projection_and_remainder_rebuild_a_and_are_perpendicular(runs):
    ns = runs("projection").namespace
    a, b, proj, perp = ns["a"], ns["b"], ns["proj"], ns["perp"]
    E = embedding_matrix(64)
    assert np.array_equal(a, E[token_id("walk", "past", "3sg")]) and np.array_equal(b, E[305])
    assert abs(perp @ b) < 1e-15 and abs(perp @ b) < 1e-10 * np.abs(b).min()
    assert np.allclose(proj + perp, a, rtol=0, atol=1e-15)
    assert np.isclose(a @ a, proj @ proj + perp @ perp)
    cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    assert np.isclose(np.linalg.norm(proj) / np.linalg.norm(a), abs(cos))


# --- Matrix norms ---------------------------------------------------------------------


def test_frobenius_and_spectral_norms_come_from_the_singular_values(runs):
    run = runs("matrix_norms_from_svd")
    A = conjugation_counts().astype(float)
    S = np.linalg.svd(A, compute_uv=False)
    assert np.isclose(np.sqrt((S**2).sum()), np.linalg.norm(A, "fro"))
    assert np.isclose(S[0], np.linalg.norm(A, 2))
    assert row(run.output, "Frobenius ||A||_F") == [f"{np.linalg.norm(A, 'fro'):.4f}"] * 3
    assert row(run.output, "spectral  ||A||_2 = sigma_1") == [f"{S[0]:.4f}"] * 2
    assert S[0] <= np.linalg.norm(A, "fro")


def test_random_unit_vectors_fall_short_of_sigma_1_and_v1_reaches_it(runs):
    ns = runs("matrix_norms_from_svd").namespace
    assert ns["N"] == 10_000
    assert ns["stretch"].max() < 0.9 * ns["S"][0]
    assert np.isclose(np.linalg.norm(ns["A"] @ ns["Vt"][0]), ns["S"][0])


def test_sigma_1_squared_is_most_of_the_frobenius_sum(runs):
    S = np.linalg.svd(conjugation_counts().astype(float), compute_uv=False)
    assert S[0] ** 2 / (S**2).sum() > 0.9
    assert np.isclose(runs("matrix_norms_from_svd").namespace["share"], S[0] ** 2 / (S**2).sum())


# --- Norms of products ----------------------------------------------------------------


def test_submultiplicativity_holds_and_the_aligned_pair_reaches_the_bound(runs):
    ns = runs("submultiplicativity").namespace
    assert ns["trials"] == 2_000 and all(len(r) == 2_000 for r in ns["ratios"].values())
    for order in (2, "fro"):
        assert max(ns["ratios"][order]) <= 1 + 1e-12
        assert np.median(ns["ratios"][order]) < 0.8  # the typical pair stays well below
    A, B = ns["A"], ns["B"]
    assert np.isclose(np.linalg.norm(A @ B, 2), np.linalg.norm(A, 2) * np.linalg.norm(B, 2))


# --- The condition number -------------------------------------------------------------


def test_machine_epsilon_is_the_gap_after_one(runs):
    run = runs("conditioned_solve")
    assert row(run.output, "float32")[:2] == ["1.1920929e-07"] * 2
    assert row(run.output, "float64")[:2] == ["2.2204460e-16"] * 2
    assert np.nextafter(np.float32(1), np.float32(2)) - 1 == np.finfo(np.float32).eps
    assert round(-np.log10(np.finfo(np.float32).eps)) == 7  # "about 7 decimal digits"
    assert round(-np.log10(np.finfo(np.float64).eps)) == 16  # "about 16"


def test_solve_error_table_tracks_kappa(runs):
    ns = runs("conditioned_solve").namespace
    kappas, err32, err64 = ns["kappas"], ns["err32"], ns["err64"]
    eps32, eps64 = np.finfo(np.float32).eps, np.finfo(np.float64).eps
    assert list(kappas) == [10.0**e for e in range(8)]
    # the matrices have the condition number they were built with
    for kappa in kappas:
        s = np.logspace(0, -np.log10(kappa), 64)
        assert np.isclose(np.linalg.cond(ns["U"] @ np.diag(s) @ ns["V"].T), kappa, rtol=1e-6)
    assert np.all(err32 <= 10 * kappas * eps32) and np.all(err64 <= 10 * kappas * eps64)
    assert err32[0] <= 10 * eps32 and err64[0] <= 10 * eps64  # "accurate to the last few digits"
    assert err32[-1] >= 1e4 * err32[0]  # "more than ten thousand times"
    assert -np.log10(err32[-1]) < 3  # "fewer than 3 correct digits left"
    assert -np.log10(err64[-1]) > 9  # "still has more than 9"
    assert 0.6 < ns["slope32"] < 1.0 and 0.6 < ns["slope64"] < 1.0  # slopes below 1


def test_solve_error_figure_matches_the_text(runs):
    run = runs("conditioned_solve_figure")
    assert run.output.lstrip().startswith("<svg")
    kappas = run.namespace["kappas"]
    err32 = np.array(run.namespace["errors"][np.float32])
    err64 = np.array(run.namespace["errors"][np.float64])
    eps32, eps64 = np.finfo(np.float32).eps, np.finfo(np.float64).eps
    assert np.all(err32 <= kappas * eps32)  # float32 below its reference line everywhere
    above = err64 > kappas * eps64
    assert above[0] and np.all(kappas[above] < 10)  # float64 above its line only near kappa = 1
    assert np.all(err32 <= 10 * kappas * eps32) and np.all(err64 <= 10 * kappas * eps64)
    # the figure's kappa = 10^k points are the table's rows
    table = runs("conditioned_solve").namespace
    assert np.allclose(err32[::4], table["err32"]) and np.allclose(err64[::4], table["err64"])


# --- Gradient clipping ----------------------------------------------------------------


def test_clipping_caps_the_norm_keeps_the_direction_and_spares_small_gradients(runs):
    run = runs("gradient_clipping")
    assert row(run.output, "large")[1:] == ["1.0000", "1.0000", "False"]
    small = row(run.output, "small")
    assert small[0] == small[1] and small[2:] == ["1.0000", "True"]
    clip = run.namespace["clip_by_global_norm"]
    rng = np.random.default_rng(1)
    big = [rng.normal(size=(V, 64)), rng.normal(size=(5, 64))]
    clipped, total = clip(big, 1.0)
    flat_before = np.concatenate([g.ravel() for g in big])
    flat_after = np.concatenate([g.ravel() for g in clipped])
    assert total > 1.0 and np.isclose(np.linalg.norm(flat_after), 1.0, rtol=1e-12)
    assert np.isclose(flat_before @ flat_after / np.linalg.norm(flat_before) / np.linalg.norm(flat_after), 1.0)
    tiny = [g * 1e-4 for g in big]
    untouched, _ = clip(tiny, 1.0)
    assert all(np.array_equal(g, h) for g, h in zip(tiny, untouched))


# --- Weight decay ---------------------------------------------------------------------


def test_weight_decay_with_zero_gradient_shrinks_the_norm_geometrically(runs):
    run = runs("weight_decay")
    ns = run.namespace
    factor = 1 - ns["lr"] * ns["lam"]
    norms = ns["norms"]
    assert ns["W"].shape == (5, 64) and len(norms) == ns["steps"] + 1
    assert np.allclose(norms[1:] / norms[:-1], factor, rtol=1e-12)
    assert np.allclose(norms, norms[0] * factor ** np.arange(len(norms)), rtol=1e-12)
    for step in range(0, ns["steps"] + 1, 5):
        measured, predicted = row(run.output, str(step))
        assert measured == predicted
