import numpy as np

rng = np.random.default_rng(0)
A = rng.integers(-5, 6, size=(4, 3)).astype(float)  # (4, 3)
print("A =")
print(A)

col_sums = np.abs(A).sum(axis=0)  # (3,)  ||A||_1: the largest column sum
row_sums = np.abs(A).sum(axis=1)  # (4,)  ||A||_inf: the largest row sum
j, i = int(np.argmax(col_sums)), int(np.argmax(row_sums))
e_j = np.eye(A.shape[1])[j]  # (3,)  picks column j
signs = np.sign(A[i])  # (3,)  the signs of row i, entries +-1 (or 0)
v_1 = np.linalg.svd(A)[2][0]  # (3,)  the top right singular vector
print(f"column sums {col_sums}, row sums {row_sums}")

norm = np.linalg.norm
X = rng.normal(size=(10_000, A.shape[1]))  # (10000, 3)  random inputs
print(f"{'ord':5s} {'by hand':>8s} {'np.linalg':>10s} {'best of 10000':>14s}", end=" ")
print(f"{'extreme x':>10s} {'its ratio':>9s}")
for ord_, by_hand, x, name in [(1, col_sums.max(), e_j, f"e_{j}"),
                               (np.inf, row_sums.max(), signs, f"sign(a_{i})"),
                               (2, np.linalg.svd(A, compute_uv=False)[0], v_1, "v_1")]:
    best = max(norm(A @ x_r, ord_) / norm(x_r, ord_) for x_r in X)
    reached = norm(A @ x, ord_) / norm(x, ord_)
    print(f"{str(ord_):5s} {by_hand:8.4f} {norm(A, ord_):10.4f} {best:14.4f}", end=" ")
    print(f"{name:>10s} {reached:9.4f}")
    assert abs(norm(A, ord_) - by_hand) <= 1e-12 * by_hand  # the formula is NumPy's
    assert best <= by_hand * (1 + 1e-12)  # no input is stretched more
    assert abs(reached - by_hand) <= 1e-12 * by_hand  # the extreme input reaches it
