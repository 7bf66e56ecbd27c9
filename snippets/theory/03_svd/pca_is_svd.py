import numpy as np

from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)  20 verbs as points in R^15


def same_up_to_sign(P, Q):
    """|cos| between matching columns of P and Q: 1 means same direction, up to sign."""
    return np.abs(np.sum(P * Q, axis=0))


# 1. C^T C = V Sigma^2 V^T: eigenvalues sigma_i^2, eigenvectors the right singular
# vectors.
U_C, S_C, Vt_C = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)
lam, W = np.linalg.eigh(C.T @ C)  # (n,), (n, n)  eigh sorts ascending
lam, W = lam[::-1], W[:, ::-1]  # (n,), (n, n)  largest first, like the SVD
print(f"C^T C: max |eigenvalue - sigma^2| / sigma_1^2 = "
      f"{np.abs(lam - S_C**2).max() / S_C[0] ** 2:.1e}")
print(f"C^T C: min |w_i . v_i| = {same_up_to_sign(W, Vt_C.T).min():.12f}")

# 2. PCA: centre the columns; the covariance matrix is the same kind of product.
X = C - C.mean(axis=0)  # (m, n)
U, S, Vt = np.linalg.svd(X, full_matrices=False)  # (m, n), (n,), (n, n)
cov = np.cov(C, rowvar=False)  # (n, n)  = X^T X / (m - 1)
variances, directions = np.linalg.eigh(cov)  # (n,), (n, n)
variances, directions = variances[::-1], directions[:, ::-1]  # (n,), (n, n)
explained = S**2 / (m - 1)  # (n,)
cosines = same_up_to_sign(directions, Vt.T)  # (n,)

print(f"{'PC':>2}  {'S^2/(m-1)':>10}  {'eigh(cov)':>10}  {'|w_i . v_i|':>13}"
      f"  {'share':>6}")
for i in range(4):
    share = explained[i] / explained.sum()
    print(f"{i + 1:>2}  {explained[i]:10.2f}  {variances[i]:10.2f}  {cosines[i]:13.10f}"
          f"  {share:6.1%}")
raw_share = S_C[0] ** 2 / np.sum(S_C**2)
print(f"uncentred C, sigma_1^2 share: {raw_share:.1%}")

assert np.allclose(lam, S_C**2, rtol=0, atol=1e-10 * S_C[0] ** 2)
assert np.allclose(same_up_to_sign(W, Vt_C.T), 1.0)
assert np.allclose(cov, X.T @ X / (m - 1))
assert np.allclose(variances, explained)
assert np.allclose(cosines, 1.0)  # principal directions = right singular vectors of X
assert explained[0] / explained.sum() < raw_share  # centring removes the shared profile
