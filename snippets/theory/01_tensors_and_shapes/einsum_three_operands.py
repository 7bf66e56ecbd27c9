import numpy as np

from lacourse.universe import D, N_SLOTS, N_TENSES, N_VERBS

rng = np.random.default_rng(0)
A = rng.normal(size=(N_VERBS, N_SLOTS))  # (N_VERBS, N_SLOTS)   i, j
M = rng.normal(size=(N_SLOTS, N_TENSES))  # (N_SLOTS, N_TENSES)  j, k
W = rng.normal(size=(N_TENSES, D))  # (N_TENSES, D)             k, l
i, j, k, l = N_VERBS, N_SLOTS, N_TENSES, D

# All at once: one loop over every (i, j, k, l), two multiplies and one add each.
naive = 3 * i * j * k * l
# Two products in the cheap order, (A @ M) @ W: the (i, k) matrix in between is small.
cheap = 2 * i * j * k + 2 * i * k * l
# The other order, A @ (M @ W), builds a (j, l) matrix first.
other = 2 * j * k * l + 2 * i * j * l

path, report = np.einsum_path("ij,jk,kl->il", A, M, W, optimize="optimal")
reported = {
    line.split(":")[0].strip(): float(line.split(":")[1])
    for line in report.splitlines()
    if "FLOP count" in line
}
rows = [
    ("one loop over i, j, k, l", naive),
    ("(A @ M) @ W", cheap),
    ("A @ (M @ W)", other),
    ("np.einsum_path, naive", reported["Naive FLOP count"]),
    ("np.einsum_path, optimized", reported["Optimized FLOP count"]),
]
print(f"{'way':26s} {'FLOPs':>8s}")
for name, count in rows:
    print(f"{name:26s} {count:8,.0f}")
print(f"{'np.einsum_path, pairs':26s} {path[1:]}")

chained = np.einsum("ij,jk,kl->il", A, M, W)  # (N_VERBS, D)
assert np.allclose(chained, A @ M @ W)
assert reported == {"Naive FLOP count": naive, "Optimized FLOP count": cheap}
