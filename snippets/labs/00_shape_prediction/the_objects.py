import numpy as np

from lacourse.universe import (
    B, D, D_HEAD, H, N_PERSONS, N_SLOTS, N_TENSES, N_VERBS, T, V, conjugation_counts,
    embedding_matrix,
)

rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)  one row per verb form
tokens = rng.integers(0, V, size=(B, T))  # (B, T)  a batch of token ids
one_hot = np.eye(V)[tokens]  # (B, T, V)
x = E[tokens]  # (B, T, D)  the embedded batch
W_q = rng.normal(0.0, D**-0.5, size=(D, D))  # (D, D)
W_k = rng.normal(0.0, D**-0.5, size=(D, D))  # (D, D)
W_v = rng.normal(0.0, D**-0.5, size=(D, D))  # (D, D)
q = x @ W_q  # (B, T, D)  queries
k = x @ W_k  # (B, T, D)  keys
v = x @ W_v  # (B, T, D)  values
q_heads = q.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
k_heads = k.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
v_heads = v.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
weights = np.full((B, H, T, T), 1.0 / T)  # (B, H, T, T)  uniform attention weights
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)
W_tense = rng.normal(0.0, D**-0.5, size=(N_TENSES, D))  # (N_TENSES, D)
bias = np.zeros(D)  # (D,)
mask = rng.random((B, T)) < 0.9  # (B, T)  True where a token is real

sizes = dict(B=B, T=T, D=D, H=H, D_HEAD=D_HEAD, V=V, N_VERBS=N_VERBS, N_SLOTS=N_SLOTS,
             N_TENSES=N_TENSES, N_PERSONS=N_PERSONS)
print("  ".join(f"{name}={size}" for name, size in sizes.items()))
print()
objects = dict(E=E, tokens=tokens, one_hot=one_hot, x=x, W_q=W_q, W_k=W_k, W_v=W_v, q=q,
               k=k, v=v, q_heads=q_heads, k_heads=k_heads, v_heads=v_heads,
               weights=weights, counts=counts, W_tense=W_tense, bias=bias, mask=mask)
print(f"{'name':8s} {'shape':>16s}  dtype")
for name, array in objects.items():
    print(f"{name:8s} {str(array.shape):>16s}  {array.dtype}")

# Every axis has a size of its own: a printed shape reads back into names one way only.
assert len(set(sizes.values())) == len(sizes)
for array in objects.values():
    assert set(array.shape) <= set(sizes.values())
