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
K = np.array([[4.0, 2.0], [2.0, 2.0]])  # (2, 2)
X = np.random.default_rng(0).multivariate_normal(mean, K, size=500)  # (500, 2)
components, variances = pca(X, 2)  # (2, 2), (2,)
pc1 = components[0] * np.sign(components[0, 0])  # (2,)  the sign is free: make x > 0

true_values, true_vectors = np.linalg.eigh(K)  # (2,), (2, 2)
true_pc1 = true_vectors[:, -1] * np.sign(true_vectors[0, -1])  # (2,)
angle = np.degrees(np.arccos(min(1.0, abs(pc1 @ true_pc1))))
print(f"sample : PC1 = {pc1}   variances = {variances}")
print(f"K      : PC1 = {true_pc1}   variances = {true_values[::-1]}")
print(f"angle(PC1 sample, PC1 K) = {angle:.2f} deg")
print(f"PC1 share of the variance: sample {variances[0] / variances.sum():.1%}"
      f"   K {true_values[-1] / true_values.sum():.1%}")
cases = check_pca(pca)
print(f"check_pca(pca) -> {cases}")

assert np.allclose(true_values[::-1], [3 + np.sqrt(5), 3 - np.sqrt(5)])
assert angle < 5.0 and np.allclose(variances, true_values[::-1], rtol=0.2)
