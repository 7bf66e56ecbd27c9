import numpy as np

from lacourse.universe import D, N_SLOTS, N_VERBS, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
grid = np.arange(N_VERBS * N_SLOTS).reshape(N_VERBS, N_SLOTS)  # (N_VERBS, N_SLOTS)

by_index = E[grid]  # (N_VERBS, N_SLOTS, D)
one_hot = np.eye(V)[grid]  # (N_VERBS, N_SLOTS, V)
by_matmul = one_hot @ E  # (N_VERBS, N_SLOTS, D)
by_einsum = np.einsum("ijv,vd->ijd", one_hot, E)  # (N_VERBS, N_SLOTS, D)
walk = E[grid[0]]  # (N_SLOTS, D)       the 15 forms of "walk"
past_3sg = E[grid[:, 5]]  # (N_VERBS, D)  slot 5, ("past", "3sg"), of every verb

for name, array in [
    ("grid", grid),
    ("E[grid]", by_index),
    ("np.eye(V)[grid]", one_hot),
    ("np.eye(V)[grid] @ E", by_matmul),
    ("einsum('ijv,vd->ijd')", by_einsum),
    ("E[grid[0]]", walk),
    ("E[grid[:, 5]]", past_3sg),
]:
    print(f"{name:22s} {array.shape}")
assert np.array_equal(by_index, by_matmul) and np.array_equal(by_index, by_einsum)
