import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

M = np.array([[1, 2, 3], [2, 4, 6], [3, 6, 9]])  # (3, 3)
r = 2
rng = np.random.default_rng(0)
P = rng.normal(size=(N_VERBS, r))  # (N_VERBS, r)
Q = rng.normal(size=(r, N_SLOTS))  # (r, N_SLOTS)
C = conjugation_counts().astype(float)  # (N_VERBS, N_SLOTS)

products = {"M": M, "P @ Q": P @ Q, "C @ C.T": C @ C.T, "C.T @ C": C.T @ C}
ranks = {name: np.linalg.matrix_rank(value) for name, value in products.items()}
for name, value in products.items():
    print(f"{name:8s} shape {str(value.shape):9s} rank {ranks[name]}")

assert np.array_equal(M, np.outer([1, 2, 3], [1, 2, 3]))  # one outer product: rank 1
assert ranks["P @ Q"] == r and ranks["C @ C.T"] == ranks["C.T @ C"] == N_SLOTS
