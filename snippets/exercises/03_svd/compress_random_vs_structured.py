import numpy as np

rng = np.random.default_rng(0)
m = n = 256
noise = rng.normal(size=(m, n))  # (m, n)  no structure at all
signal = rng.normal(size=(m, 5)) @ rng.normal(size=(5, n))  # (m, n)  rank 5
structured = signal + 0.1 * noise  # (m, n)  rank-5 structure plus a little noise

print(f"{'matrix':10s} {'k':>3s} {'energy kept':>11s} {'rel. error':>10s} {'k/n':>6s}"
      f" {'ratio':>6s}")
kept = {}
for name, M in [("random", noise), ("structured", structured)]:
    S = np.linalg.svd(M, compute_uv=False)  # (n,)
    energy = np.cumsum(S**2) / np.sum(S**2)  # (n,)
    for k in (10, 50):
        kept[name, k] = energy[k - 1]
        error = np.sqrt(1 - energy[k - 1])  # Eckart-Young: |M - M_k|_F / |M|_F
        ratio = m * n / (k * (m + n + 1))
        print(f"{name:10s} {k:3d} {energy[k - 1]:11.1%} {error:10.3f} {k / n:6.1%}"
              f" {ratio:6.2f}")

assert kept["random", 10] < 0.2 and kept["random", 50] < 0.6  # little energy
assert kept["structured", 10] > 0.99  # the rank-5 structure is almost all of it
