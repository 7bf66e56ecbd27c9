import numpy as np

rng = np.random.default_rng(0)
M = rng.normal(size=(5, 5))  # (5, 5)
S = (M + M.T) / 2  # (5, 5)   symmetric, nothing else special

# Spectral theorem: a symmetric matrix has real eigenvalues and an orthonormal basis of
# eigenvectors, S = W diag(lam) W^T. eigh relies on it and returns exactly that.
lam, W = np.linalg.eigh(S)  # (5,), (5, 5)
print("eigenvalues of S:", lam)
print("W^T W == I:", np.allclose(W.T @ W, np.eye(5)),
      "  W diag(lam) W^T == S:", np.allclose(W * lam @ W.T, S))

# Without symmetry, neither is guaranteed (np.linalg.eig assumes nothing).
rotation = np.array([[0.0, -1.0], [1.0, 0.0]])  # (2, 2)   a quarter turn
shear = np.array([[1.0, 1.0], [0.0, 2.0]])  # (2, 2)
print("quarter turn, eigenvalues:", np.linalg.eig(rotation).eigenvalues)
values, vectors = np.linalg.eig(shear)  # (2,), (2, 2)
assert np.all(values.imag == 0)  # real (NumPy 2.5 returns a complex dtype regardless)
values, vectors = values.real, vectors.real  # (2,), (2, 2)
cos = abs(vectors[:, 0] @ vectors[:, 1])
print("[[1, 1], [0, 2]], eigenvalues:", values,
      f"  |cos| between eigenvectors: {cos:.4f}")

assert np.allclose(W.T @ W, np.eye(5)) and np.allclose(W * lam @ W.T, S)
assert lam.min() < 0 < lam.max()  # real, of both signs: symmetric is not Gram
assert np.allclose(np.linalg.eig(rotation).eigenvalues.imag, [1.0, -1.0])
assert np.isclose(cos, np.sqrt(0.5))
