import numpy as np

from lacourse.universe import D

eps = np.finfo(float).eps
norm = np.linalg.norm
rng = np.random.default_rng(5)


# --8<-- [start:solution]
def kappa(A):
    """Condition number of a square matrix: sigma_max / sigma_min."""
    S = np.linalg.svd(A, compute_uv=False)  # (len(A),)
    return S[0] / S[-1]
# --8<-- [end:solution]


# Check: A = [[1, 10], [0, 1]] has det 1, so sigma_1 sigma_2 = 1 and kappa = sigma_1^2,
# the largest eigenvalue of A^T A = [[1, 10], [10, 101]]: (102 + sqrt(102^2 - 4)) / 2.
# (Both eigenvalues of A are 1: a ratio of eigenvalues would say 1.)
A_check = np.array([[1.0, 10.0], [0.0, 1.0]])  # (2, 2)
expected = (102 + np.sqrt(102.0**2 - 4)) / 2
assert np.isclose(kappa(A_check), expected, rtol=1e-12, atol=0), (
    f"kappa: {kappa(A_check):.6f} for [[1, 10], [0, 1]], expected {expected:.6f}"
    " (sigma_max / sigma_min from the singular values)"
)


# Random cases: kappa from the SVD against ||A||_2 ||A^-1||_2, which uses the inverse.
cases, gaps, kappas = 1_000, [], []
for _ in range(cases):
    n = rng.integers(2, 41)
    A = rng.normal(size=(n, n))  # (n, n)
    k = kappa(A)
    gaps.append(abs(norm(A, 2) * norm(np.linalg.inv(A), 2) / k - 1))
    kappas.append(k)
gaps, kappas = np.array(gaps), np.array(kappas)  # (cases,), (cases,)
print(f"{cases} random square matrices, sizes 2..40")
print(f"smallest kappa {kappas.min():.4f}   median {np.median(kappas):.1f}"
      f"   largest {kappas.max():.3e}")
print(f"|(||A||_2 ||A^-1||_2) / kappa - 1|: median {np.median(gaps) / eps:.1f} eps,"
      f" largest {gaps.max() / eps:.1f} eps")
print(f"largest gap / (kappa eps) = {(gaps / (kappas * eps)).max():.4f}")
# Any machine: the inverse carries a relative error of order n kappa eps (n <= 40), and
# sigma_min one of order n sigma_max eps; so the gap is at most about n kappa eps.
assert kappas.min() >= 1 and (gaps <= 40 * kappas * eps).all()

# Matrices built with a chosen kappa: A = Q_1 diag(s) Q_2^T, s from 1 down to 1 / kappa.
Q_1, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
Q_2, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
print()
print(f"{'built kappa':>11s} {'kappa(A)':>10s} {'rel. error':>10s} {'in eps':>8s}"
      f" {'kappa eps':>10s}")
for built in (1.0, 1e4, 1e8, 1e12):
    A = Q_1 * np.geomspace(1.0, 1.0 / built, D) @ Q_2.T  # (D, D)
    error = abs(kappa(A) / built - 1)
    print(f"{built:11.0e} {kappa(A):10.4e} {error:10.1e} {error / eps:8.1e}"
          f" {built * eps:10.1e}")
    # Any machine: the SVD gives sigma_min to ~ n sigma_max eps, kappa to ~ n kappa eps
    assert error <= D * built * eps
