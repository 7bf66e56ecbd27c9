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


# Check: on small matrices, against the norms written out (column sums, row sums, ...).
A_check = np.array([[1.0, -2.0, 0.0], [3.0, 1.0, -2.0]])  # (2, 3)
B_check = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, -3.0]])  # (3, 2)
x_check = np.array([1.0, 2.0, -2.0])  # (3,)
y_check = A_check @ x_check  # (2,)
C_check = A_check @ B_check  # (2, 2)


def spectral(M):
    return np.sqrt(np.linalg.eigvalsh(M.T @ M)[-1])


def frobenius(M):
    return np.sqrt(np.sum(M**2))


expected = {
    "||Ax||_2 <= ||A||_2 ||x||_2":
        frobenius(y_check) / (spectral(A_check) * frobenius(x_check)),
    "||Ax||_1 <= ||A||_1 ||x||_1":  # ||A||_1: the largest column sum of |a_ij|
        np.abs(y_check).sum() / (np.abs(A_check).sum(axis=0).max()
                                 * np.abs(x_check).sum()),
    "||Ax||_inf <= ||A||_inf ||x||_inf":  # ||A||_inf: the largest row sum
        np.abs(y_check).max() / (np.abs(A_check).sum(axis=1).max()
                                 * np.abs(x_check).max()),
    "||AB||_2 <= ||A||_2 ||B||_2":
        spectral(C_check) / (spectral(A_check) * spectral(B_check)),
    "||AB||_F <= ||A||_F ||B||_F":
        frobenius(C_check) / (frobenius(A_check) * frobenius(B_check)),
}
got = operator_ratios(A_check, B_check, x_check)
for name, value in expected.items():
    assert name in got, f"operator_ratios: no entry {name!r}"
    assert np.isclose(got[name], value, rtol=1e-12, atol=0), (
        f"operator_ratios: {name!r} is {got[name]:.6f}, expected {value:.6f}"
        " (check the ord of each norm)"
    )


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
