import numpy as np

from lacourse.universe import B, D, FORMS, N_TENSES, TENSES, V, embedding_matrix

C = N_TENSES  # classes; B is the batch size, D the hidden width
rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)
tokens = rng.integers(0, V, size=B)  # (B,)
X = E[tokens]  # (B, D)   hidden states (here simply the embeddings)
W = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, C))  # (D, C)
b = rng.normal(0.0, 0.1, size=C)  # (C,)

Y = X @ W + b  # (B, C)   b is broadcast: added to every row
b_rows = np.broadcast_to(b, (B, C))  # (B, C)   what broadcasting does, without copying
assert np.array_equal(Y, X @ W + b_rows)

# PyTorch's nn.Linear(D, C) stores a (C, D) weight, (out_features, in_features),
# and multiplies by its transpose.
W_torch = W.T  # (C, D)
assert np.allclose(X @ W_torch.T + b, Y)

print("X", X.shape, "@ W", W.shape, "+ b", b.shape, "-> Y", Y.shape)
print(f"FLOPs: 2*B*D*C + B*C = {2 * B * D * C + B * C:,}")
print(f"{'form':16s}" + "".join(f"{tense:>13s}" for tense in TENSES))
for row in range(3):
    print(f"{FORMS[tokens[row]]:16s}" + "".join(f"{value:13.4f}" for value in Y[row]))
