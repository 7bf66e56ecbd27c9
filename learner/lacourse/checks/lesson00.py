"""Checks for the exercises of lesson 00 (why linear algebra first), for your own solutions.

    from lacourse.checks.lesson00 import check_lookup
    check_lookup(my_embed)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes. Each failure says what
was wrong: the shape, the dtype, an input changed in place, or the values, with the case.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call
from lacourse.universe import B, D, N_SLOTS, N_VERBS, T, V, embedding_matrix

EPS = np.finfo(np.float64).eps


def _token_batches(vocabulary: int = V):
    """Token arrays of several shapes: one id, a sequence, a batch, the (verb, slot) grid,
    one id repeated, and the first and last ids (where an off-by-one shows)."""
    rng = np.random.default_rng(1)
    return [
        np.array(5),  # "she walked"
        rng.integers(0, vocabulary, size=T),
        rng.integers(0, vocabulary, size=(B, T)),
        np.arange(N_VERBS * N_SLOTS).reshape(N_VERBS, N_SLOTS) % vocabulary,  # every form
        np.full((3, 7), 42 % vocabulary),  # the same token again and again
        np.array([[0, vocabulary - 1], [vocabulary - 1, 0]]),  # the first and the last id
    ]


def _lookup_cases():
    """(E, tokens) pairs: the course's E; a float32 E; an E of another size (37, 5), so that a
    solution which assumes V = 600 or D = 64 instead of reading E's shape fails."""
    E = embedding_matrix(D)  # (V, D)
    small = np.random.default_rng(3).normal(size=(37, 5))  # (37, 5)
    cases = [(E, tokens) for tokens in _token_batches()]
    cases += [(E.astype(np.float32), tokens) for tokens in _token_batches()[1:3]]
    cases += [(small, tokens) for tokens in _token_batches(len(small))[1:]]
    return cases


def _call_unchanged(fn, E, tokens, where):
    """Call fn on copies we keep, and fail if it changed either input in place."""
    E_in, tokens_in = E.copy(), tokens.copy()
    out = _call(fn, E_in, tokens_in)
    assert np.array_equal(E_in, E), f"{where}: your function changed E in place"
    assert np.array_equal(tokens_in, tokens), f"{where}: your function changed tokens in place"
    return np.asarray(out)


def _float32_hint(out, expected, scale) -> str:
    """A hint when the values are right only to float32's precision (relative to scale)."""
    if expected.dtype == np.float64 and np.all(np.abs(out - expected) <= 1e-6 * scale):
        return "; the error is float32 rounding: keep E and the sums in float64"
    return ""


def _where(E, tokens):
    return f"E {E.shape} {E.dtype}, tokens of shape {tokens.shape}"


def check_lookup(fn) -> int:
    """`fn(E, tokens)` returns E[tokens] (the same numbers, in E's dtype) for tokens of any
    shape and any E (V, D), computed as a one-hot matrix product."""
    cases = _lookup_cases()
    for E, tokens in cases:
        where = _where(E, tokens)
        out = _call_unchanged(fn, E, tokens, where)
        expected = E[tokens]  # (*tokens.shape, E.shape[1])
        assert out.shape == expected.shape, (
            f"{where}: got shape {out.shape}, not {expected.shape}"
            + (" (read V and D from E.shape, not from the course's sizes)"
               if E.shape != (V, D) else "")
        )
        assert out.dtype == E.dtype, (
            f"{where}: got {out.dtype}, not E's {E.dtype}: build the one-hot in E's dtype"
        )
        if not np.array_equal(out, expected):
            wrong = np.argwhere(np.any(out != expected, axis=-1)) if out.ndim > 1 else [()]
            first = tuple(int(i) for i in wrong[0]) if len(wrong) else ()
            precision = _float32_hint(out, expected, np.abs(expected))
            raise AssertionError(
                f"{where}: out{list(first)} is not E[tokens{list(first)}] exactly"
                " (a one-hot row times E picks one row of E with no rounding at all)"
                + precision
            )
    return len(cases)


def _bag_cases():
    E = embedding_matrix(D)  # (V, D)
    small = np.random.default_rng(3).normal(size=(37, 5))  # (37, 5)
    cases = [(E, tokens) for tokens in _token_batches() if tokens.ndim == 2]
    cases += [(small, tokens) for tokens in _token_batches(len(small)) if tokens.ndim == 2]
    return cases


def check_bag_of_forms(fn) -> int:
    """`fn(E, tokens)`, tokens of shape (n, t): the (n, D) sums of each row's embeddings,
    repeated tokens counted each time, in E's dtype (float64)."""
    cases = _bag_cases()
    for E, tokens in cases:
        where = _where(E, tokens)
        out = _call_unchanged(fn, E, tokens, where)
        expected = E[tokens].sum(axis=1)  # (len(tokens), E.shape[1])
        assert out.shape == expected.shape, (
            f"{where}: got shape {out.shape}, not {expected.shape}"
            + (" (read V and D from E.shape)" if E.shape != (V, D) else "")
        )
        assert out.dtype == E.dtype, f"{where}: got {out.dtype}, not E's {E.dtype}"
        # A sum of t rows in float64 is within (t - 1) eps of the sum of absolute values;
        # twice that leaves room for any order of summation, and is far below a missing row.
        t = tokens.shape[1]
        bound = 2 * t * EPS * np.abs(E)[tokens].sum(axis=1)  # (len(tokens), E.shape[1])
        error = np.abs(out - expected)  # (len(tokens), E.shape[1])
        if not np.all(error <= bound):
            row = int(np.argmax(np.max(error - bound, axis=1)))
            repeats = len(tokens[row]) - len(np.unique(tokens[row]))
            hint = f"; row {row} repeats a token {repeats} times: count each one" if repeats else ""
            raise AssertionError(
                f"{where}: row {row} is not the sum of its {t} embeddings{hint}"
                + _float32_hint(out, expected, np.abs(E)[tokens].sum(axis=1))
            )
    return len(cases)
