"""Checks for the exercises of lesson 04 (norms), for your own solutions.

    from lacourse.checks.lesson04 import check_clip
    check_clip(my_clip_by_global_norm)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes. Its message says what
was wrong: a wrong value, a changed input, an ignored parameter, a tie handled by luck.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call

# Cosines are compared to within this: a different order of the same additions moves a
# cosine by a few eps, far less than the gap between any two different cosines here.
COSINE_TOLERANCE = 1e-12


def _unit_rows(E):
    return E / np.linalg.norm(E, axis=1, keepdims=True)  # (rows, width)


def _ids(got, name: str, shape: tuple) -> np.ndarray:
    got = np.asarray(got)
    assert got.shape == shape, f"{name}: shape {got.shape}, not {shape}"
    assert np.issubdtype(got.dtype, np.integer), f"{name}: ids must be integers, not {got.dtype}"
    return got


# (rows, width, k, duplicate): row lengths vary, so length must not decide; the case
# (6, 4, 5) asks for every other row, so the query must be left out, not just given a low
# score. `duplicate` puts an exact copy of the query row before or after it, or a scaled
# copy: that row ties with the query (cosine 1), so a search that drops whatever ranks
# first, assuming it is the query, fails.
SEARCH_CASES = [
    (50, 8, 3, None),
    (600, 64, 5, None),
    (30, 3, 1, None),
    (200, 16, 10, None),
    (6, 4, 5, None),
    (12, 4, 3, "copy before"),
    (12, 4, 3, "copy after"),
    (40, 6, 4, "copy before"),
    (40, 6, 4, "scaled copy"),
]


def check_cosine_search(fn) -> int:
    """`fn(E, query, k)`: the ids of the k rows of E most cosine-similar to row `query`,
    most similar first, the query itself left out. E is not modified."""
    rng = np.random.default_rng(5)
    for rows, width, k, duplicate in SEARCH_CASES:
        lengths = 10.0 ** rng.uniform(-1, 1, size=(rows, 1))  # (rows, 1)  0.1 to 10
        E = rng.normal(size=(rows, width)) * lengths  # (rows, width)
        query = int(rng.integers(1, rows - 1))
        if duplicate == "copy before":
            E[query - 1] = E[query]
        elif duplicate == "copy after":
            E[query + 1] = E[query]
        elif duplicate == "scaled copy":
            E[0] = 2.5 * E[query]
        E_before = E.copy()  # (rows, width)
        cos = _unit_rows(E) @ _unit_rows(E)[query]  # (rows,)
        cos[query] = -np.inf  # the query is not its own neighbour
        best = np.sort(cos)[::-1][:k]  # (k,)  the k largest cosines, in order
        case = f"case {(rows, width, k)}" + (f" with a {duplicate} of the query" if duplicate else "")
        got = call(fn, E, query, k)
        assert np.array_equal(E, E_before), f"{case}: E was modified in place"
        got = _ids(got, case, (k,))
        assert query not in got, (
            f"{case}: the query {query} is in the answer"
            + (" (a row equal to it ties with it: leave the query out by its id,"
               " do not assume it ranks first)" if duplicate else "")
        )
        assert len(set(got.tolist())) == k, f"{case}: repeated ids {got.tolist()}"
        assert np.all((0 <= got) & (got < rows)), f"{case}: ids out of range {got.tolist()}"
        assert np.allclose(cos[got], best, rtol=0, atol=COSINE_TOLERANCE), (
            f"{case}: ids {got.tolist()} have cosines {np.round(cos[got], 4).tolist()}, "
            f"expected the {k} largest, most similar first: {np.round(best, 4).tolist()}"
        )
    return len(SEARCH_CASES)


# (rows, width, duplicates): pairs of equal rows (one pair scaled), so that a row's best
# cosine with another row is 1, a tie with its own.
NEAREST_CASES = [(8, 3, 0), (50, 8, 2), (600, 64, 0), (30, 4, 3), (2, 5, 0)]


def check_nearest_others(fn) -> int:
    """`fn(E)`: for every row i of E, the id of the other row j != i with the largest
    cosine to row i (any one of them if several tie). E is not modified."""
    rng = np.random.default_rng(8)
    for rows, width, duplicates in NEAREST_CASES:
        lengths = 10.0 ** rng.uniform(-1, 1, size=(rows, 1))  # (rows, 1)
        E = rng.normal(size=(rows, width)) * lengths  # (rows, width)
        for pair in range(duplicates):
            E[2 * pair + 1] = (3.0 if pair == 0 else 1.0) * E[2 * pair]
        E_before = E.copy()  # (rows, width)
        unit = _unit_rows(E)  # (rows, width)
        C = unit @ unit.T  # (rows, rows)
        np.fill_diagonal(C, -np.inf)
        case = f"case {(rows, width)}" + (f" with {duplicates} pairs of equal rows" if duplicates else "")
        got = call(fn, E)
        assert np.array_equal(E, E_before), f"{case}: E was modified in place"
        got = _ids(got, case, (rows,))
        own = np.flatnonzero(got == np.arange(rows))
        assert own.size == 0, (
            f"{case}: row {own[0]} is its own nearest; mask the diagonal (set it to -inf)"
            + (", do not assume each row ranks first in its own list" if duplicates else "")
        )
        assert np.all((0 <= got) & (got < rows)), f"{case}: ids out of range"
        reached = C[np.arange(rows), got]  # (rows,)
        wrong = np.flatnonzero(reached < C.max(axis=1) - COSINE_TOLERANCE)
        assert wrong.size == 0, (
            f"{case}: for row {wrong[0]} you give row {got[wrong[0]]} (cosine "
            f"{reached[wrong[0]]:.4f}), but row {np.argmax(C[wrong[0]])} has cosine "
            f"{C[wrong[0]].max():.4f}; compare directions (cosines), not dot products"
        )
    return len(NEAREST_CASES)


# (n, k): a k-dimensional subspace of R^n, spanned by columns that are not orthogonal
SUBSPACE_CASES = [(5, 2), (64, 14), (10, 1), (7, 7), (20, 6)]


def check_project_onto_subspace(fn) -> int:
    """`fn(b, A)`: the orthogonal projection of b onto the column space of A (n, k).

    The columns of A are independent but not orthogonal; neither b nor A is modified."""
    rng = np.random.default_rng(6)
    for n, k in SUBSPACE_CASES:
        A = rng.normal(size=(n, k)) + 2.0  # (n, k)  columns far from orthogonal
        b = rng.normal(size=n)  # (n,)
        A_before, b_before = A.copy(), b.copy()  # (n, k), (n,)
        coefficients = np.linalg.lstsq(A, b, rcond=None)[0]  # (k,)
        expected = A @ coefficients  # (n,)  the closest point of the subspace
        case = f"case {(n, k)}"
        got = call(fn, b, A)
        assert np.array_equal(A, A_before), f"{case}: A was modified in place"
        assert np.array_equal(b, b_before), f"{case}: b was modified in place"
        got = np.asarray(got, dtype=float)
        assert got.shape == (n,), f"{case}: shape {got.shape}, not {(n,)}"
        residual = b - got  # (n,)
        worst = np.abs(A.T @ residual).max() / (np.linalg.norm(A) * np.linalg.norm(b))
        assert worst < 1e-10, f"{case}: b - projection is not perpendicular to the columns of A"
        assert np.allclose(got, expected, rtol=0, atol=1e-10 * np.linalg.norm(b)), (
            f"{case}: the projection is not in the column space of A"
        )
    return len(SUBSPACE_CASES)


# (shapes of the gradient tensors, max_norm as a multiple of their joint norm)
CLIP_CASES = [
    ([(3, 4), (4,)], 0.5),  # above the threshold: scaled down
    ([(600, 64), (5, 64)], 0.01),
    ([(7,)], 0.2),  # one tensor
    ([(2, 3), (3,), (4, 1)], 2.0),  # below the threshold: untouched
    ([(6,), (6,)], 1.0),  # exactly at the threshold: untouched (or as good as)
]

# A small constant added to the norm before dividing is allowed, as in PyTorch's
# clip_grad_norm_, max_norm / (norm + 1e-6): it keeps the result at most max_norm and moves
# the factor by a relative 1e-6 / norm. Anything up to NORM_EPS passes.
NORM_EPS = 2e-6


def check_clip(fn) -> int:
    """`fn(grads, max_norm)`: the list of gradients scaled by one common factor so that
    their joint L2 norm is at most max_norm; the inputs are not modified."""
    rng = np.random.default_rng(7)
    for shapes, multiple in CLIP_CASES:
        grads = [rng.normal(size=shape) * rng.uniform(0.5, 10.0) for shape in shapes]
        before = [g.copy() for g in grads]
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        max_norm = multiple * total
        case = f"case {shapes}, max_norm = {multiple} x norm"
        got = call(fn, grads, max_norm)
        unchanged = all(np.array_equal(g, h) for g, h in zip(grads, before))
        assert unchanged, f"{case}: the input gradients were modified in place"
        got = [np.asarray(g) for g in got]
        shapes_got = [g.shape for g in got]
        assert shapes_got == list(shapes), f"{case}: shapes {shapes_got}, expected {shapes}"
        exact = min(1.0, max_norm / total)
        lowest = min(1.0, max_norm / (total + NORM_EPS))  # with a small eps in the norm
        factors = [np.sum(h * g) / np.sum(g * g) for g, h in zip(before, got)]
        for g, h, factor in zip(before, got, factors):
            assert np.allclose(h, g * factor, rtol=1e-12, atol=0), (
                f"{case}: a tensor is not a multiple of its gradient"
            )
        assert np.allclose(factors, factors[0], rtol=1e-12, atol=0), (
            f"{case}: factors {np.round(factors, 6).tolist()}: use one common factor from "
            "the joint norm of all the tensors, not one per tensor"
        )
        assert lowest * (1 - 1e-12) <= factors[0] <= exact * (1 + 1e-12), (
            f"{case}: factor {factors[0]:.6g}, expected min(1, max_norm / norm) = {exact:.6g}"
            " (norm: the L2 norm of all the gradients together)"
        )
    return len(CLIP_CASES)
