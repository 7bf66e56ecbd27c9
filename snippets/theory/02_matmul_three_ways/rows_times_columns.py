import numpy as np

from lacourse.universe import D, FORMS, N_TENSES, TENSES, V, embedding_matrix, token_id

C = N_TENSES  # number of tenses (classes); D is the embedding width
E = embedding_matrix(D)  # (V, D)
W = np.random.default_rng(0).normal(0.0, 1.0 / np.sqrt(D), size=(D, C))  # (D, C)

# The shape rule: (m, k) @ (k, n) -> (m, n). The inner sizes must agree and disappear.
m, k, n = V, D, C
logits = E @ W  # (m, n)
print("E @ W :", E.shape, "@", W.shape, "->", logits.shape)

# Rows times columns: entry (i, j) is the dot product of row i of E with column j of W.
i, j = token_id("walk", "past", "3sg"), TENSES.index("past")
print(f"logits[{i}, {j}]        = {logits[i, j]: .6f}   ({FORMS[i]!r}, {TENSES[j]!r})")
print(f"E[{i}, :] @ W[:, {j}]   = {E[i, :] @ W[:, j]: .6f}")
assert np.isclose(logits[i, j], E[i, :] @ W[:, j])

# All m * n entries that way, one dot product at a time: the same matrix.
by_dots = np.array([[E[a, :] @ W[:, b] for b in range(n)] for a in range(m)])  # (m, n)
assert np.allclose(by_dots, logits) and m * n == 3_000
print("dot products:", m * n, " same as E @ W:", np.allclose(by_dots, logits))

# Cost: m * n dot products of length k, each k multiplies and k adds.
flops = 2 * m * k * n
print(f"FLOPs = 2*m*k*n = 2*{m}*{k}*{n} = {flops:,}")
assert flops == (m * n) * (2 * k) == 384_000

# The other order breaks the rule: (D, C) @ (V, D) has inner sizes C != V.
try:
    W @ E
except ValueError:
    print("W @ E :", W.shape, "@", E.shape, "-> ValueError")
