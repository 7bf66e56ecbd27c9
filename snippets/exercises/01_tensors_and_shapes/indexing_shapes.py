from math import prod

import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

rng = np.random.default_rng(0)
x = rng.normal(size=(B, T, D))  # (B, T, D)  a batch of hidden states
E = embedding_matrix(D)  # (V, D)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)

expressions = [
    "x[0]",
    "x[:, -1]",
    "x[:, -1:]",
    "x[..., 0]",
    "x[:, None]",
    "x[0, :, None, 3]",
    "E[tokens]",
    "E[tokens[0]]",
    "E[tokens][:, :, 0]",
]
shapes = {}
print(f"{'expression':20s} {'shape':16s} {'ndim':>4s} {'size':>6s}")
for text in expressions:
    shapes[text] = eval(text).shape  # the printed text is the very code that runs
    ndim, size = len(shapes[text]), prod(shapes[text])
    print(f"{text:20s} {str(shapes[text]):16s} {ndim:4d} {size:6d}")

assert shapes["x[:, -1]"] == (B, D) and shapes["x[:, -1:]"] == (B, 1, D)
assert shapes["E[tokens]"] == tokens.shape + (D,)
