import numpy as np

from lacourse.stamp import print_stamp
from lacourse.timing import measure
from lacourse.universe import D, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
x = np.random.default_rng(0).normal(size=V)  # (V,)

flops_matrix_first = 2 * V * D * V + 2 * V * V  # (E @ E.T) @ x
flops_vector_first = 2 * D * V + 2 * V * D  # E @ (E.T @ x)
matrix_first = measure(lambda: (E @ E.T) @ x)
vector_first = measure(lambda: E @ (E.T @ x))
print(f"(E @ E.T) @ x   FLOPs {flops_matrix_first:>11,}   time {matrix_first}")
print(f"E @ (E.T @ x)   FLOPs {flops_vector_first:>11,}   time {vector_first}")
print(f"ratio  FLOPs {flops_matrix_first / flops_vector_first:.0f}"
      f"   median time {matrix_first.median / vector_first.median:.0f}")
print_stamp()

assert np.allclose((E @ E.T) @ x, E @ (E.T @ x))
