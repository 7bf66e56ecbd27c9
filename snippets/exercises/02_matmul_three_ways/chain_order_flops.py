import numpy as np

from lacourse.universe import D, T


def chain_flops(T, D):
    """FLOPs of (Q K^T) V and of Q (K^T V), Q, K, V all (T, D): 2 m k n per matmul."""
    scores_first = 2 * T * D * T + 2 * T * T * D
    kv_first = 2 * D * T * D + 2 * T * D * D
    return scores_first, kv_first


rng = np.random.default_rng(0)
Q, K, V = rng.normal(size=(3, T, D))  # (T, D), (T, D), (T, D)
left = (Q @ K.T) @ V  # (T, D)
right = Q @ (K.T @ V)  # (T, D)
print(f"max |(Q K^T) V - Q (K^T V)| = {np.abs(left - right).max():.1e}")

long_T = 1024  # a long context, beyond the running example
print(f"{'T':>5}  {'(Q K^T) V':>12}  {'Q (K^T V)':>12}  einsum_path")
for length in (T, long_T):
    shapes = [(length, D), (D, length), (length, D)]
    operands = [np.ones(shape) for shape in shapes]
    path = np.einsum_path("ij,jk,kl->il", *operands, optimize=True)[0]
    scores_first, kv_first = chain_flops(length, D)
    print(f"{length:5d}  {scores_first:12,}  {kv_first:12,}  {path[1:]}")

assert np.allclose(left, right)
assert chain_flops(T, D)[0] < chain_flops(T, D)[1]  # T < D: scores first is cheaper
assert chain_flops(long_T, D)[0] > chain_flops(long_T, D)[1]  # T > D: the other way
