from math import prod

import numpy as np

from lacourse.universe import D, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
print(f"{'matrix':6s} {'full':5s} {'U':11s} {'S':6s} {'Vt':11s} {'floats':>8s}")
sizes = {}
for name, M in [("E", E), ("E.T", E.T)]:
    for full in (True, False):
        sizes[name, full] = tuple(part.shape for part in np.linalg.svd(M, full))
        U, S, Vt = (str(shape) for shape in sizes[name, full])
        floats = sum(prod(shape) for shape in sizes[name, full])
        print(f"{name:6s} {full!s:5s} {U:11s} {S:6s} {Vt:11s} {floats:8,}")
print(f"E.size = {E.size:,}")

assert sizes["E", True] == ((V, V), (D,), (D, D))
assert sizes["E", False] == ((V, D), (D,), (D, D))
assert sizes["E.T", False] == ((D, D), (D,), (D, V))
