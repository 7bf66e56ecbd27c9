import numpy as np

rng = np.random.default_rng(0)
m, k, n = 3, 4, 2
A = rng.normal(size=(m, k))  # (m, k)
B = rng.normal(size=(k, n))  # (k, n)

left = (A @ B).T  # (n, m)
right = B.T @ A.T  # (n, m)   (n, k) @ (k, m)
print("(A @ B).T  ", left.shape)
print("B.T @ A.T  ", right.shape)
print("equal:", np.allclose(left, right))
assert np.allclose(left, right)

# Keeping the order does not even typecheck: (k, m) @ (n, k).
try:
    A.T @ B.T
except ValueError:
    print("A.T @ B.T  ", A.T.shape, "@", B.T.shape, "-> ValueError")
