"""Checks for the exercises of lesson 00 (why linear algebra first), for your own solutions.

    from lacourse.checks.lesson00 import check_lookup
    check_lookup(my_embed)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call
from lacourse.universe import B, D, N_SLOTS, N_VERBS, T, V, embedding_matrix


def _token_batches():
    """Token arrays of several shapes: one id, a sequence, a batch, the (verb, slot) grid."""
    rng = np.random.default_rng(1)
    return [
        np.array(5),  # "she walked"
        rng.integers(0, V, size=T),
        rng.integers(0, V, size=(B, T)),
        np.arange(N_VERBS * N_SLOTS).reshape(N_VERBS, N_SLOTS),  # every English form
        np.full((3, 7), 42),  # the same token again and again
    ]


def check_lookup(fn) -> int:
    """`fn(E, tokens)` returns E[tokens], for tokens of any shape, computed as you like."""
    E = embedding_matrix(D)  # (V, D)
    cases = _token_batches()
    for tokens in cases:
        out = np.asarray(_call(fn, E, tokens))
        expected = E[tokens]  # (*tokens.shape, D)
        assert out.shape == expected.shape, (
            f"tokens of shape {tokens.shape}: got shape {out.shape}, not {expected.shape}"
        )
        assert np.array_equal(out, expected), (
            f"tokens of shape {tokens.shape}: the rows are not E[tokens] exactly"
        )
    return len(cases)


def check_bag_of_forms(fn) -> int:
    """`fn(E, tokens)`, tokens of shape (n, t): the (n, D) sums of each row's embeddings."""
    E = embedding_matrix(D)  # (V, D)
    cases = [tokens for tokens in _token_batches() if tokens.ndim == 2]
    for tokens in cases:
        out = np.asarray(_call(fn, E, tokens))
        expected = E[tokens].sum(axis=1)  # (len(tokens), D)
        assert out.shape == expected.shape, (
            f"tokens of shape {tokens.shape}: got shape {out.shape}, not {expected.shape}"
        )
        scale = np.abs(E).max() * tokens.shape[1]  # the largest a sum of t rows can be
        assert np.abs(out - expected).max() <= 1e-12 * scale, (
            f"tokens of shape {tokens.shape}: the sums differ from E[tokens].sum(axis=1)"
        )
    return len(cases)
