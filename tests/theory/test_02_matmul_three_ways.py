"""Theory 02: the claims the page makes, checked from outside its snippets, in page order."""

from __future__ import annotations

import numpy as np

from lacourse.runner import run_file
from lacourse.universe import FORMS, TENSES, V, token_id

PAGE = "theory/02_matmul_three_ways"


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


# --- the textbook view: rows times columns -------------------------------------------------


def test_shape_rule_gives_a_600_by_5_table_of_tense_scores():
    result = run("rows_times_columns")
    ns = result.namespace
    assert ns["E"].shape == (V, 64) and ns["W"].shape == (64, 5)
    assert ns["logits"].shape == (600, 5)
    assert "E @ W : (600, 64) @ (64, 5) -> (600, 5)" in result.output


def test_each_entry_is_one_dot_product_of_a_row_and_a_column():
    result = run("rows_times_columns")
    ns = result.namespace
    i, j = ns["i"], ns["j"]
    assert FORMS[i] == "she walked" and TENSES[j] == "past"  # the page names this entry
    assert np.isclose(ns["logits"][i, j], np.dot(ns["E"][i], ns["W"][:, j]))
    # "computing all 3,000 entries that way rebuilds E @ W"
    assert ns["by_dots"].size == 3_000
    assert np.allclose(ns["by_dots"], ns["E"] @ ns["W"])
    assert "dot products: 3000  same as E @ W: True" in result.output


def test_matmul_costs_2mkn_flops_384000_for_the_whole_vocabulary():
    result = run("rows_times_columns")
    assert result.namespace["flops"] == 2 * 600 * 64 * 5 == 384_000
    assert "= 384,000" in result.output


def test_the_other_order_breaks_the_shape_rule():
    result = run("rows_times_columns")
    assert "W @ E : (64, 5) @ (600, 64) -> ValueError" in result.output


# --- way 1: composition ---------------------------------------------------------------------


def test_composition_applying_b_then_a_equals_applying_ab():
    ns = run("composition_of_maps").namespace
    assert ns["B"].shape == (64, 600) and ns["A"].shape == (5, 64)
    assert ns["AB"].shape == (5, 600)
    assert np.allclose(ns["A"] @ (ns["B"] @ ns["x"]), (ns["A"] @ ns["B"]) @ ns["x"])
    # B is E.T, so B @ x is the embedding of "she walked"
    assert np.array_equal(ns["h"], ns["E"][token_id("walk", "past", "3sg")])


def test_composition_costs_differ_77440_vs_390000():
    result = run("composition_of_maps")
    ns = result.namespace
    D, V_, C = 64, 600, 5
    assert ns["flops_two_steps"] == 2 * D * V_ + 2 * C * D == 77_440
    assert ns["flops_compose_first"] == 2 * C * D * V_ + 2 * C * V_ == 390_000
    assert "77,440" in result.output and "390,000" in result.output


# --- way 2: outer products ------------------------------------------------------------------


def test_product_is_a_sum_of_rank_one_outer_products():
    result = run("sum_of_outer_products")
    ns = result.namespace
    A, B, pieces = ns["A"], ns["B"], ns["pieces"]
    k = A.shape[1]
    assert pieces.shape == (k, A.shape[0], B.shape[1])
    for p in range(k):
        assert np.array_equal(pieces[p], np.outer(A[:, p], B[p]))
        assert np.linalg.matrix_rank(pieces[p]) == 1
        assert np.linalg.matrix_rank(pieces[: p + 1].sum(axis=0)) == p + 1  # each piece adds one to the rank
    assert np.array_equal(pieces.sum(axis=0), A @ B)  # exactly, not just close
    assert "sum of pieces == A @ B: True" in result.output


def test_outer_products_figure_has_four_panels():
    result = run("outer_products_figure")
    assert result.output.lstrip().startswith("<svg")
    assert len(result.namespace["axes"]) == 4
    assert np.array_equal(result.namespace["panels"][-1], result.namespace["product"])


# --- way 3: einsum --------------------------------------------------------------------------


def test_einsum_strings_give_product_pieces_entry_and_batch():
    result = run("matmul_as_einsum")
    ns = result.namespace
    A, B = ns["A"], ns["B"]
    assert np.array_equal(ns["C"], A @ B)
    assert np.array_equal(ns["pieces"].sum(axis=0), A @ B)
    assert ns["pieces"].shape == (3, 4, 5)
    assert ns["entry"] == (A @ B)[1, 2]
    assert np.allclose(ns["C_batch"], ns["A_batch"] @ ns["B_batch"])
    assert ns["C_batch"].shape == (8, 4, 5)


# --- Hadamard vs matmul ---------------------------------------------------------------------


def test_hadamard_and_matmul_both_run_on_square_matrices_and_differ():
    result = run("hadamard_vs_matmul")
    ns = result.namespace
    assert ns["hadamard"].tolist() == [[5, 12], [21, 32]]
    assert ns["matmul"].tolist() == [[19, 22], [43, 50]]
    assert ns["hadamard"].shape == ns["matmul"].shape
    assert not np.array_equal(ns["hadamard"], ns["matmul"])
    assert "(2, 3) * (3, 2) -> ValueError" in result.output  # differing shapes fail loudly


# --- transpose ------------------------------------------------------------------------------


def test_transpose_of_a_product_reverses_the_order():
    result = run("transpose_of_a_product")
    A, B = result.namespace["A"], result.namespace["B"]
    assert np.allclose((A @ B).T, B.T @ A.T)
    assert "A.T @ B.T   (4, 3) @ (2, 4) -> ValueError" in result.output


# --- Gram matrix ----------------------------------------------------------------------------


def test_gram_matrices_are_symmetric_psd_and_have_rank_64():
    result = run("gram_matrix")
    ns = result.namespace
    E = ns["E"]
    for M, n in [(ns["G"], 64), (ns["S"], 600)]:
        assert M.shape == (n, n)
        assert np.allclose(M, M.T)
        eigenvalues = np.linalg.eigvalsh(M)
        tol = 1e-10 * eigenvalues.max()
        assert eigenvalues.min() >= -tol
        assert int((eigenvalues > tol).sum()) == 64  # "only 64 of its 600 eigenvalues"
        assert np.linalg.matrix_rank(M) == 64
    x = ns["x"]
    assert np.isclose(x @ ns["G"] @ x, np.linalg.norm(E @ x) ** 2)
    assert "E @ E.T   (600, 600)       True             True         64    64" in result.output


# --- attention ------------------------------------------------------------------------------


def test_attention_scores_are_a_matmul_with_named_shapes():
    ns = run("attention_scores").namespace
    T, D, d = ns["T"], ns["D"], ns["d"]
    assert (T, D, d) == (16, 64, 64)
    assert ns["Q"].shape == ns["K"].shape == ns["V"].shape == (T, d)
    assert ns["scores"].shape == ns["weights"].shape == (T, T)
    assert np.allclose(ns["scores"], ns["Q"] @ ns["K"].T / np.sqrt(d))
    assert np.allclose(ns["weights"].sum(axis=1), 1.0)  # softmax rows sum to 1
    assert (ns["weights"] >= 0).all()
    assert ns["out"].shape == (T, d)
    assert np.allclose(ns["out"], ns["weights"] @ ns["V"])


def test_attention_flops_column_follows_the_formulas():
    output = run("attention_scores").output
    T, D, d = 16, 64, 64
    assert f"{2 * T * D * d:,}" in output  # projections: like T D d
    assert f"{2 * T * T * d:,}" in output  # inside attention: like T^2 d


# --- linear layer ---------------------------------------------------------------------------


def test_linear_layer_broadcasts_the_bias_over_the_batch():
    result = run("linear_layer")
    ns = result.namespace
    X, W, b, Y = ns["X"], ns["W"], ns["b"], ns["Y"]
    assert X.shape == (32, 64) and W.shape == (64, 5) and b.shape == (5,) and Y.shape == (32, 5)
    assert np.allclose(Y, X @ W + np.tile(b, (32, 1)))
    assert np.allclose(Y[0], X[0] @ W + b)
    assert ns["W_torch"].shape == (5, 64)  # PyTorch's (5, D) storage
    assert np.allclose(X @ ns["W_torch"].T + b, Y)
    assert "X (32, 64) @ W (64, 5) + b (5,) -> Y (32, 5)" in result.output


# --- LoRA -----------------------------------------------------------------------------------


def test_lora_update_has_rank_r_and_48_times_fewer_parameters():
    result = run("lora_low_rank_update")
    ns = result.namespace
    d, r = ns["d"], ns["r"]
    assert (d, r) == (768, 8)
    assert ns["delta_W"].shape == (d, d)
    assert np.linalg.matrix_rank(ns["delta_W"]) == r == 8
    assert d * d == 589_824 and 2 * d * r == 12_288
    assert 589_824 / 12_288 == 48
    assert "589,824" in result.output and "12,288" in result.output and "48x" in result.output


def test_lora_applied_factor_by_factor_costs_48_times_fewer_flops():
    result = run("lora_low_rank_update")
    ns = result.namespace
    d, r = ns["d"], ns["r"]
    assert np.allclose(ns["merged"], ns["W"] @ ns["x"] + ns["B_lora"] @ (ns["A_lora"] @ ns["x"]))
    assert (2 * d * d) / (2 * d * r + 2 * r * d) == 48
    assert "1,179,648" in result.output and "24,576" in result.output
