import numpy as np

from lacourse.universe import D, N_TENSES, V, embedding_matrix, token_id

C = N_TENSES  # number of tenses
rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)
B = E.T  # (D, V)   first map: one-hot form -> embedding
# second map: a tense classifier
A = rng.normal(0.0, 1.0 / np.sqrt(D), size=(C, D))  # (C, D)

x = np.zeros(V)  # (V,)
x[token_id("walk", "past", "3sg")] = 1.0  # "she walked"

# Apply B, then A: two matrix-vector products.
h = B @ x  # (D,)
two_steps = A @ h  # (C,)

# Or compose first: A @ B is one map from R^V straight to R^C.
AB = A @ B  # (C, V)
one_step = AB @ x  # (C,)

print("x          ", x.shape)
print("B @ x      ", h.shape)
print("A @ (B @ x)", two_steps.shape)
print("A @ B      ", AB.shape)
print("(A @ B) @ x", one_step.shape)
print("logits:", two_steps)
assert np.allclose(two_steps, one_step)
print("(A @ B) @ x == A @ (B @ x):", np.allclose(two_steps, one_step))

# Same function, different cost for one vector.
flops_two_steps = 2 * D * V + 2 * C * D
flops_compose_first = 2 * C * D * V + 2 * C * V
print(f"FLOPs A @ (B @ x): {flops_two_steps:>9,}")
print(f"FLOPs (A @ B) @ x: {flops_compose_first:>9,}")
assert (flops_two_steps, flops_compose_first) == (77_440, 390_000)
