import numpy as np

from lacourse.universe import D

rng = np.random.default_rng(0)
N = 10_000
scales = rng.uniform(0.01, 100.0, size=(N, 1))  # (N, 1)
X = rng.normal(size=(N, D)) * scales  # (N, D)  many vectors, many scales

l1 = np.linalg.norm(X, ord=1, axis=1)  # (N,)
l2 = np.linalg.norm(X, ord=2, axis=1)  # (N,)
linf = np.linalg.norm(X, ord=np.inf, axis=1)  # (N,)

chain_holds = bool(np.all(linf <= l2) and np.all(l2 <= l1))
print(f"{N} random vectors in {D}-D")
print("Linf <= L2 <= L1 for all:", chain_holds)
assert chain_holds
ratios = {
    "Linf / L2": linf / l2,
    "L2 / L1": l2 / l1,
    "L1 / (sqrt(D) L2)": l1 / (np.sqrt(D) * l2),
    "L2 / (sqrt(D) Linf)": l2 / (np.sqrt(D) * linf),
}
print(f"{'ratio':20s} {'largest':>8s}  (bound 1)")
for name, ratio in ratios.items():
    print(f"{name:20s} {ratio.max():8.4f}")
    assert ratio.max() <= 1 + 1e-12

# The two extremes: a one-hot vector (one non-zero) and a vector of equal entries.
one_hot = np.zeros(D)  # (D,)
one_hot[5] = 1.0
flat = np.ones(D)  # (D,)
print()
print(f"{'vector':8s} {'L1':>8s} {'L2':>8s} {'Linf':>8s}")
for name, v in [("one-hot", one_hot), ("ones", flat)]:
    norms = [np.linalg.norm(v, order) for order in (1, 2, np.inf)]
    print(f"{name:8s} " + " ".join(f"{value:8.4f}" for value in norms))
print(f"sqrt(D) = {np.sqrt(D):.4f}")
assert [np.linalg.norm(one_hot, order) for order in (1, 2, np.inf)] == [1.0, 1.0, 1.0]
assert [np.linalg.norm(flat, order) for order in (1, 2, np.inf)] == [D, np.sqrt(D), 1.0]
