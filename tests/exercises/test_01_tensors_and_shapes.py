"""Exercises 01: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.checks.lesson01 import check_batched_matmul
from lacourse_site.runner import run_file

PAGE = "exercises/01_tensors_and_shapes"


def lines(output: str) -> list[list[str]]:
    return [line.split() for line in output.splitlines()]


def test_01_1_indexing_shapes():
    run = run_file(f"{PAGE}/indexing_shapes.py")
    assert run.namespace["x"].shape == (32, 12, 64) and run.namespace["tokens"].shape == (32, 12)
    expected = {
        "x[0]": (12, 64),
        "x[:, -1]": (32, 64),
        "x[:, -1:]": (32, 1, 64),
        "x[..., 0]": (32, 12),
        "x[:, None]": (32, 1, 12, 64),
        "x[0, :, None, 3]": (12, 1),
        "E[tokens]": (32, 12, 64),
        "E[tokens[0]]": (12, 64),
        "E[tokens][:, :, 0]": (32, 12),
    }
    assert run.namespace["shapes"] == expected
    for text, shape in expected.items():  # the printed row: shape, ndim, size
        assert f"{text:20s} {str(shape):16s} {len(shape):4d} {int(np.prod(shape)):6d}" in run.output
    assert "x[:, -1:]            (32, 1, 64)         3   2048" in run.output


def test_01_2_reshape_shapes():
    run = run_file(f"{PAGE}/reshape_shapes.py")
    assert run.namespace["shapes"] == {
        "counts.reshape(N_VERBS, N_TENSES, N_PERSONS)": (20, 5, 3),
        "counts.reshape(N_VERBS, N_TENSES, -1).sum(axis=1)": (20, 3),
        "counts.reshape(-1, N_PERSONS)": (100, 3),
        "np.expand_dims(counts, 0)": (1, 20, 15),
        "x.reshape(B * T, D)": (384, 64),
        "x.reshape(B, -1)": (32, 768),
        "x.reshape(B, T, H, D_HEAD)": (32, 12, 4, 16),
        "x.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)": (32, 4, 12, 16),
        "x.reshape(-1, D_HEAD)": (1536, 16),
        "x.reshape(B, T, N_TENSES, -1)": "ValueError",
    }


def test_01_3_broadcast_predictions():
    run = run_file(f"{PAGE}/broadcast_predictions.py")
    assert np.array_equal(run.namespace["table"], [[0, 10, 20, 30], [1, 11, 21, 31], [2, 12, 22, 32]])
    assert "[[ 0 10 20 30]\n [ 1 11 21 31]\n [ 2 12 22 32]]" in run.output
    assert run.namespace["results"] == {
        "x + bias": (32, 12, 64),
        "x * gate": (32, 12, 64),
        "scores + mask": (32, 4, 12, 12),
        "scores * head_scale": (32, 4, 12, 12),
        "tokens + per_sequence": "ValueError",
        "tokens + per_sequence[:, None]": (32, 12),
        "x - x.mean(axis=-1)": "ValueError",
    }


def test_01_4_column_means_by_hand():
    run = run_file(f"{PAGE}/column_mean_by_hand.py")
    ns = run.namespace
    assert np.array_equal(ns["X"], [[2, 1], [4, 5], [9, 3]])
    assert np.array_equal(ns["column_means"], [5, 3]) and ns["column_means"].shape == (2,)
    assert np.array_equal(ns["centred"], [[-3, -2], [-1, 2], [4, 0]])
    assert "X.mean(axis=0) = [5. 3.]   shape (2,)" in run.output
    assert "[[-3. -2.]\n [-1.  2.]\n [ 4.  0.]]" in run.output


def test_01_5_row_mean_without_keepdims():
    run = run_file(f"{PAGE}/row_mean_keepdims_bug.py")
    ns = run.namespace
    assert np.array_equal(ns["A"], [[1, 2, 3], [4, 5, 6], [7, 8, 12]])
    assert np.array_equal(ns["row_means"], [2, 5, 9])
    assert np.array_equal(ns["wrong"], [[-1, -3, -6], [2, 0, -3], [5, 3, 3]])
    assert np.array_equal(ns["right"], [[-1, 0, 1], [-1, 0, 1], [-2, -1, 3]])
    assert np.allclose(ns["right"].mean(axis=1), 0) and np.abs(ns["wrong"].mean(axis=1)).min() > 0.3
    assert "[[-1. -3. -6.]\n [ 2.  0. -3.]\n [ 5.  3.  3.]]" in run.output
    assert "(3, 2) - (3,) -> ValueError" in run.output


def test_01_6_views_or_copies():
    run = run_file(f"{PAGE}/views_or_copies.py")
    assert run.namespace["x"].flags["C_CONTIGUOUS"] and run.namespace["x"].shape == (32, 12, 64)
    assert run.namespace["shares"] == {
        "x.reshape(B * T, D)": True,
        "x.transpose(0, 2, 1)": True,
        "x.transpose(0, 2, 1).reshape(B, -1)": False,
        "x[:, ::2]": True,
        "x[:, [0, 2]]": False,
        "x[..., None]": True,
        "x.ravel()": True,
        "x.T.ravel()": False,
        "x.flatten()": False,
    }


def test_01_7_einsum_flops_by_hand():
    run = run_file(f"{PAGE}/einsum_flops_by_hand.py")
    assert run.namespace["scores_flops"] == 589_824 == 2 * 32 * 4 * 12 * 12 * 16
    assert run.namespace["projection_flops"] == 3_145_728 == 2 * 32 * 12 * 64 * 64
    assert "output (32, 4, 12, 12)  FLOPs 589,824" in run.output
    assert "output (32, 12, 64)   FLOPs 3,145,728" in run.output
    assert "ratio projection / scores = 5.333" in run.output


def test_01_8_batched_matmul_and_its_check():
    run = run_file(f"{PAGE}/batched_matmul_einsum.py")
    ns = run.namespace
    assert ns["scores"].shape == (32, 12, 12)
    assert np.allclose(ns["scores"], ns["q"] @ ns["k"].transpose(0, 2, 1), rtol=0, atol=1e-12)
    assert "batched_matmul == q @ k^T up to float64 rounding: True" in run.output
    assert "check_batched_matmul(batched_matmul) -> 4" in run.output
    assert check_batched_matmul(ns["batched_matmul"]) == 4


def test_01_8_the_page_says_what_the_check_tries_and_rates_it_one_star():
    from lacourse.checks.lesson01 import BATCHED_MATMUL_CASES
    from conftest import DOCS

    # three cases with every size different, one with n == k (the square scores)
    distinct = [len(set(case)) == 4 for case in BATCHED_MATMUL_CASES]
    square = [case for case in BATCHED_MATMUL_CASES if case[1] == case[3]]
    assert sum(distinct) == 3 and square == [(32, 12, 16, 12)]
    for language, phrase in (("en", "every size differs"), ("es", "todos los tamaños son distintos")):
        text = (DOCS / language / "exercises" / "01-tensors-and-shapes.md").read_text(encoding="utf-8")
        section = text[text.index("{ #ex-01-8 }"):]
        assert "★ ·" in section.splitlines()[2] and "★★" not in section.splitlines()[2]
        assert "(32, 12, 16, 12)" in section and phrase in section


@pytest.mark.parametrize(
    "solution",
    [
        lambda a, b: np.einsum("bnm,bmk->bnk", a, b),
        lambda a, b: np.einsum("bnm,bmk->bnk", a, b, optimize=True),
        lambda a, b: a @ b,
        lambda a, b: np.stack([x @ y for x, y in zip(a, b)]),
        lambda a, b: np.einsum("...nm,...mk->...nk", a, b),
    ],
    ids=["einsum", "einsum-optimize", "matmul", "loop", "ellipsis"],
)
def test_01_8_the_check_accepts_every_way_the_brief_allows(solution):
    assert check_batched_matmul(solution) == 4


def _scaled_in_place(a, b):
    a /= np.sqrt(a.shape[-1])  # borrowed from an attention helper: scales the caller's array
    return np.einsum("bnm,bmk->bnk", a, b) * np.sqrt(a.shape[-1])


def _off_by_one(a, b):
    out = np.zeros((a.shape[0], a.shape[1], b.shape[2]))
    for i in range(len(a) - 1):  # the last batch entry is left at zero
        out[i] = a[i] @ b[i]
    return out


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        (lambda a, b: np.einsum("bnm,bmk->nk", a, b), "shape"),  # sums over the batch too
        (lambda a, b: np.stack([x @ b[0] for x in a]), "differs from"),  # parameter b ignored
        (lambda a, b: np.einsum("bnm,bmk->bkn", a, b), "shape"),  # transposed result
        (lambda a, b: np.einsum("bnm,bmk->bnk", a, b[::-1]), "differs from"),  # pairing wrong
        (lambda a, b: np.einsum("bnm,bmk->bnk", a.astype(np.float32), b.astype(np.float32)), "got float32"),
        (lambda a, b: np.einsum("bnm,bmk->bnk", a.astype(np.float32), b).astype(np.float64), "float32 rounding"),
        (lambda a, b: np.einsum("bnm,bmk->bnk", np.round(a), b), "more than float64 rounding"),  # integers
        (_scaled_in_place, "changed `a` in place"),
        (_off_by_one, "entry 1 differs"),
    ],
    ids=["sums-batch", "b0-everywhere", "transposed", "misaligned", "float32", "float32-inside",
         "integer-inputs", "in-place", "off-by-one"],
)
def test_01_8_the_check_rejects_wrong_solutions_and_says_what(wrong, message):
    with pytest.raises(AssertionError, match=message):
        check_batched_matmul(wrong)


def test_01_8_a_transposed_result_on_the_square_case_is_caught_by_its_values():
    def transposed_when_square(a, b):
        out = np.einsum("bnm,bmk->bnk", a, b)
        return out.transpose(0, 2, 1) if out.shape[1] == out.shape[2] else out

    with pytest.raises(AssertionError, match="output axes are swapped"):
        check_batched_matmul(transposed_when_square)
