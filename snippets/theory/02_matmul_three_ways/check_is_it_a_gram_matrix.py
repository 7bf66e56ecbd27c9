import numpy as np

M = np.array([[1.0, 2.0], [2.0, 1.0]])  # (2, 2)   symmetric
lam, vecs = np.linalg.eigh(M)  # (2,), (2, 2)
v = vecs[:, 0]  # (2,)   eigenvector of the smallest eigenvalue
print("symmetric:", np.array_equal(M, M.T), "  eigenvalues:", lam)
print("v =", v, f"  v.T @ M @ v = {v @ M @ v:.4f}")
assert np.allclose(lam, [-1.0, 3.0], rtol=0, atol=1e-12)
assert v @ M @ v < 0  # a Gram matrix A.T @ A would give |A v|^2 >= 0 here
