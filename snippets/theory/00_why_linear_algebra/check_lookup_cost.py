import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)
embedded = np.einsum("btv,vd->btd", one_hot, E)  # (B, T, D)
flops = 2 * B * T * V * D  # v is summed: one multiply and one add per (b, t, v, d)

print("shape:", embedded.shape)
print(f"FLOPs: {flops:,}")
