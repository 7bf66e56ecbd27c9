import numpy as np


def ratio(A, B, order):
    """||AB|| / (||A|| ||B||) in the norm `order` (2: spectral, "fro": Frobenius)."""
    norm = np.linalg.norm
    return norm(A @ B, order) / (norm(A, order) * norm(B, order))


rng = np.random.default_rng(0)
trials = 2_000
ratios = {2: [], "fro": []}
for _ in range(trials):
    m, k, n = rng.integers(2, 33, size=3)
    A = rng.normal(size=(m, k)) * rng.uniform(0.1, 10.0)  # (m, k)
    B = rng.normal(size=(k, n)) * rng.uniform(0.1, 10.0)  # (k, n)
    for order in ratios:
        ratios[order].append(ratio(A, B, order))

labels = {2: "||AB||_2 / (||A||_2 ||B||_2)", "fro": "||AB||_F / (||A||_F ||B||_F)"}
print(f"{trials} random pairs (m, k) @ (k, n), sizes 2..32")
print(f"{'ratio':30s} {'median':>7s} {'largest':>8s}")
for order, label in labels.items():
    print(f"{label:30s} {np.median(ratios[order]):7.4f} {max(ratios[order]):8.4f}")
    assert max(ratios[order]) <= 1 + 1e-12
    assert np.median(ratios[order]) < 0.8  # the typical pair stays well below the bound

# Equality: B's top output direction is exactly A's top input direction.
D = 8
P, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
Q, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
s = np.linspace(3.0, 1.0, D)  # (D,)
A = P @ np.diag(s) @ Q.T  # (D, D)  right singular vectors: columns of Q
B = Q @ np.diag(s)  # (D, D)  left singular vectors: columns of Q
aligned = ratio(A, B, 2)
print(f"{'aligned pair, spectral':30s} {aligned:7.4f}")
assert abs(aligned - 1) < 1e-12
