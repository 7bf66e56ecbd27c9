import numpy as np

from lacourse.universe import T

scores = np.random.default_rng(0).normal(size=(T, T))  # (T, T)
m = scores.mean(axis=1)  # (T,)
centred = scores - m  # (T, T)
i, j = 2, 5
print(f"centred[{i}, {j}] == scores[{i}, {j}] - m[{j}]:",
      centred[i, j] == scores[i, j] - m[j])
print(f"centred[{i}, {j}] == scores[{i}, {j}] - m[{i}]:",
      centred[i, j] == scores[i, j] - m[i])
