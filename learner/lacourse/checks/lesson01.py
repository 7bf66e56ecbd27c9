"""Checks for the exercises of lesson 01 (tensors and shapes), for your own solutions.

    from lacourse.checks.lesson01 import check_batched_matmul
    check_batched_matmul(my_batched_matmul)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes. Each failure says what
was wrong: the shape, the dtype, an input changed in place, or the values, with the case.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call

EPS = np.finfo(np.float64).eps

# (batch, n, m, k). In most cases every size differs, so a swapped or dropped axis changes
# the shape. (32, 12, 16, 12) has n == k, like the square (T, T) scores of one head: there a
# transposed result has the right shape, and only the values catch it. (7, 1, 6, 2) has a
# single row, (1, 5, 3, 4) a batch of one.
BATCHED_MATMUL_CASES = [(2, 3, 4, 5), (32, 12, 16, 12), (7, 1, 6, 2), (1, 5, 3, 4)]


def check_batched_matmul(fn) -> int:
    """`fn(a, b)`: (batch, n, m) times (batch, m, k), one matmul per batch entry, in float64.

    The entries are non-integer floats, so a float64 product is right to a few units of
    rounding, while a float32 or an integer computation is far off.
    """
    rng = np.random.default_rng(1)
    for batch, n, m, k in BATCHED_MATMUL_CASES:
        case = f"case (batch, n, m, k) = {(batch, n, m, k)}"
        a = rng.normal(size=(batch, n, m))  # (batch, n, m)
        b = rng.normal(size=(batch, m, k))  # (batch, m, k)
        a_in, b_in = a.copy(), b.copy()  # (batch, n, m), (batch, m, k)  what fn receives
        out = np.asarray(_call(fn, a_in, b_in))
        assert np.array_equal(a_in, a), f"{case}: your function changed `a` in place"
        assert np.array_equal(b_in, b), f"{case}: your function changed `b` in place"
        assert out.shape == (batch, n, k), (
            f"{case}: shape {out.shape}, not (batch, n, k) = {(batch, n, k)}"
        )
        assert out.dtype == np.float64, (
            f"{case}: got {out.dtype}, not float64: compute in the inputs' precision"
        )
        for i in range(batch):  # the definition, one matrix product per batch entry
            expected = a[i] @ b[i]  # (n, k)
            # Each entry is a sum of m products: float64 gets it within m eps of the sum of
            # absolute products, in any order; 4 m eps leaves room and is far below a
            # float32 error (about 1e-7) or a wrong pairing.
            bound = 4 * m * EPS * (np.abs(a[i]) @ np.abs(b[i]))  # (n, k)
            if np.all(np.abs(out[i] - expected) <= bound):
                continue
            if n == k and np.allclose(out[i], expected.T):
                raise AssertionError(
                    f"{case}: entry {i} is (a[{i}] @ b[{i}]).T: the output axes are swapped"
                    " (the shape cannot show it when n == k)"
                )
            float32 = np.allclose(out[i], expected, rtol=1e-5, atol=1e-5)
            raise AssertionError(
                f"{case}: entry {i} differs from a[{i}] @ b[{i}] by"
                f" {np.abs(out[i] - expected).max():.1e}, more than float64 rounding"
                + ("; that is float32 rounding: compute in float64" if float32 else "")
            )
    return len(BATCHED_MATMUL_CASES)
