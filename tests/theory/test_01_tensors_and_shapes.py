"""Theory 01: the claims the page makes, in page order, checked from outside its snippets."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.runner import run_file
from lacourse.universe import FORMS, N_PERSONS, N_TENSES, N_VERBS, SLOTS, V

PAGE = "theory/01_tensors_and_shapes"


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


# --- A tensor is a typed object ------------------------------------------------------------


def test_ndim_counts_axes_and_size_multiplies_them():
    ns = run("tensor_shapes").namespace
    for name in ("loss", "walked", "E", "counts", "W_tense", "tokens", "one_hot", "logits"):
        array = ns[name]
        assert array.ndim == len(array.shape), name
        assert array.size == int(np.prod(array.shape, dtype=int)), name
    assert ns["W_tense"].shape == (N_TENSES, 64)  # the (5, D) tense-classification matrix
    assert ns["counts"].shape == (N_VERBS, len(SLOTS)) == (20, 15)


def test_the_loss_is_a_tensor_with_no_axes_and_one_entry():
    run_ = run("tensor_shapes")
    assert run_.namespace["loss"].shape == () and run_.namespace["loss"].size == 1
    assert run_.output.splitlines()[1].split() == ["loss", "()", "0", "1"]


def test_logits_add_a_tense_axis_and_one_hot_is_600_times_larger():
    run_ = run("tensor_shapes")
    ns = run_.namespace
    assert ns["logits"].shape == ns["tokens"].shape + (5,)
    assert ns["one_hot"].size == 600 * ns["tokens"].size == 307_200
    assert max(ns[n].size for n in ("E", "counts", "tokens", "one_hot", "logits")) == ns["one_hot"].size
    assert "307,200" in run_.output


# --- Indexing changes the shape --------------------------------------------------------------


def test_integer_drops_slice_keeps_none_adds_index_array_replaces():
    ns = run("indexing_and_shapes").namespace
    B, T, D = 32, 16, 64
    assert ns["x"].shape == ns["tokens"].shape + (D,) == (B, T, D)
    assert ns["first_seq"].shape == (T, D) and ns["first_seq_kept"].shape == (1, T, D)
    assert np.array_equal(ns["first_seq"], ns["first_seq_kept"][0])  # same numbers, other type
    assert ns["last_token"].shape == (B, D) and ns["last_token_kept"].shape == (B, 1, D)
    assert ns["feature_0"].shape == (B, T)
    assert ns["with_axis"].shape == (B, 1, T, D)
    assert np.array_equal(ns["with_axis"], ns["expanded"])  # None is expand_dims
    assert np.array_equal(ns["squeezed"], ns["last_token"])  # squeeze undoes it


def test_the_three_walk_forms_are_ids_2_5_8_and_a_stepped_slice():
    run_ = run("indexing_and_shapes")
    ns = run_.namespace
    assert ns["walk_ids"] == [2, 5, 8]
    assert [FORMS[i] for i in ns["walk_ids"]] == ["she walks", "she walked", "she will walk"]
    assert np.array_equal(ns["walk_forms"], ns["E"][2:9:3])
    assert ns["walk_forms"].shape == (3, 64)
    assert "E[[2, 5, 8]]" in run_.output


# --- Reshape regroups the same numbers ---------------------------------------------------------


def test_slots_are_tense_major_so_reshape_splits_tense_and_person():
    ns = run("reshape_regroups_axes").namespace
    assert SLOTS[:6] == [("present", p) for p in ("1sg", "2sg", "3sg")] + [("past", p) for p in ("1sg", "2sg", "3sg")]
    counts, grouped = ns["counts"], ns["grouped"]
    assert grouped.shape == (N_VERBS, N_TENSES, N_PERSONS)
    for verb, tense, person in [(0, 1, 2), (7, 4, 0), (19, 2, 1)]:
        assert grouped[verb, tense, person] == counts[verb, tense * N_PERSONS + person]
    assert np.array_equal(ns["per_tense"][0], [counts[0, 3 * t : 3 * t + 3].sum() for t in range(N_TENSES)])


def test_reshape_is_a_view_and_minus_one_is_inferred():
    ns = run("reshape_regroups_axes").namespace
    assert np.shares_memory(ns["counts"], ns["grouped"])
    assert ns["inferred"].shape == (N_VERBS, N_TENSES, N_PERSONS)


def test_reshape_to_the_transposed_shape_is_not_the_transpose():
    run_ = run("reshape_regroups_axes")
    ns = run_.namespace
    assert ns["scrambled"].shape == ns["transposed"].shape == (15, 20)
    assert not np.array_equal(ns["scrambled"], ns["counts"].T)
    assert "counts.reshape(15, 20) == counts.T: False" in run_.output


# --- Transpose, views and contiguity -------------------------------------------------------


def test_transpose_is_a_non_contiguous_view_with_reordered_strides():
    run_ = run("transpose_and_contiguity")
    ns = run_.namespace
    x, xt = ns["x"], ns["xt"]
    assert np.shares_memory(x, ns["flat"]) and np.shares_memory(x, xt)
    assert xt.strides == (96, 8, 32) == tuple(x.strides[i] for i in (0, 2, 1))
    assert not xt.flags["C_CONTIGUOUS"]
    assert np.array_equal(xt, ns["swapped"])
    assert ns["reversed_axes"].shape == (4, 3, 2)  # .T reverses all axes


def test_reshape_after_transpose_copies_in_the_new_order():
    run_ = run("transpose_and_contiguity")
    ns = run_.namespace
    assert not np.shares_memory(ns["x"], ns["xt_flat"])
    assert ns["xt_flat"].flags["C_CONTIGUOUS"]
    assert list(ns["xt_flat"][0][:4]) == [0, 4, 8, 1]
    assert not np.array_equal(ns["flat"], ns["xt_flat"])
    assert not np.shares_memory(ns["x"], ns["xt_copy"])


# --- Broadcasting -------------------------------------------------------------------------


def test_the_hand_written_rule_agrees_with_numpy():
    broadcast_shape = run("broadcasting_rules").namespace["broadcast_shape"]
    for a, b in [((3, 1, 5), (4, 1)), ((1,), (7, 2)), ((2, 3), (3,)), ((), (4, 4)), ((6, 1, 1), (1, 5, 1))]:
        assert broadcast_shape(a, b) == np.broadcast_shapes(a, b)
    for a, b in [((2, 3), (2,)), ((4, 5), (5, 4)), ((3, 2, 2), (3, 2))]:
        with pytest.raises(ValueError):
            np.broadcast_shapes(a, b)
        with pytest.raises(ValueError):
            broadcast_shape(a, b)


def test_per_row_numbers_need_keepdims_on_a_32_by_768_matrix():
    output = run("broadcasting_rules").output
    assert "(32, 768)         (32,)          ValueError" in output
    assert "(32, 768)         (32, 1)        (32, 768)" in output
    assert "(32, 12, 16, 16)  (16, 16)       (32, 12, 16, 16)" in output


# --- The silent wrong-axis bug ----------------------------------------------------------------


def test_without_keepdims_a_square_matrix_is_centred_by_columns():
    ns = run("broadcasting_wrong_axis").namespace
    scores, wrong, right = ns["scores"], ns["wrong"], ns["right"]
    assert scores.shape == (16, 16)
    assert np.allclose(right.mean(axis=1), 0.0)
    assert not np.allclose(wrong.mean(axis=1), 0.0)
    assert np.array_equal(wrong, scores - scores.mean(axis=1)[None, :])  # column i loses row i's mean


def test_wrong_softmax_rows_still_sum_to_one_but_the_weights_differ():
    ns = run("broadcasting_wrong_axis").namespace
    p_right, p_wrong = ns["p_right"], ns["p_wrong"]
    assert np.allclose(p_wrong.sum(axis=1), 1.0) and np.allclose(p_right.sum(axis=1), 1.0)
    assert np.abs(p_wrong - p_right).max() > 0.01
    # the right one is the real softmax: shifting each row by a constant does not change it
    s = ns["scores"]
    assert np.allclose(p_right, np.exp(s) / np.exp(s).sum(axis=1, keepdims=True))


def test_the_non_square_case_raises_and_keepdims_fixes_it():
    run_ = run("broadcasting_wrong_axis")
    assert run_.namespace["raised"] is True
    assert "could not be broadcast" in run_.output
    assert run_.namespace["centred"].shape == (32, 768)


# --- (B, T, D) and (B, H, T, Dh) ---------------------------------------------------------------


def test_split_heads_round_trips_exactly():
    ns = run("split_heads").namespace
    q, heads = ns["q"], ns["heads"]
    B, T, D, H, Dh = 32, 16, 64, 4, 16
    assert heads.shape == (B, H, T, Dh) and ns["merged"].shape == (B, T, D)
    assert np.array_equal(ns["merged"], q)
    for b, h, t in [(0, 0, 0), (3, 2, 7), (31, 3, 15)]:
        assert np.array_equal(heads[b, h, t], q[b, t, h * Dh : (h + 1) * Dh])
    assert ns["scores"].shape == (B, H, T, T)


def test_merging_the_attention_output_copies_but_merging_heads_back_does_not():
    ns = run("split_heads").namespace
    assert not ns["heads"].flags["C_CONTIGUOUS"]
    assert np.shares_memory(ns["merged"], ns["q"])
    assert ns["out"].flags["C_CONTIGUOUS"]
    assert not np.shares_memory(ns["out_merged"], ns["out"])
    # and the merged output is still head h in columns h*Dh:(h+1)*Dh
    assert np.array_equal(ns["out_merged"][5, 9, 16:32], ns["out"][5, 1, 9])


def test_a_bare_reshape_misplaces_fifteen_sixteenths_of_the_head_vectors():
    run_ = run("split_heads")
    ns = run_.namespace
    assert ns["wrong"].shape == ns["heads"].shape
    assert ns["misplaced"] == 15 / 16  # only (h, t) with h*(T-1) == t*(H-1) coincide
    assert "93.75%" in run_.output
    assert ns["T"] == ns["Dh"] == 16


def test_the_heads_figure_is_an_svg_with_five_panels():
    output = run("split_heads_picture").output
    assert output.lstrip().startswith("<svg")
    assert output.count("heads[b, ") == 4 and "q[b] : (T, D)" in output


# --- The einsum grammar ----------------------------------------------------------------------


def test_each_einsum_equals_its_numpy_expression():
    ns = run("einsum_grammar").namespace
    A, M = ns["A"], ns["M"]
    assert np.allclose(ns["transposed"], A.T)
    assert np.allclose(ns["row_sums"], A.sum(axis=1))
    assert np.isclose(ns["dot"], ns["u"] @ ns["w"])
    assert np.allclose(ns["product"], A @ M)
    assert ns["product_t"].shape == (5, 4) and np.allclose(ns["product_t"], (A @ M).T)  # order is what you write
    assert np.allclose(ns["batched"], ns["P"] @ ns["Q"])


# --- The shape and FLOP calculator ---------------------------------------------------------


def test_calculator_counts_the_two_phase_einsums():
    run_ = run("einsum_calculator")
    einsum_shape = run_.namespace["einsum_shape"]
    B, T, D, H, Dh = 32, 16, 64, 4, 16
    shapes, out, flops = einsum_shape("btv,vd->btd", b=B, t=T, v=V, d=D)
    assert shapes == [(B, T, V), (V, D)] and out == (B, T, D)
    assert flops == 2 * B * T * V * D == run_file("theory/00_why_linear_algebra/embedding_lookup_cost.py").namespace["einsum_flops"]
    attention = einsum_shape("bhqk,bhkd->bhqd", b=B, h=H, q=T, k=T, d=Dh)
    scores = einsum_shape("bhqd,bhkd->bhqk", b=B, h=H, q=T, k=T, d=Dh)
    assert attention[2] == scores[2] == 2 * B * H * T**2 * Dh == 1_048_576
    assert "39,321,600" in run_.output and "1,048,576" in run_.output


def test_calculator_follows_the_stated_flop_convention():
    einsum_shape = run("einsum_calculator").namespace["einsum_shape"]
    assert einsum_shape("ij,jk->ik", i=20, j=15, k=5)[2] == 2 * 20 * 15 * 5 == 3000
    assert einsum_shape("i,j->ij", i=20, j=15)[2] == 20 * 15  # nothing summed: one multiply per entry
    assert einsum_shape("bi,bj->bij", b=3, i=4, j=5)[2] == 3 * 4 * 5
    assert einsum_shape("bqd,bkd->bqk", b=2, q=3, k=5, d=7)[2] == 2 * 2 * 3 * 5 * 7


@pytest.mark.parametrize(
    ("spec", "sizes"),
    [
        ("bqd,bkd->bqk", dict(b=2, q=3, k=5, d=7)),
        ("ij,jk->ki", dict(i=4, j=3, k=6)),
        ("btd,de->bet", dict(b=2, t=5, d=3, e=4)),
        ("vd,v->d", dict(v=V, d=8)),
        ("bi,bj->bij", dict(b=3, i=4, j=5)),
        ("ijk,kji->", dict(i=2, j=3, k=4)),
    ],
)
def test_calculator_predicts_what_np_einsum_returns(spec, sizes):
    einsum_shape = run("einsum_calculator").namespace["einsum_shape"]
    shapes, out, _ = einsum_shape(spec, **sizes)
    rng = np.random.default_rng(1)
    assert np.shape(np.einsum(spec, *[rng.normal(size=s) for s in shapes])) == out


def test_calculator_refuses_what_it_cannot_read():
    einsum_shape = run("einsum_calculator").namespace["einsum_shape"]
    with pytest.raises(ValueError):
        einsum_shape("ij,jk", i=2, j=3, k=4)  # implicit output
    with pytest.raises(ValueError):
        einsum_shape("ij,jk->ik", i=2, j=3)  # no size for k
    with pytest.raises(ValueError):
        einsum_shape("ij->iz", i=2, j=3, z=4)  # z is in no input


def test_per_tense_is_counts_times_a_zero_one_matrix():
    run_ = run("einsum_calculator")
    ns = run_.namespace
    grouped = run("reshape_regroups_axes").namespace["per_tense"]
    assert ns["tense_of_slot"].shape == (15, 5) and set(np.unique(ns["tense_of_slot"])) == {0, 1}
    assert np.array_equal(ns["per_tense"], grouped)
    assert f"walk, per_tense[0]: {ns['per_tense'][0]}" in run_.output
