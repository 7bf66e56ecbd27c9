import numpy as np

from lacourse import universe
from lacourse.universe import D, D_HEAD, H, T

d = D_HEAD  # one head of H: width d = D // H
rng = np.random.default_rng(0)
E = universe.embedding_matrix(D)  # (universe.V, D)
tokens = rng.integers(0, universe.V, size=T)  # (T,)
X = E[tokens]  # (T, D)   one sequence of T verb forms

W_q = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, d))  # (D, d)
W_k = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, d))  # (D, d)
W_v = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, d))  # (D, d)
Q = X @ W_q  # (T, d)
K = X @ W_k  # (T, d)
V = X @ W_v  # (T, d)

# scores[s, t] = Q[s] @ K[t] / sqrt(d)
scores = Q @ K.T / np.sqrt(d)  # (T, T)
# softmax, row by row (subtracting the row maximum changes nothing but avoids overflow)
shifted = scores - scores.max(axis=1, keepdims=True)  # (T, T)
weights = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)  # (T, T)
out = weights @ V  # (T, d)

assert np.allclose(np.einsum("sd,td->st", Q, K) / np.sqrt(d), scores)
assert np.allclose(weights.sum(axis=1), 1.0)
# The scores compare projections, not raw embeddings: Q K^T = X (W_q W_k^T) X^T,
# which is X X^T only if W_q W_k^T = I.
assert np.allclose(Q @ K.T, X @ (W_q @ W_k.T) @ X.T)
assert not np.allclose(Q @ K.T, X @ X.T)

steps = [  # the five matrix products of one head
    ("Q = X @ W_q", "(T, D) @ (D, d) -> (T, d)", 2 * T * D * d),
    ("K = X @ W_k", "(T, D) @ (D, d) -> (T, d)", 2 * T * D * d),
    ("V = X @ W_v", "(T, D) @ (D, d) -> (T, d)", 2 * T * D * d),
    ("scores = Q @ K.T", "(T, d) @ (d, T) -> (T, T)", 2 * T * d * T),
    ("out = weights @ V", "(T, T) @ (T, d) -> (T, d)", 2 * T * T * d),
]
print(f"{'step':22s} {'shapes':28s} {'FLOPs':>8s}")
for step, shapes, flops in steps:
    print(f"{step:22s} {shapes:28s} {flops:>8,}")
print("T, D, H, d =", (T, D, H, d))
print("scores ", scores.shape, " weights", weights.shape, " out", out.shape)
print("row sums of weights:", weights.sum(axis=1)[:4], "...")
