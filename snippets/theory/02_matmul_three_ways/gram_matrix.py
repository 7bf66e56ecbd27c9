import numpy as np

from lacourse.universe import V, embedding_matrix

D = 64
E = embedding_matrix(D)  # (V, D)

G = E.T @ E  # (D, D)   dot products between the D columns
S = E @ E.T  # (V, V)   dot products between forms: S[i, j] = E[i] @ E[j]

print("matrix    shape       symmetric  min eig >= -tol  eig > tol  rank")
for name, M in [("E.T @ E", G), ("E @ E.T", S)]:
    eigenvalues = np.linalg.eigvalsh(M)  # (M.shape[0],)
    tol = 1e-10 * eigenvalues.max()
    symmetric = np.allclose(M, M.T)
    psd = bool(eigenvalues.min() >= -tol)
    above = int((eigenvalues > tol).sum())
    rank = np.linalg.matrix_rank(M)
    print(f"{name:9s} {str(M.shape):11s} {symmetric!s:>9s} {psd!s:>16s} {above:>10d} {rank:>5d}")
    assert symmetric and psd
    assert rank == above == D

# Why no eigenvalue is negative: x.T @ G @ x is the squared length of E @ x.
x = np.random.default_rng(0).normal(size=D)  # (D,)
print(f"x.T @ G @ x = {x @ G @ x:.4f}")
print(f"|E @ x|^2   = {np.sum((E @ x) ** 2):.4f}")
assert np.isclose(x @ G @ x, np.sum((E @ x) ** 2))
