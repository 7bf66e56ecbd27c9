import numpy as np

from lacourse.stamp import print_stamp
from lacourse.timing import measure
from lacourse.universe import V, embedding_matrix

D, B, T = 64, 32, 16
E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)

rows = [
    ("E[tokens]", measure(lambda: E[tokens])),
    ("one_hot @ E", measure(lambda: one_hot @ E)),
    ("einsum('btv,vd->btd')", measure(lambda: np.einsum("btv,vd->btd", one_hot, E))),
]
fastest = rows[0][1].median
print(f"{'way':24s} {'median per call':>16s}   {'best':>9s}  {'worst':>9s}  {'x E[tokens]':>11s}")
for name, timing in rows:
    print(
        f"{name:24s} {timing.median * 1e6:13.1f} µs   {timing.best * 1e6:6.1f} µs  "
        f"{timing.worst * 1e6:6.1f} µs  {timing.median / fastest:10.0f}x"
    )
print("(the one-hot tensor is built once, outside the timed calls)")
print_stamp()
assert all(fastest < timing.best for _, timing in rows[1:])  # the page says indexing wins
