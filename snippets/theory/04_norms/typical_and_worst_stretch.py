import numpy as np

from lacourse.universe import B, D, T

rng = np.random.default_rng(0)
W = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, D))  # (D, D)  a layer at initialisation
X = rng.normal(size=(B * T, D))  # (B * T, D)  one batch of random inputs, one per row

stretch = np.linalg.norm(X @ W.T, axis=1) / np.linalg.norm(X, axis=1)  # (B * T,)
U, S, Vt = np.linalg.svd(W)  # (D, D), (D,), (D, D)
v1 = Vt[0]  # (D,)  the direction W stretches most

print(f"W: {W.shape}, entries N(0, 1/{D})")
print(f"{'||W x|| / ||x||':28s} {'mean':>6s} {'min':>6s} {'max':>6s}")
print(f"{f'  {B * T} random x':28s}", end=" ")
print(f"{stretch.mean():6.2f} {stretch.min():6.2f} {stretch.max():6.2f}")
print(f"{'  x = v_1 (top right s.v.)':28s} {np.linalg.norm(W @ v1):6.2f}")
print(f"{'sigma_1, sigma_min':28s} {S[0]:6.2f} {S[-1]:6.2f}")

assert abs(stretch.mean() - 1) < 0.05  # a typical input keeps its length
assert 0.7 < stretch.min() and stretch.max() < 1.3  # every one of the random inputs
assert abs(np.linalg.norm(W @ v1) - S[0]) < 1e-12 * S[0]  # the worst case: sigma_1
assert 1.9 < S[0] < 2.1  # about 2: twice the typical stretch
assert S[-1] < 0.1  # and some direction is almost flattened
