import numpy as np

rng = np.random.default_rng(3)
cases = 1_000


# --8<-- [start:solution]
def operator_ratios(A, B, x):
    """Left / right of each bound; A (m, k), B (k, n), x (k,)."""
    norm = np.linalg.norm
    return {
        "||Ax||_2 <= ||A||_2 ||x||_2": norm(A @ x) / (norm(A, 2) * norm(x)),
        "||Ax||_1 <= ||A||_1 ||x||_1": norm(A @ x, 1) / (norm(A, 1) * norm(x, 1)),
        "||Ax||_inf <= ||A||_inf ||x||_inf":
            norm(A @ x, np.inf) / (norm(A, np.inf) * norm(x, np.inf)),
        "||AB||_2 <= ||A||_2 ||B||_2": norm(A @ B, 2) / (norm(A, 2) * norm(B, 2)),
        "||AB||_F <= ||A||_F ||B||_F": norm(A @ B) / (norm(A) * norm(B)),
    }
# --8<-- [end:solution]


found = {}  # bound -> left / right, one per case
for _ in range(cases):
    m, k, n = rng.integers(2, 41, size=3)
    A = rng.normal(size=(m, k)) * 10.0 ** rng.uniform(-3.0, 3.0)  # (m, k)
    B = rng.normal(size=(k, n)) * 10.0 ** rng.uniform(-3.0, 3.0)  # (k, n)
    x = rng.normal(size=k)  # (k,)
    for name, ratio in operator_ratios(A, B, x).items():
        found.setdefault(name, []).append(ratio)

print(f"{cases} random cases A (m, k), B (k, n), x (k,), sizes 2..40")
print(f"{'bound':34s} {'median':>7s} {'largest':>8s}")
for name, values in found.items():
    print(f"{name:34s} {np.median(values):7.4f} {max(values):8.4f}")
    assert max(values) <= 1 + 1e-12
