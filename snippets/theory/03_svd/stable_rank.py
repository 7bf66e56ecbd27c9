import numpy as np

from lacourse.universe import D, N_SLOTS, N_VERBS, V
from lacourse.universe import conjugation_counts, embedding_matrix

m, n, r = N_VERBS, N_SLOTS, 3
rng = np.random.default_rng(0)
B = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))  # (m, n)  rank 3, as above
noise = 1e-6 * rng.normal(size=(m, n))  # (m, n)
C = conjugation_counts().astype(float)  # (m, n)
E = embedding_matrix(D)  # (V, D)


def stable_rank(A):
    """||A||_F^2 / ||A||_2^2 = sum of sigma_i^2 / sigma_1^2: no tolerance needed."""
    S = np.linalg.svd(A, compute_uv=False)  # (min(A.shape),)
    return np.sum(S**2) / S[0] ** 2


rows = [
    ("B", B),
    ("B + 1e-6 noise", B + noise),
    ("C (counts)", C),
    ("E (embeddings)", E),
]
print(f"{'matrix':16s} {'shape':>10s} {'matrix_rank':>11s} {'stable rank':>11s}")
for name, A in rows:
    print(f"{name:16s} {str(A.shape):>10s} {np.linalg.matrix_rank(A):>11d}"
          f" {stable_rank(A):>11.4f}")
    assert 1.0 <= stable_rank(A) <= np.linalg.matrix_rank(A)  # never above the rank

assert np.linalg.matrix_rank(B) == r and np.linalg.matrix_rank(B + noise) == n
assert abs(stable_rank(B + noise) - stable_rank(B)) < 1e-6  # the noise barely moves it
assert np.linalg.matrix_rank(C) == n and stable_rank(C) < 1.05
