import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

rng = np.random.default_rng(0)
u = rng.normal(size=N_VERBS)  # (N_VERBS,)
w = rng.normal(size=N_SLOTS)  # (N_SLOTS,)
outer = np.outer(u, w)  # (N_VERBS, N_SLOTS)
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)

for name, matrix in [("np.outer(u, w)", outer), ("counts", counts)]:
    rank = np.linalg.matrix_rank(matrix)
    print(f"{name:15s} shape {matrix.shape}  ndim {matrix.ndim}  matrix rank {rank}")
