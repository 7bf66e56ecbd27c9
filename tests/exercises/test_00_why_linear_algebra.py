"""Exercises 00: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here; the checks a learner calls must reject wrong solutions."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.checks.lesson00 import check_bag_of_forms, check_lookup
from lacourse_site.runner import run_file

PAGE = "exercises/00_why_linear_algebra"


def run(name: str):
    return run_file(f"{PAGE}/{name}.py")


def test_00_1_one_hot_times_e_by_hand():
    run_ = run("one_hot_times_e_by_hand")
    ns = run_.namespace
    assert ns["E"].tolist() == [[2, -1], [0, 3], [4, 1], [-2, 5], [1, 1], [3, -3]]
    assert ns["token"] == 2 and ns["row"].tolist() == [4, 1]
    lines = run_.output.splitlines()
    assert lines[0] == "(x @ E)[0] = 0*(2) + 0*(0) + 1*(4) + 0*(-2) + 0*(1) + 0*(3) = 4"
    assert lines[1] == "(x @ E)[1] = 0*(-1) + 0*(3) + 1*(1) + 0*(5) + 0*(1) + 0*(-3) = 1"
    assert ns["pair"].tolist() == [0, 1, 0, 1, 0, 0]
    assert "pair @ E: [-2  8]   E[1] + E[3]: [-2  8]" in run_.output


def test_00_2_lookup_flops_at_gpt2_size():
    run_ = run("lookup_flops_at_gpt2_size")
    ns = run_.namespace
    assert (ns["V_GPT2"], ns["D_GPT2"], ns["T_GPT2"], ns["B_GPT2"]) == (50_257, 768, 1_024, 1)
    assert ns["flops"] == 2 * 1024 * 50257 * 768 == 79_047_426_048
    assert [line.split(":")[1].split()[0] for line in run_.output.splitlines()] == [
        "79,047,426,048",
        "786,432",
        "100,514",
        "205,852,672",
        "1,200",
    ]


def test_00_3_predict_the_shapes_of_the_three_ways():
    table = {line[:22].strip(): line[22:].strip() for line in run("predict_three_ways_shapes").output.splitlines()}
    assert table == {
        "grid": "(20, 15)",
        "E[grid]": "(20, 15, 64)",
        "np.eye(V)[grid]": "(20, 15, 600)",
        "np.eye(V)[grid] @ E": "(20, 15, 64)",
        "einsum('ijv,vd->ijd')": "(20, 15, 64)",
        "E[grid[0]]": "(15, 64)",
        "E[grid[:, 5]]": "(20, 64)",
    }


def test_00_4_which_einsum_spellings_are_the_lookup():
    run_ = run("einsum_spellings")
    assert run_.output.splitlines()[-1] == "'btv,dv': v is one_hot.shape[2] = 600 and E.shape[1] = 64"
    results = run_.namespace["results"]
    assert results == {
        "btv,vd->btd": ((32, 12, 64), True),
        "btv,vd->bdt": ((32, 64, 12), False),  # right sum, output axes in another order
        "vd,btv->btd": ((32, 12, 64), True),  # operand order does not matter, letters do
        "btv,dv->btd": ("ValueError", False),  # v is 600 in one operand and 64 in the other
        "btv,vd->bt": ((32, 12), False),  # d summed away too
    }


def test_00_5_why_indexing_wins():
    run_ = run("why_indexing_wins")
    lines = run_.output.splitlines()
    assert lines[0].endswith("14,721,024 of 14,745,600 (99.83% = 1 - 1/V)")
    assert " ".join(lines[1].split()) == "one_hot (32, 12, 600) 1,843,200 bytes"
    assert " ".join(lines[2].split()) == "E (600, 64) 307,200 bytes"
    assert " ".join(lines[3].split()) == "embedded (32, 12, 64) 196,608 bytes"
    assert " ".join(lines[4].split()) == "one_hot / E: 6.000 one_hot / embedded: 9.375 = V / D"


def test_00_6_embed_as_a_matmul_passes_its_check():
    run_ = run("embed_as_matmul")
    assert run_.output.strip() == "check_lookup(embed): 13 cases passed"
    embed = run_.namespace["embed"]
    tokens = np.array([[1, 2], [3, 1]])
    E = np.arange(12.0).reshape(4, 3)
    assert np.array_equal(embed(E, tokens), E[tokens])


def _one_hot(E, tokens, dtype=None):
    ids = np.asarray(tokens)[..., None]
    return (ids == np.arange(len(E))).astype(E.dtype if dtype is None else dtype)


@pytest.mark.parametrize(
    "solution",
    [
        lambda E, t: _one_hot(E, t) @ E,
        lambda E, t: np.einsum("...v,vd->...d", _one_hot(E, t), E),
        lambda E, t: np.tensordot(_one_hot(E, t), E, axes=1),
        lambda E, t: (_one_hot(E, np.ravel(t)) @ E).reshape(np.shape(t) + (E.shape[1],)),
    ],
    ids=["matmul", "einsum", "tensordot", "flatten-then-reshape"],
)
def test_00_6_check_lookup_accepts_every_way_the_brief_allows(solution):
    assert check_lookup(solution) == 13


def _wrong_lookups():
    def off_by_one(E, tokens):  # compares with 1..V instead of 0..V-1
        ids = np.asarray(tokens)[..., None]
        return (ids == np.arange(1, len(E) + 1)).astype(E.dtype) @ E

    def course_sizes(E, tokens):  # V = 600 from the course, not from E
        return (np.asarray(tokens)[..., None] == np.arange(600)).astype(E.dtype) @ E

    def float64_always(E, tokens):  # a float64 one-hot turns a float32 E into float64
        return _one_hot(E, tokens, np.float64) @ E

    def float32_always(E, tokens):  # "to save memory"
        return _one_hot(E, tokens, np.float32) @ E.astype(np.float32)

    def float32_inside(E, tokens):  # float32 inside, float64 outside
        return (_one_hot(E, tokens, np.float32) @ E.astype(np.float32)).astype(E.dtype)

    def zeroes_padding_row(E, tokens):  # changes the caller's E
        E[0] = 0.0
        return _one_hot(E, tokens) @ E

    def flattened(E, tokens):  # forgets the shape of tokens
        return _one_hot(E, np.ravel(tokens)) @ E

    def close_only(E, tokens):
        return (_one_hot(E, tokens) @ E) * (1 + 1e-12)

    def raises(E, tokens):
        raise RuntimeError("not written yet")

    return {
        "off by one": (off_by_one, "is not E[tokens"),
        "parameter ignored": (course_sizes, "raised ValueError"),
        "wrong dtype": (float64_always, "not E's float32"),
        "wrong precision": (float32_always, "not E's float64"),
        "float32 precision, float64 dtype": (float32_inside, "float32 rounding"),
        "input changed in place": (zeroes_padding_row, "changed E in place"),
        "shape lost": (flattened, "got shape"),
        "not exact": (close_only, "is not E[tokens"),
        "crash": (raises, "raised RuntimeError"),
    }


@pytest.mark.parametrize("kind", list(_wrong_lookups()))
def test_00_6_check_lookup_rejects_each_kind_of_wrong_solution_and_says_what(kind):
    wrong, message = _wrong_lookups()[kind]
    with pytest.raises(AssertionError, match=message.replace("[", r"\[").replace("(", r"\(")):
        check_lookup(wrong)


def test_00_7_bag_of_forms_passes_its_check():
    run_ = run("bag_of_forms")
    assert run_.output.splitlines() == [
        "check_bag_of_forms(bag_of_forms): 8 cases passed",
        "bag_of_forms(E, [[5, 159, 5]])[0] == 2 * E[5] + E[159]: True",
    ]


def _counts(E, tokens, dtype=float):
    counts = np.zeros((len(tokens), len(E)), dtype=dtype)
    np.add.at(counts, (np.arange(len(tokens))[:, None], tokens), 1)
    return counts


@pytest.mark.parametrize(
    "solution",
    [
        lambda E, t: _counts(E, t) @ E,
        lambda E, t: _counts(E, t, int) @ E,  # integer counts are exact
        lambda E, t: np.stack([np.bincount(row, minlength=len(E)) for row in t]) @ E,
        lambda E, t: np.einsum("nv,vd->nd", _counts(E, t, np.float32), E),  # small counts: exact
    ],
    ids=["add.at", "int-counts", "bincount", "float32-counts"],
)
def test_00_7_check_bag_of_forms_accepts_every_way_the_brief_allows(solution):
    assert check_bag_of_forms(solution) == 8


def _wrong_bags():
    def repeats_counted_once(E, tokens):
        counts = np.zeros((len(tokens), len(E)))
        counts[np.arange(len(tokens))[:, None], tokens] = 1.0  # plain assignment drops repeats
        return counts @ E

    def float32_embeddings(E, tokens):
        return _counts(E, tokens) @ E.astype(np.float32)

    def sorts_tokens_in_place(E, tokens):
        tokens.sort(axis=1)  # "group the repeats first", on the caller's array
        return _counts(E, tokens) @ E

    def course_vocabulary(E, tokens):  # V = 600, not len(E)
        counts = np.zeros((len(tokens), 600))
        np.add.at(counts, (np.arange(len(tokens))[:, None], tokens), 1.0)
        return counts @ E

    def off_by_one(E, tokens):  # the last token of each row is left out
        return _counts(E, tokens[:, :-1]) @ E

    def mean_not_sum(E, tokens):
        return E[tokens].mean(axis=1)

    def wrong_axis(E, tokens):
        return E[tokens].sum(axis=0)

    return {
        "duplicates": (repeats_counted_once, "repeats a token"),
        "wrong precision": (float32_embeddings, "float32 rounding"),
        "input changed in place": (sorts_tokens_in_place, "changed tokens in place"),
        "parameter ignored": (course_vocabulary, "raised ValueError"),
        "off by one": (off_by_one, "is not the sum of its"),
        "mean": (mean_not_sum, "is not the sum of its"),
        "wrong axis": (wrong_axis, "got shape"),
    }


@pytest.mark.parametrize("kind", list(_wrong_bags()))
def test_00_7_check_bag_of_forms_rejects_each_kind_of_wrong_solution_and_says_what(kind):
    wrong, message = _wrong_bags()[kind]
    with pytest.raises(AssertionError, match=message):
        check_bag_of_forms(wrong)
