import numpy as np

rng = np.random.default_rng(0)
m, k, n = 3, 4, 2
A = rng.normal(size=(m, k))  # (m, k)
B = rng.normal(size=(k, n))  # (k, n)

left = (A @ B).T  # (n, m)
right = B.T @ A.T  # (n, m)   (n, k) @ (k, m)
# The index argument, entry by entry:
# ((AB)^T)[i, j] = (AB)[j, i] = sum_p A[j, p] B[p, i] = sum_p (B^T)[i, p] (A^T)[p, j].
by_index = np.array([[sum(B.T[i, p] * A.T[p, j] for p in range(k)) for j in range(m)]
                     for i in range(n)])  # (n, m)
print("(A @ B).T  ", left.shape)
print("B.T @ A.T  ", right.shape)
print("equal:", np.allclose(left, right), "  by index:", np.allclose(left, by_index))
assert np.allclose(left, right) and np.allclose(left, by_index)

# Keeping the order does not even typecheck here: (k, m) @ (n, k).
try:
    A.T @ B.T
except ValueError:
    print("A.T @ B.T  ", A.T.shape, "@", B.T.shape, "-> ValueError")

# On square matrices it runs, and is wrong: the shapes cannot tell the orders apart.
P = rng.normal(size=(3, 3))  # (3, 3)
R = rng.normal(size=(3, 3))  # (3, 3)
wrong = P.T @ R.T  # (3, 3)
print("square: (P @ R).T == R.T @ P.T:", np.allclose((P @ R).T, R.T @ P.T),
      "  == P.T @ R.T:", np.allclose((P @ R).T, wrong))
assert np.allclose((P @ R).T, R.T @ P.T) and not np.allclose((P @ R).T, wrong)
