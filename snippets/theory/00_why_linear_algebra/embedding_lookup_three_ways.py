import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)

# 1. Direct indexing: pick row tokens[b, t] of E for every position.
by_index = E[tokens]  # (B, T, D)

# 2. One-hot matmul: a one-hot row times E selects that row of E.
one_hot = np.eye(V)[tokens]  # (B, T, V)
by_matmul = one_hot @ E  # (B, T, D)

# 3. einsum: contract the shared v axis, keep b, t, d.
by_einsum = np.einsum("btv,vd->btd", one_hot, E)  # (B, T, D)

print("E          ", E.shape)
print("tokens     ", tokens.shape)
print("one_hot    ", one_hot.shape)
for name, result in [("E[tokens]", by_index), ("one_hot @ E", by_matmul),
                     ("einsum", by_einsum)]:
    print(f"{name:12s}", result.shape)

same = np.array_equal(by_index, by_matmul) and np.array_equal(by_index, by_einsum)
print("all three agree exactly:", same)
assert same  # exact: each output is 1.0 * one entry of E plus exact zeros
