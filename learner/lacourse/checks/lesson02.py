"""Checks for the exercises of lesson 02 (matmul three ways), for your own solutions.

    from lacourse.checks.lesson02 import check_matmul
    check_matmul(my_matmul)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from lacourse.checks import call as _call

# (m, k, n): one case with all sizes different (a product in the wrong order fails on its
# shape), a single row, a single inner term, the count-matrix shapes, and a square case
# (where the wrong order runs, and only the values catch it).
MATMUL_CASES = [(2, 3, 4), (20, 15, 5), (5, 1, 3), (1, 6, 2), (4, 4, 4)]


def _exact_product(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A @ B in exact rational arithmetic, rounded once to float64 at the end."""
    m, k = A.shape
    n = B.shape[1]
    a = [[Fraction(float(x)) for x in row] for row in A]
    b = [[Fraction(float(x)) for x in row] for row in B]
    return np.array([[float(sum(a[i][p] * b[p][j] for p in range(k))) for j in range(n)]
                     for i in range(m)])


def check_matmul(fn) -> int:
    """`fn(A, B)` returns the matrix product of A (m, k) and B (k, n), shape (m, n).

    The entries are non-integer floats of mixed sizes, so a float64 sum is correct to a
    few units of rounding, while a float32 or an integer accumulator is far off.
    """
    rng = np.random.default_rng(2)
    eps = np.finfo(np.float64).eps
    for m, k, n in MATMUL_CASES:
        A = rng.normal(size=(m, k)) * rng.choice([0.01, 1.0, 100.0], size=(m, k))  # (m, k)
        B = rng.normal(size=(k, n)) * rng.choice([0.01, 1.0, 100.0], size=(k, n))  # (k, n)
        A_before, B_before = A.copy(), B.copy()  # (m, k), (k, n)
        out = np.asarray(_call(fn, A, B))
        assert np.array_equal(A, A_before) and np.array_equal(B, B_before), (
            f"case {(m, k, n)}: the function changed its inputs A or B in place; "
            "a product must leave them as they were"
        )
        assert out.shape == (m, n), f"case {(m, k, n)}: shape {out.shape}, not {(m, n)}"
        assert np.issubdtype(out.dtype, np.floating), (
            f"case {(m, k, n)}: the result has dtype {out.dtype}; accumulate in a float64 "
            "array (an integer array drops the fractional part)"
        )
        expected = _exact_product(A, B)  # (m, n)
        # A float64 sum of k products errs by at most about k * eps * sum_p |A_ip B_pj|
        # (the standard bound for a dot product); allow 4 k eps of that, and no more:
        # float32 (eps about 1.2e-7) misses it by orders of magnitude.
        bound = 4 * k * eps * (np.abs(A) @ np.abs(B))  # (m, n)
        error = np.abs(out - expected)  # (m, n)
        i, j = np.unravel_index(np.argmax(error / bound), error.shape)
        if error[i, j] > bound[i, j]:
            scale = float((np.abs(A) @ np.abs(B))[i, j])
            hint = ""
            if out.dtype == np.float32:
                hint = "; the result is float32: accumulate in float64"
            elif error[i, j] > 1e-9 * scale:
                hint = "; an error this size means float32 arithmetic somewhere: use float64"
            raise AssertionError(
                f"case {(m, k, n)}: entry ({i}, {j}) is {float(out[i, j])!r}, not "
                f"{float(expected[i, j])!r} (error {error[i, j]:.1e}, float64 rounding "
                f"allows {bound[i, j]:.1e}){hint}"
            )
    return len(MATMUL_CASES)
