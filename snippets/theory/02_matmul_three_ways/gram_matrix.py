import numpy as np

from lacourse.universe import D, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)

G = E.T @ E  # (D, D)   dot products between the D columns
S = E @ E.T  # (V, V)   dot products between forms: S[i, j] = E[i] @ E[j]

eps = np.finfo(float).eps
print(f"{'matrix':9s} {'shape':11s} {'symmetric':>9s} {'min eig':>10s} {'max eig':>8s}"
      f" {'tol':>8s} {'eig > tol':>9s} {'rank':>4s}")
for name, M in [("E.T @ E", G), ("E @ E.T", S)]:
    eigenvalues = np.linalg.eigvalsh(M)  # (M.shape[0],)
    tol = eigenvalues.max() * M.shape[0] * eps  # matrix_rank's tolerance (page 03)
    symmetric = np.array_equal(M, M.T)
    above = int((eigenvalues > tol).sum())
    rank = np.linalg.matrix_rank(M)
    print(f"{name:9s} {str(M.shape):11s} {symmetric!s:>9s} {eigenvalues.min():10.3g}"
          f" {eigenvalues.max():8.4f} {tol:8.1e} {above:>9d} {rank:>4d}")
    assert symmetric and eigenvalues.min() >= -tol  # no eigenvalue below -tol
    assert rank == above == D

# Why no eigenvalue is negative: x.T @ G @ x is the squared length of E @ x.
x = np.random.default_rng(0).normal(size=D)  # (D,)
print(f"x.T @ G @ x = {x @ G @ x:.4f}")
print(f"|E @ x|^2   = {np.sum((E @ x) ** 2):.4f}")
assert np.isclose(x @ G @ x, np.sum((E @ x) ** 2), rtol=1e-12, atol=0)
