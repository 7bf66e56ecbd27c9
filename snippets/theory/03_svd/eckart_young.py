import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

m, n = N_VERBS, N_SLOTS
C = conjugation_counts().astype(float)  # (m, n)
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)

rows = []
for k in range(1, 6):
    C_k = U[:, :k] @ np.diag(S[:k]) @ Vt[:k]  # (m, n)
    frobenius = np.linalg.norm(C - C_k, "fro")
    tail = np.sqrt(np.sum(S[k:] ** 2))  # sigma_{k+1}, ..., sigma_n: the dropped values
    spectral = np.linalg.norm(C - C_k, 2)
    rows.append((k, frobenius, tail, spectral, S[k]))

print(" k  ||C-C_k||_F  sqrt(sum_{i>k} sigma_i^2)  ||C-C_k||_2  sigma_{k+1}")
for k, frobenius, tail, spectral, sigma_next in rows:
    print(f"{k:>2}  {frobenius:11.4f}  {tail:25.4f}  {spectral:11.4f}"
          f"  {sigma_next:11.4f}")

for k, frobenius, tail, spectral, sigma_next in rows:
    assert np.isclose(frobenius, tail, rtol=1e-12)  # Eckart-Young, Frobenius norm
    assert np.isclose(spectral, sigma_next, rtol=1e-12)  # Eckart-Young, spectral norm

# A tie: when sigma_k = sigma_{k+1}, the best rank-k approximation is not unique.
A = np.diag([3.0, 2.0, 2.0, 1.0])  # (4, 4)   singular values 3, 2, 2, 1
keep_2nd = np.diag([3.0, 2.0, 0.0, 0.0])  # (4, 4)   rank 2
keep_3rd = np.diag([3.0, 0.0, 2.0, 0.0])  # (4, 4)   rank 2, another matrix
errors = [np.linalg.norm(A - B, "fro") for B in (keep_2nd, keep_3rd)]
print(f"tie, k = 2: ||A - B||_F = {errors[0]:.4f} and {errors[1]:.4f}"
      f" for two different B of rank 2")
assert errors[0] == errors[1] == np.sqrt(5.0)
