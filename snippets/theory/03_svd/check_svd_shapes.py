import numpy as np

from lacourse.universe import D, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
U_full, S_full, Vt_full = np.linalg.svd(E)  # (V, V), (D,), (D, D)
U, S, Vt = np.linalg.svd(E, full_matrices=False)  # (V, D), (D,), (D, D)
print("full    : U", U_full.shape, " S", S_full.shape, " Vt", Vt_full.shape)
print("economy : U", U.shape, " S", S.shape, " Vt", Vt.shape)
assert U_full.shape == (600, 600) and U.shape == (600, 64)
assert S.shape == (64,) and Vt.shape == Vt_full.shape == (64, 64)
