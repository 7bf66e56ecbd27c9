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
        S = np.array(spectrum)  # (len(spectrum),)
        k = _call(fn, S, fraction)
        assert np.array_equal(S, spectrum), (
            f"S = {spectrum}: the function changed S in place (to {S.tolist()}); square a copy"
        )
        assert k == expected, f"S = {spectrum}, fraction {fraction}: k = {k}, not {expected}"
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
        X_before = X.copy()  # (m, n)
        components, got = (np.asarray(a) for a in _call(fn, X, k))
        assert np.array_equal(X, X_before), (
            f"case {(m, n, k)}: the function changed X in place (centring it, perhaps); "
            "the caller's data must stay as it was: centre a copy, X - X.mean(axis=0)"
        )
        assert components.shape == (k, n), f"shape {components.shape}, not {(k, n)}"
        assert got.shape == (k,), f"variances {got.shape}, not {(k,)}"
        assert np.allclose(got, variances, rtol=1e-8, atol=0), (
            f"case {(m, n, k)}: variances {got}, expected {variances} (did you centre "
            "the columns, and divide sigma**2 by m - 1?)"
        )
        cosines = np.abs(np.sum(components * directions, axis=1))  # (k,)
        assert np.allclose(np.linalg.norm(components, axis=1), 1.0), "rows must be unit"
        assert np.allclose(cosines, 1.0, atol=1e-8), (
            f"case {(m, n, k)}: |cos| to the true directions {cosines} (the directions are "
            "the rows of Vt, largest variance first)"
        )
    return len(PCA_CASES)


# (m, n, singular values, steps): sigma_2 / sigma_1 = 0.9, so v moves visibly at every step
# and a count off by one gives another v; the last case has a clear gap and many steps, and
# asks for sigma_1 to 10 digits.
POWER_CASES = [(30, 20, [10.0, 9.0, 4.0, 1.0], 1), (30, 20, [10.0, 9.0, 4.0, 1.0], 4),
               (8, 50, [3.0, 2.7, 0.5], 12), (12, 12, [2.5, 2.25, 1.0], 7),
               (12, 7, [2.5, 0.5], 60)]


def _direction_error(v, reference):
    """Distance from unit v to the unit reference, up to the sign of either."""
    return min(np.linalg.norm(v - reference), np.linalg.norm(v + reference))


def check_power_iteration(fn) -> int:
    """`fn(A, v0, steps)` returns (sigma, v): v is v0 multiplied by A^T A exactly `steps`
    times and normalised (to length 1), and sigma = |A v| estimates sigma_1."""
    rng = np.random.default_rng(4)
    for m, n, values, steps in POWER_CASES:
        r = len(values)
        U = np.linalg.qr(rng.normal(size=(m, r)))[0]  # (m, r)  orthonormal columns
        V = np.linalg.qr(rng.normal(size=(n, r)))[0]  # (n, r)
        A = U * values @ V.T  # (m, n)  singular values exactly `values`
        v0 = rng.normal(size=n)  # (n,)  not of length 1
        A_before, v0_before = A.copy(), v0.copy()  # (m, n), (n,)
        reference = v0 / np.linalg.norm(v0)  # (n,)
        for _ in range(steps):
            w = A.T @ (A @ reference)  # (n,)
            reference = w / np.linalg.norm(w)  # (n,)
        sigma, v = _call(fn, A, v0, steps)
        v = np.asarray(v, dtype=float)  # (n,)
        case = f"case {(m, n)}, steps={steps}"
        assert np.array_equal(A, A_before) and np.array_equal(v0, v0_before), (
            f"{case}: the function changed A or v0 in place; work on a copy of v0"
        )
        assert v.shape == (n,), f"{case}: v has shape {v.shape}, not {(n,)}"
        assert abs(np.linalg.norm(v) - 1) < 1e-12, f"{case}: |v| = {np.linalg.norm(v)}, not 1"
        # rounding differs between correct solutions by a few eps per step; one step more or
        # less moves v by about 1 - (9/10)**2 of its v_2 part, millions of times more
        assert _direction_error(v, reference) < 1e-9, (
            f"{case}: v is not v0 after exactly steps={steps} products with A^T A "
            "(one step too many or too few? A v instead of A^T A v?)"
        )
        expected = np.linalg.norm(A @ reference)
        assert abs(sigma - expected) <= 1e-10 * expected, (
            f"{case}: sigma {sigma}, expected |A v| = {expected} for the v returned "
            "(not |A^T A v|, which estimates sigma_1 squared)"
        )
    assert abs(expected - values[0]) < 1e-10 * values[0]  # the last case converges
    return len(POWER_CASES)


# (eigenvalues, steps): the dominant eigenvalue (largest |lambda|) is negative in some cases,
# and the next one is 0.8 times as large, so one step more or less changes v.
EIGEN_CASES = [([-5.0, 4.0, 2.0, 1.0], 3), ([6.0, -4.8, 1.0], 5), ([-3.0, 2.4, -1.0, 0.5], 1),
               ([-5.0, 4.0, 2.0, 1.0], 200)]


def check_eigen_power_iteration(fn) -> int:
    """`fn(S, v0, steps)` returns (lam, v) for a symmetric S: v is v0 multiplied by S exactly
    `steps` times and normalised, and lam = v @ S @ v, with its sign."""
    rng = np.random.default_rng(5)
    for values, steps in EIGEN_CASES:
        n = len(values) + 3
        Q = np.linalg.qr(rng.normal(size=(n, n)))[0]  # (n, n)  a random orthogonal basis
        lams = np.array(values + [0.1, -0.05, 0.02])  # (n,)
        S = Q * lams @ Q.T  # (n, n)  symmetric, eigenvalues exactly `lams`
        S = (S + S.T) / 2  # (n, n)  exactly symmetric in floating point too
        v0 = rng.normal(size=n)  # (n,)
        S_before, v0_before = S.copy(), v0.copy()  # (n, n), (n,)
        reference = v0 / np.linalg.norm(v0)  # (n,)
        for _ in range(steps):
            w = S @ reference  # (n,)
            reference = w / np.linalg.norm(w)  # (n,)
        lam, v = _call(fn, S, v0, steps)
        v = np.asarray(v, dtype=float)  # (n,)
        case = f"eigenvalues {values}, steps={steps}"
        assert np.array_equal(S, S_before) and np.array_equal(v0, v0_before), (
            f"{case}: the function changed S or v0 in place; work on a copy of v0"
        )
        assert v.shape == (n,), f"{case}: v has shape {v.shape}, not {(n,)}"
        assert abs(np.linalg.norm(v) - 1) < 1e-12, f"{case}: |v| = {np.linalg.norm(v)}, not 1"
        assert _direction_error(v, reference) < 1e-9, (
            f"{case}: v is not v0 after exactly steps={steps} products with S "
            "(one step too many or too few?)"
        )
        expected = reference @ S @ reference
        hint = ""
        if lam > 0 > expected:
            hint = " (a norm is never negative: return the Rayleigh quotient v @ S @ v)"
        assert abs(lam - expected) <= 1e-10 * abs(expected), (
            f"{case}: lam {lam}, expected v @ S @ v = {expected}{hint}"
        )
    assert abs(expected - values[0]) < 1e-10 * abs(values[0])  # the last case converges
    return len(EIGEN_CASES)
