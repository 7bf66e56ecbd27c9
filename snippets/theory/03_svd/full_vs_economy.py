import numpy as np

from lacourse.universe import D, N_SLOTS, N_TENSES, N_VERBS, conjugation_counts

m, n = N_VERBS, N_SLOTS
C = conjugation_counts().astype(float)  # (m, n)  20 verbs x 15 (tense, person) slots
p = min(m, n)  # how many singular values there are

U_full, S, Vt = np.linalg.svd(C)  # (m, m), (p,), (n, n)
U_econ, S_econ, Vt_econ = np.linalg.svd(C, full_matrices=False)  # (m, p), (p,), (p, n)

print(f"C: {C.shape}")
print(f"full    : U {U_full.shape}  S {S.shape}  Vt {Vt.shape}")
print(f"economy : U {U_econ.shape}  S {S_econ.shape}  Vt {Vt_econ.shape}")

# The full SVD needs Sigma as an (m, n) matrix: p singular values, then m - p zero rows.
Sigma = np.zeros((m, n))  # (m, n)
Sigma[:p, :p] = np.diag(S)
print(f"Sigma {Sigma.shape}: zero rows = m - p = {m - p}")

err_full = np.abs(U_full @ Sigma @ Vt - C).max()
err_econ = np.abs(U_econ @ np.diag(S_econ) @ Vt_econ - C).max()
print(f"max |U Sigma Vt - C|   full: {err_full:.1e}   economy: {err_econ:.1e}")
print(f"same singular values: {np.allclose(S, S_econ)}")

# The same count for a (5, D) tense classifier: at most 5 singular values, and a
# hidden-state direction orthogonal to its 5 right singular vectors changes nothing.
c = N_TENSES  # classes; D is the hidden width
rng = np.random.default_rng(0)
W = rng.normal(size=(c, D))  # (c, D)
U_W, S_W, Vt_W = np.linalg.svd(W, full_matrices=False)  # (c, c), (c,), (c, D)
x = rng.normal(size=D)  # (D,)
x_perp = x - Vt_W.T @ (Vt_W @ x)  # (D,)  remove the parts along v_1..v_5
print(f"W {W.shape}: {S_W.size} singular values"
      f"   |W x_perp| = {np.linalg.norm(W @ x_perp):.1e}")

assert U_full.shape == (20, 20) and S.shape == (15,) and Vt.shape == (15, 15)
assert U_econ.shape == (20, 15) and Vt_econ.shape == (15, 15)
assert np.allclose(U_full @ Sigma @ Vt, C)
assert np.allclose(U_econ @ np.diag(S_econ) @ Vt_econ, C)
assert np.allclose(S, S_econ)
assert S_W.size == c == 5 and np.linalg.norm(W @ x_perp) < 1e-12
