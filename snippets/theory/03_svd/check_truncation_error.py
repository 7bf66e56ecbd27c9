import numpy as np

sigma = np.array([5.0, 3.0, 2.0, 1.0])  # (4,)   the given singular values
k = 2
rng = np.random.default_rng(0)
U, _ = np.linalg.qr(rng.normal(size=(6, 4)))  # (6, 4), (4, 4)   any orthonormal columns
V, _ = np.linalg.qr(rng.normal(size=(5, 4)))  # (5, 4), (4, 4)
A = U @ np.diag(sigma) @ V.T  # (6, 5)   a matrix with exactly these singular values
A_k = U[:, :k] @ np.diag(sigma[:k]) @ V[:, :k].T  # (6, 5)
print(f"sqrt(2^2 + 1^2) = {np.sqrt(np.sum(sigma[k:] ** 2)):.4f}"
      f"   ||A - A_2||_F = {np.linalg.norm(A - A_k, 'fro'):.4f}")
print(f"sigma_3 = {sigma[k]:.4f}   ||A - A_2||_2 = {np.linalg.norm(A - A_k, 2):.4f}")
assert np.isclose(np.linalg.norm(A - A_k, "fro"), np.sqrt(5), rtol=1e-12)
assert np.isclose(np.linalg.norm(A - A_k, 2), 2.0, rtol=1e-12)
