import numpy as np

from lacourse.universe import D, V, embedding_matrix

x = np.zeros(V)  # (V,)  a one-hot vector, still empty
E = embedding_matrix(D)  # (V, D)

results = {}
for expression, compute in [
    ("x @ E", lambda: x @ E),
    ("E @ x", lambda: E @ x),
    ("E.T @ x", lambda: E.T @ x),
]:
    try:
        results[expression] = compute().shape
    except ValueError:
        results[expression] = "ValueError"
    print(f"{expression:8s} -> {results[expression]}")
assert results == {"x @ E": (D,), "E @ x": "ValueError", "E.T @ x": (D,)}
