"""Checks for the exercises of lesson 04 (norms), for your own solutions.

    from lacourse.checks.lesson04 import check_clip
    check_clip(my_clip_by_global_norm)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

import numpy as np

# (rows, width, k): row lengths vary, so length must not decide; the last case asks
# for every other row, so the query must be left out, not just given a low score.
SEARCH_CASES = [(50, 8, 3), (600, 64, 5), (30, 3, 1), (200, 16, 10), (6, 4, 5)]


def check_cosine_search(fn) -> int:
    """`fn(E, query, k)`: the ids of the k rows of E most cosine-similar to row `query`,
    most similar first, the query itself left out."""
    rng = np.random.default_rng(5)
    for rows, width, k in SEARCH_CASES:
        lengths = 10.0 ** rng.uniform(-1, 1, size=(rows, 1))  # (rows, 1)  0.1 to 10
        E = rng.normal(size=(rows, width)) * lengths  # (rows, width)
        query = int(rng.integers(rows))
        E_before = E.copy()  # (rows, width)
        unit = E / np.linalg.norm(E, axis=1, keepdims=True)  # (rows, width)
        cos = unit @ unit[query]  # (rows,)
        cos[query] = -np.inf  # the query is not its own neighbour
        expected = np.argsort(-cos)[:k]  # (k,)
        got = np.asarray(fn(E, query, k))
        assert np.array_equal(E, E_before), "the embedding matrix was modified"
        case = f"case {(rows, width, k)}"
        assert got.shape == (k,), f"{case}: shape {got.shape}, not {(k,)}"
        assert query not in got, f"{case}: the query {query} is in the answer"
        assert np.array_equal(got, expected), (
            f"{case}: ids {got.tolist()}, expected {expected.tolist()} "
            f"(cosines {np.round(cos[expected], 4).tolist()})"
        )
    return len(SEARCH_CASES)


# (n, k): a k-dimensional subspace of R^n, spanned by columns that are not orthogonal
SUBSPACE_CASES = [(5, 2), (64, 14), (10, 1), (7, 7), (20, 6)]


def check_project_onto_subspace(fn) -> int:
    """`fn(b, A)`: the orthogonal projection of b onto the column space of A (n, k).

    The columns of A are independent but not orthogonal."""
    rng = np.random.default_rng(6)
    for n, k in SUBSPACE_CASES:
        A = rng.normal(size=(n, k)) + 2.0  # (n, k)  columns far from orthogonal
        b = rng.normal(size=n)  # (n,)
        coefficients = np.linalg.lstsq(A, b, rcond=None)[0]  # (k,)
        expected = A @ coefficients  # (n,)  the closest point of the subspace
        got = np.asarray(fn(b, A), dtype=float)
        assert got.shape == (n,), f"case {(n, k)}: shape {got.shape}, not {(n,)}"
        residual = b - got  # (n,)
        worst = np.abs(A.T @ residual).max() / (np.linalg.norm(A) * np.linalg.norm(b))
        assert worst < 1e-10, f"case {(n, k)}: b - projection is not perpendicular to A"
        assert np.allclose(got, expected, rtol=0, atol=1e-10 * np.linalg.norm(b)), (
            f"case {(n, k)}: the projection is not in the column space of A"
        )
    return len(SUBSPACE_CASES)


# (shapes of the gradient tensors, max_norm as a multiple of their joint norm)
CLIP_CASES = [
    ([(3, 4), (4,)], 0.5),  # above the threshold: scaled down
    ([(600, 64), (5, 64)], 0.01),
    ([(7,)], 0.2),  # one tensor
    ([(2, 3), (3,), (4, 1)], 2.0),  # below the threshold: untouched
    ([(6,), (6,)], 1.0),  # exactly at the threshold: untouched
]


def check_clip(fn) -> int:
    """`fn(grads, max_norm)`: the list of gradients scaled by one common factor so that
    their joint L2 norm is at most max_norm; the inputs are not modified."""
    rng = np.random.default_rng(7)
    for shapes, multiple in CLIP_CASES:
        grads = [rng.normal(size=shape) * rng.uniform(0.1, 10.0) for shape in shapes]
        before = [g.copy() for g in grads]
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        max_norm = multiple * total
        got = [np.asarray(g) for g in fn(grads, max_norm)]
        case = f"case {shapes}, max_norm = {multiple} x norm"
        unchanged = all(np.array_equal(g, h) for g, h in zip(grads, before))
        assert unchanged, "the input gradients were modified"
        shapes_got = [g.shape for g in got]
        assert shapes_got == list(shapes), f"{case}: shapes {shapes_got}"
        factor = min(1.0, max_norm / total)
        for g, h in zip(before, got):
            assert np.allclose(h, g * factor, rtol=1e-12, atol=0), (
                f"{case}: expected every tensor times {factor:.6g}, one common factor"
            )
    return len(CLIP_CASES)
