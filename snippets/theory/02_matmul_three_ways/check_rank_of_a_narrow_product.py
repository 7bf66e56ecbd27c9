import numpy as np

from lacourse.universe import D, N_TENSES, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
W = np.random.default_rng(0).normal(size=(D, N_TENSES))  # (D, N_TENSES)
M = E @ W @ W.T  # (V, D)   600 x 64, but the narrowest inner size is 5
print("E @ W @ W.T", M.shape, " rank:", np.linalg.matrix_rank(M))
assert M.shape == (600, 64) and np.linalg.matrix_rank(M) == 5
