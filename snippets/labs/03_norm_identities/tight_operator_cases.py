import numpy as np

from lacourse.universe import conjugation_counts

eps = np.finfo(float).eps
norm = np.linalg.norm
A = conjugation_counts().astype(float)  # (20, 15)
m, n = A.shape
U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, n), (n,), (n, n)
rng = np.random.default_rng(4)
w = rng.normal(size=7)  # (7,)

# --8<-- [start:solution]
x_2 = Vt[0]  # (n,)  the top right singular vector: stretched by sigma_1
x_1 = np.eye(n)[np.argmax(np.abs(A).sum(axis=0))]  # (n,)  largest column
x_inf = np.sign(A[np.argmax(np.abs(A).sum(axis=1))])  # (n,)  signs of largest row
B = np.outer(Vt[0], w)  # (n, 7)  rank 1, its output direction is A's top input
A_1 = np.outer(U[:, 0], Vt[0])  # (m, n)  rank 1 as well
# --8<-- [end:solution]

# Check: the column and the row with the largest sums, found entry by entry, and the
# stretch of each of your inputs.
column = max(range(n), key=lambda j: sum(abs(A[i, j]) for i in range(m)))
row_i = max(range(m), key=lambda i: sum(abs(A[i, j]) for j in range(n)))
sigma_1 = np.sqrt(np.linalg.eigvalsh(A.T @ A)[-1])
assert np.array_equal(x_1, np.eye(n)[column]), f"x_1: expected e_j with j = {column}"
assert np.array_equal(x_inf, np.sign(A[row_i])), f"x_inf: the signs of row {row_i}?"
assert np.isclose(norm(A @ x_2) / norm(x_2), sigma_1, rtol=1e-12, atol=0), (
    "x_2: A does not stretch it by sigma_1; use the top right singular vector"
)
assert np.linalg.matrix_rank(B) == 1 and B.shape == (n, len(w)), "B: rank 1, (n, 7)"
assert np.isclose(norm(A @ B, 2), sigma_1 * norm(B, 2), rtol=1e-12, atol=0), (
    "B: its output direction must be v_1, A's top input direction"
)
assert np.linalg.matrix_rank(A_1) == 1 and np.allclose(A_1, np.outer(U[:, 0], Vt[0])), (
    "A_1: expected u_1 v_1^T"
)

cases = [  # (bound, case, left, right)
    ("||Ax||_2 <= ||A||_2 ||x||_2", "x = v_1", norm(A @ x_2), S[0] * norm(x_2)),
    ("||Ax||_1 <= ||A||_1 ||x||_1", "x = e_j",
     norm(A @ x_1, 1), norm(A, 1) * norm(x_1, 1)),
    ("||Ax||_inf <= ||A||_inf ||x||_inf", "x = sign(a_i)",
     norm(A @ x_inf, np.inf), norm(A, np.inf) * norm(x_inf, np.inf)),
    ("||AB||_2 <= ||A||_2 ||B||_2", "B = v_1 w^T",
     norm(A @ B, 2), norm(A, 2) * norm(B, 2)),
    ("||AB||_F <= ||A||_F ||B||_F", "B = v_1 w^T", norm(A @ B), norm(A) * norm(B)),
    ("||AB||_F <= ||A||_F ||B||_F", "A = u_1 v_1^T",
     norm(A_1 @ B), norm(A_1) * norm(B)),
]
print(f"A = conjugation_counts() {A.shape}, w {w.shape}")
print(f"{'bound':34s} {'case':13s} {'ratio':>7s} {'(ratio-1)/eps':>14s}")
for name, case, left, right in cases:
    ratio = left / right
    near = abs(ratio - 1) < 1e6 * eps  # in eps only when close to equality
    in_eps = f"{(ratio - 1) / eps:14.1f}" if near else f"{'-':>14s}"
    print(f"{name:34s} {case:13s} {ratio:7.4f} {in_eps}")
# Any machine: the SVD and the sums round by at most about (m n) eps
tight = [abs(left / right - 1) < m * n * eps for _, _, left, right in cases]
assert tight == [True, True, True, True, False, True]
