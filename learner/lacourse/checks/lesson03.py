"""Checks for the exercises of lesson 03 (the SVD), for your own solutions.

    from lacourse.checks.lesson03 import check_pca
    check_pca(my_pca)  # raises AssertionError if it is wrong

A check returns the number of cases it tried when every one passes.
"""

from __future__ import annotations

import numpy as np

from lacourse.checks import call as _call


# (spectrum, fraction, smallest k whose first k values carry >= fraction of sum(S**2))
ENERGY_CASES = [
    ([3.0, 2.0, 1.0], 0.9, 2),  # energies 9, 4, 1 of 14: 64.3%, 92.9%, 100%
    ([3.0, 2.0, 1.0], 0.5, 1),
    ([3.0, 2.0, 1.0], 0.93, 3),
    ([1.0, 1.0, 1.0, 1.0], 0.5, 2),  # exactly 50% after 2: ">=" counts it
    ([1.0, 1.0, 1.0, 1.0], 0.75, 3),
    ([10.0, 1.0, 0.001], 0.99, 1),  # 100 / 101.000001 = 99.0099%
]


def check_rank_for_energy(fn) -> int:
    """`fn(S, fraction)`: the smallest k with sum(S[:k]**2) >= fraction * sum(S**2)."""
    for spectrum, fraction, expected in ENERGY_CASES:
        k = _call(fn, np.array(spectrum), fraction)
        assert k == expected, f"S = {spectrum}, {fraction}: {k}, not {expected}"
    return len(ENERGY_CASES)


# (m, n, k): tall and wide data, all sizes different
PCA_CASES = [(50, 4, 2), (200, 2, 1), (30, 6, 3), (10, 12, 3)]


def check_pca(fn) -> int:
    """`fn(X, k)` returns (components (k, n), variances (k,)) of the data X (m, n).

    Components are unit rows, largest variance first, each right up to its sign; a
    variance is the one np.cov computes along that direction (divided by m - 1).
    """
    rng = np.random.default_rng(3)
    for m, n, k in PCA_CASES:
        scales = np.linspace(3.0, 0.5, n)  # (n,)  distinct spreads: distinct variances
        mixing = np.linalg.qr(rng.normal(size=(n, n)))[0]  # (n, n)  a random rotation
        offset = rng.normal(5.0, 2.0, size=n)  # (n,)  the data is not centred
        X = rng.normal(size=(m, n)) * scales @ mixing + offset  # (m, n)
        variances, directions = np.linalg.eigh(np.cov(X, rowvar=False))  # (n,), (n, n)
        variances = variances[::-1][:k]  # (k,)  largest first
        directions = directions[:, ::-1][:, :k].T  # (k, n)  one direction per row
        components, got = (np.asarray(a) for a in _call(fn, X, k))
        assert components.shape == (k, n), f"shape {components.shape}, not {(k, n)}"
        assert got.shape == (k,), f"variances {got.shape}, not {(k,)}"
        assert np.allclose(got, variances, rtol=1e-8), (
            f"case {(m, n, k)}: variances {got}, expected {variances}"
        )
        cosines = np.abs(np.sum(components * directions, axis=1))  # (k,)
        assert np.allclose(np.linalg.norm(components, axis=1), 1.0), "rows must be unit"
        assert np.allclose(cosines, 1.0, atol=1e-8), (
            f"case {(m, n, k)}: |cos| to the true directions {cosines}"
        )
    return len(PCA_CASES)


# (m, n, singular values): a clear gap between sigma_1 and sigma_2 in each
POWER_CASES = [(30, 20, [10.0, 4.0, 2.0, 1.0]), (8, 50, [3.0, 1.0, 0.5]),
               (12, 7, [2.5])]


def check_power_iteration(fn, steps: int = 60) -> int:
    """`fn(A, steps)` returns (sigma_1, v_1): top singular value, its right vector."""
    rng = np.random.default_rng(4)
    for m, n, values in POWER_CASES:
        r = len(values)
        U = np.linalg.qr(rng.normal(size=(m, r)))[0]  # (m, r)  orthonormal columns
        V = np.linalg.qr(rng.normal(size=(n, r)))[0]  # (n, r)
        A = U * values @ V.T  # (m, n)  singular values exactly `values`
        sigma, v = _call(fn, A, steps)
        v = np.asarray(v)  # (n,)
        assert abs(sigma - values[0]) < 1e-10 * values[0], (
            f"case {(m, n)}: sigma {sigma}, expected {values[0]}"
        )
        assert v.shape == (n,), f"v has shape {v.shape}, not {(n,)}"
        assert abs(abs(v @ V[:, 0]) - 1.0) < 1e-8, f"case {(m, n)}: v is not v_1"
    return len(POWER_CASES)
