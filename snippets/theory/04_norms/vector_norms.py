import numpy as np

from lacourse.universe import FORMS, D, V, embedding_matrix, token_id

n = 3
x = np.array([3.0, -4.0, 0.0])  # (n,)

# By hand: the definitions, one line each.
l1 = np.sum(np.abs(x))  # |3| + |-4| + |0|
l2 = np.sqrt(np.sum(x**2))  # sqrt(9 + 16 + 0)
linf = np.max(np.abs(x))  # the largest |x_i|

print("x =", x)
print(f"{'norm':6s} {'by hand':>8s} {'np.linalg.norm':>15s}")
for name, by_hand, order in [("L1", l1, 1), ("L2", l2, 2), ("Linf", linf, np.inf)]:
    print(f"{name:6s} {by_hand:8.4f} {np.linalg.norm(x, ord=order):15.4f}")
    assert by_hand == np.linalg.norm(x, ord=order)
assert (l1, l2, linf) == (7.0, 5.0, 4.0)

# The same three norms of one embedding row of the running example.
E = embedding_matrix(D)  # (V, D)
token = token_id("walk", "past", "3sg")
e = E[token]  # (D,)
print()
print(f"row {token} of E ({FORMS[token]!r}), shape {e.shape}")
for name, order in [("L1", 1), ("L2", 2), ("Linf", np.inf)]:
    print(f"{name:6s} {np.linalg.norm(e, ord=order):8.4f}")

row_l2 = np.linalg.norm(E, axis=1)  # (V,)
print(f"L2 of all {len(row_l2)} rows: mean {row_l2.mean():.4f},", end=" ")
print(f"min {row_l2.min():.4f}, max {row_l2.max():.4f}")
assert abs(row_l2.mean() - 1.0) < 0.02  # entries are N(0, 1/D): E||e||^2 = D * 1/D = 1
