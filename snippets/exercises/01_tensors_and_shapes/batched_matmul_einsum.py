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
gap = np.abs(scores - q @ k.transpose(0, 2, 1)).max()
print("q", q.shape, "k^T", k.transpose(0, 2, 1).shape, "-> scores", scores.shape)
print(f"max |batched_matmul - @| = {gap:.1e}")
cases = check_batched_matmul(batched_matmul)
print(f"check_batched_matmul(batched_matmul) -> {cases}")

assert scores.shape == (B, T, T) and gap < 1e-12
