import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

C = conjugation_counts().astype(float)  # (N_VERBS, N_SLOTS)
m, n = N_VERBS, N_SLOTS
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)
cumulative = np.cumsum(S**2) / np.sum(S**2)  # (n,)
k = int(np.argmax(cumulative >= 0.99)) + 1  # the first k that keeps 99%
C_k = U[:, :k] @ np.diag(S[:k]) @ Vt[:k]  # (m, n)
relative_error = np.linalg.norm(C - C_k) / np.linalg.norm(C)
print(f"k = {k}   energy kept {cumulative[k - 1]:.2%}")
print(f"||C - C_k||_F / ||C||_F = {relative_error:.4f}"
      f" = sqrt(1 - {cumulative[k - 1]:.4f}) = {np.sqrt(1 - cumulative[k - 1]):.4f}")
assert k == 4 and np.isclose(relative_error, np.sqrt(1 - cumulative[k - 1]), rtol=1e-9)
