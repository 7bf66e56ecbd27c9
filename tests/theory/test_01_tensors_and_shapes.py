"""Theory 01: the claims the page makes, in page order, checked from outside its snippets."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DOCS

from lacourse_site.runner import run_file
from lacourse.universe import FORMS, N_PERSONS, N_TENSES, N_VERBS, SLOTS, V

PAGE = "theory/01_tensors_and_shapes"
PAGE_MD = "theory/01-tensors-and-shapes.md"
B, T, D, H, DH = 32, 12, 64, 4, 16  # the running example's sizes, as the page states them


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


def page(language: str) -> str:
    return (DOCS / language / PAGE_MD).read_text(encoding="utf-8")


# --- One arc: each idea before its use (issue 14) ------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_teaches_einsum_before_the_heads_that_use_it(language):
    text = page(language)
    order = [
        "typed-objects", "indexing", "reshape", "transpose-and-contiguity", "reshape-view-or-copy",
        "broadcasting", "wrong-axis-bug", "einsum-grammar", "einsum-calculator", "split-heads",
        "recap", "check-yourself",
    ]
    assert [text.index("{ #%s }" % anchor) for anchor in order] == sorted(
        text.index("{ #%s }" % anchor) for anchor in order
    )
    # attention, softmax and the causal mask are introduced (briefly) where first used
    first_use = {"en": ("**causal mask**", "**softmax**", "**heads**"),
                 "es": ("**máscara causal**", "**softmax**", "**cabezas**")}[language]
    for term in first_use:
        assert term in text
    assert text.index(first_use[0]) < text.index("{ #wrong-axis-bug }")
    assert text.index(first_use[1]) < text.index("{ #einsum-grammar }")
    # the rank of a matrix is defined on this page before it is used
    defined = {"en": "the **rank of a\nmatrix** is", "es": "el **rango de una matriz** es"}[language]
    assert defined in text and text.index(defined) < text.index("{ #indexing }")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_states_what_issue_14_corrected(language):
    text = page(language)
    assert "copy=False" in text and "reshape_view" in text  # 2.1's copy=False is named, not run
    assert "einsum_path" in text and "implicit" in text.lower() or "implícito" in text
    assert "(T, 2T)" in text  # non-square test data is what turns the bug into an error
    if language == "en":
        assert "The output order is not inferred" not in text
        assert "test with sizes that are all different" not in text
        assert "for products of two or more operands" not in text
    else:
        assert "El orden de la salida no se deduce" not in text
        assert "\\text{right}" not in text and "\\text{wrong}" not in text
        assert "partir" not in text and "juntar" not in text


# --- A tensor is a typed object ------------------------------------------------------------


def test_ndim_counts_axes_and_size_multiplies_them():
    ns = run("tensor_shapes").namespace
    for name in ("loss", "walked", "E", "counts", "W_tense", "tokens", "one_hot", "logits"):
        array = ns[name]
        assert array.ndim == len(array.shape), name
        assert array.size == int(np.prod(array.shape, dtype=int)), name
    assert ns["W_tense"].shape == (N_TENSES, 64)  # the (5, D) tense-classification matrix
    assert ns["counts"].shape == (N_VERBS, len(SLOTS)) == (20, 15)


def test_the_shapes_table_row_by_row():
    rows = [line.split(maxsplit=1)[1].rsplit(maxsplit=2) for line in run("tensor_shapes").output.splitlines()[1:]]
    assert rows == [
        ["()", "0", "1"],
        ["(64,)", "1", "64"],
        ["(600, 64)", "2", "38,400"],
        ["(20, 15)", "2", "300"],
        ["(5, 64)", "2", "320"],
        ["(32, 12)", "2", "384"],
        ["(32, 12, 600)", "3", "230,400"],
        ["(32, 12, 5)", "3", "1,920"],
    ]


def test_the_loss_is_a_tensor_with_no_axes_and_one_entry():
    run_ = run("tensor_shapes")
    assert run_.namespace["loss"].shape == () and run_.namespace["loss"].size == 1
    assert run_.output.splitlines()[1].split() == ["loss", "()", "0", "1"]


def test_logits_add_a_tense_axis_and_one_hot_is_600_times_larger():
    run_ = run("tensor_shapes")
    ns = run_.namespace
    assert ns["logits"].shape == ns["tokens"].shape + (5,)
    assert ns["one_hot"].size == 600 * ns["tokens"].size == 230_400
    assert max(ns[n].size for n in ("E", "counts", "tokens", "one_hot", "logits")) == ns["one_hot"].size
    assert "230,400" in run_.output


# --- Indexing changes the shape --------------------------------------------------------------


def test_integer_drops_slice_keeps_none_adds_index_array_replaces():
    run_ = run("indexing_and_shapes")
    ns = run_.namespace
    assert ns["x"].shape == ns["tokens"].shape + (D,) == (B, T, D)
    assert ns["first_seq"].shape == (T, D) and ns["first_seq_kept"].shape == (1, T, D)
    assert np.array_equal(ns["first_seq"], ns["first_seq_kept"][0])  # same numbers, other type
    assert ns["last_token"].shape == (B, D) and ns["last_token_kept"].shape == (B, 1, D)
    assert ns["feature_0"].shape == (B, T)
    assert ns["with_axis"].shape == (B, 1, T, D)
    assert np.array_equal(ns["with_axis"], ns["expanded"])  # None is expand_dims
    assert np.array_equal(ns["squeezed"], ns["last_token"])  # squeeze undoes it
    table = {line[:30].strip(): line[30:].split("ndim") for line in run_.output.splitlines()}
    assert {k: (v[0].strip(), int(v[1])) for k, v in table.items()} == {
        "E[tokens]": ("(32, 12, 64)", 3),
        "x[0]": ("(12, 64)", 2),
        "x[0:1]": ("(1, 12, 64)", 3),
        "x[:, -1]": ("(32, 64)", 2),
        "x[:, -1:]": ("(32, 1, 64)", 3),
        "x[..., 0]": ("(32, 12)", 2),
        "x[:, None]": ("(32, 1, 12, 64)", 4),
        "np.expand_dims(x, 1)": ("(32, 1, 12, 64)", 4),
        "np.squeeze(x[:, -1:], axis=1)": ("(32, 64)", 2),
        "E[[2, 5, 8]]": ("(3, 64)", 2),
    }


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
    assert x.shape == (B, T, D) and x.strides == (6144, 512, 8)
    assert np.shares_memory(x, xt) and np.shares_memory(x, ns["reversed_axes"])
    assert xt.strides == (6144, 8, 512) == tuple(x.strides[i] for i in (0, 2, 1))
    assert not xt.flags["C_CONTIGUOUS"]
    assert np.array_equal(xt, ns["swapped"])
    assert ns["reversed_axes"].shape == (64, 12, 32)  # .T reverses all axes
    lines = run_.output.splitlines()
    rows = {line[:20].strip(): line[20:].split() for line in run_.output.splitlines()[1:5]}
    assert rows == {
        "x": ["(32,", "12,", "64)", "(6144,", "512,", "8)", "True", "True"],
        "x.transpose(0, 2, 1)": ["(32,", "64,", "12)", "(6144,", "8,", "512)", "False", "True"],
        "x.swapaxes(1, 2)": ["(32,", "64,", "12)", "(6144,", "8,", "512)", "False", "True"],
        "x.T": ["(64,", "12,", "32)", "(8,", "512,", "6144)", "False", "True"],
    }
    assert lines[-1] == "xt[0, :3, 0]: [0 1 2]   xt[0, 0, :3]: [  0  64 128]"


def test_reshape_is_a_view_exactly_when_the_merged_axes_are_in_order_in_memory():
    run_ = run("reshape_view_or_copy")
    ns = run_.namespace
    x = ns["x"]
    # one case of each, checked with np.shares_memory
    assert np.shares_memory(x, ns["tokens_flat"])  # (B, T, D) -> (B*T, D): a view
    assert not np.shares_memory(x, ns["time_flat"])  # transposed, merged out of order: a copy
    assert np.shares_memory(x, ns["feature_flat"])  # transposed, merged in order: a view
    assert np.shares_memory(x, ns["split"])  # splitting an axis: always a view
    assert np.shares_memory(x, ns["last_flat"])  # a length-1 axis's stride is ignored: a view
    assert ns["feature_flat"].shape == (D, B * T) and not ns["feature_major"].flags["C_CONTIGUOUS"]
    table = {line[:45].strip(): line[45:].split() for line in run_.output.splitlines()[1:6]}
    assert table == {
        "x.reshape(B*T, D)": ["(6144,", "512,", "8)", "0,", "1", "True", "True"],
        "x.transpose(1, 0, 2).reshape(T*B, D)": ["(512,", "6144,", "8)", "0,", "1", "False", "False"],
        "x.transpose(2, 0, 1).reshape(D, B*T)": ["(8,", "6144,", "512)", "1,", "2", "True", "True"],
        "x.transpose(0, 2, 1).reshape(B, H, D_HEAD, T)": ["(6144,", "8,", "512)", "-", "True", "True"],
        "x[:, -1:].reshape(B, D)": ["(6144,", "512,", "8)", "0,", "1", "True", "True"],
    }
    # the copy holds the numbers in the new order: row 1 of time_flat is x[1, 0]
    assert list(ns["time_flat"][:3, 0]) == [0, T * D, 2 * T * D] == [0, 768, 1536]
    assert ns["refused"] is True  # reshape_view turns the silent copy into an error
    assert "reshape_view(time_major, (T*B, D)) raises ValueError: True" in run_.output


def test_reshape_view_works_on_numpy_2_0_and_agrees_with_copy_false_where_it_exists():
    reshape_view = run("reshape_view_or_copy").namespace["reshape_view"]
    x = np.arange(2 * 3 * 4).reshape(2, 3, 4)
    assert np.shares_memory(reshape_view(x, (6, 4)), x)
    with pytest.raises(ValueError):
        reshape_view(x.transpose(1, 0, 2), (6, 4))
    if tuple(int(p) for p in np.__version__.split(".")[:2]) >= (2, 1):  # the page: "NumPy 2.1 and later"
        with pytest.raises(ValueError):
            np.reshape(x.transpose(1, 0, 2), (6, 4), copy=False)
        assert np.shares_memory(np.reshape(x, (6, 4), copy=False), x)


def test_the_stride_rule_ignores_length_1_axes_like_numpy():
    mergeable = run("reshape_view_or_copy").namespace["mergeable"]
    x = np.arange(32 * 12 * 64).reshape(32, 12, 64)
    last = x[:, -1:]  # the issue's first example
    assert mergeable(last, 0, 1) and np.shares_memory(last.reshape(32, 64), x)
    ones = np.ones((4, 3))
    y = ones[:, None, :]  # the issue's second example
    assert mergeable(y, 0, 1) and mergeable(y, 1, 2) and mergeable(y, 0, 2)
    assert np.shares_memory(y.reshape(4, 3), ones)


def test_the_stride_rule_agrees_with_numpy_on_other_reshapes():
    mergeable = run("reshape_view_or_copy").namespace["mergeable"]
    x = np.arange(2 * 3 * 5 * 7).reshape(2, 3, 5, 7)
    for perm in [(0, 1, 2, 3), (1, 0, 2, 3), (0, 2, 1, 3), (2, 3, 0, 1), (0, 1, 3, 2), (3, 2, 1, 0)]:
        y = x.transpose(perm)
        for first in range(3):
            shape = y.shape[:first] + (y.shape[first] * y.shape[first + 1],) + y.shape[first + 2 :]
            assert mergeable(y, first, first + 1) == np.shares_memory(y.reshape(shape), x), (perm, first)


@st.composite
def strided_views(draw):
    """A view of a fresh array: some axes of length 1, permuted, sliced with steps, new axes."""
    shape = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    base = np.arange(int(np.prod(shape))).reshape(shape)
    view = base.transpose(draw(st.permutations(range(len(shape)))))
    index = []
    for n in view.shape:
        start = draw(st.integers(0, n - 1))
        step = draw(st.sampled_from([1, 1, 2, -1]))
        stop = draw(st.integers(start + 1, n)) if step > 0 else None
        index.append(slice(start, stop, step) if step > 0 else slice(start, None, -1))
        if draw(st.booleans()) and draw(st.booleans()):
            index.append(None)  # a new axis of length 1 (stride 0)
    return base, view[tuple(index)]


@settings(max_examples=400, deadline=None)
@given(strided_views(), st.data())
def test_the_stride_rule_agrees_with_numpy_on_random_views(case, data):
    mergeable = run("reshape_view_or_copy").namespace["mergeable"]
    base, view = case
    first = data.draw(st.integers(0, view.ndim - 1))
    last = data.draw(st.integers(first, view.ndim - 1))
    merged = int(np.prod(view.shape[first : last + 1]))
    shape = view.shape[:first] + (merged,) + view.shape[last + 1 :]
    assert mergeable(view, first, last) == np.shares_memory(view.reshape(shape), base), (
        view.shape, view.strides, first, last,
    )


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


def test_the_broadcasting_table_row_by_row():
    rows = [line[:17].strip() + " | " + line[17:32].strip() + " | " + line[32:].strip()
            for line in run("broadcasting_rules").output.splitlines()[1:]]
    assert rows == [
        "(32, 64) | (64,) | (32, 64)",
        "(32, 12, 64) | (64,) | (32, 12, 64)",
        "(32, 12, 64) | (32, 12, 1) | (32, 12, 64)",
        "(32, 4, 12, 12) | (12, 12) | (32, 4, 12, 12)",
        "(20, 1) | (1, 15) | (20, 15)",
        "(32, 64) | (32,) | ValueError",  # per-row numbers need keepdims
        "(32, 64) | (32, 1) | (32, 64)",
    ]


# --- The silent wrong-axis bug ----------------------------------------------------------------


def test_without_keepdims_a_square_matrix_is_centred_by_columns():
    ns = run("broadcasting_wrong_axis").namespace
    scores, wrong, right = ns["scores"], ns["wrong"], ns["right"]
    assert scores.shape == (T, T) == (12, 12)
    scale = np.abs(scores).mean()
    assert np.abs(right.mean(axis=1)).max() < 1e-12 * scale  # zero up to rounding
    assert np.abs(wrong.mean(axis=1)).max() > 0.1 * scale  # not zero at all
    assert np.array_equal(wrong, scores - scores.mean(axis=1)[None, :])  # column i loses row i's mean


def test_wrong_softmax_rows_still_sum_to_one_but_the_weights_differ():
    ns = run("broadcasting_wrong_axis").namespace
    p_right, p_wrong = ns["p_right"], ns["p_wrong"]
    assert np.abs(p_wrong.sum(axis=1) - 1).max() < 1e-12 and np.abs(p_right.sum(axis=1) - 1).max() < 1e-12
    assert np.abs(p_wrong - p_right).max() > 0.1  # printed: 0.1440
    assert f"{np.abs(p_wrong - p_right).max():.4f}" == "0.1440"
    # the right one is the real softmax: shifting each row by a constant does not change it
    s = ns["scores"]
    assert np.allclose(p_right, np.exp(s) / np.exp(s).sum(axis=1, keepdims=True), rtol=1e-12, atol=0)


def test_rectangular_scores_turn_the_bug_into_an_error_and_keepdims_fixes_it():
    run_ = run("broadcasting_wrong_axis")
    assert run_.namespace["raised"] is True
    assert run_.namespace["wide"].shape == (T, 2 * T) == (12, 24)
    assert "(12, 24) - (12,) -> ValueError" in run_.output and "could not be broadcast" in run_.output
    assert run_.namespace["centred"].shape == (12, 24)
    assert "(12, 24) - (12, 1) -> (12, 24)" in run_.output


def test_the_output_checks_values_with_a_bound_not_rounding_digits():
    lines = run("broadcasting_wrong_axis").output.splitlines()
    assert lines[1] == "right: every |row mean| < 1e-12 * max|s|: True"
    assert lines[2] == "wrong: largest |row mean| = 0.4318"  # four digits: far above rounding
    assert lines[4] == "wrong == scores - row_means[None, :]: True"


def test_distinct_sizes_cannot_catch_the_square_scores_bug():
    """The page: no choice of sizes tells the two axes of (T, T) scores apart."""
    for t in (3, 12, 17):
        s = np.random.default_rng(t).normal(size=(t, t))
        wrong = s - s.mean(axis=1)  # runs for every T
        assert wrong.shape == (t, t) and np.abs(wrong.mean(axis=1)).max() > 1e-3


# --- (B, T, D) and (B, H, T, Dh) ---------------------------------------------------------------


def test_split_heads_round_trips_exactly():
    ns = run("split_heads").namespace
    q, heads, Dh = ns["q"], ns["heads"], DH
    assert heads.shape == (B, H, T, Dh) == (32, 4, 12, 16) and ns["merged"].shape == (B, T, D)
    assert np.array_equal(ns["merged"], q)
    for b, h, t in [(0, 0, 0), (3, 2, 7), (31, 3, 11)]:
        assert np.array_equal(heads[b, h, t], q[b, t, h * Dh : (h + 1) * Dh])
    assert ns["scores"].shape == (B, H, T, T) == (32, 4, 12, 12)
    assert ns["out"].shape == (32, 4, 12, 16) != ns["scores"].shape


def test_merging_the_attention_output_copies_but_merging_heads_back_does_not():
    ns = run("split_heads").namespace
    assert not ns["heads"].flags["C_CONTIGUOUS"]
    assert np.shares_memory(ns["merged"], ns["q"])
    assert ns["out"].flags["C_CONTIGUOUS"]
    assert not np.shares_memory(ns["out_merged"], ns["out"])
    # and the merged output is still head h in columns h*Dh:(h+1)*Dh
    assert np.array_equal(ns["out_merged"][5, 9, 16:32], ns["out"][5, 1, 9])


def test_a_bare_reshape_misplaces_46_of_48_head_vectors():
    run_ = run("split_heads")
    ns = run_.namespace
    assert ns["wrong"].shape == ns["heads"].shape
    # only (h, t) with h*(T-1) == t*(H-1) coincide: 11h == 3t, so (0, 0) and (3, 11)
    assert ns["misplaced"] == 46 / 48
    assert "head vectors in the wrong place: 95.83%" in run_.output


def test_every_axis_has_its_own_size_so_a_swap_shows_in_the_shape():
    run_ = run("split_heads")
    assert "B, T, D, H, D_HEAD: (32, 12, 64, 4, 16)" in run_.output
    assert run_.namespace["swapped"].shape == (32, 4, 16, 12)
    assert "heads.swapaxes(-1, -2) (32, 4, 16, 12)" in run_.output


def test_the_heads_figure_is_an_svg_with_five_panels():
    output = run("split_heads_picture").output
    assert output.lstrip().startswith("<svg")
    assert output.count("heads[b, ") == 4 and "q[b] : (T, D) = (12, 64)" in output
    assert output.count(">(12, 16)</text>") == 4  # each head is (T, D_HEAD)


# --- The einsum grammar ----------------------------------------------------------------------


def test_each_einsum_equals_its_numpy_expression():
    ns = run("einsum_grammar").namespace
    A, M = ns["A"], ns["M"]
    assert np.allclose(ns["transposed"], A.T)
    assert np.allclose(ns["row_sums"], A.sum(axis=1))
    u, w = ns["u"], ns["w"]
    # two sums of 15 products in any order differ by at most ~15 eps * sum|u_j w_j|
    assert abs(ns["dot"] - u @ w) <= 4 * len(u) * np.finfo(float).eps * (np.abs(u) @ np.abs(w))
    assert np.allclose(ns["product"], A @ M)
    assert ns["product_t"].shape == (5, 20) and np.allclose(ns["product_t"], (A @ M).T)  # order is what you write
    assert np.allclose(ns["batched"], ns["P"] @ ns["Q"])


def test_the_einsum_grammar_table_row_by_row():
    rows = [line.split(maxsplit=1) for line in run("einsum_grammar").output.splitlines()[1:]]
    assert [(spec, " ".join(rest.split())) for spec, rest in rows] == [
        ("ij->ji", "(20, 15) (15, 20) A.T"),
        ("ij->i", "(20, 15) (20,) A.sum(axis=1)"),
        ("ij->", "(20, 15) () A.sum()"),
        ("j,j->", "(15,), (15,) () u @ w"),
        ("i,j->ij", "(20,), (15,) (20, 15) np.outer"),
        ("ij,jk->ik", "(20, 15), (15, 5) (20, 5) A @ M"),
        ("ij,jk->ki", "(20, 15), (15, 5) (5, 20) (A @ M).T"),
        ("nij,njk->nik", "(4, 12, 16), (4, 16, 12) (4, 12, 12) P @ Q"),
    ]


def test_ellipsis_diagonal_trace_and_implicit_mode():
    run_ = run("einsum_ellipsis_trace_implicit")
    ns = run_.namespace
    q, k, S, A = ns["q"], ns["k"], ns["S"], ns["A"]
    assert ns["scores"].shape == (B, H, T, T) and ns["one_head"].shape == (T, T)
    assert np.allclose(ns["scores"], np.einsum("bhqd,bhkd->bhqk", q, k))
    assert np.allclose(ns["diagonal"], np.diag(S)) and np.isclose(ns["trace"], np.trace(S))
    assert np.allclose(ns["implicit_product"], A @ ns["M"])
    assert np.array_equal(ns["implicit_transpose"], A.T)  # 'ji': output sorted, 'ij'
    # implicit mode sums every letter that appears twice: the batch and heads are gone
    assert ns["implicit_scores"].shape == (T, T)
    assert np.allclose(ns["implicit_scores"], np.einsum("bhqd,bhkd->kq", q, k))
    rows = [" ".join(line.split()) for line in run_.output.splitlines()[1:]]
    assert rows == [
        "...qd,...kd->...qk (32, 4, 12, 12) q @ k.swapaxes(-1, -2)",
        "...qd,...kd->...qk (12, 12) q[0, 0] @ k[0, 0].T",
        "ii->i (15,) np.diag(S)",
        "ii-> () np.trace(S)",
        "ij,jk (20, 5) A @ M",
        "ji (15, 20) A.T",
        "ii () np.trace(S)",
        "bhqd,bhkd (12, 12) scores.sum((0, 1)).T",
    ]


# --- The shape and FLOP calculator ---------------------------------------------------------


def test_calculator_counts_the_two_phase_einsums():
    run_ = run("einsum_calculator")
    einsum_shape = run_.namespace["einsum_shape"]
    Dh = DH
    shapes, out, flops = einsum_shape("btv,vd->btd", b=B, t=T, v=V, d=D)
    assert shapes == [(B, T, V), (V, D)] and out == (B, T, D)
    assert flops == 2 * B * T * V * D == run_file("theory/00_why_linear_algebra/embedding_lookup_cost.py").namespace["einsum_flops"]
    attention = einsum_shape("bhqk,bhkd->bhqd", b=B, h=H, q=T, k=T, d=Dh)
    scores = einsum_shape("bhqd,bhkd->bhqk", b=B, h=H, q=T, k=T, d=Dh)
    assert attention[2] == scores[2] == 2 * B * H * T**2 * Dh == 589_824
    rows = [line.split(maxsplit=1)[0] + " | " + line.rsplit(maxsplit=1)[1] for line in run_.output.splitlines()[1:6]]
    assert rows == [
        "btv,vd->btd | 29,491,200",
        "bhqd,bhkd->bhqk | 589,824",
        "bhqk,bhkd->bhqd | 589,824",
        "ij,jk->ik | 3,000",
        "i,j->ij | 300",
    ]
    assert "(32, 4, 12, 12), (32, 4, 12, 16)   (32, 4, 12, 16)" in run_.output


def test_calculator_follows_the_stated_flop_convention():
    einsum_shape = run("einsum_calculator").namespace["einsum_shape"]
    assert einsum_shape("ij,jk->ik", i=20, j=15, k=5)[2] == 2 * 20 * 15 * 5 == 3000
    assert einsum_shape("i,j->ij", i=20, j=15)[2] == 20 * 15  # nothing summed: one multiply per entry
    assert einsum_shape("bi,bj->bij", b=3, i=4, j=5)[2] == 3 * 4 * 5
    assert einsum_shape("bqd,bkd->bqk", b=2, q=3, k=5, d=7)[2] == 2 * 2 * 3 * 5 * 7


@pytest.mark.parametrize(
    ("spec", "sizes"),
    [
        ("btv,vd->btd", dict(b=2, t=3, v=7, d=5)),
        ("i,j->ij", dict(i=4, j=5)),
        ("ij,jk,kl->il", dict(i=4, j=3, k=5, l=6)),
        ("bi,bj,bk->bk", dict(b=2, i=3, j=4, k=5)),
        ("ij,jk,kl,lm->im", dict(i=2, j=3, k=4, l=5, m=6)),
    ],
)
def test_calculator_flops_are_einsum_paths_naive_count(spec, sizes):
    """The page: with a letter summed (or no letter shared), the count is np.einsum_path's naive one.

    (einsum_path also adds one add per combination when a kept letter is shared, as in
    'bi,bj->bij'; the page's convention counts no add where nothing is summed.)"""
    einsum_shape = run("einsum_calculator").namespace["einsum_shape"]
    shapes, _, flops = einsum_shape(spec, **sizes)
    rng = np.random.default_rng(2)
    report = np.einsum_path(spec, *[rng.normal(size=s) for s in shapes], optimize="optimal")[1]
    naive = next(float(line.split(":")[1]) for line in report.splitlines() if "Naive FLOP count" in line)
    assert flops == naive


def test_three_operands_naive_and_optimized_counts_differ():
    run_ = run("einsum_three_operands")
    ns = run_.namespace
    assert ns["naive"] == 3 * 20 * 15 * 5 * 64 == 288_000
    assert ns["cheap"] == 2 * 20 * 15 * 5 + 2 * 20 * 5 * 64 == 15_800
    assert ns["other"] == 2 * 15 * 5 * 64 + 2 * 20 * 15 * 64 == 48_000
    assert ns["reported"] == {"Naive FLOP count": 288_000, "Optimized FLOP count": 15_800}
    assert list(ns["path"][1:]) == [(0, 1), (0, 1)]  # (A @ M) first
    assert round(ns["naive"] / ns["cheap"]) == 18 and round(ns["other"] / ns["cheap"]) == 3  # the prose
    assert run_file(f"{PAGE}/einsum_calculator.py").namespace["einsum_shape"](
        "ij,jk,kl->il", i=20, j=15, k=5, l=64
    )[2] == ns["naive"]
    rows = [" ".join(line.split()) for line in run_.output.splitlines()]
    assert rows == [
        "way FLOPs",
        "one loop over i, j, k, l 288,000",
        "(A @ M) @ W 15,800",
        "A @ (M @ W) 48,000",
        "np.einsum_path, naive 288,000",
        "np.einsum_path, optimized 15,800",
        "np.einsum_path, pairs [(0, 1), (0, 1)]",
    ]


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


# --- Check yourself -------------------------------------------------------------------------


def test_check_index_shapes():
    rows = [" ".join(line[11:].split()) for line in run("check_index_shapes").output.splitlines()[1:]]
    assert rows == ["(32, 1, 64) 3 2,048", "(32, 12) 2 384", "(32, 1, 12, 64) 4 24,576"]


def test_check_view_or_copy():
    run_ = run("check_view_or_copy")
    ns = run_.namespace
    assert np.shares_memory(ns["tokens_by_head"], ns["q"])
    assert not np.shares_memory(ns["batch_of_heads"], ns["q"])
    assert ns["heads"].strides == (6144, 128, 512, 8)  # one step in h is 16 numbers, in b 768
    assert run_.output.splitlines()[1:] == [
        "q.reshape(B*T, H, D_HEAD)     view: True",
        "heads.reshape(B*H, T, D_HEAD) view: False",
    ]


def test_check_the_wrong_axis_subtracts_the_column_index_mean():
    assert run("check_wrong_axis").output.splitlines() == [
        "centred[2, 5] == scores[2, 5] - m[5]: True",
        "centred[2, 5] == scores[2, 5] - m[2]: False",
    ]


def test_check_attention_einsum_shape_and_flops():
    run_ = run("check_attention_einsum")
    assert run_.namespace["out"].shape == (32, 4, 12, 16)
    assert run_.output.splitlines() == ["shape: (32, 4, 12, 16)", "FLOPs: 589,824"]


def test_check_ndim_is_not_matrix_rank():
    lines = [" ".join(line.split()) for line in run("check_ndim_vs_rank").output.splitlines()]
    assert lines == [
        "np.outer(u, w) shape (20, 15) ndim 2 matrix rank 1",
        "counts shape (20, 15) ndim 2 matrix rank 15",
    ]
