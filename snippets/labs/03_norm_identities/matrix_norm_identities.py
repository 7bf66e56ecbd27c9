import numpy as np

rng = np.random.default_rng(2)
cases = 1_000
eps = np.finfo(float).eps


# --8<-- [start:solution]
def two_ways(A):
    """Each identity as (left, right): the norm by its definition, and from the SVD."""
    S = np.linalg.svd(A, compute_uv=False)  # (min(A.shape),)
    # max of ||A x||^2 over unit x: the largest eigenvalue of A^T A (Rayleigh quotient)
    largest = np.linalg.eigvalsh(A.T @ A)[-1]
    return {
        "||A||_2 = sigma_1": (np.sqrt(largest), S[0]),
        "||A||_F = sqrt(sum s^2)": (np.sqrt(np.sum(A**2)), np.sqrt(np.sum(S**2))),
    }
# --8<-- [end:solution]


# Check: on A = [[3, 0], [4, 5]], A^T A = [[25, 20], [20, 25]] has eigenvalues 45 and 5,
# so ||A||_2 = sigma_1 = sqrt(45); and ||A||_F = sqrt(9 + 16 + 25) = sqrt(50).
A_check = np.array([[3.0, 0.0], [4.0, 5.0]])  # (2, 2)
expected = {"||A||_2 = sigma_1": np.sqrt(45.0),
            "||A||_F = sqrt(sum s^2)": np.sqrt(50.0)}
got = two_ways(A_check)
for name, value in expected.items():
    assert name in got, f"two_ways: no entry {name!r}"
    for side, number in zip(("left", "right"), got[name]):
        assert np.isclose(number, value, rtol=1e-12, atol=0), (
            f"two_ways: {name!r}, {side} side is {number:.6f}, expected {value:.6f}"
        )


gaps = {}  # identity -> |left / right - 1| in units of eps, one per case
for _ in range(cases):
    m, n = rng.integers(1, 41, size=2)
    df = rng.choice([1, 3, 30])  # Student t: heavy tails (1) to nearly normal (30)
    A = rng.standard_t(df=df, size=(m, n))  # (m, n)
    A *= 10.0 ** rng.uniform(-3.0, 3.0)  # (m, n)
    for name, (left, right) in two_ways(A).items():
        gaps.setdefault(name, []).append(abs(left / right - 1) / eps)

print(f"{cases} random matrices, shapes (1..40, 1..40); |left / right - 1| in eps")
print(f"{'identity':24s} {'median':>7s} {'largest':>8s}")
for name, values in gaps.items():
    print(f"{name:24s} {np.median(values):7.1f} {max(values):8.1f}")
    assert max(values) < 100  # equal up to rounding, whatever the shape and scale
