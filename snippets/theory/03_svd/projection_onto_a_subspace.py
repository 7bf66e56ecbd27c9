import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

m, n = N_VERBS, N_SLOTS
C = conjugation_counts().astype(float)  # (m, n)
rng = np.random.default_rng(0)
k = 3

# Any k independent directions of R^n; QR (Gram-Schmidt, done stably) turns them into
# an orthonormal basis of the same subspace: M = Q R, Q^T Q = I, R upper triangular.
M = rng.normal(size=(n, k))  # (n, k)
Q, R = np.linalg.qr(M)  # (n, k), (k, k)
print("Q^T Q == I:", np.allclose(Q.T @ Q, np.eye(k)),
      "  Q @ R == M:", np.allclose(Q @ R, M),
      "  R upper triangular:", np.allclose(R, np.triu(R)))

# Project one row of C (a verb's 15 counts) onto span(Q): coordinates Q^T x, point
# Q Q^T x.
x = C[0]  # (n,)
p = Q @ (Q.T @ x)  # (n,)
residual = x - p  # (n,)
print("residual orthogonal to every column of Q:",
      np.allclose(Q.T @ residual, 0.0, atol=1e-12 * np.linalg.norm(x)))
# p is the closest point of the subspace: any other point y = p + Q c is farther, by
# Pythagoras, |x - y|^2 = |x - p|^2 + |Q c|^2.
others = p + (Q @ rng.normal(size=(k, 1000))).T  # (1000, n)
closest_other = np.linalg.norm(x - others, axis=1).min()
print(f"|x - p| = {np.linalg.norm(residual):.4f}   closest of 1000 other points of the"
      f" subspace: {closest_other:.4f}")

# All rows at once: C Q Q^T. With Q = v_1..v_k, the top right singular vectors, it
# is C_k.
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)
V_k = Vt[:k].T  # (n, k)
C_k = U[:, :k] * S[:k] @ Vt[:k]  # (m, n)
print(f"C V_k V_k^T == C_k for k = {k}:", np.allclose(C @ V_k @ V_k.T, C_k))

assert np.allclose(Q.T @ Q, np.eye(k)) and np.allclose(Q @ R, M)
assert np.allclose(Q.T @ residual, 0.0, atol=1e-12 * np.linalg.norm(x))
assert np.linalg.norm(residual) < closest_other
assert np.allclose(C @ V_k @ V_k.T, C_k)
