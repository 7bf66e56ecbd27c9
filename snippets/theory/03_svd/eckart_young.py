import numpy as np

from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)
rng = np.random.default_rng(0)
tries = 200

rows = []
for k in range(1, 6):
    C_k = U[:, :k] @ np.diag(S[:k]) @ Vt[:k]  # (m, n)
    frobenius = np.linalg.norm(C - C_k, "fro")
    tail = np.sqrt(np.sum(S[k:] ** 2))
    spectral = np.linalg.norm(C - C_k, 2)
    # Competitors: the rows of C projected onto k random directions of R^n (rank k too).
    random_errors = []
    for _ in range(tries):
        Q, _ = np.linalg.qr(rng.normal(size=(n, k)))  # (n, k), (k, k)
        random_errors.append(np.linalg.norm(C - C @ Q @ Q.T, "fro"))
    rows.append((k, frobenius, tail, spectral, S[k], min(random_errors)))

print(" k  ||C-C_k||_F  sqrt(sum S[k:]^2)  ||C-C_k||_2  sigma_k+1  best random")
for k, frobenius, tail, spectral, sigma_next, best_random in rows:
    print(f"{k:>2}  {frobenius:11.4f}  {tail:17.4f}  {spectral:11.4f}  {sigma_next:9.4f}"
          f"  {best_random:11.4f}")
print(f"best random: min over {tries} random orthonormal Q (n, k) of ||C - C Q Q^T||_F")

for k, frobenius, tail, spectral, sigma_next, best_random in rows:
    assert np.isclose(frobenius, tail)  # Eckart-Young, Frobenius norm
    assert np.isclose(spectral, sigma_next)  # Eckart-Young, spectral norm
    assert best_random > 3 * frobenius  # random rank-k matrices are far worse
