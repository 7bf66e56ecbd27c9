import numpy as np

from lacourse.universe import B, D, D_HEAD, H, N_PERSONS, N_SLOTS, N_TENSES, N_VERBS, T
from lacourse.universe import conjugation_counts

counts = conjugation_counts()  # (N_VERBS, N_SLOTS)
x = np.random.default_rng(0).normal(size=(B, T, D))  # (B, T, D)

expressions = [
    "counts.reshape(N_VERBS, N_TENSES, N_PERSONS)",
    "counts.reshape(N_VERBS, N_TENSES, -1).sum(axis=1)",
    "counts.reshape(-1, N_PERSONS)",
    "np.expand_dims(counts, 0)",
    "x.reshape(B * T, D)",
    "x.reshape(B, -1)",
    "x.reshape(B, T, H, D_HEAD)",
    "x.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)",
    "x.reshape(-1, D_HEAD)",
    "x.reshape(B, T, N_TENSES, -1)",
]
shapes = {}
for text in expressions:
    try:
        shapes[text] = eval(text).shape  # the printed text is the very code that runs
    except ValueError as error:
        shapes[text] = type(error).__name__
    print(f"{text:50s} {shapes[text]}")

assert shapes["x.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)"] == (B, H, T, D_HEAD)
assert shapes["x.reshape(B, T, N_TENSES, -1)"] == "ValueError"  # 64 % 5 != 0
assert counts.shape == (N_VERBS, N_SLOTS)
