import numpy as np

from lacourse.universe import (
    B, D, N_SLOTS, N_TENSES, N_VERBS, T, V,
    conjugation_counts, embedding_matrix, token_id,
)

rng = np.random.default_rng(0)

loss = np.array(np.log(N_TENSES))  # ()  the loss of guessing the tense uniformly
E = embedding_matrix(D)  # (V, D)
walked = E[token_id("walk", "past", "3sg")]  # (D,)  one embedding: "she walked"
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)
W_tense = rng.normal(0.0, 1.0 / np.sqrt(D), size=(N_TENSES, D))  # (N_TENSES, D)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)
logits = E[tokens] @ W_tense.T  # (B, T, N_TENSES)

print(f"{'name':8s} {'shape':>15s} {'ndim':>4s} {'size':>9s}")
for name, array in [
    ("loss", loss),
    ("walked", walked),
    ("E", E),
    ("counts", counts),
    ("W_tense", W_tense),
    ("tokens", tokens),
    ("one_hot", one_hot),
    ("logits", logits),
]:
    print(f"{name:8s} {str(array.shape):>15s} {array.ndim:>4d} {array.size:>9,}")
    assert array.ndim == len(array.shape)  # ndim counts the axes
    assert array.size == int(np.prod(array.shape))  # size: their product (1 for ())

assert logits.shape == tokens.shape + (N_TENSES,)  # a score per tense at each position
assert one_hot.size == V * tokens.size  # the same ids, V times as many numbers
