"""Checks for the exercises of lesson 01 (tensors and shapes), for your own solutions.

    from lacourse.checks.lesson01 import check_batched_matmul
    check_batched_matmul(my_batched_matmul)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call


# (batch, n, m, k): all sizes differ, so a swapped axis changes a shape.
BATCHED_MATMUL_CASES = [(2, 3, 4, 5), (32, 12, 16, 12), (7, 1, 6, 2), (1, 5, 3, 4)]


def check_batched_matmul(fn) -> int:
    """`fn(a, b)`: (batch, n, m) times (batch, m, k), one matmul per batch entry."""
    rng = np.random.default_rng(1)
    for batch, n, m, k in BATCHED_MATMUL_CASES:
        a = rng.normal(size=(batch, n, m))  # (batch, n, m)
        b = rng.normal(size=(batch, m, k))  # (batch, m, k)
        a_before, b_before = a.copy(), b.copy()  # (batch, n, m), (batch, m, k)
        out = np.asarray(_call(fn, a, b))
        assert out.shape == (batch, n, k), f"shape {out.shape}, not {(batch, n, k)}"
        unchanged = np.array_equal(a, a_before) and np.array_equal(b, b_before)
        assert unchanged, "the inputs were modified"
        for i in range(batch):  # the definition, one matrix product per batch entry
            expected = a[i] @ b[i]  # (n, k)
            assert np.allclose(out[i], expected, rtol=1e-12, atol=1e-12), (
                f"entry {i} of case {(batch, n, m, k)} differs from a[{i}] @ b[{i}]"
            )
    return len(BATCHED_MATMUL_CASES)
