import numpy as np

from lacourse.checks.lesson03 import check_pca


def pca(X, k):
    """Top-k principal directions of X (m, n), and the variance along each."""
    m, n = X.shape
    r = min(m, n)
    centred = X - X.mean(axis=0)  # (m, n)
    U, S, Vt = np.linalg.svd(centred, full_matrices=False)  # (m, r), (r,), (r, n)
    return Vt[:k], S[:k] ** 2 / (m - 1)


mean = np.array([10.0, 5.0])  # (2,)
cov = np.array([[4.0, 2.0], [2.0, 2.0]])  # (2, 2)
X = np.random.default_rng(0).multivariate_normal(mean, cov, size=500)  # (500, 2)
components, variances = pca(X, 2)  # (2, 2), (2,)
pc1 = components[0] * np.sign(components[0, 0])  # (2,)  the sign is free: make x > 0

true_values, true_vectors = np.linalg.eigh(cov)  # (2,), (2, 2)
true_pc1 = true_vectors[:, -1] * np.sign(true_vectors[0, -1])  # (2,)
angle = np.degrees(np.arccos(min(1.0, abs(pc1 @ true_pc1))))
print(f"from the data   : PC1 = {pc1}   variances = {variances}")
print(f"from cov itself : PC1 = {true_pc1}   variances = {true_values[::-1]}")
print(f"angle between the two PC1: {angle:.2f} deg")
print(f"PC1 share of variance: data {variances[0] / variances.sum():.1%}"
      f"   cov {true_values[-1] / true_values.sum():.1%}")
cases = check_pca(pca)
print(f"check_pca(pca): {cases} cases passed")

assert np.allclose(true_values[::-1], [3 + np.sqrt(5), 3 - np.sqrt(5)])
assert angle < 5.0 and np.allclose(variances, true_values[::-1], rtol=0.2)
