"""Checks for the exercises of lesson 02 (matmul three ways), for your own solutions.

    from lacourse.checks.lesson02 import check_matmul
    check_matmul(my_matmul)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call


# (m, k, n): all sizes differ, so a product in the wrong order fails on its shape.
MATMUL_CASES = [(2, 3, 4), (20, 15, 5), (5, 1, 3), (1, 6, 2), (4, 4, 4)]


def check_matmul(fn) -> int:
    """`fn(A, B)` returns the matrix product of A (m, k) and B (k, n), shape (m, n)."""
    rng = np.random.default_rng(2)
    for m, k, n in MATMUL_CASES:
        A = rng.integers(-5, 6, size=(m, k)).astype(float)  # (m, k)  small integers:
        B = rng.integers(-5, 6, size=(k, n)).astype(float)  # (k, n)  exact arithmetic
        out = np.asarray(_call(fn, A, B))
        assert out.shape == (m, n), f"shape {out.shape}, not {(m, n)}"
        for i in range(m):  # entry (i, j): row i of A dot column j of B
            for j in range(n):
                expected = sum(A[i, p] * B[p, j] for p in range(k))
                assert out[i, j] == expected, (
                    f"case {(m, k, n)}: entry ({i}, {j}) is {out[i, j]}, not {expected}"
                )
    return len(MATMUL_CASES)
