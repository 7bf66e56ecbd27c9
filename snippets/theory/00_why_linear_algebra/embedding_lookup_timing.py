import numpy as np
from threadpoolctl import threadpool_limits

from lacourse.stamp import print_stamp
from lacourse.timing import measure
from lacourse.universe import B, D, T, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)  built once, outside the timed calls
flops = 2 * B * T * V * D


def einsum(optimize):
    return lambda: np.einsum("btv,vd->btd", one_hot, E, optimize=optimize)


with threadpool_limits(limits=1, user_api="blas"):  # one core each: compare the code
    rows = [
        ("E[tokens]", 0, measure(lambda: E[tokens])),
        ("one_hot @ E", flops, measure(lambda: one_hot @ E)),
        ("einsum, optimize=False", flops, measure(einsum(False))),
        ("einsum, optimize=True", flops, measure(einsum(True))),
    ]
fastest = rows[0][2].median
print(f"{'way':23s} {'FLOPs':>10s} {'median':>11s} {'best':>11s} {'worst':>11s}"
      f" {'/ E[tokens]':>12s}")
for name, work, t in rows:
    print(f"{name:23s} {work:>10,} {t.median * 1e6:8.1f} µs {t.best * 1e6:8.1f} µs"
          f" {t.worst * 1e6:8.1f} µs {t.median / fastest:11.0f}x")
with threadpool_limits(limits=1, user_api="blas"):
    print_stamp()
