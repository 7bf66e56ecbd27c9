import numpy as np

from lacourse.checks.lesson01 import check_batched_matmul
from lacourse.universe import B, D_HEAD, T


def batched_matmul(a, b):
    """(batch, n, m) x (batch, m, k) -> (batch, n, k): one matmul per batch entry."""
    return np.einsum("bnm,bmk->bnk", a, b)


rng = np.random.default_rng(0)
q = rng.normal(size=(B, T, D_HEAD))  # (B, T, D_HEAD)  queries of one head
k = rng.normal(size=(B, T, D_HEAD))  # (B, T, D_HEAD)  keys
scores = batched_matmul(q, k.transpose(0, 2, 1))  # (B, T, T)
reference = q @ k.transpose(0, 2, 1)  # (B, T, T)
# Two float64 sums of D_HEAD products, in different orders, differ by a few eps times
# the sum of absolute products: 4 * D_HEAD * eps * (|q| @ |k|^T) bounds it anywhere.
eps = np.finfo(np.float64).eps
bound = 4 * D_HEAD * eps * (np.abs(q) @ np.abs(k).transpose(0, 2, 1))  # (B, T, T)
agree = bool(np.all(np.abs(scores - reference) <= bound))
print("q", q.shape, "k^T", k.transpose(0, 2, 1).shape, "-> scores", scores.shape)
print("batched_matmul == q @ k^T up to float64 rounding:", agree)
cases = check_batched_matmul(batched_matmul)
print(f"check_batched_matmul(batched_matmul) -> {cases}")

assert scores.shape == (B, T, T) and agree
