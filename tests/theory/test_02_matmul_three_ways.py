"""Theory 02: the claims the page makes, checked from outside its snippets, in page order.

Every number the prose states is asserted here at the value the prose gives; every printed table
the prose draws a conclusion from is asserted row by row. Tolerances are scaled to the quantity.
"""

from __future__ import annotations

import numpy as np
import pytest

from lacourse_site.runner import run_file
from lacourse.universe import B, D, D_HEAD, FORMS, H, T, TENSES, V, embedding_matrix, token_id

PAGE = "theory/02_matmul_three_ways"


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


def lines(output: str) -> list[str]:
    return output.splitlines()


def test_the_course_sizes_are_the_ones_the_prose_uses():
    assert (B, T, D, H, D_HEAD, V, len(TENSES)) == (32, 12, 64, 4, 16, 600, 5)


# --- the textbook view: rows times columns -------------------------------------------------


def test_shape_rule_gives_a_600_by_5_table_of_tense_scores():
    result = run("rows_times_columns")
    ns = result.namespace
    assert ns["E"].shape == (600, 64) and ns["W"].shape == (64, 5)
    assert ns["logits"].shape == (600, 5)
    assert lines(result.output)[0] == "E @ W : (600, 64) @ (64, 5) -> (600, 5)"


def test_each_entry_is_one_dot_product_of_a_row_and_a_column():
    result = run("rows_times_columns")
    ns = result.namespace
    i, j = ns["i"], ns["j"]
    assert FORMS[i] == "she walked" and TENSES[j] == "past"  # the page names this entry
    entry = ns["logits"][i, j]
    assert np.isclose(entry, np.dot(ns["E"][i], ns["W"][:, j]), rtol=1e-12, atol=0)
    # "computing all 3,000 entries that way rebuilds E @ W"
    assert ns["by_dots"].shape == (600, 5) and ns["by_dots"].size == 3_000
    assert np.allclose(ns["by_dots"], ns["E"] @ ns["W"], rtol=1e-12, atol=1e-15)
    assert "dot products: 3000  same as E @ W: True" in result.output


def test_matmul_costs_2mkn_flops_384000_for_the_whole_vocabulary():
    result = run("rows_times_columns")
    assert result.namespace["flops"] == 2 * 600 * 64 * 5 == 384_000
    assert "FLOPs = 2*m*k*n = 2*600*64*5 = 384,000" in result.output


def test_the_other_order_breaks_the_shape_rule():
    result = run("rows_times_columns")
    assert lines(result.output)[-1] == "W @ E : (64, 5) @ (600, 64) -> ValueError"


# --- columns are the images of the basis vectors --------------------------------------------


def test_columns_are_the_images_of_the_basis_vectors():
    result = run("columns_are_images")
    ns = result.namespace
    A = ns["A"]
    assert A.tolist() == [[2.0, -1.0], [1.0, 1.0]]
    out = lines(result.output)
    assert out[0] == "A @ e1 = [2. 1.]    A[:, 0] = [2. 1.]"
    assert out[1] == "A @ e2 = [-1.  1.]    A[:, 1] = [-1.  1.]"
    # x = (1.5, 2) goes to 1.5 A e1 + 2 A e2 = (1, 3.5)
    assert ns["x"].tolist() == [1.5, 2.0] and (A @ ns["x"]).tolist() == [1.0, 3.5]
    assert "A @ x = [1.  3.5]" in out[2]


def test_the_embedding_lookup_sends_basis_vector_5_to_the_embedding_of_she_walked():
    result = run("columns_are_images")
    j = result.namespace["j"]
    assert j == 5 == token_id("walk", "past", "3sg") and FORMS[j] == "she walked"
    assert result.namespace["E"].T.shape == (64, 600)
    assert np.array_equal(result.namespace["E"].T @ np.eye(V)[j], embedding_matrix(D)[j])
    assert lines(result.output)[-1] == "E.T (64, 600) @ e_5 == E[5]: True"


def test_basis_figure_shows_the_columns_and_a_parallelogram_of_area_3():
    result = run("columns_are_images_figure")
    ns = result.namespace
    assert result.output.lstrip().startswith("<svg")
    assert len(ns["axes"]) == 2
    A = ns["A"]
    assert np.array_equal(ns["panels"][1][1], A)  # the right panel applies A
    corners = A @ ns["square"]
    x, y = corners[:, :-1]
    area = abs(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)) / 2
    assert area == 3.0  # "its area, 3 here"
    assert (A @ ns["x"]).tolist() == [1.0, 3.5]  # the alt text's A x


def test_the_determinant_is_ad_minus_bc_the_signed_area():
    result = run("determinant_of_a_2x2")
    ns = result.namespace
    A, flat = ns["A"], ns["flat"]
    assert A.tolist() == [[2.0, -1.0], [1.0, 1.0]]  # the map of the figure
    assert A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0] == 3.0  # "2 * 1 - (-1) * 1 = 3"
    out = lines(result.output)
    assert out[1].split() == ["A", "3.0000", "3.0000"]
    assert out[2].split() == ["flat", "0.0000", "0.0000"]
    assert out[3].split() == ["swap", "-3.0000", "-3.0000"]  # swapping the columns flips the sign
    assert np.isclose(np.linalg.det(A[:, ::-1]), -3.0, rtol=1e-12)
    assert np.array_equal(flat @ ns["v"], [0.0, 0.0]) and np.any(ns["v"] != 0)  # flattened
    assert "flat @ v = [0. 0.]   for v = [ 2. -1.]" in result.output
    # det != 0 exactly when the map can be undone: A is invertible, flat is not
    assert np.allclose(np.linalg.inv(A) @ A, np.eye(2), rtol=0, atol=1e-15)
    assert np.linalg.matrix_rank(flat) == 1


# --- way 1: composition ---------------------------------------------------------------------


def test_composition_applying_b_then_a_equals_applying_ab():
    ns = run("composition_of_maps").namespace
    assert ns["B"].shape == (64, 600) and ns["A"].shape == (5, 64)
    assert ns["AB"].shape == (5, 600)
    assert np.allclose(ns["two_steps"], ns["one_step"], rtol=1e-12, atol=1e-15)
    # B is E.T, so B @ x is the embedding of "she walked"
    assert np.array_equal(ns["h"], ns["E"][token_id("walk", "past", "3sg")])


def test_composition_costs_differ_77440_vs_390000():
    result = run("composition_of_maps")
    ns = result.namespace
    assert ns["flops_two_steps"] == 2 * 64 * 600 + 2 * 5 * 64 == 77_440
    assert ns["flops_compose_first"] == 2 * 5 * 64 * 600 + 2 * 5 * 600 == 390_000
    assert "FLOPs A @ (B @ x):    77,440" in result.output
    assert "FLOPs (A @ B) @ x:   390,000" in result.output


# --- way 2: outer products ------------------------------------------------------------------


def test_product_is_a_sum_of_rank_one_outer_products():
    result = run("sum_of_outer_products")
    ns = result.namespace
    A, Bm, pieces = ns["A"], ns["B"], ns["pieces"]
    assert pieces.shape == (3, 4, 5)
    for p in range(3):
        assert np.array_equal(pieces[p], np.outer(A[:, p], Bm[p]))
        assert np.linalg.matrix_rank(pieces[p]) == 1
        assert np.linalg.matrix_rank(pieces[: p + 1].sum(axis=0)) == p + 1
    assert np.array_equal(pieces.sum(axis=0), A @ Bm)  # exactly, not just close
    # the table, row by row: each piece rank 1, the running sum's rank 1, 2, 3
    table = [line.split() for line in lines(result.output)[1:4]]
    assert table == [[str(p), "(4,", "5)", "1", str(p + 1)] for p in range(3)]
    assert lines(result.output)[-1] == "sum of pieces == A @ B: True"


def test_outer_products_figure_has_four_panels():
    result = run("outer_products_figure")
    assert result.output.lstrip().startswith("<svg")
    assert len(result.namespace["axes"]) == 4
    assert np.array_equal(result.namespace["panels"][-1], result.namespace["product"])


# --- way 3: einsum --------------------------------------------------------------------------


def test_einsum_strings_give_product_pieces_entry_and_batch():
    result = run("matmul_as_einsum")
    ns = result.namespace
    A, Bm = ns["A"], ns["B"]
    assert np.array_equal(ns["C"], A @ Bm)
    assert ns["pieces"].shape == (3, 4, 5)
    assert np.array_equal(ns["pieces"].sum(axis=0), A @ Bm)
    assert ns["entry"] == (A @ Bm)[1, 2] == -6
    assert ns["C_batch"].shape == (8, 4, 5)
    assert np.allclose(ns["C_batch"], ns["A_batch"] @ ns["B_batch"], rtol=1e-12, atol=1e-14)
    out = result.output
    assert "sum over k == A @ B: True" in out and "== A_batch @ B_batch: True" in out


def test_the_lookup_einsum_is_one_product_with_E_shared_not_a_batch():
    result = run("matmul_as_einsum")
    ns = result.namespace
    one_hot, E = ns["one_hot"], ns["E"]
    assert one_hot.shape == (B, T, V) and E.shape == (V, D)  # E has no batch axis
    assert np.array_equal(ns["looked_up"], (one_hot.reshape(B * T, V) @ E).reshape(B, T, D))
    assert lines(result.output)[-1] == (
        "'btv,vd->btd' (32, 12, 64)  == (B*T, V) @ (V, D), reshaped: True"
    )


# --- Hadamard vs matmul ---------------------------------------------------------------------


def test_hadamard_and_matmul_both_run_on_square_matrices_and_differ():
    result = run("hadamard_vs_matmul")
    ns = result.namespace
    assert ns["hadamard"].tolist() == [[5, 12], [21, 32]]
    assert ns["matmul"].tolist() == [[19, 22], [43, 50]]
    assert "same shape:  True" in result.output and "same values: False" in result.output
    assert lines(result.output)[-1] == "(2, 3) * (3, 2) -> ValueError"  # fails loudly


# --- transpose ------------------------------------------------------------------------------


def test_transpose_of_a_product_reverses_the_order():
    result = run("transpose_of_a_product")
    ns = result.namespace
    A, Bm = ns["A"], ns["B"]
    assert np.allclose((A @ Bm).T, Bm.T @ A.T, rtol=1e-12, atol=1e-15)
    # the index argument, entry by entry
    assert np.allclose(ns["by_index"], (A @ Bm).T, rtol=1e-12, atol=1e-15)
    assert "equal: True   by index: True" in result.output
    assert "A.T @ B.T   (4, 3) @ (2, 4) -> ValueError" in result.output


def test_on_square_matrices_both_orders_run_and_only_the_reversed_one_is_right():
    result = run("transpose_of_a_product")
    P, R = result.namespace["P"], result.namespace["R"]
    assert P.shape == R.shape == (3, 3)
    assert (P.T @ R.T).shape == (R @ P).T.shape  # the shapes cannot tell them apart
    assert np.allclose((P @ R).T, R.T @ P.T) and not np.allclose((P @ R).T, P.T @ R.T)
    assert lines(result.output)[-1] == (
        "square: (P @ R).T == R.T @ P.T: True   == P.T @ R.T: False"
    )


# --- eigenvalues and the Gram matrix --------------------------------------------------------


def test_the_small_gram_matrix_has_eigenvalues_1_and_3():
    result = run("eigenvalues_of_a_gram_matrix")
    ns = result.namespace
    G, A = ns["G"], ns["A"]
    assert G.tolist() == [[2.0, 1.0], [1.0, 2.0]]
    assert np.allclose(ns["lam"], [1.0, 3.0], rtol=0, atol=1e-12)
    # the table, row by row: lambda, v, G v = lambda v, v.T G v = lambda = |A v|^2
    out = lines(result.output)
    assert out[4].split() == ["1.000", "[-0.7071", "0.7071]", "[-0.7071", "0.7071]",
                              "[-0.7071", "0.7071]", "1.000", "1.000"]
    assert out[5].split() == ["3.000", "[0.7071", "0.7071]", "[2.1213", "2.1213]",
                              "[2.1213", "2.1213]", "3.000", "3.000"]
    # eigenvalues are the roots of det(G - lambda I) = lambda^2 - 4 lambda + 3
    assert np.trace(G) == 4 and np.isclose(np.linalg.det(G), 3.0, rtol=1e-14)
    for lam in (1.0, 3.0):
        assert np.isclose(np.linalg.det(G - lam * np.eye(2)), 0.0, rtol=0, atol=1e-14)
    assert out[6] == "trace 4  det 3.0000  roots of lambda^2 - 4 lambda + 3: [1. 3.]"
    for i, lam in enumerate([1.0, 3.0]):
        v = ns["vecs"][:, i]
        assert np.allclose(G @ v, lam * v, rtol=0, atol=1e-12)
        assert abs(v @ G @ v - np.sum((A @ v) ** 2)) < 1e-12


def test_gram_matrices_are_symmetric_psd_and_have_rank_64():
    result = run("gram_matrix")
    ns = result.namespace
    eps = np.finfo(float).eps
    for M, n in [(ns["G"], 64), (ns["S"], 600)]:
        assert M.shape == (n, n)
        assert np.array_equal(M, M.T)
        eigenvalues = np.linalg.eigvalsh(M)
        tol = eigenvalues.max() * n * eps
        assert eigenvalues.min() >= -tol
        assert int((eigenvalues > tol).sum()) == 64  # "only 64 of its 600 eigenvalues"
        assert np.linalg.matrix_rank(M) == 64


def test_gram_table_row_by_row_and_the_negative_rounding_eigenvalue():
    out = lines(run("gram_matrix").output)
    assert out[1].split() == ["E.T", "@", "E", "(64,", "64)", "True", "4.34", "16.5872",
                              "2.4e-13", "64", "64"]
    row = out[2].split()
    assert row[:6] + row[7:] == ["E", "@", "E.T", "(600,", "600)", "True", "16.5872", "2.2e-12", "64", "64"]
    # "0 on paper, computed as rounding noise of order 1e-15, far inside tol 2.2e-12"
    assert abs(float(row[6])) < 1e-13
    eigenvalues = np.linalg.eigvalsh(embedding_matrix(D) @ embedding_matrix(D).T)
    assert abs(eigenvalues.min()) < 1e-13 and eigenvalues.min() > -2.2e-12


def test_the_quadratic_form_is_the_squared_length():
    result = run("gram_matrix")
    ns = result.namespace
    x, E = ns["x"], ns["E"]
    assert abs(x @ ns["G"] @ x - np.linalg.norm(E @ x) ** 2) < 1e-12 * np.linalg.norm(E @ x) ** 2
    assert "x.T @ G @ x = 532.3884" in result.output and "|E @ x|^2   = 532.3884" in result.output


# --- attention ------------------------------------------------------------------------------


def test_attention_uses_the_course_sizes_and_one_head_of_width_16():
    ns = run("attention_scores").namespace
    assert (ns["T"], ns["D"], ns["H"], ns["d"]) == (12, 64, 4, 16)
    assert ns["X"].shape == (12, 64)
    assert ns["Q"].shape == ns["K"].shape == ns["V"].shape == (12, 16)
    assert ns["scores"].shape == ns["weights"].shape == (12, 12)
    assert np.allclose(ns["scores"], ns["Q"] @ ns["K"].T / 4.0, rtol=1e-12, atol=1e-15)
    assert np.allclose(ns["weights"].sum(axis=1), 1.0, rtol=0, atol=1e-12)  # rows sum to 1
    assert (ns["weights"] > 0).all()
    assert ns["out"].shape == (12, 16)
    assert np.allclose(ns["out"], ns["weights"] @ ns["V"], rtol=1e-12, atol=1e-15)


def test_attention_is_five_matrix_products_with_the_flops_the_prose_gives():
    result = run("attention_scores")
    steps = result.namespace["steps"]
    assert len(steps) == 5  # "five matrix products and a softmax"
    assert [flops for _, _, flops in steps] == [24_576] * 3 + [4_608] * 2
    out = lines(result.output)
    assert out[1].split()[-1] == out[2].split()[-1] == out[3].split()[-1] == "24,576"
    assert out[4].split()[-1] == out[5].split()[-1] == "4,608"
    assert "(T, d) @ (d, T) -> (T, T)" in out[4]
    # "with T = 12 shorter than D = 64 the projections dominate"
    assert 2 * 2 * T * T * D_HEAD < 3 * 2 * T * D * D_HEAD
    assert "scores  (12, 12)  weights (12, 12)  out (12, 16)" in result.output


def test_attention_compares_projections_not_raw_embeddings():
    ns = run("attention_scores").namespace
    X, W_q, W_k = ns["X"], ns["W_q"], ns["W_k"]
    assert np.allclose(ns["Q"] @ ns["K"].T, X @ (W_q @ W_k.T) @ X.T, rtol=1e-12, atol=1e-14)
    assert not np.allclose(ns["Q"] @ ns["K"].T, X @ X.T)
    assert not np.allclose(W_q @ W_k.T, np.eye(D))


def test_the_t_squared_part_takes_over_at_1_5_d_per_head_and_2_d_per_layer():
    result = run("attention_cost_crossover")
    ns = result.namespace
    head, layer = ns["head_flops"], ns["layer_flops"]
    # by the formulas: 6 T D d = 4 T^2 d at T = 1.5 D; 8 T D^2 = 4 T^2 D at T = 2 D
    for t in range(1, 1000):
        p, a = head(t, D, D_HEAD)
        assert p == 6 * t * D * D_HEAD and a == 4 * t * t * D_HEAD
        assert (a >= p) == (t >= 1.5 * D)
        p, a = layer(t, D, H)
        assert p == 8 * t * D * D and a == 4 * t * t * D
        assert (a >= p) == (t >= 2 * D)
    assert head(12, D, D_HEAD) == (3 * 24_576, 2 * 4_608)  # the attention table's numbers
    assert (ns["head_cross"], ns["layer_cross"]) == (96, 128)
    out = lines(result.output)
    assert out[1].split() == ["12", "73,728", "9,216", "393,216", "36,864"]
    assert out[3].split() == ["96", "589,824", "589,824", "3,145,728", "2,359,296"]
    assert out[4].split() == ["128", "786,432", "1,048,576", "4,194,304", "4,194,304"]
    assert out[5].split() == ["1024", "6,291,456", "67,108,864", "33,554,432", "268,435,456"]
    assert layer(1024, D, H)[1] == 8 * layer(1024, D, H)[0]  # "8 times the rest of the layer"
    assert out[-1] == ("crossover: one head T = 96 = 1.5 D   layer with output projection"
                       " T = 128 = 2.0 D")


# --- linear layer ---------------------------------------------------------------------------


def test_linear_layer_broadcasts_the_bias_over_the_batch():
    result = run("linear_layer")
    ns = result.namespace
    X, W, b, Y = ns["X"], ns["W"], ns["b"], ns["Y"]
    assert X.shape == (32, 64) and W.shape == (64, 5) and b.shape == (5,) and Y.shape == (32, 5)
    assert np.allclose(Y, X @ W + np.tile(b, (32, 1)), rtol=1e-12, atol=1e-15)
    assert lines(result.output)[0] == "X (32, 64) @ W (64, 5) + b (5,) -> Y (32, 5)"


def test_pytorch_stores_the_weight_as_out_features_by_in_features():
    ns = run("linear_layer").namespace
    C = ns["C"]
    assert ns["W_torch"].shape == (C, D) == (5, 64)  # (out_features, in_features)
    assert np.allclose(ns["X"] @ ns["W_torch"].T + ns["b"], ns["Y"], rtol=1e-12, atol=1e-15)


# --- quantization ---------------------------------------------------------------------------


def test_quantization_scales_factor_out_of_the_int8_product():
    result = run("quantized_matmul")
    ns = result.namespace
    q_x, q_w, acc = ns["q_x"], ns["q_w"], ns["acc"]
    assert q_x.dtype == q_w.dtype == np.int8 and acc.dtype == np.int32
    assert q_x.shape == (B, D) and q_w.shape == (D, 5) and acc.shape == (B, 5)
    assert ns["s_x"].shape == (B,) and ns["s_w"].shape == (5,)  # per token, per channel
    assert np.abs(q_x).max() == np.abs(q_w).max() == 127
    # the accumulation is exact: the same integers with Python's unbounded ints
    exact = q_x.astype(object) @ q_w.astype(object)
    assert (acc.astype(object) == exact).all()
    assert np.abs(acc).max() == 65_263 and 127 < 65_263 <= D * 127 * 127
    assert "largest |acc| = 65,263   int8 holds up to 127" in result.output
    # int8 product with scales after == dequantise-then-multiply, to float64 rounding:
    # a bound in units of eps, scaled by D and the size of the terms
    eps = np.finfo(float).eps
    terms = np.abs(ns["s_x"][:, None] * q_x) @ np.abs(q_w * ns["s_w"])
    assert np.all(np.abs(ns["Y_int8"] - ns["Y_dequant"]) <= 2 * D * eps * terms)
    assert "int8 product == dequantise-then-multiply, to float64 rounding: True" in result.output
    Y = ns["X"] @ ns["W"]
    rel = np.linalg.norm(ns["Y_int8"] - Y) / np.linalg.norm(Y)
    assert round(rel, 4) == 0.0097
    assert "|Y_int8 - Y|_F / |Y|_F = 0.0097" in result.output
    assert lines(result.output)[-1] == (
        "column 0 (smallest weights), relative error: per channel 0.0107   per tensor 0.0765"
    )
    # the per-channel scales really differ: the columns were scaled by 0.5 ... 8
    assert ns["s_w"].argmin() == 0 and ns["s_w"].max() / ns["s_w"].min() > 8


# --- LoRA -----------------------------------------------------------------------------------


def test_lora_update_has_rank_r_and_48_times_fewer_parameters():
    result = run("lora_low_rank_update")
    ns = result.namespace
    d, r = ns["d"], ns["r"]
    assert (d, r) == (768, 8)
    assert ns["delta_W"].shape == (d, d)
    assert np.linalg.matrix_rank(ns["delta_W"]) == r == 8
    out = lines(result.output)
    assert out[0] == "delta_W (768, 768)  rank: 8"
    assert out[1].endswith(" 589,824") and out[2].endswith("  12,288") and out[3].endswith("48x")


def test_lora_at_the_course_width_would_save_only_a_factor_4():
    result = run("lora_low_rank_update")
    assert result.namespace["D"] == 64
    assert lines(result.output)[4].split()[-1] == "4x"
    assert 64 * 64 / (2 * 64 * 8) == 4


def test_lora_applied_factor_by_factor_costs_48_times_fewer_flops():
    result = run("lora_low_rank_update")
    ns = result.namespace
    d, r = ns["d"], ns["r"]
    scale = np.linalg.norm(ns["merged"])
    assert np.linalg.norm(ns["merged"] - ns["factored"]) < 1e-12 * scale
    assert (2 * d * d) / (2 * d * r + 2 * r * d) == 48
    out = lines(result.output)
    assert out[-2].endswith("1,179,648") and out[-1].endswith("24,576")


# --- check yourself -------------------------------------------------------------------------


def test_answer_1_shape_and_flops_of_a_batched_projection():
    result = run("check_shape_and_flops")
    assert result.namespace["Q"].shape == (32, 12, 16)
    assert result.namespace["flops"] == 2 * 384 * 64 * 16 == 786_432
    assert "X (32, 12, 64) @ W_q (64, 16) -> (32, 12, 16)" in result.output
    assert "= 786,432" in result.output


def test_answer_2_a_product_through_5_has_rank_5():
    result = run("check_rank_of_a_narrow_product")
    assert result.namespace["M"].shape == (600, 64)
    assert np.linalg.matrix_rank(result.namespace["M"]) == 5
    assert result.output.strip() == "E @ W @ W.T (600, 64)  rank: 5"


def test_answer_3_a_symmetric_matrix_with_a_negative_eigenvalue_is_not_gram():
    result = run("check_is_it_a_gram_matrix")
    ns = result.namespace
    assert np.allclose(ns["lam"], [-1.0, 3.0], rtol=0, atol=1e-12)
    assert abs(ns["v"] @ ns["M"] @ ns["v"] - (-1.0)) < 1e-12
    assert np.allclose(np.abs(ns["v"]), np.sqrt(0.5), rtol=1e-12)
    assert "v = [-0.7071  0.7071]   v.T @ M @ v = -1.0000" in result.output


def test_answer_4_lora_rank_4_has_6144_parameters_96_times_fewer():
    result = run("check_lora_rank_4")
    ns = result.namespace
    assert np.linalg.matrix_rank(ns["delta_W"]) == 4
    assert ns["lora_params"] == 6_144 and 768 * 768 / 6_144 == 96
    assert result.output.strip() == "rank: 4   LoRA parameters: 6,144   fewer than d*d: 96x"


@pytest.mark.parametrize(
    "name",
    ["rows_times_columns", "columns_are_images", "composition_of_maps", "sum_of_outer_products",
     "matmul_as_einsum", "hadamard_vs_matmul", "transpose_of_a_product", "determinant_of_a_2x2",
     "attention_cost_crossover", "quantized_matmul",
     "eigenvalues_of_a_gram_matrix", "gram_matrix", "attention_scores", "linear_layer",
     "lora_low_rank_update", "check_shape_and_flops", "check_rank_of_a_narrow_product",
     "check_is_it_a_gram_matrix", "check_lora_rank_4"],
)
def test_printed_lines_fit_the_88_character_code_column(name):
    assert all(len(line) <= 88 for line in lines(run(name).output))
