import numpy as np

from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)

k = 2
# A sum of k outer products sigma_i u_i v_i^T, each a rank-1 (m, n) matrix ...
terms = [S[i] * np.outer(U[:, i], Vt[i]) for i in range(k)]
C_k = sum(terms)  # (m, n)
# ... is the same matrix as the first k columns of U, values of S, rows of Vt.
C_k_matrix = U[:, :k] @ np.diag(S[:k]) @ Vt[:k]  # (m, n)

print("rank of each term:", [int(np.linalg.matrix_rank(t)) for t in terms])
print(f"rank of C_{k}: {np.linalg.matrix_rank(C_k)}")
print(f"sum of terms == U_k diag(S_k) Vt_k: {np.allclose(C_k, C_k_matrix)}")
print("C, first 3 verbs x first 6 slots:")
print(C[:3, :6])
print(f"C_{k}, same entries:")
print(np.round(C_k[:3, :6], 1))
relative_error = np.linalg.norm(C - C_k) / np.linalg.norm(C)
print(f"||C - C_{k}||_F / ||C||_F = {relative_error:.4f}")
print(f"numbers stored: C {m * n}   C_{k} as factors k*(m + n + 1) = {k * (m + n + 1)}")

assert all(np.linalg.matrix_rank(t) == 1 for t in terms)
assert np.linalg.matrix_rank(C_k) == k
assert np.allclose(C_k, C_k_matrix)
assert round(relative_error, 2) == 0.12
assert k * (m + n + 1) == 72 and m * n == 300
