"""Theory 00: the claims the page makes, checked from outside its snippets."""

from __future__ import annotations

import numpy as np

from lacourse.runner import run_file
from lacourse.universe import FORMS, V

PAGE = "theory/00_why_linear_algebra"


def test_the_universe_has_600_distinct_forms_in_two_languages():
    run = run_file(f"{PAGE}/the_verb_universe.py")
    assert V == 20 * 5 * 3 * 2 == 600 == len(set(FORMS))
    assert "token   5 -> 'she walked'" in run.output
    assert "token 305 -> 'ella caminó'" in run.output  # the Spanish pair sits V/2 further on
    assert "one-hot vector: (600,) non-zeros: 1" in run.output


def test_three_ways_give_the_same_tensor_exactly():
    ns = run_file(f"{PAGE}/embedding_lookup_three_ways.py").namespace
    assert ns["by_index"].shape == (32, 16, 64)
    assert ns["one_hot"].shape == (32, 16, 600)
    assert np.array_equal(ns["by_index"], ns["by_matmul"])
    assert np.array_equal(ns["by_index"], ns["by_einsum"])
    # and the indexing way really is "row tokens[b, t] of E"
    b, t = 3, 7
    assert np.array_equal(ns["by_index"][b, t], ns["E"][ns["tokens"][b, t]])


def test_flop_count_matches_the_formula_and_the_text():
    run = run_file(f"{PAGE}/embedding_lookup_cost.py")
    B, T, D = 32, 16, 64
    assert run.namespace["einsum_flops"] == 2 * B * T * V * D == 39_321_600
    assert "39,321,600" in run.output
    assert "(99.83%)" in run.output  # "almost all of the matmul's work is multiplying by zero"
    assert "1200 = 2 * V" in run.output


def test_indexing_is_the_fastest_way_by_far():
    rows = dict(run_file(f"{PAGE}/embedding_lookup_timing.py").namespace["rows"])
    index = rows["E[tokens]"]
    assert index.median < rows["one_hot @ E"].best / 5
    assert index.median < rows["einsum('btv,vd->btd')"].best / 5
